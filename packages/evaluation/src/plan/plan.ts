import type { CriterionResult, EvaluationResult, IndicatorResult } from '@ntm/runtime';

export type PlanItemKind = 'fix' | 'fix-unknown-threshold' | 'find-threshold' | 'collect-data';

export const PLAN_ITEM_LABELS: Readonly<Record<PlanItemKind, string>> = {
    'fix': 'khắc phục',
    'fix-unknown-threshold': 'khắc phục (ngưỡng chưa biết)',
    'find-threshold': 'tìm văn bản quy định ngưỡng',
    'collect-data': 'bổ sung dữ liệu'
};

/** One thing a commune still has to do for one indicator, in the order a district plan lists them. */
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
    readonly detail: readonly string[];
}

export interface PlanCriterion {
    readonly label: string;
    readonly title: string;
    readonly verdict: CriterionResult['verdict'];
    readonly items: readonly PlanItem[];
}

export interface Plan {
    readonly pack: string;
    readonly level: string;
    readonly criteriaMet: number;
    readonly criteriaTotal: number;
    readonly criteria: readonly PlanCriterion[];
    readonly gates: readonly string[];
}

const KIND_ORDER: Readonly<Record<PlanItemKind, number>> = {
    'fix': 0, 'fix-unknown-threshold': 1, 'find-threshold': 2, 'collect-data': 3
};

/**
 * The shortfalls of a commune for the level its pack sets, criterion by criterion as district plans are
 * written: each failed indicator with its gap in the indicator's own unit, then what cannot be judged yet
 * (an unknown threshold to find in the decision, data to collect).
 */
export function buildPlan(result: EvaluationResult): Plan {
    const criteria = result.criteria
        .filter(c => c.verdict === 'chưa đạt' || c.verdict === 'thiếu dữ liệu')
        .map(criterion => ({
            label: criterion.label, title: criterion.title, verdict: criterion.verdict,
            items: result.indicators
                .filter(i => i.criterion === criterion.label && (i.verdict === 'chưa đạt' || i.verdict === 'thiếu dữ liệu'))
                .map(planItem)
                .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
        }));
    return {
        pack: result.pack.title, level: result.pack.level,
        criteriaMet: result.summary.criteriaMet, criteriaTotal: result.summary.criteriaTotal,
        criteria,
        gates: result.gates.filter(g => g.verdict !== 'đạt').map(g => `${g.text}: ${g.verdict}`)
    };
}

function planItem(indicator: IndicatorResult): PlanItem {
    const base = {
        criterion: indicator.criterion, indicator: indicator.label,
        requirement: indicator.requirementText ?? indicator.rule,
        current: indicator.value?.text, threshold: indicator.threshold
    };
    if (indicator.verdict === 'chưa đạt') {
        const unknown = indicator.unknownThresholds.length > 0;
        return {
            ...base, kind: unknown ? 'fix-unknown-threshold' : 'fix', gap: indicator.gap?.text,
            detail: unknown ? indicator.unknownThresholds.map(u => `ngưỡng chưa biết (${u.range})${u.basis ? `, suy từ ${u.basis}` : ''}`) : []
        };
    }
    const thresholdMissing = indicator.missingThresholds;
    if (thresholdMissing.length > 0 && thresholdMissing.length === indicator.missingFacts.length) {
        return { ...base, kind: 'find-threshold', detail: thresholdMissing };
    }
    return { ...base, kind: 'collect-data', detail: indicator.missingFacts };
}
