import type { CriterionResult, EvaluationResult, GateResult, Gap, IndicatorResult } from '@ntm/runtime';
import { compareLabels } from './labels.js';
import { clauseTexts } from '../report/indicator-row.js';

export type PlanItemKind = 'fix' | 'fix-unknown-threshold' | 'find-threshold' | 'collect-data';

export const PLAN_ITEM_LABELS: Readonly<Record<PlanItemKind, string>> = {
    fix: 'khắc phục',
    'fix-unknown-threshold': 'khắc phục (ngưỡng chưa biết)',
    'find-threshold': 'tìm văn bản quy định ngưỡng',
    'collect-data': 'bổ sung dữ liệu'
};

/** A shortfall as numbers: how much in the indicator's unit, as a fraction of the threshold, or in levels. */
export interface PlanGap {
    readonly amount: number;
    readonly unit: string;
    /** |threshold − value| / |threshold|, when the threshold is a non-zero number. */
    readonly relative?: number;
    /** For a level requirement: how many levels short. */
    readonly steps?: number;
}

/** One thing a commune still has to do for one indicator. */
export interface PlanItem {
    readonly criterion: string;
    readonly indicator: string;
    readonly requirement: string;
    /** Work with a known size, work whose size the law does not yet say, a threshold to find, or data to collect. */
    readonly kind: PlanItemKind;
    readonly current?: string;
    readonly threshold?: string;
    /** «còn thiếu 12 hộ», «cần cứng hóa thêm 1,2 km». */
    readonly gap?: string;
    /** The same gap as numbers, for ranking and for other tools. */
    readonly gapValue?: PlanGap;
    readonly detail: readonly string[];
}

export interface PlanCriterion {
    readonly label: string;
    readonly title: string;
    readonly verdict: CriterionResult['verdict'];
    readonly items: readonly PlanItem[];
}

/** A recognition condition (`điều kiện công nhận`) still to meet: work with a size, or data to collect. */
export interface PlanGate {
    readonly text: string;
    readonly verdict: GateResult['verdict'];
    readonly kind: Extract<PlanItemKind, 'fix' | 'collect-data'>;
    readonly current?: string;
    readonly threshold?: string;
    /** «còn thiếu 0,3 triệu đồng/người/năm». */
    readonly gap?: string;
    readonly gapValue?: PlanGap;
    /** The missing figures, for data to collect. */
    readonly detail: readonly string[];
    /** Thresholds it rests on that are not verified against the decision. */
    readonly unverified: readonly string[];
}

export interface Plan {
    readonly pack: string;
    readonly level: string;
    readonly criteriaMet: number;
    readonly criteriaTotal: number;
    /** Every item, ranked (see `rankPlanItems`). */
    readonly items: readonly PlanItem[];
    /** The same items criterion by criterion, as district plans are written, each criterion's in rank order. */
    readonly criteria: readonly PlanCriterion[];
    /** Recognition conditions not met, or lacking data: a commune meeting every criterion may still fall short here. */
    readonly gates: readonly PlanGate[];
}

const KIND_ORDER: Readonly<Record<PlanItemKind, number>> = {
    fix: 0,
    'fix-unknown-threshold': 1,
    'find-threshold': 2,
    'collect-data': 3
};

/**
 * Rank groups: a gap against a non-zero number (by its fraction of the threshold), a count to bring to a
 * zero threshold (by the count), a level (by levels short); then what has no number yet.
 */
function rankOf(item: PlanItem): [number, number] {
    const gap = item.gapValue;
    if (!gap) return [3, KIND_ORDER[item.kind]];
    if (gap.steps !== undefined) return [2, gap.steps];
    if (gap.relative !== undefined) return [0, gap.relative];
    return [1, gap.amount];
}

/**
 * The nearest shortfalls first: by the gap as a fraction of the threshold where the threshold is a non-zero
 * number, then by the absolute gap for zero thresholds, by levels for levels, then by criterion and
 * indicator; items without a number (a threshold to find, data to collect) after.
 */
export function rankPlanItems(items: readonly PlanItem[]): PlanItem[] {
    return [...items].sort((a, b) => {
        const [groupA, keyA] = rankOf(a);
        const [groupB, keyB] = rankOf(b);
        return groupA - groupB || keyA - keyB || compareLabels(a.criterion, b.criterion) || compareLabels(a.indicator, b.indicator);
    });
}

