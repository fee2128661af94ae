// Requirements at run time: comparisons, presence and ranges, with a Vietnamese explanation of every clause
// (their combinations: combinations.ts; how far a failed one is: gaps.ts).

import type { ClauseView, ComputedValue, FactUse, Gap, UnknownThresholdUse, Verdict } from './result-types.js';
import type { Rational } from './exact-numbers.js';
import type { NumberScalar } from './fact-table.js';
import type { NumVal, UnknownThreshold, Val } from './values.js';
import { rat, ratCmp, ratDiv, ratToNumber } from './exact-numbers.js';
import { literalText, showNum, shownValue, showVal, unknownRangeText } from './values.js';
import { merge, NO_ITEMS, unique } from './provenance.js';
import { compareGap, levelGap, unknownGap, withRelative } from './gaps.js';
import { requirementSuffix, rulePrefix, yesNoClause, yesNoLine } from './repeated-texts.js';

export type CompareOp = '>=' | '>' | '<=' | '<' | '=' | '≠';

export interface Cond {
    readonly verdict: Verdict;
    readonly lines: readonly string[];
    readonly missing: readonly string[];
    /** The part of `missing` that is an unknown threshold rather than a commune's fact. */
    readonly missingThresholds?: readonly string[];
    readonly uses: readonly FactUse[];
    readonly unverified: readonly string[];
    readonly inconsistent: readonly string[];
    readonly notApplicableReasons: readonly string[];
    readonly gap?: Gap;
    readonly value?: ComputedValue;
    readonly thresholds: readonly string[];
    /** Each compared clause: the commune's value beside its requirement (see ClauseView). */
    readonly clauses?: readonly ClauseView[];
    /** Unknown thresholds met on the way, and whether only implied bounds decided. */
    readonly unknowns?: readonly UnknownThresholdUse[];
    /** Years of a year window where the rule was not met (for `trừ … mỗi năm không đạt`). */
    readonly failingYears?: readonly number[];
    /** Years of a year window that lack data: each may or may not be a failing year. */
    readonly openYears?: readonly number[];
    /** Members of a collection where the rule was not met (for `trừ … mỗi thôn không đạt`). */
    readonly failingUnits?: readonly string[];
}

export const VERDICT_WORD: Readonly<Record<Verdict, string>> = {
    đạt: 'đạt',
    'chưa đạt': 'chưa đạt',
    'không áp dụng': 'không áp dụng',
    'thiếu dữ liệu': 'thiếu dữ liệu'
};

function base(vals: readonly Val[]): Pick<Cond, 'uses' | 'unverified' | 'inconsistent'> {
    const m = merge(...vals);
    return { uses: m.uses, unverified: m.unverified, inconsistent: m.inconsistent };
}

/**
 * The commune's own value as a table shows it; undefined when the file does not give it. Held to a known number,
 * a rounded value gets the decimals it needs not to read as that number («49,9999999999999 %», not «≈ 50 %»).
 */
function ownValue(v: Val, against?: Val): string | undefined {
    if (v.k === 'missing' || v.k === 'na') return undefined;
    return showVal(v, against?.k === 'num' && !against.unknown && !against.bound?.isBound ? against.r : undefined);
}

function clause(left: Val, requirement: string): ClauseView {
    return clauseOf(ownValue(left), requirement);
}

/** A clause from the commune's value as shown (undefined when the file does not give it). */
function clauseOf(value: string | undefined, requirement: string): ClauseView {
    return value === undefined ? { requirement } : { value, requirement };
}

/** A threshold as written in a requirement: a missing one says in words what is unknown, never «thiếu dữ liệu». */
function thresholdText(v: Val): string {
    if (v.k === 'missing') return `(${v.why ?? `chưa biết: ${v.names.join('; ')}`})`;
    if (v.k === 'na') return `(không áp dụng: ${v.reason})`;
    return shownValue(v);
}

/** `>= 95 %` for a pack's literal threshold, made once per literal and sign (results share it). */
const THRESHOLD_TEXTS = new WeakMap<Val, Partial<Record<CompareOp, string>>>();

function thresholdOf(op: CompareOp, right: Val): string {
    const literal = literalText(right);
    if (literal === undefined) return `${op} ${thresholdText(right)}`;
    let byOp = THRESHOLD_TEXTS.get(right);
    if (byOp === undefined) {
        byOp = {};
        THRESHOLD_TEXTS.set(right, byOp);
    }
    byOp[op] ??= `${op} ${literal}`;
    return byOp[op];
}

