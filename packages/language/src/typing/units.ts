/**
 * Units as written in packs ("hộ", "km", "triệu đồng/người/năm"), with the algebra the type checker needs:
 * a product or quotient of units, and equality after cancelling.
 */
export interface UnitTerms {
    readonly numerator: readonly string[];
    readonly denominator: readonly string[];
}

export const PERCENT = '%';
export const UNITLESS = '';

export function parseUnit(unit: string): UnitTerms {
    if (unit === UNITLESS) {
        return { numerator: [], denominator: [] };
    }
    const [first = '', ...rest] = unit.split('/');
    return { numerator: first === '1' || first === '' ? [] : first.split('·'), denominator: rest };
}

export function formatUnit(terms: UnitTerms): string {
    const { numerator, denominator } = cancel(terms);
    if (numerator.length === 0 && denominator.length === 0) {
        return UNITLESS;
    }
    return (numerator.length > 0 ? numerator.join('·') : '1') + denominator.map(d => '/' + d).join('');
}

function cancel(terms: UnitTerms): UnitTerms {
    const denominator = [...terms.denominator];
    const numerator: string[] = [];
    for (const term of terms.numerator) {
        const index = denominator.indexOf(term);
        if (index >= 0) {
            denominator.splice(index, 1);
        } else {
            numerator.push(term);
        }
    }
    return { numerator, denominator };
}

export function multiplyUnits(a: string, b: string): string {
    const x = parseUnit(a);
    const y = parseUnit(b);
    return formatUnit({ numerator: [...x.numerator, ...y.numerator], denominator: [...x.denominator, ...y.denominator] });
}

export function divideUnits(a: string, b: string): string {
    const x = parseUnit(a);
    const y = parseUnit(b);
    return formatUnit({ numerator: [...x.numerator, ...y.denominator], denominator: [...x.denominator, ...y.numerator] });
}

// Units of the same kind at another scale (km and m) convert: see `unitConversion` in @ntm/runtime.
/** Units that measure the same thing at another scale: for quick fixes and hints (values convert
// between them exactly: see `unitConversion` in @ntm/runtime). */
const SAME_DIMENSION: readonly (readonly string[])[] = [
    ['km', 'm'],
    ['ha', 'm2', 'km2'],
    ['đồng', 'nghìn đồng', 'triệu đồng', 'tỷ đồng'],
    ['tấn', 'kg'],
    ['lít', 'm3']
];

export function sameDimensionDifferentScale(a: string, b: string): boolean {
    return SAME_DIMENSION.some(group => group.includes(a) && group.includes(b) && a !== b);
}

/** Each unit of SAME_DIMENSION as a power of ten of the first of its group: every conversion is a decimal shift. */
const POWER_OF_TEN: ReadonlyMap<string, number> = new Map([
    ['km', 3],
    ['m', 0],
    ['ha', 4],
    ['m2', 0],
    ['km2', 6],
    ['đồng', 0],
    ['nghìn đồng', 3],
    ['triệu đồng', 6],
    ['tỷ đồng', 9],
    ['tấn', 3],
    ['kg', 0],
    ['lít', 0],
    ['m3', 3]
]);

/**
 * How many places the decimal point moves to write a quantity in `from` in `to` (500 m → 0,5 km: -3), when
 * the two differ only by the scale of one unit of SAME_DIMENSION (`nghìn đồng/người/năm` and
 * `triệu đồng/người/năm` too); undefined when they measure different things. For quick fixes that rewrite
 * a threshold the analyst sees.
 */
export function decimalShift(from: string, to: string): number | undefined {
    const a = parseUnit(from);
    const b = parseUnit(to);
    if (a.numerator.length !== 1 || b.numerator.length !== 1 || a.denominator.join('/') !== b.denominator.join('/')) return undefined;
    const [x = '', y = ''] = [a.numerator[0], b.numerator[0]];
    if (!sameDimensionDifferentScale(x, y)) return undefined;
    return POWER_OF_TEN.get(x)! - POWER_OF_TEN.get(y)!;
}
