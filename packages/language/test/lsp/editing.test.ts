import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { expectFormatting } from 'langium/test';
import { DocumentValidator } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { SemanticTokensDecoder } from 'langium/lsp';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { closeAll, lspServices, openPack, PACK_HEADER } from './lsp-test-services.js';

afterEach(closeAll);

describe('formatting', () => {
    it("indents criteria, indicators and rules by the pack's own step and moves continuation lines along", async () => {
        await expectFormatting(lspServices())({
            before: [
                'bộ tiêu chí thử "Bộ thử"',
                '   cấp xã nông thôn mới',
                ' địa bàn "toàn quốc"',
                '   phiên bản "1"',
                'căn cứ 318/QĐ-TTg ngày 08/03/2022 của "Thủ tướng Chính phủ"',
                '      "Ban hành Bộ tiêu chí"',
                '   hiệu lực từ 08/03/2022 đến 31/12/2025',
                '  dữ kiện a: có/không',
                'dữ kiện  tỷ lệ   rác thải: phần trăm   ',
                '    "Tỷ lệ rác thải"',
                'tiêu chí 17 "Môi trường"',
                'chỉ tiêu 17.1 "A"',
                '        tỷ lệ rác thải >=98%',
                '          hoặc có a    // chú thích căn lề',
                '   chỉ tiêu 17.2 "B"',
                '  có a',
                '      chưa kiểm chứng "ghi chú"',
                ''
            ].join('\n'),
            after: [
                'bộ tiêu chí thử "Bộ thử"',
                '   cấp xã nông thôn mới',
                '   địa bàn "toàn quốc"',
                '   phiên bản "1"',
                '   căn cứ 318/QĐ-TTg ngày 08/03/2022 của "Thủ tướng Chính phủ"',
                '      "Ban hành Bộ tiêu chí"',
                '   hiệu lực từ 08/03/2022 đến 31/12/2025',
                'dữ kiện a: có/không',
                'dữ kiện tỷ lệ rác thải: phần trăm',
                '   "Tỷ lệ rác thải"',
                'tiêu chí 17 "Môi trường"',
                '   chỉ tiêu 17.1 "A"',
                '      tỷ lệ rác thải >= 98%',
                '        hoặc có a    // chú thích căn lề',
                '   chỉ tiêu 17.2 "B"',
                '      có a',
                '      chưa kiểm chứng "ghi chú"',
                ''
            ].join('\n'),
            disposeAfterCheck: true
        });
    });

    it("keeps the analyst's alignment of a formula written over several lines", async () => {
        const text = `${PACK_HEADER}dữ kiện a: đếm hộ\ndữ kiện b: đếm hộ\ndữ kiện c =\n    (a - b)\n      / (a + b)\n  + b / a\n  "mô tả"\n`;
        await expectFormatting(lspServices())({ before: text, after: text, disposeAfterCheck: true });
    });

    it('leaves every real pack (rulesets/, docs/examples/) exactly as its analyst laid it out', async () => {
        const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
        const files = [
            ...readdirSync(path.join(root, 'rulesets'), { recursive: true, encoding: 'utf8' }).map(f => path.join(root, 'rulesets', f)),
            ...readdirSync(path.join(root, 'docs/examples')).map(f => path.join(root, 'docs/examples', f))
        ].filter(f => f.endsWith('.ntm'));
        expect(files.length).toBeGreaterThan(10);
        for (const file of files) {
            const document = await openPack(readFileSync(file, 'utf8'), pathToFileURL(file).toString());
            const edits = await lspServices().lsp.Formatter!.formatDocument(document, {
                textDocument: { uri: document.uri.toString() },
                options: { tabSize: 2, insertSpaces: true }
            });
            expect(edits, path.relative(root, file)).toEqual([]);
        }
    });

    it('leaves a pack with syntax errors, comments and quoted text alone', async () => {
        const broken = `${PACK_HEADER}tiêu chí 1 "A"\n      chỉ tiêu 1.1 "B" >= >=\n`;
        await expectFormatting(lspServices())({ before: broken, after: broken, disposeAfterCheck: true });
        const text = `${PACK_HEADER}// chú   thích\ndữ kiện a: có/không\n  "mô tả   nhiều\n     dòng"\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" có a\n`;
        await expectFormatting(lspServices())({ before: text, after: text, disposeAfterCheck: true });
    });
});