function undecided(rule: string, vals: readonly Val[], thresholds: readonly string[], clauses: readonly ClauseView[] = NO_ITEMS): Cond | undefined {
    // Most comparisons have every value: nothing to gather (this runs for every comparison of every commune).
    if (!vals.some(v => v.k === 'missing' || v.k === 'na')) return undefined;
    let missing: string[] | undefined;
    for (const v of vals) {
        if (v.k !== 'missing') continue;
        for (const name of v.names) if (!(missing ??= []).includes(name)) missing.push(name);
    }
    if (missing !== undefined && missing.length > 0) {
        return {
            verdict: 'thiếu dữ liệu',
            missing,
            notApplicableReasons: NO_ITEMS,
            thresholds,
            clauses,
            lines: [`${rule}: thiếu dữ liệu (${missing.join('; ')}).`],
            ...base(vals)
        };
    }
    const na = vals.find(v => v.k === 'na');
    if (na && na.k === 'na') {
        return {
            verdict: 'không áp dụng',
            missing: NO_ITEMS,
            notApplicableReasons: [na.reason],
            thresholds,
            clauses,
            lines: [`${rule}: không áp dụng (${na.reason}).`],
            ...base(vals)
        };
    }
    return undefined;
}

/** Whether a comparison sign (-1, 0, 1) satisfies the operator. */
export function holds(c: number, op: CompareOp): boolean {
    switch (op) {
        case '>=':
            return c >= 0;
        case '>':
            return c > 0;
        case '<=':
            return c <= 0;
        case '<':
            return c < 0;
        case '=':
            return c === 0;
        case '≠':
            return c !== 0;
    }
}

/** Whether `x op t` holds for a number, or for every value of a reported range (true), none (false), or it depends. */
function boundHolds(v: NumVal, op: CompareOp, t: Rational): boolean | undefined {
    return v.bound ? rangeHolds(v.bound, op, t) : holds(ratCmp(v.r, t), op);
}

/** Whether every value of the range `b` satisfies `x op t` (true), none does (false), or it depends. */
export function rangeHolds(b: NumberScalar, op: CompareOp, t: Rational): boolean | undefined {
    const loCmp = b.lo ? ratCmp(b.lo, t) : undefined;
    const hiCmp = b.hi ? ratCmp(b.hi, t) : undefined;
    switch (op) {
        case '>=':
        case '>':
            if (loCmp !== undefined && (loCmp > 0 || (loCmp === 0 && (op === '>=' || b.loOpen)))) return true;
            if (hiCmp !== undefined && (hiCmp < 0 || (hiCmp === 0 && (op === '>' || b.hiOpen)))) return false;
            return undefined;
        case '<=':
        case '<':
            if (hiCmp !== undefined && (hiCmp < 0 || (hiCmp === 0 && (op === '<=' || b.hiOpen)))) return true;
            if (loCmp !== undefined && (loCmp > 0 || (loCmp === 0 && (op === '<' || b.loOpen)))) return false;
            return undefined;
        case '=':
        case '≠': {
            // A range wholly above or below the threshold cannot equal it; «từ 3 đến 3» is exactly 3.
            const apart =
                (hiCmp !== undefined && (hiCmp < 0 || (hiCmp === 0 && b.hiOpen))) || (loCmp !== undefined && (loCmp > 0 || (loCmp === 0 && b.loOpen)));
            if (apart) return op === '≠';
            const point = rangePoint(b);
            return point ? holds(ratCmp(point, t), op) : undefined;
        }
    }
}

/**
 * The commune's value as a number with its unit. `shown` is the value as the comparison already showed it: when
 * that is the bare number (nothing noted of how it was written), the same text serves, formatted once.
 */
function computed(v: Val, shown?: string): ComputedValue | undefined {
    if (v.k !== 'num' || v.bound) return undefined;
    const text = shown !== undefined && !v.written && !v.unknown ? shown : showNum(v.r, v.unit);
    return { value: ratToNumber(v.r), unit: v.unit, text };
}

