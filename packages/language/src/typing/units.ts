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
