// Numbers as written, read exactly under one limit shared by packs, commune files and the module's API.
//
// Policy: a number has at most MAX_NUMBER_DIGITS digits, not counting the zeros before its first non-zero
// digit (0,05 has 2 digits, 2751,00 has 6). So the largest is 999 999 999 999 999 and the finest step is
// 10^-15. Every such decimal survives a trip through a JavaScript number unchanged (DBL_DIG is 15), so a
// value within the limit is exact whether it arrives as text or as a number; a value beyond it is refused,
// never rounded.

import type { Rational } from './exact-numbers.js';
import { rat } from './exact-numbers.js';
import { groupThousands, shortText } from './names.js';

/** The most digits a number may have (leading zeros not counted). */
export const MAX_NUMBER_DIGITS = 15;

/** A number read from its text, and the decimals it was written with (86,0 has 1). */
export interface DecimalNumber {
    readonly r: Rational;
    readonly decimals: number;
}

/** `-12.5`, `0.000001`, `1e21`, `2.5E-7`: the JSON (and JavaScript) form of a number. */
const DECIMAL_TEXT = /^(-?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;

/**
 * How many digits `text` (a number in JSON form) has once written without exponent, not counting leading
 * zeros; undefined when it is not a number. Computed from the text alone, so `1e999999999` costs nothing.
 */
export function numberDigits(text: string): number | undefined {
    const match = DECIMAL_TEXT.exec(text);
    if (!match) return undefined;
    const [, , whole = '', fraction = '', exponent = '0'] = match;
    const digits = whole + fraction;
    const point = whole.length + Number(exponent);
    const first = digits.search(/[1-9]/);
    const integerDigits = first < 0 ? 0 : Math.max(0, point - first);
    return integerDigits + Math.max(0, digits.length - point);
}

/**
 * Reads a number in JSON form exactly, or says why it cannot be: not a number, or more digits than the
 * limit (refused rather than rounded). `shown` is how the message quotes the value.
 */
export function readDecimal(text: string, shown: string = text): DecimalNumber | string {
    const digits = numberDigits(text);
    if (digits === undefined) return `Không đọc được «${shortText(shown)}» thành số.`;
    if (digits > MAX_NUMBER_DIGITS) return tooManyDigitsMessage(shown, digits);
    return decimalFromText(text)!;
}

/**
 * The exact value of a number in JSON form, whatever its length; undefined when it is not one. Only for text
 * already known to be reasonable (the generator's literals): input goes through `readDecimal`.
 */
export function decimalFromText(text: string): DecimalNumber | undefined {
    const match = DECIMAL_TEXT.exec(text);
    if (!match) return undefined;
    const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
    const digits = whole + fraction;
    const scale = fraction.length - Number(exponent);
    const decimals = Math.max(0, scale);
    // Only the digits that matter reach BigInt: zeros before the first and after the last non-zero digit go.
    const first = digits.search(/[1-9]/);
    if (first < 0) return { r: rat(0n), decimals };
    const last = digits.search(/[1-9]0*$/);
    const significant = BigInt(sign + digits.slice(first, last + 1));
    const power = scale - (digits.length - 1 - last);
    const r = power >= 0 ? rat(significant, 10n ** BigInt(power)) : rat(significant * 10n ** BigInt(-power));
    return { r, decimals };
}

/** The largest number within the limit: 15 nines. */
export const LARGEST_NUMBER = 999_999_999_999_999;
/** 10^0 … 10^15, exact as JavaScript numbers. */
export const POWERS_OF_TEN: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The fewest decimal places of a non-negative JavaScript number within the limit: `size` is exactly
 * `round(size × 10^places) / 10^places`, and within 15 digits that decimal is the number's own shortest form
 * (DBL_DIG), the one `String(size)` prints. Undefined beyond the limit.
 */
export function fewestPlaces(size: number): number | undefined {
    if (!(size <= LARGEST_NUMBER)) return undefined;
    if (Number.isInteger(size)) return 0;
    for (let places = 1; places <= MAX_NUMBER_DIGITS; places++) {
        const scaled = Math.round(size * POWERS_OF_TEN[places]!);
        if (scaled > LARGEST_NUMBER) return undefined;
        if (scaled / POWERS_OF_TEN[places]! === size) return places;
    }
    return undefined;
}

/**
 * `readDecimal(String(x))` for a JavaScript number within the limit, without going through text. Undefined for
 * anything else (beyond the limit, not finite), which the text route then reads or refuses with its message.
 */
export function decimalFromNumber(x: number): DecimalNumber | undefined {
    const size = Math.abs(x);
    const places = fewestPlaces(size);
    if (places === undefined) return undefined;
    if (places === 0) return { r: { n: BigInt(x), d: 1n }, decimals: 0 };
    const scaled = Math.round(size * POWERS_OF_TEN[places]!);
    return { r: rat(BigInt(x < 0 ? -scaled : scaled), BigInt(POWERS_OF_TEN[places]!)), decimals: places };
}

/** «Số «…» có 400 chữ số: …» — the same words for a pack, a commune file and the module's API. */
export function tooManyDigitsMessage(shown: string, digits: number): string {
    const count = digits > 1_000_000 ? 'hơn 1.000.000' : groupThousands(digits);
    const quoted = shown.length > 24 ? `${shown.slice(0, 20)}…` : shown;
    return (
        `Số «${quoted}» có ${count} chữ số: máy chỉ nhận số có tối đa ${MAX_NUMBER_DIGITS} chữ số ` +
        `(không kể các số 0 đứng đầu), để so sánh chính xác mà không làm tròn.`
    );
}