/**
 * The shortfalls of a commune for the level its pack sets: each failed indicator with its gap in the
 * indicator's own unit (and as numbers), then what cannot be judged yet (an unknown threshold to find in
 * the decision, data to collect); ranked, and also grouped by criterion.
 */
export function buildPlan(result: EvaluationResult): Plan {
    const open = (verdict: string) => verdict === 'chưa đạt' || verdict === 'thiếu dữ liệu';
    const items = rankPlanItems(result.indicators.filter(i => open(i.verdict)).map(planItem));
    const criteria = result.criteria
        .filter(c => open(c.verdict))
        .sort((a, b) => compareLabels(a.label, b.label))
        .map(criterion => ({
            label: criterion.label,
            title: criterion.title,
            verdict: criterion.verdict,
            items: items.filter(i => i.criterion === criterion.label)
        }));
    return {
        pack: result.pack.title,
        level: result.pack.level,
        criteriaMet: result.summary.criteriaMet,
        criteriaTotal: result.summary.criteriaTotal,
        items: items.filter(i => criteria.some(c => c.label === i.criterion)),
        criteria,
        gates: result.gates.filter(g => open(g.verdict)).map(planGate)
    };
}

function planGate(gate: GateResult): PlanGate {
    const unverified = gate.notes.filter(n => n.code === 'unverified-threshold').map(n => n.text);
    const base = {
        text: gate.text,
        verdict: gate.verdict,
        ...(gate.value ? { current: gate.value.text } : {}),
        // A yes/no condition has no figure: «yêu cầu không» would only repeat the verdict.
        ...(gate.value && gate.threshold ? { threshold: gate.threshold } : {}),
        unverified
    };
    if (gate.verdict === 'chưa đạt') {
        const gapValue = planGapOf(gate.gap);
        return { ...base, kind: 'fix', ...(gate.gap ? { gap: gate.gap.text } : {}), ...(gapValue ? { gapValue } : {}), detail: [] };
    }
    return { ...base, kind: 'collect-data', detail: gate.missingFacts };
}

/** A gap as numbers for ranking, when it has a size (a yes/no requirement has none). */
function planGapOf(gap: Gap | undefined): PlanGap | undefined {
    return gap && (gap.amount > 0 || gap.relative !== undefined || gap.steps !== undefined)
        ? {
              amount: gap.amount,
              unit: gap.unit,
              ...(gap.relative !== undefined ? { relative: gap.relative } : {}),
              ...(gap.steps !== undefined ? { steps: gap.steps } : {})
          }
        : undefined;
}

function planItem(indicator: IndicatorResult): PlanItem {
    // Clause by clause, as the workbook and the report show them: a two-part indicator shows both parts' figures.
    const clauses = clauseTexts(indicator.clauses);
    const base = {
        criterion: indicator.criterion,
        indicator: indicator.label,
        requirement: indicator.requirementText ?? indicator.rule,
        // «—» stands for a figure the commune has not given: nothing to show as its current value.
        current: clauses && clauses.values !== '—' ? clauses.values : indicator.value?.text,
        threshold: clauses?.requirements ?? indicator.threshold
    };
    if (indicator.verdict === 'chưa đạt') {
        const unknown = indicator.unknownThresholds.length > 0;
        const gap = indicator.gap;
        const gapValue = planGapOf(gap);
        return {
            ...base,
            kind: unknown ? 'fix-unknown-threshold' : 'fix',
            gap: gap?.text,
            ...(gapValue ? { gapValue } : {}),
            detail: unknown ? indicator.unknownThresholds.map(u => `ngưỡng chưa biết (${u.range})${u.basis ? `, suy từ ${u.basis}` : ''}`) : []
        };
    }
    const thresholdMissing = indicator.missingThresholds;
    if (thresholdMissing.length > 0 && thresholdMissing.length === indicator.missingFacts.length) {
        return { ...base, kind: 'find-threshold', detail: thresholdMissing };
    }
    return { ...base, kind: 'collect-data', detail: indicator.missingFacts };
}
