import { afterEach, describe, expect, it } from 'vitest';
import { expectGoToDefinition } from 'langium/test';
import type { DocumentSymbol, LocationLink, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { closeAll, lspServices, offsetOf, openPack, PACK_HEADER, position, SAMPLE_PACK } from './lsp-test-services.js';

afterEach(closeAll);

function names(symbols: readonly DocumentSymbol[] | undefined): unknown[] {
    return (symbols ?? []).map(s => (s.children ? { [s.name]: names(s.children) } : s.name));
}

describe('definition and references', () => {
    it('jumps from a multi-word fact name to its declaration, the whole name selected', async () => {
        await expectGoToDefinition(lspServices())({
            text: `${PACK_HEADER}dữ kiện <|tỷ lệ rác thải|>: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" tỷ lệ <|>rác thải >= 50%\n`,
            index: 0,
            rangeIndex: 0,
            disposeAfterCheck: true
        });
    });

    it('finds every use of a fact, in rules and in derived facts', async () => {
        const document = await openPack(SAMPLE_PACK);
        const references = await lspServices().lsp.ReferencesProvider!.findReferences(document, {
            ...position(document, offsetOf(SAMPLE_PACK, 'số hộ nghèo:', 2)),
            context: { includeDeclaration: true }
        });
        expect(references.map(r => document.textDocument.getText(r.range))).toEqual(['số hộ nghèo', 'số hộ nghèo']);
        expect(references.map(r => r.range.start.line)).toEqual([
            document.textDocument.positionAt(offsetOf(SAMPLE_PACK, 'số hộ nghèo:')).line,
            document.textDocument.positionAt(offsetOf(SAMPLE_PACK, 'tỷ số số hộ nghèo') + 6).line
        ]);
    });

    it('goes from a provincial pack to the national pack it builds on, and to a fact declared there', async () => {
        const national = await openPack(
            `${PACK_HEADER}dữ kiện tỷ lệ hộ nghèo: phần trăm\ntiêu chí 11 "Hộ nghèo"\n  chỉ tiêu 11.1 "Nghèo" tỷ lệ hộ nghèo < 1%\n`,
            'file:///ws/quoc-gia/ntm.ntm'
        );
        const provincialText =
            PACK_HEADER.replace('bộ tiêu chí thử', 'bộ tiêu chí tỉnh') +
            '  dựa trên "../quoc-gia/ntm.ntm"\n' +
            'tiêu chí 20 "Riêng"\n  chỉ tiêu 20.1 "Nghèo" tỷ lệ hộ nghèo < 0.5%\n';
        const provincial = await openPack(provincialText, 'file:///ws/tinh/ntm.ntm');
        const provider = lspServices().lsp.DefinitionProvider!;
        const toBase = await provider.getDefinition(provincial, position(provincial, offsetOf(provincialText, 'quoc-gia')));
        expect(toBase?.map(l => (l as LocationLink).targetUri)).toEqual([national.uri.toString()]);
        const toFact = await provider.getDefinition(provincial, position(provincial, offsetOf(provincialText, 'hộ nghèo <', 1)));
        expect(toFact?.map(l => [(l as LocationLink).targetUri, (l as LocationLink).targetSelectionRange.start.line])).toEqual([[national.uri.toString(), 6]]);
    });
});

describe('outline and workspace symbols', () => {
    it('shows the pack as a tree of criteria and their indicators, declarations in order', async () => {
        const document = await openPack(SAMPLE_PACK);
        const symbols = await lspServices().lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(names(symbols)).toEqual([
            {
                'Bộ tiêu chí thử': [
                    'tỷ lệ rác thải được thu gom',
                    'tỷ lệ hỏa táng',
                    'số hộ nghèo',
                    'tổng số hộ',
                    'tỷ lệ hộ nghèo',
                    { 'Tiêu chí 17 Môi trường': ['Chỉ tiêu 17.3', 'Chỉ tiêu 17.10'] },
                    { 'Tiêu chí 11 Hộ nghèo': ['Chỉ tiêu 11.1'] }
                ]
            }
        ]);
        const indicator = symbols[0]!.children![5]!.children![0]!;
        expect(indicator.detail).toBe('Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý theo quy định ≥98%');
        expect(document.textDocument.getText(indicator.selectionRange)).toBe('17.3');
    });

    it('searches facts, criteria and indicators of every pack, ignoring diacritics', async () => {
        await openPack(SAMPLE_PACK);
        await openPack(`${PACK_HEADER}dữ kiện tỷ lệ rác thải tái chế: phần trăm\n`);
        const symbols = await lspServices().shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'rac thai' });
        expect(symbols.map(s => s.name).sort()).toEqual(['tỷ lệ rác thải tái chế', 'tỷ lệ rác thải được thu gom']);
        const criteria = await lspServices().shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'moi truong' });
        expect(criteria.map(s => s.name)).toEqual(['Tiêu chí 17 Môi trường']);
    });
});

