import type { GrammarAST, TokenBuilderOptions } from 'langium';
import { DefaultTokenBuilder } from 'langium';
import type { TokenType, TokenVocabulary } from 'chevrotain';
import { formInsensitivePattern } from '../util/vietnamese-text.js';

/**
 * Builds keyword tokens that match Vietnamese keywords whether the text is in NFC or NFD, and phrase
 * keywords ("chỉ tiêu") with any run of blanks between their words. A keyword never matches the start
 * of a longer word ("có" does not match inside "cói").
 */
export class NtmTokenBuilder extends DefaultTokenBuilder {

    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        return super.buildTokens(grammar, options);
    }

    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        const value = keyword.value;
        const endsWithWordChar = /[\p{L}\p{N}_]$/u.test(value);
        const needsRegex = /[^\x00-\x7F]/u.test(value) || value.includes(' ');
        if (!needsRegex && !endsWithWordChar) {
            return token;
        }
        const boundary = endsWithWordChar ? '(?![\\p{L}\\p{M}\\p{N}_])' : '';
        const sticky = new RegExp(formInsensitivePattern(value) + boundary, 'uy');
        // Most positions cannot start this keyword: a two-code-unit prefix check (NFC or NFD) skips the
        // regular expression there, which is most of the lexer's time on long packs.
        const prefixes = [...new Set([value.normalize('NFC').slice(0, 2), value.normalize('NFD').slice(0, 2)])];
        token.PATTERN = (text: string, offset: number) => {
            if (!prefixes.some(prefix => text.startsWith(prefix, offset))) return null;
            sticky.lastIndex = offset;
            return sticky.exec(text);
        };
        token.LINE_BREAKS = false;
        // Keywords that are matched by a function need an explicit first-character hint for Chevrotain.
        token.START_CHARS_HINT = startCharsOf(value);
        token.LONGER_ALT = undefined;
        return token;
    }
}

function startCharsOf(keyword: string): string[] {
    const first = [...keyword.normalize('NFC')][0] ?? '';
    const decomposedFirst = [...first.normalize('NFD')][0] ?? '';
    return [...new Set([first, decomposedFirst])];
}
