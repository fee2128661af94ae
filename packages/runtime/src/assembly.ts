// From clause results to indicator, criterion and pack results.

import type {
    CitationInfo,
    CriterionResult,
    EvaluateOptions,
    EvaluationResult,
    FactUse,
    GateResult,
    IndicatorResult,
    InputIssue,
    LegalSourceInfo,
    Note,
    PackInfo,
    RuleSource,
    Verdict,
    VerdictFlag
} from './result-types.js';
import type { EvalContext, FactTable } from './fact-table.js';
import type { CriterionPointsMeta, PointsMeta } from './points.js';
import type { CompareOp } from './conditions.js';
import type { Val } from './values.js';
import { compare } from './conditions.js';
import { numberVal } from './values.js';
import { NO_ITEMS } from './provenance.js';
import { NtmEvaluationError, NtmInputError, RESULT_FORMAT_VERSION } from './result-types.js';
import type { Cond } from './conditions.js';
import { combineAll } from './conditions.js';
import { decideOverReportedValues } from './contradictions.js';
import { dateProblem, parseDate } from './dates.js';
import { inputIssue } from './fact-table.js';
import { shortText } from './names.js';
import { percentAsFractionWarnings } from './input-warnings.js';

export interface IndicatorMeta {
    readonly criterion: string;
    readonly label: string;
    readonly requirementText?: string;
    readonly rule: string;
    readonly citations: readonly CitationInfo[];
    /** Notes of `chưa kiểm chứng` written on the indicator as a whole. */
    readonly unverified?: readonly string[];
    readonly source: RuleSource;
    readonly points?: PointsMeta;
}

/** A citation of a legal source (from the module's table of sources) at a place in it. */
export function cite(source: LegalSourceInfo, location: string): CitationInfo {
    return { ...source, location };
}

/** One version of an indicator: in force from a date (or from the start); absent before it is added. */
export interface IndicatorVersionRun {
    readonly from?: string;
    readonly run?: () => IndicatorResult;
}

/** The version in force on the assessment date; undefined when the indicator does not exist yet. */
export function inForce(versions: readonly IndicatorVersionRun[], at: string): IndicatorResult | undefined {
    let chosen: IndicatorVersionRun | undefined;
    for (const version of versions) {
        if (version.from === undefined || version.from <= at) chosen = version;
    }
    return chosen?.run?.();
}

/** An indicator declared not applicable by a provincial pack or an amendment. */
export function notApplicable(meta: IndicatorMeta, reason: string): IndicatorResult {
    const score = meta.points
        ? { score: { max: Number(meta.points.max), by: 'not-applicable' as const, ledger: ['Không áp dụng: không tính điểm.'], problems: [] } }
        : {};
    return {
        ...score,
        criterion: meta.criterion,
        label: meta.label,
        requirementText: meta.requirementText,
        rule: meta.rule,
        citations: meta.citations,
        verdict: 'không áp dụng',
        flags: [],
        clauses: [],
        factsUsed: [],
        missingFacts: [],
        missingThresholds: [],
        source: meta.source,
        unknownThresholds: [],
        notes: [{ code: 'not-applicable', text: `Không áp dụng: ${meta.source.text}${reason ? ` — ${reason}` : ''}` }],
        explanation: [`Chỉ tiêu ${meta.label} không áp dụng (${meta.source.text})${reason ? `: ${reason}` : ''}.`]
    };
}

export interface CriterionMeta {
    readonly label: string;
    readonly title: string;
    readonly citations: readonly CitationInfo[];
    readonly points?: CriterionPointsMeta;
}

/** `tổng điểm đạt >= …`: a pass mark on the pack's total score. */
export interface PackPassMeta {
    readonly op: CompareOp;
    readonly rule: string;
    readonly value: () => Val;
}

export interface GateMeta {
    readonly text: string;
    readonly rule: string;
    readonly citations: readonly CitationInfo[];
}