describe('semantic tokens', () => {
    it('tells facts, derived facts, levels, scales, decisions, labels and units apart', async () => {
        const text =
            `${PACK_HEADER}thang phổ cập: chưa đạt < mức độ 1\ndữ kiện mức phổ cập: mức theo phổ cập\ndữ kiện số hộ: đếm hộ\n` +
            `dữ kiện gấp đôi = số hộ * 2\ntiêu chí 5 "Giáo dục"\n  căn cứ 318/QĐ-TTg "mục 5"\n  chỉ tiêu 5.1 "Phổ cập" mức phổ cập >= mức độ 1 và số hộ >= 3 hộ\n`;
        const document = await openPack(text);
        const provider = lspServices().lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const decoded = SemanticTokensDecoder.decode(tokens, provider.tokenTypes, document).map(
            t =>
                `${document.textDocument.getText({ start: document.textDocument.positionAt(t.offset), end: document.textDocument.positionAt(t.offset + t.text.length) })}:${t.tokenType}`
        );
        expect(decoded).toEqual(
            expect.arrayContaining([
                `318/QĐ-TTg:${SemanticTokenTypes.macro}`,
                `phổ cập:${SemanticTokenTypes.type}`,
                `chưa đạt:${SemanticTokenTypes.enumMember}`,
                `mức phổ cập:${SemanticTokenTypes.variable}`,
                `gấp đôi:${SemanticTokenTypes.variable}`,
                `5:${SemanticTokenTypes.namespace}`,
                `5.1:${SemanticTokenTypes.property}`,
                `mức độ 1:${SemanticTokenTypes.enumMember}`,
                `hộ:${SemanticTokenTypes.type}`
            ])
        );
        const modifiersOf = (word: string) =>
            SemanticTokensDecoder.decode(tokens, provider.tokenTypes, document)
                .filter(t => t.text === word)
                .map(t => t.tokenModifiers);
        const readonlyBit = provider.tokenModifiers[SemanticTokenModifiers.readonly]!;
        const declarationBit = provider.tokenModifiers[SemanticTokenModifiers.declaration]!;
        expect(modifiersOf('gấp đôi')).toEqual([readonlyBit | declarationBit]);
        expect(modifiersOf('số hộ')).toEqual([declarationBit, 0, 0]);
    });
});

