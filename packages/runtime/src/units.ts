// Units of the same kind of quantity convert exactly: 500 m is 0,5 km, 1 ha is 10.000 m², 72.403 nghìn đồng is
// 72,403 triệu đồng. The compiler uses this to compare a fact in km with a threshold in m, the runtime to read
// a value given in m for a fact declared in km. Units of different kinds never convert (a clear error instead).

import type { Rational } from './exact-numbers.js';
import { rat, ratDiv, ratMul } from './exact-numbers.js';
import { normalizeUnit } from './names.js';

/** The kinds of quantity that convert, in the words of messages. */
export const DIMENSION_LABELS = {
    length: 'chiều dài',
    area: 'diện tích',
    volume: 'thể tích',
    mass: 'khối lượng',
    money: 'tiền',
    time: 'thời gian'
} as const;

export type Dimension = keyof typeof DIMENSION_LABELS;

/**
 * Each convertible unit (as normalizeUnit writes it): its kind and how many base units it is. Only exact,
 * unambiguous ratios: no «sào» (360 m² in the north, 500 m² in the centre), no «ngày» per «năm» (365 or 366).
 */
const UNIT_SCALES: Readonly<Record<string, readonly [Dimension, bigint, bigint]>> = {
    mm: ['length', 1n, 1000n],
    cm: ['length', 1n, 100n],
    m: ['length', 1n, 1n],
    km: ['length', 1000n, 1n],
    m2: ['area', 1n, 1n],
    ha: ['area', 10_000n, 1n],
    km2: ['area', 1_000_000n, 1n],
    lít: ['volume', 1n, 1n],
    m3: ['volume', 1000n, 1n],
    kg: ['mass', 1n, 1n],
    yến: ['mass', 10n, 1n],
    tạ: ['mass', 100n, 1n],
    tấn: ['mass', 1000n, 1n],
    đồng: ['money', 1n, 1n],
    'nghìn đồng': ['money', 1000n, 1n],
    'triệu đồng': ['money', 1_000_000n, 1n],
    'tỷ đồng': ['money', 1_000_000_000n, 1n],
    tháng: ['time', 1n, 1n],
    quý: ['time', 3n, 1n],
    năm: ['time', 12n, 1n]
};

/** Other spellings analysts write for the same unit. */
const UNIT_ALIASES: Readonly<Record<string, string>> = { 'ngàn đồng': 'nghìn đồng', 'tỉ đồng': 'tỷ đồng', lit: 'lít', l: 'lít' };

interface Term {
    /** The kind of quantity, or the unit itself when it does not convert (hộ, người). */
    readonly key: string;
    readonly factor: Rational;
    readonly dimension?: Dimension;
}

function term(text: string): Term {
    const unit = UNIT_ALIASES[text] ?? text;
    const scale = UNIT_SCALES[unit];
    return scale ? { key: `#${scale[0]}`, factor: rat(scale[1], scale[2]), dimension: scale[0] } : { key: unit, factor: rat(1n) };
}

/** `triệu đồng/người/năm` → numerator [triệu đồng], denominator [người, năm]. */
function terms(unit: string): { readonly numerator: readonly Term[]; readonly denominator: readonly Term[] } {
    const normalized = normalizeUnit(unit);
    if (normalized === '') return { numerator: [], denominator: [] };
    const [first = '', ...rest] = normalized.split('/');
    return { numerator: first === '' || first === '1' ? [] : first.split('·').map(term), denominator: rest.map(term) };
}

function signature(list: readonly Term[]): string {
    return list
        .map(t => t.key)
        .sort()
        .join('\u0000');
}

function product(list: readonly Term[]): Rational {
    return list.reduce((acc, t) => ratMul(acc, t.factor), rat(1n));
}

/**
 * The factor that turns a value in `from` into the same quantity in `to` (500 m × 1/1000 = 0,5 km); 1 for
 * the same unit; undefined when the two are not the same kind of quantity.
 */
export function unitConversion(from: string, to: string): Rational | undefined {
    // A unit cut short by a syntax error reaches here as undefined: it is no unit.
    if (typeof from !== 'string' || typeof to !== 'string') return from === to ? rat(1n) : undefined;
    if (normalizeUnit(from) === normalizeUnit(to)) return rat(1n);
    const a = terms(from);
    const b = terms(to);
    if (signature(a.numerator) !== signature(b.numerator) || signature(a.denominator) !== signature(b.denominator)) return undefined;
    return ratDiv(ratDiv(product(a.numerator), product(a.denominator)), ratDiv(product(b.numerator), product(b.denominator)));
}

/** «chiều dài», «diện tích/người» …: the kind of quantity of a unit, for messages; undefined when no part converts. */
export function dimensionText(unit: string): string | undefined {
    if (typeof unit !== 'string') return undefined;
    const { numerator, denominator } = terms(unit);
    if (![...numerator, ...denominator].some(t => t.dimension)) return undefined;
    const words = (list: readonly Term[]) => list.map(t => (t.dimension ? DIMENSION_LABELS[t.dimension] : t.key));
    return [words(numerator).join('·') || '1', ...words(denominator)].join('/');
}

/**
 * Why two units cannot be converted, in Vietnamese: «km là chiều dài, ha là diện tích». Empty when neither
 * is a unit that converts, or when they differ in a part that does not convert (`người` against `hộ`).
 */
export function unitMismatchReason(a: string, b: string): string {
    const da = dimensionText(a);
    const db = dimensionText(b);
    if (da === undefined || db === undefined) return '';
    // Parts that do not convert (người, ngày đêm) differ: a different or misspelt unit, not another kind.
    const literal = (unit: string) => {
        const { numerator, denominator } = terms(unit);
        return `${signature(numerator.filter(t => !t.dimension))}/${signature(denominator.filter(t => !t.dimension))}`;
    };
    if (literal(a) !== literal(b)) return '';
    return `${a} là ${da}, ${b} là ${db}: không đổi được cho nhau`;
}
