// Points of scored packs (kiểu mẫu): an indicator's score from its rule and deductions, or from the
// assessor where the rule leaves a range; a criterion's score as the sum, judged against its pass mark.

import type { CriterionScore, IndicatorResult, IndicatorScore } from './result-types.js';
import type { Rational } from './exact-numbers.js';
import type { FactTable } from './fact-table.js';
import type { CompareOp, Cond } from './conditions.js';
import type { Val } from './values.js';
import { formatRat, rat, ratAdd, ratCmp, ratDiv, ratMul, ratSub, ratToNumber } from './exact-numbers.js';
import { compare } from './conditions.js';
import { lit } from './values.js';

export interface DeductionMeta {
    readonly kind: 'computed' | 'discretionary';
    /** Computed: points taken per failing year, member, or once. */
    readonly amount?: string;
    /** Discretionary: the least and most taken per failing unit; no `most` means «đến hết điểm». */
    readonly least?: string;
    readonly most?: string;
    readonly per: 'year' | 'unit' | 'once';
    readonly text: string;
}

export interface PointsMeta {
    readonly max: string;
    readonly deductions: readonly DeductionMeta[];
    /** `scoreIndicator`, named by the module that has points, so a bundle of a pack without them leaves scoring out. */
    readonly score: typeof scoreIndicator;
}

function dec(text: string): Rational {
    const v = lit(text, '');
    return v.k === 'num' ? v.r : rat(0n);
}

function showPoints(r: Rational): string {
    return formatRat(r, 2);
}

function maxOf(a: Rational, b: Rational): Rational {
    return ratCmp(a, b) >= 0 ? a : b;
}