/** The indicator's verdict: not applicable when its `(nếu …)` condition (`applicable`) does not hold. */
export function indicator(meta: IndicatorMeta, t: FactTable, requirement: () => Cond, applicable?: Cond): IndicatorResult {
    if (applicable && applicable.verdict !== 'đạt') {
        const verdict: Verdict = applicable.verdict === 'thiếu dữ liệu' ? 'thiếu dữ liệu' : 'không áp dụng';
        const score = meta.points ? { score: meta.points.score(meta.label, meta.points, { ...applicable, verdict }, t) } : {};
        return {
            ...score,
            criterion: meta.criterion,
            label: meta.label,
            requirementText: meta.requirementText,
            rule: meta.rule,
            citations: meta.citations,
            verdict,
            flags: [],
            clauses: [],
            factsUsed: applicable.uses,
            missingFacts: applicable.missing,
            missingThresholds: applicable.missingThresholds ?? [],
            source: meta.source,
            unknownThresholds: [],
            notes: verdict === 'không áp dụng' ? [{ code: 'not-applicable' as const, text: notApplicableText(applicable) }] : [],
            explanation: applicable.lines.map(line => `Điều kiện áp dụng — ${line}`)
        };
    }
    const { cond: result, readings } = decideOverReportedValues(t, requirement);
    const score = meta.points ? meta.points.score(meta.label, meta.points, result, t) : undefined;
    const unverified = meta.unverified !== undefined && meta.unverified.length > 0 ? [...meta.unverified, ...result.unverified] : result.unverified;
    const unknowns = result.unknowns ?? NO_ITEMS;
    const { flags, notes } = verdictMarks(result, unverified, readings, score);
    if (result.verdict === 'không áp dụng') {
        for (const reason of result.notApplicableReasons) notes.push({ code: 'not-applicable', text: `Không áp dụng: ${reason}` });
    }
    return {
        criterion: meta.criterion,
        label: meta.label,
        requirementText: meta.requirementText,
        rule: meta.rule,
        citations: meta.citations,
        verdict: result.verdict,
        flags: kept(flags),
        value: result.value,
        threshold: result.thresholds.length > 1 ? result.thresholds.join('; ') : result.thresholds[0],
        clauses: kept(result.clauses ?? NO_ITEMS),
        factsUsed: kept(result.uses),
        missingFacts: result.missing,
        missingThresholds: result.missingThresholds ?? NO_ITEMS,
        gap: result.gap,
        source: meta.source,
        unknownThresholds: unknowns,
        // Present and undefined when not scored, like value and gap: one shape for every indicator, no spread.
        score,
        notes: kept(notes),
        explanation: explanationOf(result.lines, score?.ledger ?? NO_ITEMS, unverified, meta.source)
    };
}

/**
 * Why an indicator does not apply, from its `(nếu …)` condition: the commune's value beside what the condition
 * asks («số cơ sở chế biến: 0 cơ sở, cần >= 1 cơ sở») — not the condition's own verdict line, whose «chưa đạt;
 * còn thiếu 1 cơ sở» reads as work to do where there is none.
 */
function notApplicableText(applicable: Cond): string {
    const clauses = applicable.clauses ?? NO_ITEMS;
    if (clauses.length === 0) return `Không áp dụng: điều kiện áp dụng không thỏa (${applicable.lines.join(' ')})`;
    const named = clauses.length === 1 && applicable.uses.length === 1 ? `${applicable.uses[0]!.fact}: ` : '';
    const parts = clauses.map(c => `${c.tag ? `${c.tag}: ` : ''}${c.value ?? 'chưa có số liệu'}, cần ${c.requirement}`);
    return `Không áp dụng: điều kiện áp dụng không thỏa — ${named}${parts.join('; ')}.`;
}

/**
 * A list a result keeps, at its own size. A list that grew by `push` holds room for more (17 entries for
 * one); an app that keeps thousands of results would keep that room too. Copying the few lists a result
 * keeps costs less than that memory.
 */
function kept<T>(items: readonly T[]): readonly T[] {
    return items.length === 0 ? NO_ITEMS : items.slice();
}

/** The explanation's lines, made at their own size: the verdict's, the points', unverified thresholds', the source. */
function explanationOf(lines: readonly string[], ledger: readonly string[], unverified: readonly string[], source: IndicatorMeta['source']): string[] {
    const out = new Array<string>(lines.length + ledger.length + unverified.length + 1);
    let at = 0;
    for (const line of lines) out[at++] = line;
    for (const line of ledger) out[at++] = line;
    for (const note of unverified) out[at++] = unverifiedLine(note);
    out[at] = sourceLine(source);
    return out;
}

