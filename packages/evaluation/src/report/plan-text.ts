import type { Plan, PlanGate, PlanItem, PlanItemKind } from '../plan/plan.js';
import { PLAN_ITEM_LABELS } from '../plan/plan.js';
import type { Line } from './styled.js';
import { wrapLine } from './wrap-line.js';

/** 0,0625 → «6,25 %». */
function percentOf(fraction: number): string {
    const value = Math.round(fraction * 10000) / 100;
    return `${String(value).replace('.', ',')} %`;
}

/** «hiện 78,9 …; yêu cầu >= 79,2 …; còn thiếu 0,3 …»: where an item or a condition of a plan stands, the parts it has. */
export function standingText(item: { readonly current?: string; readonly threshold?: string }, gap: string): string {
    return [item.current ? `hiện ${item.current}` : '', item.threshold ? `yêu cầu ${item.threshold}` : '', gap].filter(Boolean).join('; ');
}

/** The gap, with its distance as a share of the threshold when it has one. */
function gapWithDistance(item: PlanItem | PlanGate): string {
    if (!item.gap) return '';
    return item.gapValue?.relative !== undefined ? `${item.gap} (cách ngưỡng ${percentOf(item.gapValue.relative)})` : item.gap;
}

function itemLine(n: number, item: PlanItem): string {
    return `${n}. [${PLAN_ITEM_LABELS[item.kind]}] tiêu chí ${item.criterion}, chỉ tiêu ${item.indicator} «${item.requirement}»: ${standingText(item, gapWithDistance(item))}`;
}

function gateLine(gate: PlanGate): string {
    const what = gate.kind === 'collect-data' ? `thiếu số liệu: ${gate.detail.join('; ')}` : gapWithDistance(gate) || gate.verdict;
    const unverified = gate.unverified.length > 0 ? ` [${gate.unverified.join('; ')}]` : '';
    return `[${PLAN_ITEM_LABELS[gate.kind]}] «${gate.text}»: ${standingText(gate, what)}${unverified}`;
}

/** How many items of each kind, then the recognition conditions not yet met (the printed report says the same). */
export function planTotals(plan: Plan): string {
    const count = (kind: PlanItemKind) => plan.items.filter(i => i.kind === kind).length;
    const gates = plan.gates.length > 0 ? `; ${plan.gates.length} điều kiện công nhận chưa thỏa` : '';
    return (
        `${count('fix')} việc khắc phục có lượng cụ thể, ${count('fix-unknown-threshold')} việc khắc phục khi ngưỡng chưa biết, ` +
        `${count('find-threshold')} ngưỡng cần tìm trong văn bản, ${count('collect-data')} chỉ tiêu cần bổ sung số liệu${gates}.`
    );
}

/**
 * The plan as a ranked list: the nearest shortfalls first (see `rankPlanItems`), each with its criterion;
 * `subject` is «xã Liên Hội» or «thôn Đông».
 */
export function renderPlan(plan: Plan, subject: string, width: number): Line[] {
    const out: Line[] = [];
    const say = (line: string, indent: number) => out.push(...wrapLine(line, width, indent));
    const remaining = plan.criteriaTotal - plan.criteriaMet;
    say(`KẾ HOẠCH — ${subject} đạt «${plan.pack}» (${plan.level}): hiện đạt ${plan.criteriaMet}/${plan.criteriaTotal} tiêu chí, còn ${remaining} tiêu chí.`, 4);
    if (plan.criteria.length > 0) {
        say(`Tiêu chí còn thiếu: ${plan.criteria.map(c => `${c.label} ${c.title} (${c.verdict})`).join('; ')}.`, 4);
    }
    if (plan.items.length > 0) {
        out.push('');
        say(
            'Xếp theo khoảng cách tới ngưỡng, gần nhất trước: theo tỷ lệ so với ngưỡng; ngưỡng bằng 0 theo lượng còn thiếu; thang mức theo số mức; rồi theo tiêu chí. Việc chưa có số (tìm ngưỡng, bổ sung số liệu) xếp sau.',
            2
        );
        out.push('');
    }
    plan.items.forEach((item, i) => {
        say(`  ${itemLine(i + 1, item)}`, 7);
        for (const line of item.detail) say(`       ${line}`, 9);
    });
    if (plan.gates.length > 0) {
        out.push('');
        out.push('Điều kiện công nhận chưa thỏa:');
        for (const gate of plan.gates) say(`  - ${gateLine(gate)}`, 6);
    }
    out.push('');
    say(`Tổng: ${planTotals(plan)}`, 4);
    return out;
}
