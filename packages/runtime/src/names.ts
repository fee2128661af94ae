// Names and units as analysts type them: any Unicode form, any run of blanks, `m²` or `m2`, with or
// without diacritics. The one place that says when two names are the same and which name was meant
// («did you mean»): the compiler, the editor, commune files and the generated module all use it.

/**
 * Canonical forms already computed, by the text as written. The same few hundred fact names and units come
 * back in every commune of a batch, and NFC normalisation of Vietnamese text is the costliest step of reading
 * input. Bounded, and only for short texts, so that a stream of distinct texts (quotes) cannot grow it.
 */
function memoized(canonicalForm: (text: string) => string): (text: string) => string {
    const known = new Map<string, string>();
    return text => {
        let form = known.get(text);
        if (form === undefined) {
            form = canonicalForm(text);
            if (text.length > 200) return form;
            if (known.size >= 4096) known.clear();
            known.set(text, form);
        }
        return form;
    };
}

/** A text as written, without what the eye does not see: NFC, single spaces, trimmed (a quote keeps its spelling). */
export const normalizeSpacing: (text: string) => string = memoized(text => text.normalize('NFC').replace(/\s+/gu, ' ').trim());

/**
 * A name in canonical form: NFC, single spaces, trimmed, and the tone mark of an open «oa», «oe», «uy» on its
 * first vowel. Documents write both «hoá» and «hóa», «thuỷ» and «thủy», «khoẻ» and «khỏe» (the old and the new
 * placement): they are one word, so a name written either way is the same name.
 */
export const normalizeName: (text: string) => string = memoized(text => newTonePlacement(normalizeSpacing(text)));

/** A vowel pair whose tone mark may sit on either vowel, at the end of a word (NFC); «quý» keeps its mark on «y». */
const OLD_TONE_PLACEMENT = /[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ](?![\p{L}\p{M}])|(?<![qQ])[uU][ỳýỷỹỵỲÝỶỸỴ](?![\p{L}\p{M}])/u;

/** The five tone marks, as combining characters (NFD). */
const TONE_MARK = '[\u0300\u0301\u0303\u0309\u0323]';
const OLD_OA_OE = new RegExp(`([oO])([aAeE])(${TONE_MARK})(?![\\p{L}\\p{M}])`, 'gu');
const OLD_UY = new RegExp(`(?<![qQ])([uU])([yY])(${TONE_MARK})(?![\\p{L}\\p{M}])`, 'gu');

/** «hoá» → «hóa», «thuỷ» → «thủy», «khoẻ» → «khỏe»; every other text unchanged. */
function newTonePlacement(text: string): string {
    if (!OLD_TONE_PLACEMENT.test(text)) return text;
    return text.normalize('NFD').replace(OLD_OA_OE, '$1$3$2').replace(OLD_UY, '$1$3$2').normalize('NFC');
}

/** A unit in canonical form: no spaces around '/', `m²` written `m2`, `m³` written `m3`. */
export const normalizeUnit: (text: string) => string = memoized(text =>
    normalizeName(text)
        .replace(/\s*\/\s*/gu, '/')
        .replace(/²/gu, '2')
        .replace(/³/gu, '3')
);

/**
 * Latin letters that look like Vietnamese ones but are not (PDF damage such as "ƣ" for "ư").
 * Maps the look-alike to the letter it is usually meant to be.
 */
export const LOOK_ALIKE_LETTERS: ReadonlyMap<string, string> = new Map([
    ['ƣ', 'ư'],
    ['Ƣ', 'Ư'],
    ['ı', 'i'],
    ['ɑ', 'a'],
    ['ǎ', 'ă'],
    ['Ǎ', 'Ă'],
    ['ð', 'đ'],
    ['Ð', 'Đ'],
    ['а', 'a'],
    ['е', 'e'],
    ['о', 'o'],
    ['р', 'p'],
    ['с', 'c'],
    ['х', 'x'],
    ['у', 'y'],
    ['і', 'i']
]);

/**
 * Folds Vietnamese text for matching what an analyst types without diacritics: `rac thai` matches
 * `rác thải`; look-alike letters fold to the letter they imitate, so `nƣớc` matches `nước`.
 */
export function foldDiacritics(text: string): string {
    let folded = '';
    for (const char of normalizeName(text)) {
        folded += LOOK_ALIKE_LETTERS.get(char) ?? char;
    }
    return folded.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0]!;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j]!;
            row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length]!;
}

/**
 * The candidates closest to `name` after folding diacritics, best first: only those close enough to be a
 * typo. `fold` lets a caller with many lookups supply a cached folding.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3, fold: (text: string) => string = foldDiacritics): string[] {
    const folded = fold(name);
    const scored: Array<{ candidate: string; distance: number }> = [];
    for (const candidate of new Set(candidates)) {
        if (candidate === name) continue;
        const limit = Math.max(2, Math.floor(candidate.length / 4));
        const other = fold(candidate);
        // The distance is at least the difference in length: a long pasted key costs nothing.
        if (Math.abs(folded.length - other.length) > limit) continue;
        const distance = editDistance(folded, other);
        if (distance <= limit) {
            scored.push({ candidate, distance });
        }
    }
    return scored
        .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
        .slice(0, limit)
        .map(s => s.candidate);
}

/** « Có phải «x»?» for the closest candidate, or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
    const best = closestNames(name, candidates, 1)[0];
    return best === undefined ? '' : ` Có phải «${best}»?`;
}

/** Input quoted in a message is cut to this many characters: a pasted megabyte must not fill the screen. */
export const QUOTED_INPUT_CHARACTERS = 60;

/** `text` as a message quotes it: at most QUOTED_INPUT_CHARACTERS characters, the cut shown with its length. */
export function shortText(text: string, max: number = QUOTED_INPUT_CHARACTERS): string {
    if (text.length <= max) return text;
    // Never cut a character written as two UTF-16 units in half.
    const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
    return `${text.slice(0, end)}… (${groupThousands(text.length)} ký tự)`;
}

/** 1234567 as «1.234.567», the Vietnamese way, the same in every JavaScript engine. */
export function groupThousands(n: number): string {
    // Most figures are below a thousand: no pattern to run.
    if (n < 1000 && n > -1000) return String(n);
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
