/**
 * Text helpers for Vietnamese source text: NFC/NFD-insensitive matching and name normalisation.
 */

/** Normalises a name as written in a pack (any Unicode form, any run of spaces) to its canonical form. */
export function normalizeName(text: string): string {
    return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Normalises a unit: canonical name form without spaces around '/' and with `m²` written `m2`. */
export function normalizeUnit(text: string): string {
    return normalizeName(text).replace(/\s*\/\s*/gu, '/').replace(/²/gu, '2').replace(/³/gu, '3');
}

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

/**
 * Latin letters that look like Vietnamese ones but are not (PDF damage such as "ƣ" for "ư").
 * Maps the look-alike to the letter it is usually meant to be.
 */
export const LOOK_ALIKE_LETTERS: ReadonlyMap<string, string> = new Map([
    ['ƣ', 'ư'], ['Ƣ', 'Ư'], ['ı', 'i'], ['ɑ', 'a'], ['ǎ', 'ă'], ['Ǎ', 'Ă'], ['ð', 'đ'], ['Ð', 'Đ'],
    ['а', 'a'], ['е', 'e'], ['о', 'o'], ['р', 'p'], ['с', 'c'], ['х', 'x'], ['у', 'y'], ['і', 'i']
]);