const SOURCE_LINES = new WeakMap<IndicatorMeta['source'], string>();

/** The explanation's last line, made once per source (every commune's indicator ends with it). */
function sourceLine(source: IndicatorMeta['source']): string {
    let line = SOURCE_LINES.get(source);
    if (line === undefined) {
        line = `Nguồn quy định áp dụng: ${source.text}.`;
        SOURCE_LINES.set(source, line);
    }
    return line;
}

/** The figures a verdict used that date from before the year the rule reads, once each. */
function staleUses(uses: readonly FactUse[]): readonly FactUse[] {
    if (!uses.some(use => use.olderThanYear !== undefined)) return NO_ITEMS;
    const seen = new Set<string>();
    return uses.filter(use => use.olderThanYear !== undefined && !seen.has(use.fact) && Boolean(seen.add(use.fact)));
}

/**
 * A recognition condition (`điều kiện công nhận`): decided like an indicator's requirement, with the same
 * value, threshold, gap, flags and notes, so a failed one says by how much and on what threshold.
 */
export function gate(meta: GateMeta, result: Cond): GateResult {
    const { flags, notes } = verdictMarks(result, result.unverified, NO_ITEMS, undefined);
    return {
        text: meta.text,
        rule: meta.rule,
        verdict: result.verdict,
        flags: kept(flags),
        value: result.value,
        threshold: result.thresholds.length > 1 ? result.thresholds.join('; ') : result.thresholds[0],
        gap: result.gap,
        factsUsed: result.uses,
        missingFacts: result.missing,
        citations: meta.citations,
        notes: kept(notes),
        explanation: result.unverified.length === 0 ? result.lines : [...result.lines, ...result.unverified.map(unverifiedLine)]
    };
}

/** The explanation's line for a threshold not verified against the decision. */
function unverifiedLine(note: string): string {
    return `Kết luận này dựa trên ngưỡng chưa kiểm chứng: ${note}.`;
}

/**
 * The flags of a verdict and the notes behind them, from its condition: thresholds not verified, bounds
 * implied by earlier verdicts, inconsistent or stale data, a report that contradicts itself, and for a scored
 * indicator the score's problems. Shared by indicators and recognition conditions.
 */
function verdictMarks(
    result: Cond,
    unverified: readonly string[],
    readings: readonly string[],
    score: IndicatorResult['score']
): { readonly flags: VerdictFlag[]; readonly notes: Note[] } {
    const flags: VerdictFlag[] = [];
    const unknowns = result.unknowns ?? NO_ITEMS;
    if (unverified.length > 0) flags.push('unverified-threshold');
    if ((result.verdict === 'đạt' || result.verdict === 'chưa đạt') && unknowns.some(u => u.decidedByImpliedBounds)) flags.push('implied-bounds');
    const againstEvidence = score?.by === 'assessor-against-evidence';
    if (result.inconsistent.length > 0 || againstEvidence) flags.push('inconsistent-data');
    const stale = staleUses(result.uses);
    if (stale.length > 0) flags.push('stale-data');
    if (readings.length > 0) flags.push('self-contradictory-report');
    const notes: Note[] = [];
    if (againstEvidence) notes.push({ code: 'score-against-evidence', text: `Dữ liệu không nhất quán: ${score!.ledger[score!.ledger.length - 1]}` });
    for (const problem of score?.problems ?? NO_ITEMS) notes.push({ code: 'score-problem', text: `Điểm: ${problem}` });
    for (const note of unverified) notes.push({ code: 'unverified-threshold', text: `Ngưỡng chưa kiểm chứng: ${note}` });
    for (const note of result.inconsistent) notes.push({ code: 'inconsistent-data', text: `Dữ liệu không nhất quán: ${note}` });
    for (const use of stale) {
        notes.push({ code: 'stale-data', text: `Số liệu cũ: ${use.fact} tính đến ${use.asOf}, trước năm ${use.olderThanYear} mà quy tắc xét` });
    }
    for (const reading of readings) notes.push({ code: 'self-contradictory-report', text: `Báo cáo tự mâu thuẫn: ${reading}` });
    return { flags, notes };
}

