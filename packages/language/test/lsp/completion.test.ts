import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { expectCompletion } from 'langium/test';
import { closeAll, lspServices, openPack, PACK_HEADER, position } from './lsp-test-services.js';

const FACTS = `${PACK_HEADER}dữ kiện tỷ lệ rác thải được thu gom: phần trăm
dữ kiện tỷ lệ hộ nghèo: phần trăm
dữ kiện chiều dài đường xã: số km
dữ kiện đường xã được cứng hóa: số km
`;

/** Completion at the end of `text` (or at `|` when present). */
async function complete(text: string): Promise<{ list: CompletionList; text: string }> {
    const cursor = text.includes('|') ? text.indexOf('|') : text.length;
    const source = text.replace('|', '');
    const document = await openPack(source);
    const list = await lspServices().lsp.CompletionProvider!.getCompletion(document, { ...position(document, cursor) });
    return { list: list ?? { isIncomplete: false, items: [] }, text: source };
}

function labels(list: CompletionList): string[] {
    return list.items.map(item => item.label);
}

/** The document text after applying an item's edit, as the editor would. */
function apply(text: string, item: CompletionItem): string {
    const edit = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    const lines = text.split('\n');
    const offsetAt = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return text.slice(0, offsetAt(edit.range.start)) + edit.newText + text.slice(offsetAt(edit.range.end));
}

afterEach(closeAll);

describe('completion', () => {
    it('finds a fact typed without diacritics and replaces every typed word', async () => {
        const { list, text } = await complete(`${FACTS}tiêu chí 17 "Môi trường"\n  chỉ tiêu 17.3 "Rác"\n    rac thai`);
        const item = list.items.find(i => i.label === 'tỷ lệ rác thải được thu gom');
        expect(item, labels(list).join(', ')).toBeDefined();
        expect(item!.detail).toBe('dữ kiện');
        // The editor filters on the typed text; it must keep the item.
        expect(item!.filterText).toBe('rac thai');
        expect(apply(text, item!).endsWith('    tỷ lệ rác thải được thu gom')).toBe(true);
        expect(labels(list)).not.toContain('tỷ lệ hộ nghèo');
        expect(list.isIncomplete).toBe(true);
    });

    it('matches words in order from any word of the name', async () => {
        const { list } = await complete(`${FACTS}tiêu chí 2 "Giao thông"\n  chỉ tiêu 2.1 "Đường"\n    duong xa`);
        expect(labels(list)).toEqual(expect.arrayContaining(['chiều dài đường xã', 'đường xã được cứng hóa']));
        expect(labels(list)).not.toContain('tỷ lệ hộ nghèo');
    });

    it('completes phrase keywords typed without diacritics', async () => {
        const { list, text } = await complete(`${FACTS}tiêu chí 17 "Môi trường"\n  chi tieu`);
        const item = list.items.find(i => i.label === 'chỉ tiêu');
        expect(item, labels(list).join(', ')).toMatchObject({ detail: 'từ khóa' });
        expect(apply(text, item!).endsWith('\n  chỉ tiêu')).toBe(true);
    });

    it('offers what follows a phrase keyword written with extra blanks or in NFD, as after one written plainly', async () => {
        const plain = `${FACTS}tiêu chí 17 "Môi trường"\n  chỉ tiêu 17.3 "Rác" tỷ lệ hộ nghèo <= 5% và `;
        const expected = labels((await complete(plain)).list);
        expect(expected).toEqual(expect.arrayContaining(['tỷ lệ hộ nghèo', 'không', 'tất cả', 'ít nhất']));
        for (const written of [plain.replace('chỉ tiêu 17.3', 'chỉ \t tiêu 17.3'), plain.normalize('NFD')]) {
            expect(labels((await complete(written)).list).map(l => l.normalize('NFC'))).toEqual(expected);
        }
    });

    it("offers units after a number, the workspace's own first", async () => {
        const { list } = await complete(`${FACTS}tiêu chí 2 "Giao thông"\n  chỉ tiêu 2.1 "Đường"\n    chiều dài đường xã >= 5 |`);
        expect(labels(list)).toEqual(expect.arrayContaining(['km', '%', 'hộ', 'triệu đồng/người/năm']));
        expect(list.items.find(i => i.label === 'km')?.detail).toBe('đơn vị');
    });

    it('offers the next free indicator label after «chỉ tiêu»', async () => {
        const { list } = await complete(
            `${FACTS}tiêu chí 17 "Môi trường"\n  chỉ tiêu 17.3 "A" tỷ lệ hộ nghèo < 1%\n  chỉ tiêu 17.9 "B" tỷ lệ hộ nghèo < 2%\n  chỉ tiêu |`
        );
        expect(labels(list)).toContain('17.10');
    });

    it('offers levels of the compared scale', async () => {
        await expectCompletion(lspServices())({
            text: `${PACK_HEADER}thang phổ cập: chưa đạt < mức độ 1 < mức độ 2\ndữ kiện mức phổ cập: mức theo phổ cập\ntiêu chí 5 "Giáo dục"\n  chỉ tiêu 5.1 "Phổ cập" mức phổ cập >= muc<|>`,
            index: 0,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['mức độ 1', 'mức độ 2'])),
            disposeAfterCheck: true
        });
    });
});