/** `left op right`, e.g. `rác thải >= 98%`. */
export function compare(rule: string, left: Val, op: CompareOp, right: Val): Cond {
    const threshold = thresholdOf(op, right);
    // The commune's value shown once: for the clause and for the line.
    const own = ownValue(left, right);
    const clauses = [clauseOf(own, threshold)];
    const stop = undecided(rule, [left, right], [threshold], clauses);
    if (stop) return stop;
    if (left.k === 'num' && right.k === 'num' && right.unknown) {
        return compareWithUnknown(rule, left, op, right, right.unknown);
    }
    if (left.k === 'level' && right.k === 'num' && right.unknown?.levels) {
        return compareLevelWithUnknown(rule, left, op, right, right.unknown);
    }
    let ok: boolean | undefined;
    if (left.k === 'num' && right.k === 'num') {
        ok = boundHolds(left, op, right.r);
    } else if (left.k === 'level' && right.k === 'level') {
        ok = holds(Math.sign(left.i - right.i), op);
    } else if (left.k === 'bool' && right.k === 'bool') {
        ok = holds(left.b === right.b ? 0 : 1, op === '≠' ? '≠' : '=');
    } else if (left.k === 'date' && right.k === 'date') {
        ok = holds(left.iso < right.iso ? -1 : left.iso > right.iso ? 1 : 0, op);
    }
    // Past `undecided` the value is neither missing nor not applicable: `own` is its `showVal`.
    const shown = (own ?? showVal(left)) + (left.k === 'num' && left.roundingNote ? ` (${left.roundingNote})` : '');
    if (ok === undefined) {
        const names = left.uses.map(u => u.fact);
        return {
            verdict: 'thiếu dữ liệu',
            missing: names.map(n => `${n} (${(left.k === 'num' && left.bound?.rangeOrigin) || 'giá trị báo cáo'} ${shown} không đủ để so với ${threshold})`),
            notApplicableReasons: NO_ITEMS,
            thresholds: [threshold],
            clauses,
            ...base([left, right]),
            lines: [`${rule}: giá trị ${shown} không đủ để kết luận so với ${threshold}.`]
        };
    }
    const verdict: Verdict = ok ? 'đạt' : 'chưa đạt';
    const from = merge(left, right);
    const gap = ok
        ? undefined
        : left.k === 'num' && right.k === 'num' && !left.bound
          ? withRelative(compareGap(left, op, right.r), left.r, right.r)
          : left.k === 'level' && right.k === 'level'
            ? levelGap(left.i, op, right.i)
            : undefined;
    return {
        verdict,
        missing: NO_ITEMS,
        notApplicableReasons: NO_ITEMS,
        thresholds: [threshold],
        clauses,
        gap,
        value: computed(left, own),
        uses: from.uses,
        unverified: from.unverified,
        inconsistent: from.inconsistent,
        lines: [verdictLine(rule, shown, threshold, right, verdict, gap)]
    };
}

/** `rule: value, yêu cầu threshold → verdict; gap.`, from parts shared across communes where the threshold is the pack's. */
function verdictLine(rule: string, shown: string, threshold: string, right: Val, verdict: Verdict, gap: Gap | undefined): string {
    const word = VERDICT_WORD[verdict];
    const shared = literalText(right) !== undefined;
    const prefix = shared ? rulePrefix(rule) : `${rule}: `;
    const suffix = shared ? requirementSuffix(threshold, verdict, word) : `, yêu cầu ${threshold} → ${word}`;
    return gap ? `${prefix}${shown}${suffix}; ${gap.text}.` : `${prefix}${shown}${suffix}.`;
}

/**
 * What a threshold is for, from the rule that compares with it: the side before the operator («tỷ lệ hộ
 * nghèo» of `tỷ lệ hộ nghèo <= chưa biết "…"`) — the note after `chưa biết` is said once, beside it.
 */
function ruleSubject(rule: string, op: CompareOp): string {
    const at = rule.indexOf(` ${op} `);
    return at > 0 ? rule.slice(0, at).trim() : rule;
}

/**
 * `x op t` where t is a threshold our documents do not give, known only to lie within bounds (implied by
 * verdicts) and natural limits (a threshold is never negative; a rate never above 100%). Decided only when
 * every possible t gives the same verdict; then it says whether the implied bounds were needed.
 */
