import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { closeAll, lspServices, offsetOf, openPack, position } from './lsp-test-services.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/examples');

/** Opens docs/examples files under their real URIs, so that `dựa trên` finds the base pack. */
async function openExamples(...names: string[]): Promise<Record<string, { document: LangiumDocument; text: string }>> {
    const opened: Record<string, { document: LangiumDocument; text: string }> = {};
    for (const name of names) {
        const file = path.join(EXAMPLES, name);
        const text = readFileSync(file, 'utf8');
        opened[name] = { document: await openPack(text, pathToFileURL(file).toString()), text };
    }
    return opened;
}

async function hover(document: LangiumDocument, offset: number): Promise<string> {
    const result = await lspServices().lsp.HoverProvider!.getHoverContent(document, position(document, offset));
    const contents = result?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

afterEach(closeAll);

describe('hovers on packs that build on packs', () => {
    it('an amended indicator lists each version with the decision and date that set it', async () => {
        const { '12-sua-doi-gia-dinh.ntm': amended } = await openExamples('10-quoc-gia-goc.ntm', '12-sua-doi-gia-dinh.ntm');
        const text = await hover(amended!.document, offsetOf(amended!.text, 'thay chỉ tiêu 4.2', 15));
        expect(text.split('\n')[0]).toBe('**Chỉ tiêu 4.2** — thay chỉ tiêu của bộ gốc, sửa đổi theo 99/2024/QĐ-UBND từ 01/07/2024');
        expect(text).toContain('**Các phiên bản áp dụng**');
        expect(text).toContain('- từ đầu: `tỷ lệ hộ sử dụng điện lưới quốc gia >= chưa biết "318/QĐ-TTg: ngưỡng theo vùng chưa có trong tài liệu"` — bộ gốc «');
        expect(text).toMatch(
            /- từ 01\/07\/2024: `tỷ lệ hộ sử dụng điện lưới quốc gia >= chưa biết "giả định: [^`]*"` — bộ này «Xã nông thôn mới tỉnh Ví Dụ \(giả định\)», tỉnh Ví Dụ \(thay\), sửa đổi theo 99\/2024\/QĐ-UBND/u
        );
    });

    it('a threshold not in any document is shown as unknown, with the bounds it implies', async () => {
        const { '11-tinh-dua-tren.ntm': provincial } = await openExamples('10-quoc-gia-goc.ntm', '11-tinh-dua-tren.ntm');
        const text = await hover(provincial!.document, offsetOf(provincial!.text, '>= chưa biết (<= 96%', 4));
        expect(text).toContain('**Ngưỡng chưa biết** của chỉ tiêu 4.2 «chưa kiểm chứng»');
        expect(text).toContain('Cận suy ra: `<= 96%`');
        expect(text).toContain('Suy từ: Kế hoạch xã Liên Hội 2023');
    });

    it('the pack names the pack it builds on', async () => {
        const { '11-tinh-dua-tren.ntm': provincial } = await openExamples('10-quoc-gia-goc.ntm', '11-tinh-dua-tren.ntm');
        const text = await hover(provincial!.document, offsetOf(provincial!.text, 'bộ tiêu chí ví dụ 11', 14));
        expect(text).toMatch(/- Dựa trên: 10-quoc-gia-goc\.ntm — «[^»]+»/u);
        expect(text).toMatch(/- Áp dụng cả bộ gốc: \d+ tiêu chí, \d+ chỉ tiêu/u);
    });

    it('a table lists its cells, unverified ones marked', async () => {
        const { '10-quoc-gia-goc.ntm': national } = await openExamples('10-quoc-gia-goc.ntm');
        const text = await hover(national!.document, offsetOf(national!.text, 'bảng tỷ lệ suy dinh dưỡng', 8));
        expect(text.split('\n')[0]).toBe('**Bảng «tỷ lệ suy dinh dưỡng thấp còi tối đa»** theo vùng');
        expect(text).toContain('- `ĐBSH: 16.5% (chưa kiểm chứng "qua trang hỏi đáp; chưa có văn bản")` — **chưa kiểm chứng**');
    });
});
