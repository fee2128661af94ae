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
        if (value?.unit !== '%' || !(value.value > 0 && value.value <= 1) || indicator.factsUsed.length !== 1) continue;
        const far =
            indicator.verdict === 'chưa đạt' ? farBelowKnown(indicator, value.value) : indicator.verdict === 'thiếu dữ liệu' && belowUnknownMinimum(indicator);
        if (!far) continue;
        const fact = indicator.factsUsed[0]!.fact;
        if (warned?.has(fact)) continue;
        (warned ??= new Set()).add(fact);
        const meant = String(Math.round(value.value * 10000) / 100).replace('.', ',');
        (issues ??= []).push(
            inputIssue(
                'warning',
                'invalid-value',
                ['dữ kiện', fact],
                indicator.verdict === 'chưa đạt'
                    ? `Dữ kiện «${shortText(fact)}» = ${value.text}, rất nhỏ so với yêu cầu ${indicator.threshold ?? ''} của chỉ tiêu ${indicator.label}: nếu báo cáo ghi ${meant} %, nhập ${meant} (tỷ lệ ghi bằng số phần trăm, không phải phân số).`
                    : `Dữ kiện «${shortText(fact)}» = ${value.text}, trong khi chỉ tiêu ${indicator.label} đòi một mức tối thiểu (${indicator.threshold ?? ''}): nếu báo cáo ghi ${meant} %, nhập ${meant} (tỷ lệ ghi bằng số phần trăm, không phải phân số).`
            )
        );
    }
    return issues ?? [];
}

/** A known threshold of 10 % or more that the value misses: the gap between percentages is in percentage points. */
function farBelowKnown(indicator: IndicatorResult, value: number): boolean {
    const gap = indicator.gap;
    return gap !== undefined && (gap.unit === '%' || gap.unit === 'điểm phần trăm') && value + gap.amount >= 10;
}

/**
 * A minimum the documents do not give (`>= chưa biết`), with nothing else missing: a rate of coverage (roads,
 * households) is not a fraction of one per cent, whatever the minimum is.
 */
function belowUnknownMinimum(indicator: IndicatorResult): boolean {
    const onlyThresholds = indicator.missingFacts.every(missing => indicator.missingThresholds.includes(missing));
    return indicator.unknownThresholds.length > 0 && onlyThresholds && /^>/u.test(indicator.threshold ?? '');
}
