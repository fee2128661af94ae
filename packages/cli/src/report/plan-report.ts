import type { Plan, PlanItemKind } from '@ntm/evaluation';
import { PLAN_ITEM_LABELS } from '@ntm/evaluation';

/** The plan as a district writes it: criterion by criterion, each shortfall numbered. */
export function renderPlan(plan: Plan, commune: string | undefined): string[] {
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
            out.push(`  ${n}. [${PLAN_ITEM_LABELS[item.kind]}] ${item.indicator} ${item.requirement}: ${now}${need}${gap}`.replace(/; $/, ''));
            for (const line of item.detail) out.push(`       ${line}`);
        }
    }
    if (plan.gates.length > 0) {
        out.push('');
        out.push('Điều kiện công nhận chưa thỏa:');
        for (const gate of plan.gates) out.push(`  - ${gate}`);
    }
    const count = (kind: PlanItemKind) => plan.criteria.flatMap(c => c.items).filter(i => i.kind === kind).length;
    out.push('');
    out.push(`Tổng: ${count('fix')} việc khắc phục có lượng cụ thể, ${count('fix-unknown-threshold')} việc khắc phục khi ngưỡng chưa biết, ` +
        `${count('find-threshold')} ngưỡng cần tìm trong văn bản, ${count('collect-data')} chỉ tiêu cần bổ sung số liệu.`);
    return out;
}
