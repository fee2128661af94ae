// Colours .ntm in Monaco with a Monarch tokenizer made from the grammar's own keywords (written into
// files.js by build.mjs): phrase keywords with any blanks between their words, in NFC or NFD, as the lexer
// reads them; keywords that may also be words of a name (`số`, `năm`) left plain, as in the extension.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';

export interface KeywordLists {
    readonly keywords: readonly string[];
    readonly softKeywords: readonly string[];
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\/-]/gu, '\\$&');
}

/** A keyword in NFC or NFD, any run of blanks between its words. */
function keywordPattern(keyword: string): string {
    return [...keyword.normalize('NFC')]
        .map(char => {
            if (char === ' ') return '[ \\t\\u00a0]+';
            const decomposed = char.normalize('NFD');
            return decomposed === char ? escapeRegExp(char) : `(?:${escapeRegExp(char)}|${escapeRegExp(decomposed)})`;
        })
        .join('');
}

export function registerHighlighting({ keywords, softKeywords }: KeywordLists): void {
    const soft = new Set(softKeywords);
    const words = keywords.filter(k => /^\p{L}/u.test(k) && !soft.has(k)).sort((a, b) => b.length - a.length);
    const keyword = new RegExp(`(?<!${WORD_CHAR})(?:${words.map(keywordPattern).join('|')})(?!${WORD_CHAR})`, 'u');
    monaco.languages.setMonarchTokensProvider('ntm', {
        unicode: true,
        tokenizer: {
            root: [
                [/\/\/.*$/u, 'comment'],
                [/\/\*/u, 'comment', '@comment'],
                [/"([^"\\]|\\.)*"/u, 'string'],
                [/"([^"\\]|\\.)*$/u, 'string'],
                [/[0-9]+(\/[0-9]{4})?\/\p{Lu}[\p{L}\p{M}]*(-\p{Lu}[\p{L}\p{M}]*)*/u, 'type'],
                [/[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}/u, 'number'],
                [/[0-9]+([.,][0-9\p{L}][\p{L}\p{M}0-9]*)*%?/u, 'number'],
                [keyword, 'keyword'],
                [/[\p{L}_][\p{L}\p{M}\p{N}_]*/u, 'identifier'],
                [/>=|<=|≥|≤|≠|[<>=+\-*×/]/u, 'operator']
            ],
            comment: [
                [/\*\//u, 'comment', '@pop'],
                [/[^*]+/u, 'comment'],
                [/\*/u, 'comment']
            ]
        }
    });
}