function compareWithUnknown(rule: string, left: NumVal, op: CompareOp, right: NumVal, u: UnknownThreshold): Cond {
    const threshold = `${op} ${showVal(right)}`;
    const natural: UnknownThreshold = { lo: rat(0n), loOpen: false, hi: left.unit === '%' ? rat(100n) : undefined, hiOpen: false };
    const withBounds: UnknownThreshold = {
        ...u,
        lo: u.lo && ratCmp(u.lo, natural.lo!) >= 0 ? u.lo : natural.lo,
        loOpen: u.lo && ratCmp(u.lo, natural.lo!) >= 0 ? u.loOpen : false,
        hi: u.hi && (!natural.hi || ratCmp(u.hi, natural.hi) <= 0) ? u.hi : natural.hi,
        hiOpen: u.hi && (!natural.hi || ratCmp(u.hi, natural.hi) <= 0) ? u.hiOpen : false
    };
    const naturalOutcome = rangeOutcome(left, op, natural);
    const outcome = rangeOutcome(left, op, withBounds);
    const range = unknownRangeText(withBounds, right.unit);
    const shown = showVal(left) + (left.roundingNote ? ` (${left.roundingNote})` : '');
    const base_ = { ...base([left, right]), thresholds: [threshold], clauses: [clause(left, threshold)] };
    if (outcome === undefined) {
        const subject = ruleSubject(rule, op);
        const missingThreshold =
            u.lo || u.hi
                ? `ngưỡng của «${subject}» (chưa biết; chỉ biết ngưỡng ${range})`
                : `ngưỡng của «${subject}» (chưa biết, tài liệu chưa có${u.note ? `: ${u.note}` : ''})`;
        const use: UnknownThresholdUse = { rule, range, basis: u.basis, note: u.note, decidedByImpliedBounds: false };
        return {
            verdict: 'thiếu dữ liệu',
            notApplicableReasons: NO_ITEMS,
            unknowns: [use],
            ...base_,
            missing: [missingThreshold],
            missingThresholds: [missingThreshold],
            // The commune's value is known; only the threshold is not.
            value: computed(left),
            lines: [`${rule}: ${shown}; ngưỡng chưa biết (${range}) — với giá trị này kết luận phụ thuộc ngưỡng thật → thiếu dữ liệu.`]
        };
    }
    const byImplied = naturalOutcome === undefined;
    const use: UnknownThresholdUse = { rule, range, basis: u.basis, note: u.note, decidedByImpliedBounds: byImplied };
    const verdict: Verdict = outcome ? 'đạt' : 'chưa đạt';
    const gap = outcome || left.bound ? undefined : unknownGap(left, op, withBounds, range);
    const why = byImplied
        ? `chỉ nhờ cận suy ra (${range}${u.basis ? `, suy từ ${u.basis}` : ''}) — kết luận này dựa vào chính kết luận đã biết, chưa kiểm chứng được`
        : `mọi ngưỡng có thể (${range}) đều cho cùng kết quả`;
    return {
        verdict,
        missing: NO_ITEMS,
        notApplicableReasons: NO_ITEMS,
        unknowns: [use],
        gap,
        value: computed(left),
        ...base_,
        lines: [`${rule}: ${shown}, ngưỡng chưa biết; ${why} → ${VERDICT_WORD[verdict]}${gap ? `; ${gap.text}` : ''}.`]
    };
}

/**
 * A level against a level threshold the documents do not give (`>= chưa biết` of a scale): decided when every
 * level of the scale gives the same verdict — the top level meets any `>=` — else «thiếu dữ liệu» naming it.
 */
function compareLevelWithUnknown(rule: string, left: Val & { readonly k: 'level' }, op: CompareOp, right: NumVal, u: UnknownThreshold): Cond {
    const threshold = `${op} ${showVal(right)}`;
    const range = unknownRangeText(u, '');
    const outcome = outcomeOverInterval(rat(BigInt(left.i)), op, u);
    const use: UnknownThresholdUse = { rule, range, basis: u.basis, note: u.note, decidedByImpliedBounds: false };
    const base_ = { ...base([left, right]), thresholds: [threshold], clauses: [clause(left, threshold)], unknowns: [use], notApplicableReasons: NO_ITEMS };
    if (outcome === undefined) {
        const missingThreshold = `ngưỡng của «${ruleSubject(rule, op)}» (chưa biết: ${range}${u.note ? `; ${u.note}` : ''})`;
        return {
            verdict: 'thiếu dữ liệu',
            ...base_,
            missing: [missingThreshold],
            missingThresholds: [missingThreshold],
            lines: [`${rule}: ${left.name}; ngưỡng chưa biết (${range}) — kết luận phụ thuộc mức thật → thiếu dữ liệu.`]
        };
    }
    const verdict: Verdict = outcome ? 'đạt' : 'chưa đạt';
    return {
        verdict,
        ...base_,
        missing: NO_ITEMS,
        lines: [`${rule}: ${left.name}, ngưỡng chưa biết; mọi mức có thể (${range}) đều cho cùng kết quả → ${VERDICT_WORD[verdict]}.`]
    };
}

