// From clause results to indicator, criterion and pack results. Embedded verbatim in each generated module
// (imports and `export` stripped).

import type {
    CitationInfo, CriterionResult, EvaluateOptions, EvaluationResult, GateResult, IndicatorResult, InputIssue,
    PackInfo, RuleSource, Verdict, VerdictFlag
} from './result-types.js';
import type { EvalContext } from './fact-input.js';
import { NtmEvaluationError, RESULT_FORMAT_VERSION } from './result-types.js';
import type { Cond } from './conditions.js';
import { combineAll } from './conditions.js';
import { parseDate } from './fact-input.js';

export interface IndicatorMeta {
    readonly criterion: string;
    readonly label: string;
    readonly requirementText?: string;
    readonly rule: string;
    readonly citations: readonly CitationInfo[];
    /** Notes of `chưa kiểm chứng` written on the indicator as a whole. */
    readonly unverified: readonly string[];
    readonly source: RuleSource;
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
    return {
        criterion: meta.criterion, label: meta.label, requirementText: meta.requirementText, rule: meta.rule,
        citations: meta.citations, verdict: 'không áp dụng', flags: [], factsUsed: [], missingFacts: [],
        source: meta.source, unknownThresholds: [],
        notes: [`Không áp dụng: ${meta.source.text}${reason ? ` — ${reason}` : ''}`],
        explanation: [`Chỉ tiêu ${meta.label} không áp dụng (${meta.source.text})${reason ? `: ${reason}` : ''}.`]
    };
}

export interface CriterionMeta {
    readonly label: string;
    readonly title: string;
    readonly citations: readonly CitationInfo[];
}

export interface GateMeta {
    readonly text: string;
    readonly rule: string;
    readonly citations: readonly CitationInfo[];
}

/** The indicator's verdict: not applicable when its `(nếu …)` condition does not hold. */
export function indicator(meta: IndicatorMeta, applicable: Cond | undefined, requirement: () => Cond): IndicatorResult {
    if (applicable && applicable.verdict !== 'đạt') {
        const verdict: Verdict = applicable.verdict === 'thiếu dữ liệu' ? 'thiếu dữ liệu' : 'không áp dụng';
        return {
            criterion: meta.criterion, label: meta.label, requirementText: meta.requirementText, rule: meta.rule,
            citations: meta.citations, verdict, flags: [], factsUsed: applicable.uses, missingFacts: applicable.missing,
            source: meta.source, unknownThresholds: [],
            notes: verdict === 'không áp dụng' ? [`Không áp dụng: điều kiện áp dụng không thỏa (${applicable.lines.join(' ')})`] : [],
            explanation: applicable.lines.map(line => `Điều kiện áp dụng — ${line}`)
        };
    }
    const result = requirement();
    const unverified = [...meta.unverified, ...result.unverified];
    const flags: VerdictFlag[] = [];
    const unknowns = result.unknowns ?? [];
    if (unverified.length > 0) flags.push('ngưỡng chưa kiểm chứng');
    if ((result.verdict === 'đạt' || result.verdict === 'chưa đạt') && unknowns.some(u => u.decidedByImpliedBounds)) flags.push('dựa trên cận suy ra');
    if (result.inconsistent.length > 0) flags.push('dữ liệu không nhất quán');
    const notes = [
        ...unverified.map(note => `Ngưỡng chưa kiểm chứng: ${note}`),
        ...result.inconsistent.map(note => `Dữ liệu không nhất quán: ${note}`),
        ...(result.verdict === 'không áp dụng' ? result.notApplicableReasons.map(r => `Không áp dụng: ${r}`) : [])
    ];
    return {
        criterion: meta.criterion, label: meta.label, requirementText: meta.requirementText, rule: meta.rule,
        citations: meta.citations, verdict: result.verdict, flags, value: result.value,
        threshold: result.thresholds.length > 0 ? result.thresholds.join('; ') : undefined,
        factsUsed: result.uses, missingFacts: result.missing, gap: result.gap, source: meta.source, unknownThresholds: unknowns,
        notes, explanation: [
            ...result.lines,
            ...unverified.map(note => `Kết luận này dựa trên ngưỡng chưa kiểm chứng: ${note}.`),
            `Nguồn quy định áp dụng: ${meta.source.text}.`
        ]
    };
}

export function gate(meta: GateMeta, result: Cond): GateResult {
    return {
        text: meta.text, rule: meta.rule, verdict: result.verdict, factsUsed: result.uses,
        missingFacts: result.missing, citations: meta.citations, explanation: result.lines
    };
}

