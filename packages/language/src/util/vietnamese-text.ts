/**
 * Text helpers for Vietnamese source text: NFC/NFD-insensitive matching and name normalisation.
 */

// Names, units and look-alike letters are the runtime's (one implementation for packs and commune files).
export { LOOK_ALIKE_LETTERS, normalizeName, normalizeUnit } from '@ntm/runtime';

const regexSpecial = /[.*+?^${}()|[\]\\/-]/u;

/**
 * A regular-expression source matching `text` whether the input is in NFC or NFD, with any run of
 * blanks where `text` has a single space.
 */
export function formInsensitivePattern(text: string): string {
    let source = '';
    for (const char of text.normalize('NFC')) {
        if (char === ' ') {
            source += '[ \\t\\u00A0]+';
            continue;
        }
        const decomposed = char.normalize('NFD');
        const escaped = escapeChar(char);
        source += decomposed === char ? escaped : `(?:${escaped}|${[...decomposed].map(escapeChar).join('')})`;
    }
    return source;
}

function escapeChar(char: string): string {
    return regexSpecial.test(char) ? '\\' + char : char;
}