/** A criterion is met when all its applicable indicators are. One pass over its indicators: it runs for every commune. */
export function criterion(meta: CriterionMeta, indicators: readonly IndicatorResult[]): CriterionResult {
    // A scored criterion with a pass mark is judged by points (compensatory), not by each requirement.
    const scored = meta.points ? meta.points.score(meta.points, indicators) : undefined;
    const notMet: string[] = [];
    const missingData: string[] = [];
    let flagSet: Set<VerdictFlag> | undefined;
    let met = 0;
    let applicable = 0;
    let anyImplied = false;
    let everyFailingImplied = true;
    for (const i of indicators) {
        const implied = i.flags.length > 0 && i.flags.includes('implied-bounds');
        if (i.verdict !== 'không áp dụng') applicable++;
        if (i.verdict === 'đạt') met++;
        else if (i.verdict === 'chưa đạt') {
            notMet.push(i.label);
            if (!implied) everyFailingImplied = false;
        } else if (i.verdict === 'thiếu dữ liệu') missingData.push(i.label);
        if (implied) anyImplied = true;
        if (i.flags.length > 0) {
            flagSet ??= new Set();
            for (const flag of i.flags) flagSet.add(flag);
        }
    }
    const verdict: Verdict = scored?.cond
        ? scored.cond.verdict
        : indicators.length === 0
          ? 'thiếu dữ liệu'
          : combineCounted(met, notMet.length, missingData.length, indicators.length - applicable);
    // A criterion rests on implied bounds when its verdict would not stand without them: a pass with any
    // indicator decided that way, or a failure whose every failing indicator was.
    const restsOnImplied = verdict === 'đạt' ? anyImplied : verdict === 'chưa đạt' && everyFailingImplied;
    if (!restsOnImplied) flagSet?.delete('implied-bounds');
    if ((scored?.cond?.unverified.length ?? 0) > 0) (flagSet ??= new Set()).add('unverified-threshold');
    if ((scored?.cond?.unknowns ?? []).some(u => u.decidedByImpliedBounds)) (flagSet ??= new Set()).add('implied-bounds');
    const result: CriterionResult = {
        label: meta.label,
        title: meta.title,
        citations: meta.citations,
        flags: flagSet === undefined || flagSet.size === 0 ? NO_ITEMS : [...flagSet],
        verdict,
        indicatorsMet: met,
        indicatorsApplicable: applicable,
        indicatorsNotMet: kept(notMet),
        indicatorsMissingData: kept(missingData)
    };
    // A scored criterion shows its points and why first.
    return scored ? { score: scored.score, explanation: scored.cond?.lines ?? NO_ITEMS, ...result } : result;
}

/** The assessment date is required and must fall within the pack's validity. */
export function assessmentDate(options: EvaluateOptions | undefined, pack: PackInfo): string {
    const given = options?.ngàyĐánhGiá ?? options?.asOf;
    if (given === undefined || given === null || given === '') {
        throw new NtmEvaluationError('Thiếu ngày đánh giá (ngàyĐánhGiá): kết quả phụ thuộc thời điểm xét, không mặc định là hôm nay.');
    }
    const iso = typeof given === 'string' ? parseDate(given) : undefined;
    if (!iso) {
        throw new NtmEvaluationError(
            `Ngày đánh giá «${shortText(String(given))}» không hợp lệ: ${typeof given === 'string' ? dateProblem(given).reason : 'viết YYYY-MM-DD hoặc dd/mm/yyyy'}.`
        );
    }
    if (iso < pack.validFrom || (pack.validTo !== undefined && iso > pack.validTo)) {
        throw new NtmEvaluationError(
            `Ngày đánh giá ${iso} nằm ngoài thời gian hiệu lực của bộ tiêu chí «${pack.title}» (từ ${pack.validFrom}${pack.validTo ? ` đến ${pack.validTo}` : ''}).`
        );
    }
    return iso;
}