/**
 * «ít nhất t» of a count the documents do not give: met when `met` reaches every possible t, not met when even
 * the parts still open could not reach the least of them. A percentage (`%` in its bounds) is of `of`.
 */
export function atLeastUnknown(
    what: string,
    met: number,
    open: number,
    of: number,
    count: NumVal
): { verdict: Verdict; line: string; reason: string; missing: string[]; unknown: UnknownThresholdUse } {
    const u = count.unknown!;
    const percent = count.unit === '%';
    const limits: UnknownThreshold = { lo: rat(0n), loOpen: false, hi: percent ? rat(100n) : rat(BigInt(of)), hiOpen: false };
    const natural: UnknownThreshold = { ...u, lo: u.lo ?? limits.lo, hi: u.hi ?? limits.hi };
    const scaled = (n: number) => (percent ? (of === 0 ? rat(0n) : ratDiv(rat(BigInt(n * 100)), rat(BigInt(of)))) : rat(BigInt(n)));
    const decide = (i: UnknownThreshold): Verdict =>
        outcomeOverInterval(scaled(met), '>=', i) === true ? 'đạt' : outcomeOverInterval(scaled(met + open), '>=', i) === false ? 'chưa đạt' : 'thiếu dữ liệu';
    const verdict = decide(natural);
    // Decided only thanks to bounds implied by known verdicts: flagged, as for any unknown threshold.
    const byImplied = verdict !== 'thiếu dữ liệu' && decide(limits) === 'thiếu dữ liệu';
    const range = unknownRangeText(natural, percent ? '%' : '');
    const rule = `ít nhất ${showVal(count)} ${what}`;
    const missing = verdict === 'thiếu dữ liệu' ? [`ngưỡng của «${rule}» (chưa biết; chỉ biết ${range}${u.note ? `; ${u.note}` : ''})`] : [];
    const reason = verdict === 'thiếu dữ liệu' ? `kết luận phụ thuộc số thật (${range})` : `mọi số có thể (${range}) đều cho cùng kết quả`;
    const line = `Đạt ${met}/${of} ${what}, yêu cầu ít nhất ${showVal(count)}: ${reason} → ${VERDICT_WORD[verdict]}.`;
    return { verdict, line, reason, missing, unknown: { rule, range, basis: u.basis, note: u.note, decidedByImpliedBounds: byImplied } };
}

/** A quantifier's result with its unknown count: the threshold named when it is what is missing, the flag carried. */
export function withUnknownCount(result: Cond, count: NumVal, decided: ReturnType<typeof atLeastUnknown>): Cond {
    return {
        ...result,
        missing: [...result.missing, ...decided.missing],
        missingThresholds: [...(result.missingThresholds ?? []), ...decided.missing],
        unverified: unique([...result.unverified, ...count.unverified], s => s),
        unknowns: [...(result.unknowns ?? []), decided.unknown]
    };
}

/**
 * `x op t` for a value the report gives only as a range («trên 60 %»): decided when the whole range gives
 * the same answer. The comparisons are monotonic in x, so the end that favours the rule decides «đạt» and
 * the other end «chưa đạt»; an open end is treated as reached (never concludes more than is known).
 */
function rangeOutcome(left: NumVal, op: CompareOp, i: UnknownThreshold): boolean | undefined {
    const b = left.bound;
    if (!b) return outcomeOverInterval(left.r, op, i);
    const point = rangePoint(b);
    if (point) return outcomeOverInterval(point, op, i);
    const wantsMore = op === '>=' || op === '>';
    const wantsLess = op === '<=' || op === '<';
    // `=`, `≠`: a range that shares no value with the possible thresholds never equals the threshold.
    if (!wantsMore && !wantsLess) return rangesApart(b, i) ? op === '≠' : undefined;
    const [best, worst] = wantsMore ? [b.lo, b.hi] : [b.hi, b.lo];
    if (best && outcomeOverInterval(best, op, i) === true) return true;
    if (worst && outcomeOverInterval(worst, op, i) === false) return false;
    return undefined;
}

/** The one value of a range written with both ends equal and included («từ 3 đến 3»). */
function rangePoint(b: NumberScalar): Rational | undefined {
    return b.lo && b.hi && !b.loOpen && !b.hiOpen && ratCmp(b.lo, b.hi) === 0 ? b.lo : undefined;
}