describe('quick fixes', () => {
    async function fixes(
        text: string,
        code: string,
        uri?: string
    ): Promise<{ actions: CodeAction[]; diagnostic: Diagnostic; apply: (a: CodeAction) => string }> {
        const document = await openPack(text, uri);
        const diagnostic = (document.diagnostics ?? []).find(d => (d.data as { code?: string } | undefined)?.code === code || d.code === code);
        expect(diagnostic, JSON.stringify(document.diagnostics?.map(d => d.message))).toBeDefined();
        const actions = ((await lspServices().lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: diagnostic!.range,
            context: { diagnostics: [diagnostic!] }
        })) ?? []) as CodeAction[];
        const apply = (action: CodeAction) => {
            const edits = [...(action.edit?.changes?.[document.uri.toString()] ?? [])]
                .map(e => ({ from: document.textDocument.offsetAt(e.range.start), to: document.textDocument.offsetAt(e.range.end), text: e.newText }))
                .sort((a, b) => b.from - a.from);
            return edits.reduce((t, e) => t.slice(0, e.from) + e.text + t.slice(e.to), text);
        };
        return { actions, diagnostic: diagnostic!, apply };
    }

    it('corrects a misspelt fact to the closest declared name, typed without diacritics', async () => {
        const text = `${PACK_HEADER}dữ kiện tỷ lệ hộ nghèo: phần trăm\ndữ kiện tỷ lệ hộ cận nghèo: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" ty le ho ngheo < 1%\n`;
        const { actions, apply } = await fixes(text, DocumentValidator.LinkingError);
        expect(actions.map(a => a.title)).toEqual(['Sửa thành «tỷ lệ hộ nghèo»', 'Sửa thành «tỷ lệ hộ cận nghèo»']);
        expect(actions.map(a => a.isPreferred)).toEqual([true, false]);
        expect(apply(actions[0]!)).toContain('chỉ tiêu 1.1 "B" tỷ lệ hộ nghèo < 1%');
    });

    it('corrects a misspelt indicator label in a pack that builds on another', async () => {
        await openPack(
            `${PACK_HEADER}dữ kiện a: phần trăm\ntiêu chí 17 "Môi trường"\n  chỉ tiêu 17.6 "A" a >= 1%\n  chỉ tiêu 17.8 "B" a >= 2%\n`,
            'file:///ws3/goc.ntm'
        );
        const text = `${PACK_HEADER.replace('  hiệu lực', '  dựa trên "goc.ntm"\n  hiệu lực')}không áp dụng chỉ tiêu 17.66 "không có"\n`;
        const { actions, apply } = await fixes(text, DocumentValidator.LinkingError, 'file:///ws3/tinh.ntm');
        expect(actions[0]?.title).toBe('Sửa thành «17.6»');
        expect(apply(actions[0]!)).toContain('không áp dụng chỉ tiêu 17.6 "không có"');
    });

    it('replaces look-alike letters at the declaration and every use', async () => {
        const text = `${PACK_HEADER}dữ kiện nƣớc sạch: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" nƣớc sạch >= 50%\n`;
        const { actions, apply } = await fixes(text, IssueCodes.LookAlikeCharacter);
        expect(actions.map(a => a.title)).toEqual(['Sửa tên thành «nước sạch» (ở khai báo và mọi chỗ dùng)']);
        const after = apply(actions[0]!);
        expect(after).not.toContain('ƣ');
        expect(after.match(/nước sạch/gu)).toHaveLength(2);
    });

    it('offers both readings of a number with a thousands dot', async () => {
        const text = `${PACK_HEADER}dữ kiện thu nhập: tiền triệu đồng/người/năm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" thu nhập >= 4.662 triệu đồng/người/năm\n`;
        const { actions, apply } = await fixes(text, IssueCodes.ThousandsDot);
        expect(actions.map(a => a.title)).toEqual(['Viết 4662 (dấu chấm là phân cách hàng nghìn)', 'Viết 4,662 (số thập phân)']);
        expect(apply(actions[0]!)).toContain('thu nhập >= 4662 triệu đồng/người/năm');
        expect(apply(actions[1]!)).toContain('thu nhập >= 4,662 triệu đồng/người/năm');
    });

    it('needs no fix for a threshold in another unit of the same dimension: the language converts it exactly', async () => {
        const metres = await openPack(`${PACK_HEADER}dữ kiện độ dài đường: số km\ntiêu chí 2 "Giao thông"\n  chỉ tiêu 2.1 "B" độ dài đường >= 500 m\n`);
        expect(metres.diagnostics).toEqual([]);
        const money = await openPack(
            `${PACK_HEADER}dữ kiện thu nhập: tiền triệu đồng/người/năm\ntiêu chí 10 "Thu nhập"\n  chỉ tiêu 10.1 "B" thu nhập từ 45 đến 62500 nghìn đồng/người/năm\n`
        );
        expect(money.diagnostics).toEqual([]);
    });

    it('offers the declared unit where no conversion exists (households for kilometres), and percent', async () => {
        const text = `${PACK_HEADER}dữ kiện số hộ: đếm hộ\ndữ kiện tỷ lệ: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" số hộ >= 5 km\n`;
        const { actions, apply } = await fixes(text, IssueCodes.UnitMismatch);
        expect(actions.map(a => a.title)).toEqual(['Dùng đơn vị khai báo của dữ kiện: 5 hộ']);
        expect(actions[0]?.isPreferred).toBe(true);
        expect(apply(actions[0]!)).toContain('số hộ >= 5 hộ\n');
        const percent = await fixes(`${PACK_HEADER}dữ kiện tỷ lệ: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" tỷ lệ >= 98,5 hộ\n`, IssueCodes.UnitMismatch);
        expect(percent.apply(percent.actions[0]!)).toContain('tỷ lệ >= 98,5%\n');
    });

    it('straightens every curly quote the lexer refused, and leaves curly quotes inside strings alone', async () => {
        const text = `${PACK_HEADER}dữ kiện a: phần trăm\n  "Tỷ lệ “xanh”"\ntiêu chí 1 “Môi trường”\n  chỉ tiêu 1.1 ‘Rác’ a >= 98%\n`;
        const { actions, apply } = await fixes(text, 'lexing-error');
        // “…” is read as a string; the single curly quotes ‘…’ are what the lexer refuses.
        expect(actions.map(a => a.title)).toEqual(['Thay 2 ngoặc cong trong tệp bằng ngoặc kép thẳng «"»']);
        const after = apply(actions[0]!);
        expect(after).toContain('tiêu chí 1 “Môi trường”\n  chỉ tiêu 1.1 "Rác" a >= 98%');
        expect(after).toContain('"Tỷ lệ “xanh”"');
        expect((await openPack(after)).diagnostics).toEqual([]);
    });

    it('writes a keyword pasted in another case as the language does, phrase keywords too', async () => {
        // At the start of a line any case is read as meant (text pasted from Word); elsewhere the fix applies.
        const lineStart = await openPack(`${PACK_HEADER}dữ kiện a: phần trăm\nTiêu  Chí 1 "Môi trường"\n  chỉ tiêu 1.1 "B" a >= 98%\n`);
        expect(lineStart.diagnostics).toEqual([]);
        const conjunction = await fixes(`${PACK_HEADER}dữ kiện a: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" a >= 98% VÀ a <= 99%\n`, 'parsing-error');
        expect(conjunction.apply(conjunction.actions[0]!)).toContain('a >= 98% và a <= 99%');
    });

    it('offers no keyword fix for a parser error that is not a keyword in another case', async () => {
        const text = `${PACK_HEADER}dữ kiện a: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" a >= >= 98%\n`;
        const { actions } = await fixes(text, 'parsing-error');
        expect(actions).toEqual([]);
    });

    it('needs no fix for a decimal comma, which the language reads as a decimal point', async () => {
        const document = await openPack(`${PACK_HEADER}dữ kiện tỷ lệ: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" tỷ lệ >= 98,5%\n`);
        expect(document.diagnostics).toEqual([]);
    });
});
