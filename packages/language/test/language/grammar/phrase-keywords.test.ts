import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, it } from 'vitest';
import { languageKeywords, phraseOf } from '../../../src/parser/phrase-keywords.js';
import { PACK_HEADER, loadTestPack, ntmTestServices } from '../../helpers/ntm-test-services.js';

// Phrase keywords (`chỉ tiêu`) are the terminals of grammar/phrases.langium; see parser/ntm-token-builder.ts.

const grammar = ntmTestServices().Grammar;
const lexer = ntmTestServices().parser.Lexer;

function tokenNames(text: string): string[] {
    const result = lexer.tokenize(text);
    expect(result.errors).toEqual([]);
    return result.tokens.map(token => token.tokenType.name);
}

describe('phrase keywords', () => {
    it('no keyword of a parser rule has a blank in it: every phrase is a terminal of phrases.langium', () => {
        const keywords = grammar.rules.filter(GrammarAST.isParserRule).flatMap(rule =>
            AstUtils.streamAllContents(rule)
                .filter(GrammarAST.isKeyword)
                .map(k => k.value)
                .toArray()
        );
        expect(keywords.filter(keyword => /\s/u.test(keyword))).toEqual([]);
        const phrases = grammar.rules.map(rule => phraseOf(rule)).filter(phrase => phrase !== undefined);
        expect(phrases).toEqual(expect.arrayContaining(['bộ tiêu chí', 'đạt chuẩn theo', 'chỉ tiêu', 'không áp dụng', 'dựa trên', 'điều kiện công nhận']));
        expect(phrases).toHaveLength(43);
    });

    it("the language's keywords are the words and the phrases, each once", () => {
        const keywords = languageKeywords(grammar);
        expect(keywords).toEqual(expect.arrayContaining(['chỉ tiêu', 'không áp dụng', 'không', 'có', 'từng', 'từng năm', '>=']));
        expect(new Set(keywords).size).toBe(keywords.length);
        expect(keywords.some(keyword => /^[A-Z_]+$/u.test(keyword) && keyword.includes('_'))).toBe(false);
    });

    it('lexes a phrase as one token, before the word it begins with, with any blanks, in NFC or NFD', () => {
        expect(tokenNames('không áp dụng')).toEqual(['KHONG_AP_DUNG']);
        expect(tokenNames('không \t áp   dụng')).toEqual(['KHONG_AP_DUNG']);
        expect(tokenNames('không áp dụng'.normalize('NFD'))).toEqual(['KHONG_AP_DUNG']);
        expect(tokenNames('không có')).toEqual(['không', 'có']);
        expect(tokenNames('từng năm từng thôn')).toEqual(['TUNG_NAM', 'từng', 'ID']);
        expect(tokenNames('nếu không đạt')).toEqual(['NEU_KHONG_DAT']);
    });

    it('never matches at the start of a longer word, nor across a line break', () => {
        expect(tokenNames('chỉ tiêux')).toEqual(['ID', 'ID']);
        expect(tokenNames('chỉ\ntiêu')).toEqual(['ID', 'ID']);
    });

    it('reads a phrase as its phrase however it is written', async () => {
        const header = PACK_HEADER.replace('  hiệu lực', `  làm  tròn ${'gần   nhất'.normalize('NFD')} đến 2 chữ số\tthập phân\n  hiệu lực`);
        const loaded = await loadTestPack(`${header}dữ kiện x: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "a" x >= 1%\n`);
        expect(loaded.document.parseResult.parserErrors).toEqual([]);
        expect(loaded.pack.roundings.map(r => r.mode)).toEqual(['gần nhất']);
    });

    it('parser messages name a phrase keyword by its words', async () => {
        const loaded = await loadTestPack(`${PACK_HEADER}dữ kiện x: phần trăm\ntiêu chí 1 "A"\n  thay 5\n`);
        expect(loaded.document.parseResult.parserErrors.map(e => e.message)).toContain('Cần từ khóa «chỉ tiêu» nhưng gặp «5».');
    });
});
