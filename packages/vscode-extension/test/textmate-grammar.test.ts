import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, GrammarAST } from 'langium';
import { createNtmCoreServices } from '@ntm/language';
import * as oniguruma from 'vscode-oniguruma';
import type { IGrammar } from 'vscode-textmate';
import { INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const grammarFile = path.join(here, '../syntaxes/ntm.tmLanguage.json');
const rulesets = path.join(here, '../../../rulesets');
const require = createRequire(import.meta.url);

let grammar: IGrammar;

/** Tokenizes one line with the shipped grammar, as VS Code does (vscode-textmate + Oniguruma). */
function tokens(line: string): { text: string; scope: string }[] {
    const result = grammar.tokenizeLine(line, INITIAL);
    return result.tokens.map(t => ({ text: line.slice(t.startIndex, t.endIndex), scope: t.scopes.at(-1)! }));
}

function scopeOf(line: string, text: string): string | undefined {
    return tokens(line).find(t => t.text === text)?.scope;
}

beforeAll(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
            createOnigString: (text: string) => new oniguruma.OnigString(text)
        }),
        loadGrammar: async scopeName => (scopeName === 'source.ntm' ? parseRawGrammar(readFileSync(grammarFile, 'utf8'), grammarFile) : null)
    });
    grammar = (await registry.loadGrammar('source.ntm'))!;
});

/** Keywords of the Langium grammar that the TextMate grammar must highlight (not symbols, not soft keywords). */
function wordKeywords(): string[] {
    const g = createNtmCoreServices().Ntm.Grammar;
    const all = AstUtils.streamAllContents(g)
        .filter(GrammarAST.isKeyword)
        .map(k => k.value)
        .toArray();
    const word = g.rules.find(r => r.name === 'Word');
    const soft = new Set(
        word
            ? AstUtils.streamAllContents(word)
                  .filter(GrammarAST.isKeyword)
                  .map(k => k.value)
                  .toArray()
            : []
    );
    return [...new Set(all)].filter(k => /\p{L}/u.test(k) && !soft.has(k));
}

describe('TextMate grammar', () => {
    it('highlights every keyword of the Langium grammar as one token: NFC, NFD, any blanks between words', () => {
        const keywords = wordKeywords();
        expect(keywords).toEqual(expect.arrayContaining(['bộ tiêu chí', 'chỉ tiêu', 'ít nhất', 'điều kiện công nhận', 'chưa kiểm chứng']));
        for (const keyword of keywords) {
            for (const written of [keyword, keyword.normalize('NFD'), keyword.replace(/ /g, '  \t')]) {
                const line = `  ${written} x`;
                const found = tokens(line).find(t => t.text === written);
                expect(found?.scope ?? 'no token', JSON.stringify(written)).toMatch(/^keyword\./);
            }
        }
    });

    it('takes the longest keyword and never one inside a longer word', () => {
        expect(scopeOf('bộ tiêu chí hà nam "X"', 'bộ tiêu chí')).toBe('keyword.control.ntm');
        expect(scopeOf('  không áp dụng', 'không áp dụng')).toBe('keyword.control.ntm');
        expect(scopeOf('  không có', 'không')).toBe('keyword.operator.logical.ntm');
        expect(tokens('  cói tiêuchí trongsạch').every(t => !t.scope.startsWith('keyword'))).toBe(true);
    });

    it('leaves the soft keywords inside names plain, so a fact name reads as one', () => {
        expect(
            tokens('    số hộ nghèo <= 5')
                .filter(t => t.scope.startsWith('keyword'))
                .map(t => t.text)
        ).toEqual(['<=']);
    });

    it('scopes decisions, dates, labels, numbers, strings and both comment kinds', () => {
        const line = '  căn cứ 43/2022/QĐ-UBND ngày 16/09/2022 của "UBND tỉnh Hà Nam" // ghi chú';
        expect(scopeOf(line, '43/2022/QĐ-UBND')).toBe('constant.other.decision.ntm');
        expect(scopeOf(line, '16/09/2022')).toBe('constant.other.date.ntm');
        expect(scopeOf(line, 'UBND tỉnh Hà Nam')).toBe('string.quoted.double.ntm');
        expect(scopeOf(line, '// ghi chú')).toBe('comment.line.double-slash.ntm');
        expect(scopeOf('  chỉ tiêu 5.b1 "x"', '5.b1')).toBe('constant.numeric.label.ntm');
        expect(scopeOf('    tỷ lệ hộ >= 89,5%', '89,5')).toBe('constant.numeric.ntm');
        expect(scopeOf('/* chỉ tiêu */ tiêu chí', ' chỉ tiêu ')).toBe('comment.block.ntm');
        expect(scopeOf('/* chỉ tiêu */ tiêu chí', 'tiêu chí')).toBe('keyword.control.ntm');
        expect(scopeOf('  "chỉ tiêu trong chuỗi"', 'chỉ tiêu trong chuỗi')).toBe('string.quoted.double.ntm');
    });

    it('tokenizes every real pack without errors and finds its header', () => {
        const packs = readdirSync(rulesets, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.ntm'));
        expect(packs.length).toBeGreaterThan(0);
        for (const pack of packs) {
            let state = INITIAL;
            let headers = 0;
            for (const line of readFileSync(path.join(rulesets, pack), 'utf8').split('\n')) {
                const result = grammar.tokenizeLine(line, state);
                state = result.ruleStack;
                if (result.tokens.some(t => line.slice(t.startIndex, t.endIndex) === 'bộ tiêu chí' && t.scopes.includes('keyword.control.ntm'))) headers++;
            }
            expect(headers, pack).toBe(1);
        }
    });
});
