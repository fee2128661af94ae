// Warnings about inputs that only the verdicts reveal: the value read is fine, but what it gives is suspect.

import type { IndicatorResult, InputIssue } from './result-types.js';
import { inputIssue } from './fact-table.js';
import { shortText } from './names.js';

/**
 * A percentage entered as a fraction (0,98 for 98 %) leaves an indicator far below a threshold of 10 % or
 * more: a warning at that fact, naming the number probably meant. The verdict is unchanged. Only a value
 * entered as such is warned about (one fact read, in %); a rate computed from its parts names the parts.
 */
export function percentAsFractionWarnings(indicators: readonly IndicatorResult[]): InputIssue[] {
    let issues: InputIssue[] | undefined;
    let warned: Set<string> | undefined;
    for (const indicator of indicators) {
        // The value first: a verdicts-only result has none, and its gap is worked out only when read.
        const value = indicator.value;
        if (indicator.verdict !== 'chưa đạt' || !value || value.unit !== '%' || !(value.value > 0 && value.value <= 1)) continue;
        const gap = indicator.gap;
        // A gap between percentages is in percentage points («còn thiếu 49,02 điểm phần trăm»).
        if (!gap || (gap.unit !== '%' && gap.unit !== 'điểm phần trăm')) continue;
        if (!(value.value > 0 && value.value <= 1 && value.value + gap.amount >= 10)) continue;
        if (indicator.factsUsed.length !== 1) continue;
        const fact = indicator.factsUsed[0]!.fact;
        if (warned?.has(fact)) continue;
        (warned ??= new Set()).add(fact);
        const meant = String(Math.round(value.value * 10000) / 100).replace('.', ',');
        (issues ??= []).push(
            inputIssue(
                'warning',
                'invalid-value',
                ['dữ kiện', fact],
                `Dữ kiện «${shortText(fact)}» = ${value.text}, rất nhỏ so với yêu cầu ${indicator.threshold ?? ''} của chỉ tiêu ${indicator.label}: nếu báo cáo ghi ${meant} %, nhập ${meant} (tỷ lệ ghi bằng số phần trăm, không phải phân số).`
            )
        );
    }
    return issues ?? [];
}