/** A criterion is met when all its applicable indicators are. */
export function criterion(meta: CriterionMeta, indicators: readonly IndicatorResult[]): CriterionResult {
    const applicable = indicators.filter(i => i.verdict !== 'không áp dụng');
    const verdict: Verdict = indicators.length === 0 ? 'thiếu dữ liệu' : combineAll(indicators.map(i => i.verdict));
    // A criterion rests on implied bounds when its verdict would not stand without them: a pass with any
    // indicator decided that way, or a failure whose every failing indicator was.
    const implied = (i: IndicatorResult) => i.flags.includes('dựa trên cận suy ra');
    const failing = indicators.filter(i => i.verdict === 'chưa đạt');
    const restsOnImplied = verdict === 'đạt' ? indicators.some(implied) : verdict === 'chưa đạt' && failing.every(implied);
    const flags = [...new Set(indicators.flatMap(i => i.flags))].filter(f => f !== 'dựa trên cận suy ra' || restsOnImplied);
    return {
        label: meta.label, title: meta.title, citations: meta.citations, flags,
        verdict,
        indicatorsMet: applicable.filter(i => i.verdict === 'đạt').length,
        indicatorsApplicable: applicable.length,
        indicatorsNotMet: indicators.filter(i => i.verdict === 'chưa đạt').map(i => i.label),
        indicatorsMissingData: indicators.filter(i => i.verdict === 'thiếu dữ liệu').map(i => i.label)
    };
}

/** The assessment date is required and must fall within the pack's validity. */
export function assessmentDate(options: EvaluateOptions | undefined, pack: PackInfo): string {
    const given = options?.ngàyĐánhGiá ?? options?.asOf;
    if (given === undefined || given === null || given === '') {
        throw new NtmEvaluationError('Thiếu ngày đánh giá (ngàyĐánhGiá): kết quả phụ thuộc thời điểm xét, không mặc định là hôm nay.');
    }
    const iso = typeof given === 'string' ? parseDate(given) : undefined;
    if (!iso) {
        throw new NtmEvaluationError(`Ngày đánh giá «${String(given)}» không hợp lệ: viết YYYY-MM-DD hoặc dd/mm/yyyy.`);
    }
    if (iso < pack.validFrom || (pack.validTo !== undefined && iso > pack.validTo)) {
        throw new NtmEvaluationError(
            `Ngày đánh giá ${iso} nằm ngoài thời gian hiệu lực của bộ tiêu chí «${pack.title}» (từ ${pack.validFrom}${pack.validTo ? ` đến ${pack.validTo}` : ''}).`
        );
    }
    return iso;
}

export function assemble(
    pack: PackInfo, assessedAt: string, criteriaMeta: readonly CriterionMeta[], indicatorResults: readonly (IndicatorResult | undefined)[],
    gates: readonly GateResult[], inputIssues: readonly InputIssue[], ctx: EvalContext
): EvaluationResult {
    const indicators = indicatorResults.filter((i): i is IndicatorResult => i !== undefined);
    const criteria = criteriaMeta.map(meta => criterion(meta, indicators.filter(i => i.criterion === meta.label)));
    const met = criteria.filter(c => c.verdict === 'đạt' || c.verdict === 'không áp dụng');
    const notMet = criteria.filter(c => c.verdict === 'chưa đạt').map(c => c.label);
    const missing = criteria.filter(c => c.verdict === 'thiếu dữ liệu').map(c => c.label);
    const recognition = combineAll([
        ...criteria.map(c => c.verdict === 'không áp dụng' ? 'đạt' : c.verdict),
        ...gates.map(g => g.verdict)
    ]);
    const applicableIndicators = indicators.filter(i => i.verdict !== 'không áp dụng');
    return {
        resultFormat: RESULT_FORMAT_VERSION,
        pack, assessedAt, indicators, criteria, gates, inputIssues,
        context: {
            ...(ctx.region ? { region: ctx.region } : {}), ...(ctx.regionNote ? { regionNote: ctx.regionNote } : {}),
            ...(ctx.group ? { group: ctx.group } : {}), year: ctx.year
        },
        summary: {
            criteriaOnImpliedBounds: criteria.filter(c => c.flags.includes('dựa trên cận suy ra')).map(c => c.label),
            indicatorsOnImpliedBounds: indicators.filter(i => i.flags.includes('dựa trên cận suy ra')).map(i => i.label),
            indicatorsOnUnverifiedThresholds: indicators.filter(i => i.flags.includes('ngưỡng chưa kiểm chứng')).map(i => i.label),
            criteriaMet: met.length, criteriaTotal: criteria.length, criteriaNotMet: notMet, criteriaMissingData: missing,
            indicatorsMet: applicableIndicators.filter(i => i.verdict === 'đạt').length,
            indicatorsTotal: applicableIndicators.length,
            recognition,
            text: `đạt ${met.length}/${criteria.length} tiêu chí`
        }
    };
}