/** Whether a reported range and the interval of possible thresholds have no value in common. */
function rangesApart(b: NumberScalar, i: UnknownThreshold): boolean {
    const below = b.hi && i.lo && (ratCmp(b.hi, i.lo) < 0 || (ratCmp(b.hi, i.lo) === 0 && (b.hiOpen || i.loOpen)));
    const above = b.lo && i.hi && (ratCmp(b.lo, i.hi) > 0 || (ratCmp(b.lo, i.hi) === 0 && (b.loOpen || i.hiOpen)));
    return Boolean(below || above);
}

/** Whether `x op t` holds for every t in the interval (true), for none (false), or depends (undefined). */
function outcomeOverInterval(x: Rational, op: CompareOp, i: UnknownThreshold): boolean | undefined {
    const cmpLo = i.lo ? ratCmp(x, i.lo) : undefined;
    const cmpHi = i.hi ? ratCmp(x, i.hi) : undefined;
    switch (op) {
        case '>=':
            if (cmpHi !== undefined && cmpHi >= 0) return true;
            if (cmpLo !== undefined && (cmpLo < 0 || (cmpLo === 0 && i.loOpen))) return false;
            return undefined;
        case '>':
            if (cmpHi !== undefined && (cmpHi > 0 || (cmpHi === 0 && i.hiOpen))) return true;
            if (cmpLo !== undefined && cmpLo <= 0) return false;
            return undefined;
        case '<=':
            if (cmpLo !== undefined && cmpLo <= 0) return true;
            if (cmpHi !== undefined && (cmpHi > 0 || (cmpHi === 0 && i.hiOpen))) return false;
            return undefined;
        case '<':
            if (cmpLo !== undefined && (cmpLo < 0 || (cmpLo === 0 && i.loOpen))) return true;
            if (cmpHi !== undefined && cmpHi >= 0) return false;
            return undefined;
        default:
            if ((cmpLo !== undefined && cmpLo < 0) || (cmpHi !== undefined && cmpHi > 0)) return op === '≠';
            return undefined;
    }
}

/** `x từ a đến b`: both ends included. */
export function between(rule: string, left: Val, low: Val, high: Val): Cond {
    const threshold = `từ ${thresholdText(low)} đến ${thresholdText(high)}`;
    const clauses = [clause(left, threshold)];
    const stop = undecided(rule, [left, low, high], [threshold], clauses);
    if (stop) return stop;
    const lowPart = compare(rule, left, '>=', low);
    const highPart = compare(rule, left, '<=', high);
    const parts = [lowPart, highPart];
    const verdict = combineAll(parts.map(p => p.verdict));
    const shown = showVal(left);
    return {
        verdict,
        missing: unique(
            parts.flatMap(p => p.missing),
            s => s
        ),
        missingThresholds: unique(
            parts.flatMap(p => p.missingThresholds ?? []),
            s => s
        ),
        notApplicableReasons: NO_ITEMS,
        thresholds: [threshold],
        clauses,
        gap: lowPart.gap ?? highPart.gap,
        value: lowPart.value,
        ...base([left, low, high]),
        lines: [`${rule}: ${shown}, yêu cầu ${threshold} → ${VERDICT_WORD[verdict]}.`]
    };
}

/** `có X` (or `không có X`): a yes/no fact. */
export function presence(rule: string, v: Val, negated: boolean): Cond {
    const threshold = negated ? 'không' : 'có';
    const clauses = [v.k === 'bool' ? yesNoClause(v.b, !negated) : clause(v, threshold)];
    const stop = undecided(rule, [v], [threshold], clauses);
    if (stop) return stop;
    const ok = v.k === 'bool' && v.b !== negated;
    const verdict: Verdict = ok ? 'đạt' : 'chưa đạt';
    const from = merge(v);
    const line = () => `${rule}: ${showVal(v)}, yêu cầu ${threshold} → ${VERDICT_WORD[verdict]}.`;
    return {
        verdict,
        missing: NO_ITEMS,
        notApplicableReasons: NO_ITEMS,
        thresholds: [threshold],
        clauses,
        uses: from.uses,
        unverified: from.unverified,
        inconsistent: from.inconsistent,
        lines: [v.k === 'bool' ? yesNoLine(rule, v.b, negated, line) : line()]
    };
}

export function combineAll(verdicts: readonly Verdict[]): Verdict {
    if (verdicts.includes('chưa đạt')) return 'chưa đạt';
    if (verdicts.includes('thiếu dữ liệu')) return 'thiếu dữ liệu';
    if (verdicts.length > 0 && verdicts.every(v => v === 'không áp dụng')) return 'không áp dụng';
    return 'đạt';
}
