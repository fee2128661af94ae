import type { GrammarAST, TokenBuilderOptions } from 'langium';
import { DefaultTokenBuilder } from 'langium';
import type { TokenType, TokenVocabulary } from 'chevrotain';
import { formInsensitivePattern } from '../util/vietnamese-text.js';
import { languageKeywords, phraseOf } from './phrase-keywords.js';

/**
 * Builds keyword tokens that match Vietnamese keywords whether the text is in NFC or NFD, and phrase
 * keywords (the terminals of grammar/phrases.langium, "chỉ tiêu") with any run of blanks between their
 * words. A keyword never matches the start of a longer word ("có" does not match inside "cói").
 */
export class NtmTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        // The lexer takes the first token that matches, not the longest. Phrases join the keywords in the order
        // Langium gives keywords (longest first, then as the grammar first uses them): `không áp dụng` before
        // `không`, all before ID, and the lexer tries its patterns in the same order as when phrases were keywords.
        const rank = new Map(languageKeywords(grammar).map((keyword, i) => [keyword, i]));
        const isKeyword = (token: TokenType) => rank.has(tokenText(token));
        const keywords = tokens
            .filter(isKeyword)
            .sort((a, b) => tokenText(b).length - tokenText(a).length || rank.get(tokenText(a))! - rank.get(tokenText(b))!);
        return [...keywords, ...tokens.filter(token => !isKeyword(token))];
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const phrase = phraseOf(terminal);
        if (phrase === undefined) return super.buildTerminalToken(terminal);
        // Built like the keyword tokens, with the same properties (no LABEL), so that the lexer does the same
        // work as when phrases were keywords; the phrase is kept beside the token, for parser messages.
        const token: TokenType = { name: terminal.name, PATTERN: /./, LONGER_ALT: undefined };
        matchWords(token, phrase);
        phraseTexts.set(token, phrase);
        return token;
    }

    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        const value = keyword.value;
        const endsWithWordChar = /[\p{L}\p{N}_]$/u.test(value);
        const needsRegex = /[^\x00-\x7F]/u.test(value) || value.includes(' ');
        if (!needsRegex && !endsWithWordChar) {
            return token;
        }
        matchWords(token, value);
        return token;
    }
}

const phraseTexts = new WeakMap<TokenType, string>();

/** The keyword a token stands for: its name (a keyword's token is named by its text), or a phrase's words. */
export function tokenText(token: TokenType): string {
    return phraseTexts.get(token) ?? token.name;
}

/**
 * Makes `token` match `text` in NFC or NFD, with any blanks between its words, and not inside a longer word.
 * At the start of a line it matches in any case too: text pasted from Word capitalises the first word of a
 * line (`Chỉ tiêu 17.3`, `Tiêu chí 17`). Elsewhere a keyword is lower case, so `Có` inside a name stays a word.
 */
function matchWords(token: TokenType, text: string): void {
    const boundary = /[\p{L}\p{N}_]$/u.test(text) ? '(?![\\p{L}\\p{M}\\p{N}_])' : '';
    const sticky = new RegExp(formInsensitivePattern(text) + boundary, 'uy');
    const anyCase = new RegExp(formInsensitivePattern(text) + boundary, 'uyi');
    // Most positions cannot start this keyword: a two-code-unit prefix check (NFC or NFD) skips the
    // regular expression there, which is most of the lexer's time on long packs.
    const prefixes = [...new Set([text.normalize('NFC').slice(0, 2), text.normalize('NFD').slice(0, 2)])];
    const upperFirsts = new Set(
        startCharsOf(text)
            .map(c => c.toUpperCase())
            .filter(c => !startCharsOf(text).includes(c))
    );
    token.PATTERN = (input: string, offset: number) => {
        if (prefixes.some(prefix => input.startsWith(prefix, offset))) {
            sticky.lastIndex = offset;
            return sticky.exec(input);
        }
        if (!upperFirsts.has(input.charAt(offset)) || !atLineStart(input, offset)) return null;
        anyCase.lastIndex = offset;
        return anyCase.exec(input);
    };
    token.LINE_BREAKS = false;
    // Keywords that are matched by a function need an explicit first-character hint for Chevrotain.
    token.START_CHARS_HINT = [...startCharsOf(text), ...upperFirsts];
    token.LONGER_ALT = undefined;
}

/** Whether only blanks stand between the start of the line and `offset`. */
export function atLineStart(input: string, offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
        const c = input.charCodeAt(i);
        if (c === 10 || c === 13) return true;
        if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x200b && c !== 0xfeff) return false;
    }
    return true;
}

function startCharsOf(keyword: string): string[] {
    const first = [...keyword.normalize('NFC')][0] ?? '';
    const decomposedFirst = [...first.normalize('NFD')][0] ?? '';
    return [...new Set([first, decomposedFirst])];
}
