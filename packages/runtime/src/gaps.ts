// How far a failed requirement is from being met («còn thiếu 12 hộ», «cần giảm 1 mức»), in its natural unit,
// with the distance as a fraction of the threshold so that shortfalls of any unit can be ranked.

import type { CompareOp } from './conditions.js';
import type { Rational } from './exact-numbers.js';
import type { Gap } from './result-types.js';
import type { NumVal, UnknownThreshold } from './values.js';
import { formatRat, formatRatNotZero, rat, ratCeil, ratCmp, ratDiv, ratFloor, ratMul, ratSub, ratToNumber } from './exact-numbers.js';
import { showNum } from './values.js';

/** The least a failed value must move for the verdict to change, given only what is known of the threshold. */
export function unknownGap(left: NumVal, op: CompareOp, i: UnknownThreshold, range: string): Gap | undefined {
    const wantsMore = op === '>=' || op === '>';
    const edge = wantsMore ? i.lo : i.hi;
    if (!edge) return undefined;
    const inner = withRelative(compareGap(left, wantsMore ? '>' : '<', edge), left.r, edge);
    const text = inner
        ? `${inner.text.replace(/^còn thiếu /, 'còn thiếu ít nhất ').replace(/^cần giảm /, 'cần giảm ít nhất ')} (ngưỡng chưa biết, chỉ biết ${range})`
        : `ngưỡng chưa biết (${range})`;
    return { amount: inner?.amount ?? 0, unit: inner?.unit ?? left.unit, ...(inner?.relative !== undefined ? { relative: inner.relative } : {}), text };
}

/** The gap of a failed `left op t` on numbers, as `compare` gives it: the fast path computes it only on failure. */
export function numericGap(left: NumVal, op: CompareOp, t: Rational): Gap | undefined {
    return withRelative(compareGap(left, op, t), left.r, t);
}

/** The gap of a failed level requirement, as `compare` gives it. */
export function levelStepsGap(value: number, op: CompareOp, target: number): Gap | undefined {
    return levelGap(value, op, target);
}

/** Adds how far the value is as a fraction of a non-zero threshold, so shortfalls of any unit can be ranked. */
export function withRelative(gap: Gap | undefined, value: Rational, t: Rational): Gap | undefined {
    if (!gap || ratCmp(t, rat(0n)) === 0) return gap;
    const distance = ratSub(value, t);
    const absolute = ratCmp(distance, rat(0n)) < 0 ? ratSub(rat(0n), distance) : distance;
    const threshold = ratCmp(t, rat(0n)) < 0 ? ratSub(rat(0n), t) : t;
    return { ...gap, relative: ratToNumber(ratDiv(absolute, threshold)) };
}

/** «còn thiếu 1 mức»: how many levels of the scale a failed level requirement is short. */
export function levelGap(value: number, op: CompareOp, target: number): Gap | undefined {
    const steps =
        op === '>='
            ? target - value
            : op === '>'
              ? target - value + 1
              : op === '<='
                ? value - target
                : op === '<'
                  ? value - target + 1
                  : op === '='
                    ? Math.abs(target - value)
                    : 0;
    if (steps <= 0) return undefined;
    const text = op === '<=' || op === '<' || (op === '=' && value > target) ? `cần giảm ${steps} mức` : `còn thiếu ${steps} mức`;
    return { amount: steps, unit: 'mức', steps, text };
}

/** How far a failed numeric requirement is, in the natural unit. */
export function compareGap(left: NumVal, requested: CompareOp, t: Rational): Gap | undefined {
    // "= 100%" missed from below is a shortfall, from above an excess.
    const op: CompareOp = requested === '=' ? (ratCmp(left.r, t) < 0 ? '>=' : '<=') : requested;
    const wantsMore = op === '>=' || op === '>';
    const wantsLess = op === '<=' || op === '<';
    if (!wantsMore && !wantsLess) return undefined;
    const parts = left.ratio;
    if (parts && left.unit === '%') {
        // What the numerator must reach (or fall to) for the rate to meet the threshold: a count of
        // households moves by whole units, a length in km by exactly what is missing.
        const exact = ratMul(ratDiv(t, rat(100n)), parts.den);
        const unit = parts.numUnit;
        if (parts.numInteger) {
            const target = wantsMore ? (op === '>=' ? ratCeil(exact) : ratFloor(exact) + 1n) : op === '<=' ? ratFloor(exact) : ratCeil(exact) - 1n;
            const amount = wantsMore ? target - ratFloor(parts.num) : ratFloor(parts.num) - target;
            if (amount > 0n) {
                return {
                    amount: Number(amount),
                    unit,
                    text: wantsMore ? `còn thiếu ${formatRat(rat(amount))} ${unit}` : `cần giảm ${formatRat(rat(amount))} ${unit}`
                };
            }
        } else {
            const amount = wantsMore ? ratSub(exact, parts.num) : ratSub(parts.num, exact);
            if (ratCmp(amount, rat(0n)) > 0) {
                const strict = op === '>' || op === '<';
                const shown = `${formatRatNotZero(amount)}${unit ? ' ' + unit : ''}`;
                return {
                    amount: ratToNumber(amount),
                    unit,
                    text: wantsMore ? (strict ? `cần thêm hơn ${shown}` : `còn thiếu ${shown}`) : strict ? `cần giảm hơn ${shown}` : `cần giảm ${shown}`
                };
            }
        }
    }
    const diff = wantsMore ? ratSub(t, left.r) : ratSub(left.r, t);
    const unit = left.unit === '%' ? 'điểm phần trăm' : left.unit;
    if (ratCmp(diff, rat(0n)) === 0) {
        return {
            amount: 0,
            unit,
            text: wantsMore
                ? `cần cao hơn mức hiện tại (đang bằng đúng ${showNum(t, left.unit)})`
                : `cần thấp hơn mức hiện tại (đang bằng đúng ${showNum(t, left.unit)})`
        };
    }
    // A gap is never zero here: a tiny one shows its digits, not «≈ 0».
    const amountText = formatRatNotZero(diff) + (unit ? ' ' + unit : '');
    const strict = op === '>' || op === '<';
    return {
        amount: ratToNumber(diff),
        unit,
        text: wantsMore
            ? strict
                ? `cần vượt thêm hơn ${amountText}`
                : `còn thiếu ${amountText}`
            : strict
              ? `cần giảm thêm hơn ${amountText}`
              : `vượt ${amountText}`
    };
}