export function assemble(
    pack: PackInfo,
    assessedAt: string,
    criteriaMeta: readonly CriterionMeta[],
    indicatorResults: readonly (IndicatorResult | undefined)[],
    gates: readonly GateResult[],
    inputIssues: readonly InputIssue[],
    ctx: EvalContext,
    packPass?: PackPassMeta
): EvaluationResult {
    const indicators = indicatorResults.filter((i): i is IndicatorResult => i !== undefined);
    const suspect = percentAsFractionWarnings(indicators);
    const issues = withScoreIssues(suspect.length > 0 ? [...inputIssues, ...suspect] : inputIssues, indicators);
    // The module's contract: verdicts only from inputs without errors, never a partial result that looks whole.
    if (issues.some(issue => issue.severity === 'error')) {
        throw new NtmInputError(issues);
    }
    const byCriterion = new Map<string, IndicatorResult[]>();
    for (const i of indicators) {
        const list = byCriterion.get(i.criterion);
        if (list === undefined) byCriterion.set(i.criterion, [i]);
        else list.push(i);
    }
    const criteria = criteriaMeta.map(meta => criterion(meta, byCriterion.get(meta.label) ?? NO_ITEMS));
    // One pass over the criteria (this runs for every commune).
    let metCount = 0;
    const notMet: string[] = [];
    const missing: string[] = [];
    const criteriaOnImplied: string[] = [];
    for (const c of criteria) {
        if (c.verdict === 'đạt' || c.verdict === 'không áp dụng') metCount++;
        else if (c.verdict === 'chưa đạt') notMet.push(c.label);
        else missing.push(c.label);
        if (c.flags.length > 0 && c.flags.includes('implied-bounds')) criteriaOnImplied.push(c.label);
    }
    const scoredCriteria = criteria.filter(c => c.score);
    const total = scoredCriteria.length === 0 ? undefined : totalPoints(scoredCriteria);
    const totalCond = packPass && total ? compare(`tổng điểm ${packPass.op} ${packPass.rule}`, totalVal(total), packPass.op, packPass.value()) : undefined;
    const points = total && totalCond ? { ...total, passMark: totalCond.thresholds.join('; '), passVerdict: totalCond.verdict } : total;
    // Recognition needs every criterion (one not applicable counts as met), every gate and the pass mark.
    const others = gates.map(g => g.verdict);
    if (totalCond) others.push(totalCond.verdict);
    const recognition = combineCounted(metCount, notMet.length, missing.length, 0, others);
    let gatesMet = 0;
    const gatesOnUnverified: string[] = [];
    for (const g of gates) {
        if (g.verdict === 'đạt') gatesMet++;
        if (g.flags.length > 0 && g.flags.includes('unverified-threshold')) gatesOnUnverified.push(g.text);
    }
    const onImplied: string[] = [];
    const onUnverified: string[] = [];
    const inRange: string[] = [];
    const againstEvidence: string[] = [];
    let indicatorsMet = 0;
    let indicatorsApplicable = 0;
    for (const i of indicators) {
        if (i.verdict !== 'không áp dụng') indicatorsApplicable++;
        if (i.verdict === 'đạt') indicatorsMet++;
        if (i.flags.length > 0) {
            if (i.flags.includes('implied-bounds')) onImplied.push(i.label);
            if (i.flags.includes('unverified-threshold')) onUnverified.push(i.label);
        }
        if (i.score?.by === 'assessor-in-range') inRange.push(i.label);
        else if (i.score?.by === 'assessor-against-evidence') againstEvidence.push(i.label);
    }
    return {
        resultFormat: RESULT_FORMAT_VERSION,
        pack,
        assessedAt,
        indicators,
        criteria,
        gates,
        inputIssues: issues,
        context: {
            ...(ctx.region ? { region: ctx.region } : {}),
            ...(ctx.regionNote ? { regionNote: ctx.regionNote } : {}),
            ...(ctx.group ? { group: ctx.group } : {}),
            year: ctx.year
        },
        summary: {
            criteriaOnImpliedBounds: kept(criteriaOnImplied),
            indicatorsOnImpliedBounds: kept(onImplied),
            indicatorsOnUnverifiedThresholds: kept(onUnverified),
            gatesOnUnverifiedThresholds: kept(gatesOnUnverified),
            ...(points ? { points } : {}),
            scoresEnteredInRange: kept(inRange),
            scoresAgainstEvidence: kept(againstEvidence),
            criteriaMet: metCount,
            criteriaTotal: criteria.length,
            criteriaNotMet: kept(notMet),
            criteriaMissingData: kept(missing),
            indicatorsMet,
            indicatorsTotal: indicatorsApplicable,
            recognition,
            text: summaryText(metCount, criteria.length, total, gatesMet, gates.length)
        }
    };
}

