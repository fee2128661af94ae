// A fact's value written with its unit (`{ "giá trị": 3138, "đơn vị": "m" }`, «98%»): checked against the
// declared unit, converted exactly when of the same kind.

import type { FactSpec, InputIssue } from './result-types.js';
import type { Rational } from './exact-numbers.js';
import { formatRat, ratMul } from './exact-numbers.js';
import type { NumberScalar } from './fact-table.js';
import { inputIssue } from './fact-table.js';
import { unitConversion, unitMismatchReason } from './units.js';
import { normalizeUnit, shortText } from './names.js';
import { isPlainObject } from './number-input.js';

/** A value given in another unit of the same kind as the fact's: read, then multiplied by `factor`. */
export class ConvertedInput {
    constructor(
        readonly value: unknown,
        readonly factor: Rational,
        readonly unit: string
    ) {}
}

/**
 * `{ "giá trị": 12, "đơn vị": "km" }`: the value, once its unit is checked against the declared one
 * (`m²` and `m2` are the same unit). A unit of the same kind converts exactly (3138 m for a fact in km is
 * 3,138 km); a unit of another kind is an error, undefined. Any other value is returned as is.
 */
export function unwrapUnit(spec: FactSpec, path: readonly string[], given: unknown, issues: InputIssue[]): unknown {
    const value = numberWithUnit(spec, given);
    if (!isPlainObject(value) || !('giá trị' in value)) return value;
    const unit = value['đơn vị'];
    if (unit !== undefined && normalizeUnit(String(unit)) !== normalizeUnit(spec.unit)) {
        const factor = spec.kind === 'percent' || (spec.kind === 'count' && spec.unit === '') ? undefined : unitConversion(String(unit), spec.unit);
        if (factor && spec.unit !== '') return new ConvertedInput(value['giá trị'], factor, normalizeUnit(String(unit)));
        const reason = unitMismatchReason(shortText(String(unit)), spec.unit);
        issues.push(
            inputIssue(
                'error',
                'unit-mismatch',
                [...path, 'đơn vị'],
                `Đơn vị «${shortText(String(unit))}» khác đơn vị khai báo của dữ kiện («${spec.unit || 'không đơn vị'}»)${reason ? `: ${reason}` : ''}.`
            )
        );
        return undefined;
    }
    return value['giá trị'];
}

/** A number, then a unit: «98%», «80,5 triệu đồng/người/năm», «3138 m» (the number as `parseNumber` reads text). */
const NUMBER_THEN_UNIT = /^(-?\d[\d.,]*)\s*([^\d\s.,+-].*)$/u;
const PLAIN_NUMBER_TEXT = /^\s*-?[\d.,]*\s*$/u;

/**
 * A text number written with its unit («98%», «80,5 triệu đồng/người/năm») is read as `{ "giá trị", "đơn vị" }`
 * would be — the unit checked, converted when of the same kind — as a spreadsheet's cell is. Facts without a
 * unit (yes/no, levels, dates) and any other text are left as they are.
 */
function numberWithUnit(spec: FactSpec, value: unknown): unknown {
    if (typeof value !== 'string' || spec.unit === '' || spec.kind === 'boolean' || spec.kind === 'level' || spec.kind === 'date') return value;
    // Most text numbers are digits and separators only («72,403»): no unit to split off.
    if (PLAIN_NUMBER_TEXT.test(value)) return value;
    const split = NUMBER_THEN_UNIT.exec(value.trim());
    if (!split) return value;
    const unit = split[2]!.trim();
    // «5e3», «0x10», «12abc»: letters run on to the digits and are no unit of this fact — a number the
    // reader cannot read, said as such, not «đơn vị e3».
    const attached = !/\s/u.test(value.trim().charAt(split[1]!.length));
    if (attached && unit !== '%' && normalizeUnit(unit) !== normalizeUnit(spec.unit) && unitConversion(unit, spec.unit) === undefined) return value;
    return { 'giá trị': split[1], 'đơn vị': unit };
}

/** A number read in another unit, in the fact's unit: exact; the decimals follow a power-of-ten factor. */
export function converted(scalar: NumberScalar, input: ConvertedInput): NumberScalar {
    const scale = (r: Rational | undefined) => (r === undefined ? undefined : ratMul(r, input.factor));
    const power = powerOfTen(input.factor);
    const decimals = power === undefined ? scalar.decimals : Math.max(0, scalar.decimals - power);
    const written = `${scalar.isBound ? 'khoảng' : formatRat(scalar.r)} ${input.unit}`;
    return { ...scalar, r: ratMul(scalar.r, input.factor), lo: scale(scalar.lo), hi: scale(scalar.hi), decimals, written };
}

/** k for a factor 10^k (k may be negative), else undefined. */
function powerOfTen(factor: Rational): number | undefined {
    const digits = (x: bigint) => (/^10*$/.test(x.toString()) ? x.toString().length - 1 : undefined);
    const up = digits(factor.n);
    const down = digits(factor.d);
    return up === undefined || down === undefined ? undefined : up - down;
}
