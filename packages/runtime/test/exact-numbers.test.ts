import { describe, expect, it } from 'vitest';
import type { Rational } from '../src/exact-numbers.js';
import {
    formatRat,
    formatRatApart,
    formatRatNotZero,
    rat,
    ratAdd,
    ratCeil,
    ratCmp,
    ratDiv,
    ratFloor,
    ratFromNumber,
    ratIsInteger,
    ratIsZero,
    ratMul,
    ratSub,
    ratToNumber
} from '../src/exact-numbers.js';

const r = (n: number, d = 1): Rational => rat(BigInt(n), BigInt(d));

describe('rat', () => {
    it.each<[number, number, bigint, bigint]>([
        [2, 4, 1n, 2n],
        [-2, 4, -1n, 2n],
        [2, -4, -1n, 2n],
        [-2, -4, 1n, 2n],
        [0, 7, 0n, 1n],
        [4662, 4662, 1n, 1n]
    ])('%s/%s is reduced to %s/%s with a positive denominator', (n, d, en, ed) => {
        expect(r(n, d)).toEqual({ n: en, d: ed });
    });

    it('refuses a zero denominator', () => {
        expect(() => r(1, 0)).toThrow(new RangeError('mẫu số bằng 0'));
    });
});

describe('ratFromNumber', () => {
    it.each<[number, Rational]>([
        [0.1, { n: 1n, d: 10n }],
        [0.2, { n: 1n, d: 5n }],
        [98, { n: 98n, d: 1n }],
        [-2.5, { n: -5n, d: 2n }],
        [89.64, { n: 2241n, d: 25n }],
        [1e-7, { n: 1n, d: 10_000_000n }],
        [1.5e-10, { n: 3n, d: 20_000_000_000n }],
        [1e21, { n: 10n ** 21n, d: 1n }],
        [0.30000000000000004, rat(30000000000000004n, 10n ** 17n)]
    ])('%s is the decimal it prints as', (x, expected) => {
        expect(ratFromNumber(x)).toEqual(expected);
    });

    it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %s', x => {
        expect(() => ratFromNumber(x)).toThrow(RangeError);
    });
});

describe('arithmetic is exact', () => {
    it('0.1 + 0.2 = 0.3', () => {
        expect(ratCmp(ratAdd(ratFromNumber(0.1), ratFromNumber(0.2)), ratFromNumber(0.3))).toBe(0);
    });

    it('4662 / 4662 × 100 = 100', () => {
        expect(ratMul(ratDiv(r(4662), r(4662)), r(100))).toEqual(r(100));
    });

    it('4179 / 4662 × 100 lies between 89.63 and 89.64', () => {
        const rate = ratMul(ratDiv(r(4179), r(4662)), r(100));
        expect(ratCmp(rate, ratFromNumber(89.64))).toBe(-1);
        expect(ratCmp(rate, ratFromNumber(89.63))).toBe(1);
    });

    it('1/3 × 3 = 1 and 1 - 1/3 - 1/3 - 1/3 = 0', () => {
        expect(ratMul(r(1, 3), r(3))).toEqual(r(1));
        expect(ratIsZero(ratSub(ratSub(ratSub(r(1), r(1, 3)), r(1, 3)), r(1, 3)))).toBe(true);
    });

    it('110 % of 3 is 3.3', () => {
        expect(ratMul(ratMul(r(110), r(3)), r(1, 100))).toEqual(ratFromNumber(3.3));
    });

    it('compares across denominators and signs', () => {
        expect(ratCmp(r(1, 3), r(333, 1000))).toBe(1);
        expect(ratCmp(r(-1, 2), r(-1, 3))).toBe(-1);
        expect(ratCmp(r(2, 4), r(1, 2))).toBe(0);
    });
});

describe('floor, ceil, integer, number', () => {
    it.each<[Rational, bigint, bigint]>([
        [r(7, 2), 3n, 4n],
        [r(-7, 2), -4n, -3n],
        [r(6, 2), 3n, 3n],
        [r(-6, 2), -3n, -3n],
        [r(0), 0n, 0n]
    ])('floor and ceil of %o', (x, floor, ceil) => {
        expect(ratFloor(x)).toBe(floor);
        expect(ratCeil(x)).toBe(ceil);
    });

    it('knows integers', () => {
        expect(ratIsInteger(r(4, 2))).toBe(true);
        expect(ratIsInteger(r(5, 2))).toBe(false);
    });

    it('converts to a number close to the value', () => {
        expect(ratToNumber(r(4179 * 100, 4662))).toBeCloseTo(89.6396, 4);
        expect(ratToNumber(r(-7, 2))).toBe(-3.5);
        expect(ratToNumber(ratFromNumber(72.403))).toBe(72.403);
    });
});