/** The score of one indicator, with its ledger; never below zero, never above its maximum. */
export function scoreIndicator(label: string, points: PointsMeta, cond: Cond, t: FactTable): IndicatorScore {
    const max = dec(points.max);
    const zero = rat(0n);
    const verified = t.scores?.verified.get(label);
    const self = t.scores?.self.get(label);
    const against = t.scores?.againstEvidence.get(label);
    const ledger: string[] = [];
    const problems: string[] = [];
    const notices: string[] = [];
    const base = { max: ratToNumber(max), ...(self !== undefined ? { self: ratToNumber(self) } : {}) };
    if (cond.verdict === 'không áp dụng') {
        return { ...base, by: 'not-applicable', ledger: ['Không áp dụng: không tính điểm, tối đa của tiêu chí giảm tương ứng.'], problems };
    }
    let ruleScore: Rational | undefined;
    let range: [Rational, Rational] | undefined;
    if (cond.verdict === 'đạt') {
        ruleScore = max;
        ledger.push(`Đạt yêu cầu: ${showPoints(max)}/${showPoints(max)} điểm.`);
    } else if (cond.verdict === 'chưa đạt') {
        const deduction = points.deductions[0];
        const failingYears = cond.failingYears ?? [];
        const failingUnits = cond.failingUnits ?? [];
        const n = !deduction || deduction.per === 'once' ? 1 : deduction.per === 'year' ? failingYears.length : failingUnits.length;
        // Years without data may be failing years too: the score is then a range, never a guess.
        const open = deduction?.per === 'year' ? (cond.openYears ?? []).length : 0;
        const which = deduction?.per === 'year' ? ` (${failingYears.join(', ')})` : deduction?.per === 'unit' ? ` (${failingUnits.join(', ')})` : '';
        const count = deduction?.per === 'year' ? `${n} năm không đạt${which}` : deduction?.per === 'unit' ? `${n} đơn vị không đạt${which}` : 'một lần';
        if (!deduction) {
            ruleScore = zero;
            ledger.push(`Chưa đạt yêu cầu và quy tắc không cho điểm từng phần: 0/${showPoints(max)} điểm.`);
        } else if (deduction.kind === 'computed' && open > 0) {
            const amount = dec(deduction.amount ?? '0');
            range = [maxOf(zero, ratSub(max, ratMul(amount, rat(BigInt(n + open))))), maxOf(zero, ratSub(max, ratMul(amount, rat(BigInt(n)))))];
            ledger.push(
                `Chưa đạt: trừ ${deduction.amount} × ${count}; thêm ${open} năm thiếu số liệu (${(cond.openYears ?? []).join(', ')}) có thể cũng không đạt → từ ${showPoints(range[0])} đến ${showPoints(range[1])}/${showPoints(max)} điểm.`
            );
        } else if (deduction.kind === 'computed') {
            const taken = ratMul(dec(deduction.amount ?? '0'), rat(BigInt(n)));
            ruleScore = maxOf(zero, ratSub(max, taken));
            ledger.push(
                `Chưa đạt: trừ ${deduction.amount} × ${count} = ${showPoints(taken)} điểm` +
                    (ratCmp(taken, max) > 0 ? `, vượt tối đa nên còn 0 (không âm)` : '') +
                    ` → ${showPoints(ruleScore)}/${showPoints(max)} điểm (${deduction.text}).`
            );
        } else {
            const least = ratMul(dec(deduction.least ?? '0'), rat(BigInt(n)));
            const most = deduction.most === undefined ? max : ratMul(dec(deduction.most), rat(BigInt(n + open)));
            range = [maxOf(zero, ratSub(max, most)), maxOf(zero, ratSub(max, least))];
            ledger.push(
                `Chưa đạt: quy tắc để thẩm định viên trừ tùy mức (${deduction.text}), ${count}: điểm được phép từ ${showPoints(range[0])} đến ${showPoints(range[1])}/${showPoints(max)}.`
            );
        }
    } else {
        range = [zero, max];
        ledger.push(`Thiếu dữ liệu để kết luận yêu cầu: điểm có thể từ 0 đến ${showPoints(max)}.`);
    }
    if (verified !== undefined && ratCmp(verified, max) > 0) {
        problems.push(`Điểm thẩm tra ${showPoints(verified)} vượt tối đa ${showPoints(max)} của chỉ tiêu ${label}.`);
        return { ...base, by: 'undetermined', ...(range ? { possible: { min: ratToNumber(range[0]), max: ratToNumber(range[1]) } } : {}), ledger, problems };
    }
    if (against !== undefined) {
        if (verified === undefined) {
            problems.push(`Khai «điểm trái số liệu» cho chỉ tiêu ${label} nhưng không có «điểm thẩm tra».`);
        } else {
            const byRule =
                ruleScore !== undefined
                    ? `theo quy tắc ${showPoints(ruleScore)}`
                    : range
                      ? `quy tắc cho phép ${showPoints(range[0])}–${showPoints(range[1])}`
                      : '';
            ledger.push(
                `Điểm thẩm tra ${showPoints(verified)}/${showPoints(max)} do báo cáo chấm trái với số liệu của chính nó (${byRule}): ${against.replace(/[.。]+$/, '')}.`
            );
            return { ...base, awarded: ratToNumber(verified), by: 'assessor-against-evidence', ledger, problems };
        }
    }
    if (ruleScore !== undefined) {
        if (verified !== undefined && ratCmp(verified, ruleScore) !== 0) {
            problems.push(
                `Điểm thẩm tra ${showPoints(verified)} khác điểm theo quy tắc ${showPoints(ruleScore)} ở chỉ tiêu ${label}; dùng điểm theo quy tắc (nếu báo cáo chấm trái số liệu, khai trong «điểm trái số liệu»).`
            );
        }
        return { ...base, awarded: ratToNumber(ruleScore), by: 'rule', ledger, problems };
    }
    const possible = range ? { min: ratToNumber(range[0]), max: ratToNumber(range[1]) } : undefined;
    if (cond.verdict === 'chưa đạt' && range) {
        if (verified === undefined) {
            // Not an input error: the rule leaves the score to the assessor, and until it is entered it is open.
            ledger.push(
                `Quy tắc để thẩm định viên chấm từ ${showPoints(range[0])} đến ${showPoints(range[1])}; chưa có «điểm thẩm tra» nên điểm chưa xác định.`
            );
        } else if (ratCmp(verified, range[0]) < 0 || ratCmp(verified, range[1]) > 0) {
            problems.push(
                `Điểm thẩm tra ${showPoints(verified)} của chỉ tiêu ${label} nằm ngoài khoảng quy tắc cho phép (${showPoints(range[0])}–${showPoints(range[1])}).`
            );
        } else {
            ledger.push(`Thẩm định viên chấm ${showPoints(verified)} (trong khoảng ${showPoints(range[0])}–${showPoints(range[1])}).`);
            return { ...base, awarded: ratToNumber(verified), possible, by: 'assessor-in-range', ledger, problems };
        }
    } else if (verified !== undefined) {
        notices.push(
            `Chỉ tiêu ${label} thiếu dữ liệu nên không tính được điểm; điểm thẩm tra ${showPoints(verified)} chưa được dùng (nếu báo cáo chấm dù thiếu số liệu, khai trong «điểm trái số liệu»).`
        );
    }
    return { ...base, by: 'undetermined', ...(possible ? { possible } : {}), ledger, problems, ...(notices.length > 0 ? { notices } : {}) };
}

