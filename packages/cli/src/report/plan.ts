import type { CriterionResult, EvaluationResult, IndicatorResult } from '@ntm/language';

/** One thing a commune still has to do for one indicator, in the order a district plan lists them. */
export interface PlanItem {
    readonly criterion: string;
    readonly indicator: string;
    readonly requirement: string;
    /** «tăng/giảm» work with a known size, work whose size the law does not yet say, or data to collect. */
    readonly kind: 'khắc phục' | 'khắc phục (ngưỡng chưa biết)' | 'bổ sung dữ liệu' | 'tìm văn bản quy định ngưỡng';
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

const KIND_ORDER: Readonly<Record<PlanItem['kind'], number>> = {
    'khắc phục': 0, 'khắc phục (ngưỡng chưa biết)': 1, 'tìm văn bản quy định ngưỡng': 2, 'bổ sung dữ liệu': 3
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
            ...base, kind: unknown ? 'khắc phục (ngưỡng chưa biết)' : 'khắc phục', gap: indicator.gap?.text,
            detail: unknown ? indicator.unknownThresholds.map(u => `ngưỡng chưa biết (${u.range})${u.basis ? `, suy từ ${u.basis}` : ''}`) : []
        };
    }
    const thresholdMissing = indicator.missingFacts.filter(m => m.startsWith('ngưỡng của'));
    if (thresholdMissing.length > 0 && thresholdMissing.length === indicator.missingFacts.length) {
        return { ...base, kind: 'tìm văn bản quy định ngưỡng', detail: thresholdMissing };
    }
    return { ...base, kind: 'bổ sung dữ liệu', detail: indicator.missingFacts };
}

export function renderPlan(plan: Plan, commune: string | undefined): string {
    const out: string[] = [];
    const remaining = plan.criteriaTotal - plan.criteriaMet;
    out.push(`KẾ HOẠCH — ${commune ? `xã ${commune}` : 'xã'} đạt «${plan.pack}» (${plan.level}): hiện đạt ${plan.criteriaMet}/${plan.criteriaTotal} tiêu chí, còn ${remaining} tiêu chí.`);
    let n = 0;
    for (const criterion of plan.criteria) {
        out.push('');
        out.push(`Tiêu chí ${criterion.label} — ${criterion.title} (${criterion.verdict}):`);
        for (const item of criterion.items) {
            n++;
            const now = item.current ? `hiện ${item.current}; ` : '';
            const need = item.threshold ? `yêu cầu ${item.threshold}; ` : '';
            const gap = item.gap ? `${item.gap}` : '';
            out.push(`  ${n}. [${item.kind}] ${item.indicator} ${item.requirement}: ${now}${need}${gap}`.replace(/; $/, ''));
            for (const line of item.detail) out.push(`       ${line}`);
        }
    }
    if (plan.gates.length > 0) {
        out.push('');
        out.push('Điều kiện công nhận chưa thỏa:');
        for (const gate of plan.gates) out.push(`  - ${gate}`);
    }
    const count = (kind: PlanItem['kind']) => plan.criteria.flatMap(c => c.items).filter(i => i.kind === kind).length;
    out.push('');
    out.push(`Tổng: ${count('khắc phục')} việc khắc phục có lượng cụ thể, ${count('khắc phục (ngưỡng chưa biết)')} việc khắc phục khi ngưỡng chưa biết, ` +
        `${count('tìm văn bản quy định ngưỡng')} ngưỡng cần tìm trong văn bản, ${count('bổ sung dữ liệu')} chỉ tiêu cần bổ sung số liệu.`);
    return out.join('\n');
}