describe('rename', () => {
    function editedText(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
        const edits = [...(edit?.changes?.[uri] ?? [])].sort(
            (a: TextEdit, b: TextEdit) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character
        );
        const lines = text.split('\n');
        for (const e of edits) {
            const line = lines[e.range.start.line]!;
            lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
        }
        return lines.join('\n');
    }

    it('renames a fact at its declaration and every use, from a use', async () => {
        const document = await openPack(SAMPLE_PACK);
        const at = position(document, offsetOf(SAMPLE_PACK, 'tỷ số số hộ nghèo', 8));
        const range = await lspServices().lsp.RenameProvider!.prepareRename(document, at);
        expect(range && document.textDocument.getText(range as never)).toBe('số hộ nghèo');
        const edit = await lspServices().lsp.RenameProvider!.rename(document, { ...at, newName: 'số  hộ   nghèo đa chiều' });
        const after = editedText(SAMPLE_PACK, edit, document.uri.toString());
        expect(after).toContain('dữ kiện số hộ nghèo đa chiều: đếm hộ');
        expect(after).toContain('tỷ số số hộ nghèo đa chiều / tổng số hộ');
        expect(after.match(/số hộ nghèo(?! đa chiều)/gu)).toBeNull();
    });

    it('renames a national fact in the provincial packs that build on it too', async () => {
        const nationalText = `${PACK_HEADER}dữ kiện tỷ lệ hộ nghèo: phần trăm\ntiêu chí 11 "Hộ nghèo"\n  chỉ tiêu 11.1 "Nghèo" tỷ lệ hộ nghèo < 1%\n`;
        const national = await openPack(nationalText, 'file:///ws2/quoc-gia/ntm.ntm');
        const provincialText =
            PACK_HEADER.replace('bộ tiêu chí thử', 'bộ tiêu chí tỉnh') +
            '  dựa trên "../quoc-gia/ntm.ntm"\n' +
            'tiêu chí 20 "Riêng"\n  chỉ tiêu 20.1 "Nghèo" tỷ lệ hộ nghèo < 0.5%\n';
        const provincial = await openPack(provincialText, 'file:///ws2/tinh/ntm.ntm');
        const edit = await lspServices().lsp.RenameProvider!.rename(national, {
            ...position(national, offsetOf(nationalText, 'tỷ lệ hộ nghèo:', 3)),
            newName: 'tỷ lệ hộ nghèo đa chiều'
        });
        expect(editedText(nationalText, edit, national.uri.toString()).match(/tỷ lệ hộ nghèo đa chiều/gu)).toHaveLength(2);
        expect(editedText(provincialText, edit, provincial.uri.toString())).toContain('chỉ tiêu 20.1 "Nghèo" tỷ lệ hộ nghèo đa chiều < 0.5%');
    });

    it('refuses a new name that is a keyword or already taken, with the reason', async () => {
        const document = await openPack(SAMPLE_PACK);
        const at = position(document, offsetOf(SAMPLE_PACK, 'dữ kiện số hộ nghèo', 10));
        const rename = lspServices().lsp.RenameProvider!;
        await expect(Promise.resolve().then(() => rename.rename(document, { ...at, newName: 'hộ có nhà' }))).rejects.toThrow(
            'Tên mới «hộ có nhà» không dùng được: «có» là từ khóa hoặc ký hiệu; tên chỉ gồm các từ (và số sau từ đầu tiên).'
        );
        await expect(Promise.resolve().then(() => rename.rename(document, { ...at, newName: 'tổng số hộ' }))).rejects.toThrow(
            'Tên «tổng số hộ» đã được khai báo trong bộ tiêu chí.'
        );
    });

    it('offers no rename on a keyword or a criterion', async () => {
        const document = await openPack(SAMPLE_PACK);
        expect(await lspServices().lsp.RenameProvider!.prepareRename(document, position(document, offsetOf(SAMPLE_PACK, 'tiêu chí 17', 2)))).toBeUndefined();
    });
});
