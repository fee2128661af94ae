import type { EvaluationResult } from '@ntm/language';

/** «5/7 thôn đạt»: how many villages of a commune meet a village-level pack. */
export interface VillageSummary {
    readonly villagesMet: number;
    readonly villagesTotal: number;
    /** Villages that have not met the standard, in the file's order. */
    readonly villagesNotMet: readonly string[];
    /** Among those, the villages whose result is «thiếu dữ liệu»: they may yet meet it. Absent when none. */
    readonly villagesMissingData?: readonly string[];
    readonly text: string;
}

export function summarizeVillages(villages: readonly { readonly name: string; readonly result: EvaluationResult }[]): VillageSummary {
    const met = villages.filter(v => v.result.summary.recognition === 'đạt');
    const missing = villages.filter(v => v.result.summary.recognition === 'thiếu dữ liệu').map(v => v.name);
    return {
        villagesMet: met.length,
        villagesTotal: villages.length,
        villagesNotMet: villages.filter(v => v.result.summary.recognition !== 'đạt').map(v => v.name),
        ...(missing.length > 0 ? { villagesMissingData: missing } : {}),
        text: `${met.length}/${villages.length} thôn đạt` + (missing.length > 0 ? ` (${missing.length} thôn thiếu dữ liệu)` : '')
    };
}
