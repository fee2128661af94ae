// Exact rational arithmetic for generated evaluators, so that 4662/4662 is exactly 100 % and float noise
// never decides a verdict.

import { groupThousands } from './names.js';

export interface Rational {
    readonly n: bigint;
    /** Always positive; the fraction is always reduced. */
    readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
    let x = a < 0n ? -a : a;
    let y = b < 0n ? -b : b;
    while (y !== 0n) {
        const r = x % y;
        x = y;
        y = r;
    }
    return x;
}

export function rat(n: bigint, d: bigint = 1n): Rational {
    if (d === 0n) {
        throw new RangeError('mẫu số bằng 0');
    }
    const sign = d < 0n ? -1n : 1n;
    const g = gcd(n, d);
    const divisor = g === 0n ? 1n : g;
    return { n: (sign * n) / divisor, d: (sign * d) / divisor };
}

/** The exact value of the decimal a JavaScript number prints as: 0.1 is 1/10, not 0.1000000000000000055… */
export function ratFromNumber(x: number): Rational {
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
    if (!match) {
        throw new RangeError(`không phải số hữu hạn: ${String(x)}`);
    }
    const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
    const scale = fraction.length - Number(exponent);
    const digits = BigInt(sign + whole + fraction);
    return scale >= 0 ? rat(digits, 10n ** BigInt(scale)) : rat(digits * 10n ** BigInt(-scale));
}

export function ratAdd(a: Rational, b: Rational): Rational {
    return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function ratSub(a: Rational, b: Rational): Rational {
    return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function ratMul(a: Rational, b: Rational): Rational {
    return rat(a.n * b.n, a.d * b.d);
}

export function ratDiv(a: Rational, b: Rational): Rational {
    return rat(a.n * b.d, a.d * b.n);
}

export function ratCmp(a: Rational, b: Rational): -1 | 0 | 1 {
    const left = a.n * b.d;
    const right = b.n * a.d;
    return left < right ? -1 : left > right ? 1 : 0;
}

export function ratIsZero(a: Rational): boolean {
    return a.n === 0n;
}

export function ratFloor(a: Rational): bigint {
    const q = a.n / a.d;
    return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

export function ratCeil(a: Rational): bigint {
    const q = a.n / a.d;
    return a.n > 0n && q * a.d !== a.n ? q + 1n : q;
}

export function ratIsInteger(a: Rational): boolean {
    return a.d === 1n;
}

export function ratToNumber(a: Rational): number {
    const whole = a.n / a.d;
    const rest = a.n - whole * a.d;
    return Number(whole) + Number((rest * 1_000_000_000_000n) / a.d) / 1e12;
}

/**
 * Vietnamese display: thousands dot, decimal comma, at most `decimals` decimals. A value that the shown
 * digits do not represent exactly is prefixed with "≈", so a display never hides how close a value is.
 */
export function formatRat(a: Rational, decimals = 4): string {
    return (decimals === 4 && formatSmall(a)) || formatBig(a, decimals);
}

/** The most decimals a display shows when four are not enough to tell a value apart (a double carries about 15). */
const MOST_DECIMALS = 15;

/** A display's digits without the «≈» that marks them rounded. */
function digitsOf(text: string): string {
    return text.startsWith('≈ ') ? text.slice(2) : text;
}

/**
 * `formatRat`, with as many more decimals as it takes (up to 15) not to read as `other` when it is not `other`:
 * 49,9999999999999 % held to a threshold of 50 % is not shown «≈ 50 %» beside «chưa đạt».
 */
export function formatRatApart(a: Rational, other: Rational): string {
    const text = formatRat(a);
    // Only a rounded display can read as another value (an exact one reads as itself).
    if (!text.startsWith('≈ ') || digitsOf(text) !== digitsOf(formatRat(other)) || ratCmp(a, other) === 0) return text;
    return finerUntil(a, (finer, decimals) => digitsOf(finer) !== digitsOf(formatRat(other, decimals))) ?? text;
}

/** `formatRat` of an amount that is not zero, with as many more decimals as it takes (up to 15) not to read «≈ 0». */
export function formatRatNotZero(a: Rational): string {
    const readsZero = (text: string) => text === '≈ 0' || text === '≈ -0';
    const text = formatRat(a);
    return (readsZero(text) && finerUntil(a, finer => !readsZero(finer))) || text;
}

/** `a` with the fewest decimals past four (up to 15) whose display `enough` accepts; undefined when none does. */
function finerUntil(a: Rational, enough: (text: string, decimals: number) => boolean): string | undefined {
    for (let decimals = 5; decimals <= MOST_DECIMALS; decimals++) {
        const finer = formatRat(a, decimals);
        if (enough(finer, decimals)) return finer;
    }
    return undefined;
}

const SMALL_NUMBER = 2 ** 40;

/**
 * `formatRat` with four decimals for numerators and denominators under 2^40 (nearly every figure of a report),
 * in JavaScript numbers: every intermediate stays below 2^53, so each step is exact. Undefined otherwise.
 */
function formatSmall(a: Rational): string | undefined {
    // Converted first, compared as numbers (cheaper than BigInt comparisons): a BigInt up to 2^40 converts
    // exactly, and a larger one converts to at least 2^40, so the test decides as the exact one would.
    const signed = Number(a.n);
    const d = Number(a.d);
    if (d > SMALL_NUMBER || signed > SMALL_NUMBER || signed < -SMALL_NUMBER) return undefined;
    const negative = signed < 0;
    const n = negative ? -signed : signed;
    if (n * 20_000 + d > 2 ** 52) return undefined;
    // Round half up to 4 decimals: floor((n·10⁴·2 + d) / 2d), the division corrected to an exact floor.
    const x = n * 20_000 + d;
    let scaled = Math.floor(x / (2 * d));
    if (scaled * 2 * d > x) scaled--;
    else if ((scaled + 1) * 2 * d <= x) scaled++;
    const exact = scaled * d === n * 10_000;
    const wholeNumber = Math.floor(scaled / 10_000);
    const whole = groupThousands(wholeNumber);
    const rest = scaled % 10_000;
    const fraction = rest === 0 ? '' : String(rest).padStart(4, '0').replace(/0+$/, '');
    const text = (negative ? '-' : '') + whole + (fraction ? ',' + fraction : '');
    return exact ? text : '≈ ' + text;
}

function formatBig(a: Rational, decimals: number): string {
    const negative = a.n < 0n;
    const abs = negative ? rat(-a.n, a.d) : a;
    const scale = 10n ** BigInt(decimals);
    const scaled = (abs.n * scale * 2n + abs.d) / (2n * abs.d);
    const exact = scaled * abs.d === abs.n * scale;
    const whole = (scaled / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const fraction = (scaled % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
    const text = (negative ? '-' : '') + whole + (fraction ? ',' + fraction : '');
    return exact ? text : '≈ ' + text;
}