describe('completion internals', () => {
    it('reads the keywords that start a pack member from the grammar', async () => {
        const { memberKeywords } = await import('../../src/lsp/completion/member-start.js');
        expect(memberKeywords(lspServices().Grammar)).toEqual(expect.arrayContaining(['dữ kiện', 'thang', 'phân tổ', 'tiêu chí', 'điều kiện công nhận']));
    });

    it('offers nothing inside quoted text or a comment', async () => {
        expect((await complete(`${FACTS}tiêu chí 17 "Môi truong|"\n`)).list.items).toEqual([]);
        expect((await complete(`${FACTS}// rac thai|\n`)).list.items).toEqual([]);
    });
});

describe('completion of regions and commune groups', () => {
    const TABLE = `${PACK_HEADER}bảng thu nhập tối thiểu theo vùng: tiền triệu đồng/người/năm\n`;

    it('offers the seven regions by code, found by their names without diacritics too', async () => {
        const all = await complete(`${TABLE}  |`);
        expect(labels(all.list)).toEqual(expect.arrayContaining(['TDMNPB', 'ĐBSH', 'BTB', 'DHNTB', 'TN', 'ĐNB', 'ĐBSCL']));
        expect(all.list.items.find(i => i.label === 'ĐBSH')?.detail).toBe('Đồng bằng sông Hồng');
        const byName = await complete(`${TABLE}  dong bang`);
        expect(
            labels(byName.list)
                .filter(l => /^[A-ZĐ]+$/u.test(l))
                .sort()
        ).toEqual(['ĐBSCL', 'ĐBSH']);
    });

    it('offers the commune groups after «nhóm»', async () => {
        const { list } = await complete(`${PACK_HEADER}bảng thu nhập theo nhóm: tiền triệu đồng/người/năm\n  "Thu nhập tối thiểu"\n  nhóm |`);
        expect(labels(list)).toEqual(expect.arrayContaining(['1', '2', '3']));
    });
});

describe('completion of indicator labels', () => {
    it('finds an indicator of the base pack by the words of its requirement, typed without diacritics', async () => {
        await openPack(
            `${PACK_HEADER}dữ kiện a: phần trăm\ntiêu chí 17 "Môi trường"\n  chỉ tiêu 17.3 "Tỷ lệ chất thải rắn được thu gom" a >= 98%\n  chỉ tiêu 17.4 "Tỷ lệ hộ xử lý nước thải" a >= 50%\n`,
            'file:///ws4/goc.ntm'
        );
        const text = `${PACK_HEADER.replace('  hiệu lực', '  dựa trên "goc.ntm"\n  hiệu lực')}không áp dụng chỉ tiêu chat thai ran`;
        const document = await openPack(text, 'file:///ws4/tinh.ntm');
        const list = await lspServices().lsp.CompletionProvider!.getCompletion(document, position(document, text.length));
        const item = list?.items.find(i => i.label === '17.3');
        expect(item, list?.items.map(i => i.label).join(', ')).toMatchObject({ detail: 'Tỷ lệ chất thải rắn được thu gom' });
        expect(list?.items.map(i => i.label)).not.toContain('17.4');
        expect(apply(text, item!).endsWith('không áp dụng chỉ tiêu 17.3')).toBe(true);
    });
});