export interface CriterionPointsMeta {
    readonly max: string;
    readonly passMark?: { readonly op: CompareOp; readonly rule: string; readonly value: () => Val };
    /** `scoreCriterion`, named by the module (see `PointsMeta.score`). */
    readonly score: typeof scoreCriterion;
}

function pointsVal(r: Rational, lo?: Rational, hi?: Rational): Val {
    const bound =
        lo !== undefined && hi !== undefined && ratCmp(lo, hi) !== 0
            ? { t: 'num' as const, r: lo, lo, hi, loOpen: false, hiOpen: false, isBound: true, decimals: 2 }
            : undefined;
    return { k: 'num', r, unit: 'điểm', integer: false, bound, uses: [], unverified: [], inconsistent: [] };
}

/**
 * A criterion's score is the sum of its indicators'. Not-applicable indicators leave both the score and the
 * maximum; the pass mark is then applied to the score scaled back to the full maximum. Unknown scores make
 * the sum a range, and the verdict is decided only if the whole range falls on one side of the pass mark.
 */
export function scoreCriterion(meta: CriterionPointsMeta, indicators: readonly IndicatorResult[]): { score: CriterionScore; cond?: Cond } {
    const full = dec(meta.max);
    let applicableMax = rat(0n);
    let known = rat(0n);
    let low = rat(0n);
    let high = rat(0n);
    let allKnown = true;
    let self: Rational | undefined = rat(0n);
    for (const indicator of indicators) {
        const s = indicator.score;
        if (!s || s.by === 'not-applicable') continue;
        const max = dec(String(s.max));
        applicableMax = ratAdd(applicableMax, max);
        if (s.awarded !== undefined) {
            const a = dec(String(s.awarded));
            known = ratAdd(known, a);
            low = ratAdd(low, a);
            high = ratAdd(high, a);
        } else {
            allKnown = false;
            low = ratAdd(low, dec(String(s.possible?.min ?? 0)));
            high = ratAdd(high, dec(String(s.possible?.max ?? s.max)));
        }
        self = s.self !== undefined && self !== undefined ? ratAdd(self, dec(String(s.self))) : undefined;
    }
    const anySelf = indicators.some(i => i.score?.self !== undefined);
    const score: CriterionScore = {
        max: ratToNumber(full),
        applicableMax: ratToNumber(applicableMax),
        ...(allKnown ? { awarded: ratToNumber(known) } : { possible: { min: ratToNumber(low), max: ratToNumber(high) } }),
        ...(meta.passMark ? { passMark: `${meta.passMark.op} ${meta.passMark.rule}` } : {}),
        ...(anySelf && self !== undefined ? { self: ratToNumber(self) } : {})
    };
    if (!meta.passMark || ratCmp(applicableMax, rat(0n)) === 0) return { score };
    const scale = ratCmp(applicableMax, full) === 0 ? rat(1n) : ratDiv(full, applicableMax);
    const value = allKnown ? pointsVal(ratMul(known, scale)) : pointsVal(ratMul(low, scale), ratMul(low, scale), ratMul(high, scale));
    const scaledNote = ratCmp(scale, rat(1n)) === 0 ? '' : ` (quy về thang ${showPoints(full)} vì có chỉ tiêu không áp dụng)`;
    const cond = compare(`điểm tiêu chí${scaledNote} ${meta.passMark.op} ${meta.passMark.rule}`, value, meta.passMark.op, meta.passMark.value());
    return { score, cond };
}
