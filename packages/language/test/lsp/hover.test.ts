import { afterEach, describe, expect, it } from 'vitest';
import { expectHover } from 'langium/test';
import { closeAll, lspServices, offsetOf, openPack, PACK_HEADER, position, SAMPLE_PACK } from './lsp-test-services.js';

async function hoverAt(needle: string, delta = 1, occurrence = 1): Promise<string> {
    const document = await openPack(SAMPLE_PACK);
    const hover = await lspServices().lsp.HoverProvider!.getHoverContent(document, position(document, offsetOf(SAMPLE_PACK, needle, delta, occurrence)));
    const contents = hover?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

afterEach(closeAll);

describe('hover', () => {
    it('on an indicator label quotes the requirement, the rule and the citation with its decision', async () => {
        expect(await hoverAt('17.3')).toBe(
            [
                '**Chỉ tiêu 17.3** — tiêu chí 17 «Môi trường»',
                '',
                '> Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý theo quy định ≥98%',
                '',
                'Quy tắc: `tỷ lệ rác thải được thu gom >= 98%`',
                '',
                '**Căn cứ**',
                '',
                '- 43/2022/QĐ-UBND (UBND tỉnh Hà Nam, ngày 16/09/2022): Ban hành Bộ tiêu chí — «Phụ lục, tiêu chí 17»'
            ].join('\n')
        );
    });

    it('on an indicator with an unverified threshold says so, with the note', async () => {
        const text = await hoverAt('chỉ tiêu 17.10', 2);
        expect(text).toContain('**Có giá trị chưa kiểm chứng** «chưa kiểm chứng»:');
        expect(text).toContain('- Văn bản ghi ngưỡng 18% cho năm 2023');
    });

    it('on a fact reference gives its type, unit, description and the indicators that read it', async () => {
        expect(await hoverAt('tỷ lệ rác thải được thu gom >=', 8)).toBe(
            [
                '**Dữ kiện «tỷ lệ rác thải được thu gom»**',
                '',
                'Kiểu: phần trăm (%)',
                '',
                '> Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý theo quy định',
                '',
                'Dùng trong chỉ tiêu: 17.3'
            ].join('\n')
        );
    });

    it('on a counted fact gives the unit and reaches indicators through derived facts', async () => {
        const text = await hoverAt('dữ kiện số hộ nghèo', 10);
        expect(text).toContain('Kiểu: số đếm (hộ)');
        expect(text).toContain('Dùng trong chỉ tiêu: 11.1');
    });

    it('on a threshold tells whether its value is verified', async () => {
        const verified = await hoverAt('>= 98%', 3);
        expect(verified).toContain('**Ngưỡng** `98%` của chỉ tiêu 17.3');
        expect(verified).toContain('Kiểu, đơn vị của vế trái: phần trăm (%)');
        expect(verified).toContain('không ghi «chưa kiểm chứng»');
        const unverified = await hoverAt('1% (chưa', 0);
        expect(unverified).toContain('**Giá trị chưa kiểm chứng** «chưa kiểm chứng»: theo 318/QĐ-TTg, chưa đối chiếu');
    });

    it('on a criterion lists its indicators and citation', async () => {
        const text = await hoverAt('tiêu chí 17 ', 2);
        expect(text).toContain('**Tiêu chí 17 «Môi trường»**');
        expect(text).toContain('2 chỉ tiêu: 17.3, 17.10');
        expect(text).toContain('— «Phụ lục, tiêu chí 17»');
    });

    it('on the pack gives level, place, version, validity, sources and counts', async () => {
        const text = await hoverAt('bộ tiêu chí thử', 14);
        expect(text.split('\n')).toEqual(
            expect.arrayContaining([
                '**Bộ tiêu chí «Bộ thử»** (`thử`)',
                '- Cấp: xã nông thôn mới',
                '- Địa bàn: toàn quốc',
                '- Phiên bản: 1',
                '- Hiệu lực: từ 08/03/2022 đến 31/12/2025',
                '- Gồm 2 tiêu chí, 3 chỉ tiêu, 0 điều kiện công nhận, 5 dữ kiện',
                '- **2 giá trị chưa kiểm chứng**',
                '- 318/QĐ-TTg (Thủ tướng Chính phủ, ngày 08/03/2022)'
            ])
        );
    });

    it('on a decision number in a citation explains the decision', async () => {
        expect(await hoverAt('căn cứ 43/2022/QĐ-UBND "Phụ lục', 10)).toBe(
            '**Căn cứ** 43/2022/QĐ-UBND (UBND tỉnh Hà Nam, ngày 16/09/2022): Ban hành Bộ tiêu chí'
        );
    });

    it('works through the langium/test helper with the <|> marker', async () => {
        await expectHover(lspServices())({
            text: `${PACK_HEADER}dữ kiện rác thải: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" rác <|>thải >= 50%\n`,
            index: 0,
            hover: /^\*\*Dữ kiện «rác thải»\*\*\n\nKiểu: phần trăm \(%\)/u,
            disposeAfterCheck: true
        });
    });

    it('on blank space or a comment gives nothing', async () => {
        const document = await openPack(`${PACK_HEADER}// chú thích\n`);
        const hover = await lspServices().lsp.HoverProvider!.getHoverContent(document, position(document, offsetOf(document.textDocument.getText(), 'thích')));
        expect(hover).toBeUndefined();
    });
});

describe('hover range', () => {
    it('covers every word of a multi-word name', async () => {
        const document = await openPack(SAMPLE_PACK);
        const hover = await lspServices().lsp.HoverProvider!.getHoverContent(
            document,
            position(document, offsetOf(SAMPLE_PACK, 'rác thải được thu gom >=', 4))
        );
        expect(hover?.range && document.textDocument.getText(hover.range)).toBe('tỷ lệ rác thải được thu gom');
    });
});