/** «đạt 18/19 tiêu chí, 95/100 điểm, 2/3 điều kiện công nhận»; a pack of conditions only counts its conditions. */
function summaryText(
    met: number,
    criteria: number,
    total: { readonly awarded?: number; readonly max: number } | undefined,
    gatesMet: number,
    gates: number
): string {
    const parts: string[] = [];
    if (criteria > 0 || gates === 0) parts.push(`${met}/${criteria} tiêu chí`);
    if (total?.awarded !== undefined) parts.push(`${formatPoints(total.awarded)}/${formatPoints(total.max)} điểm`);
    if (gates > 0) parts.push(`${gatesMet}/${gates} điều kiện công nhận`);
    return `đạt ${parts.join(', ')}`;
}

/**
 * `combineAll` of verdicts counted rather than listed (with `others` listed): it reads only which verdicts
 * occur, so each one present is given once.
 */
function combineCounted(met: number, notMet: number, missing: number, notApplicable: number, others: readonly Verdict[] = NO_ITEMS): Verdict {
    const present: Verdict[] = [...others];
    if (met > 0) present.push('đạt');
    if (notMet > 0) present.push('chưa đạt');
    if (missing > 0) present.push('thiếu dữ liệu');
    if (notApplicable > 0) present.push('không áp dụng');
    return combineAll(present);
}

/** The input's warnings with the entered scores' problems (errors) and notices (warnings), by indicator. */
function withScoreIssues(inputIssues: readonly InputIssue[], indicators: readonly IndicatorResult[]): readonly InputIssue[] {
    let issues: InputIssue[] | undefined;
    for (const i of indicators) {
        const score = i.score;
        if (score === undefined || (score.problems.length === 0 && (score.notices ?? NO_ITEMS).length === 0)) continue;
        issues ??= [...inputIssues];
        for (const message of score.problems) issues.push(inputIssue('error', 'invalid-score', ['điểm thẩm tra', i.label], message));
        for (const message of score.notices ?? NO_ITEMS) issues.push(inputIssue('warning', 'invalid-score', ['điểm thẩm tra', i.label], message));
    }
    return issues ?? inputIssues;
}

function formatPoints(n: number): string {
    return String(Math.round(n * 100) / 100).replace('.', ',');
}

/** The pack's total over its scored criteria: a range while any criterion score is not known. */
function totalPoints(criteria: readonly CriterionResult[]): { max: number; awarded?: number; possible?: { min: number; max: number } } {
    let max = 0,
        low = 0,
        high = 0,
        known = true;
    for (const c of criteria) {
        const s = c.score!;
        max += s.max;
        if (s.awarded !== undefined) {
            low += s.awarded;
            high += s.awarded;
        } else {
            known = false;
            low += s.possible?.min ?? 0;
            high += s.possible?.max ?? s.max;
        }
    }
    const round = (n: number) => Math.round(n * 1e9) / 1e9;
    return known ? { max: round(max), awarded: round(low) } : { max: round(max), possible: { min: round(low), max: round(high) } };
}

function totalVal(total: { awarded?: number; possible?: { min: number; max: number } }): Val {
    const num = (n: number): Val => numberVal(String(n), 'điểm');
    if (total.awarded !== undefined) return num(total.awarded);
    const lo = num(total.possible!.min);
    const hi = num(total.possible!.max);
    if (lo.k !== 'num' || hi.k !== 'num') return lo;
    return { ...lo, bound: { t: 'num', r: lo.r, lo: lo.r, hi: hi.r, loOpen: false, hiOpen: false, isBound: true, decimals: 2 } };
}