describe('formatRat: Vietnamese display that never hides an approximation', () => {
    it.each<[Rational, string]>([
        [r(100), '100'],
        [r(4662), '4.662'],
        [r(1278435), '1.278.435'],
        [ratFromNumber(72.403), '72,403'],
        [ratFromNumber(0.5), '0,5'],
        [r(-5, 2), '-2,5'],
        [r(1, 3), '≈ 0,3333'],
        [r(2, 3), '≈ 0,6667'],
        [r(4179 * 100, 4662), '≈ 89,6396'],
        [ratFromNumber(1.00005), '≈ 1,0001'],
        [r(0), '0']
    ])('%o is shown as %s', (x, text) => {
        expect(formatRat(x)).toBe(text);
    });

    it('takes as many more decimals as it needs not to read as a threshold the value is not', () => {
        // A rounded display that equals the threshold's would read as meeting it beside «chưa đạt».
        expect(formatRatApart(ratFromNumber(49.9999999999999), r(50))).toBe('49,9999999999999');
        expect(formatRatApart(ratFromNumber(95.00004), r(95))).toBe('95,00004');
        expect(formatRatApart(r(100, 3), ratFromNumber(33.3333))).toBe('≈ 33,33333');
        // Apart already, equal, or exact: the four-decimal display.
        expect(formatRatApart(r(4179 * 100, 4662), r(90))).toBe('≈ 89,6396');
        expect(formatRatApart(r(50), r(50))).toBe('50');
        expect(formatRatApart(ratFromNumber(50.00001), ratFromNumber(50.00001))).toBe('≈ 50');
        // Closer than fifteen decimals can show: the rounded display, still marked «≈».
        expect(formatRatApart(rat(10n ** 20n * 50n - 1n, 10n ** 20n), r(50))).toBe('≈ 50');
    });

    it('never shows an amount that is not zero as «≈ 0»', () => {
        expect(formatRatNotZero(ratFromNumber(0.0000000000001))).toBe('0,0000000000001');
        expect(formatRatNotZero(r(1, 300_000))).toBe('≈ 0,000003');
        expect(formatRatNotZero(r(-1, 300_000))).toBe('≈ -0,000003');
        expect(formatRatNotZero(r(1, 3))).toBe('≈ 0,3333');
        expect(formatRatNotZero(rat(1n, 10n ** 20n))).toBe('≈ 0');
    });

    it('takes the number of decimals', () => {
        expect(formatRat(r(1, 3), 2)).toBe('≈ 0,33');
        expect(formatRat(r(1, 4), 2)).toBe('0,25');
    });

    it('shows small numbers (computed in JavaScript numbers) exactly as the BigInt rule shows them', () => {
        // The BigInt rule, as formatRat wrote every number before it had a fast path for small ones.
        const reference = (a: Rational): string => {
            const negative = a.n < 0n;
            const n = negative ? -a.n : a.n;
            const scaled = (n * 20_000n + a.d) / (2n * a.d);
            const whole = (scaled / 10_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
            const fraction = (scaled % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
            const text = (negative ? '-' : '') + whole + (fraction ? ',' + fraction : '');
            return scaled * a.d === n * 10_000n ? text : '≈ ' + text;
        };
        let seed = 12345;
        const next = (limit: number) => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return Math.floor((seed / 2147483648) * limit);
        };
        const magnitudes = [10, 1000, 1e6, 1e9, 2 ** 40, 2 ** 41];
        for (let i = 0; i < 20_000; i++) {
            const n = BigInt(next(magnitudes[next(magnitudes.length)]!)) * (next(4) === 0 ? -1n : 1n);
            const d = BigInt(1 + next(magnitudes[next(magnitudes.length)]!));
            const x = rat(n, d);
            expect(formatRat(x), `${x.n}/${x.d}`).toBe(reference(x));
        }
        for (const x of [rat(-1n, 100_000n), rat(99_995n, 10_000_000n), rat(2n ** 40n - 1n, 3n), rat(1n, 2n ** 40n)]) {
            expect(formatRat(x), `${x.n}/${x.d}`).toBe(reference(x));
        }
    });
});
