// Messages between the page and the evaluation worker, and the result as the page shows it: plain data
// made from the library's result and checks (verdicts, check statuses and their Vietnamese labels, the text
// report), nothing decided here.
import type { VerdictCheck } from '@ntm/evaluation';
import { CHECK_STATUS_LABELS, checkLine, checkPassed, compareLabels, plainText, sortChecks } from '@ntm/evaluation';
import type { EvaluationResult } from '@ntm/runtime';

export interface EvaluationRequest {
    readonly id: number;
    readonly packPath: string;
    readonly packText: string;
    readonly communePath: string;
}

export type EvaluationReply =
    | { readonly id: number; readonly kind: 'result'; readonly view: ResultView }
    | { readonly id: number; readonly kind: 'pack-errors' | 'commune-errors' | 'failure'; readonly issues: readonly Problem[] };

/** A problem as `tệp:dòng:cột: thông báo`; `line` and `column` (1-based) when it is in the pack being edited. */
export interface Problem {
    readonly text: string;
    readonly line?: number;
    readonly column?: number;
}

export interface CriterionRow {
    readonly label: string;
    readonly title: string;
    readonly verdict: string;
    readonly official?: string;
    /** The check's status label («khớp», «sai khác chưa khai báo»…), when the report gives an official verdict. */
    readonly status?: string;
    readonly passes?: boolean;
    readonly indicators: string;
}

export interface ResultView {
    readonly pack: string;
    readonly assessedAt: string;
    readonly summary: string;
    readonly recognition: string;
    readonly criteria: readonly CriterionRow[];
    /** One line per check that is not a plain match, as `ntm eval` and `ntm test` print it. */
    readonly differences: readonly { readonly text: string; readonly passes: boolean }[];
    readonly checksFailed: number;
    readonly report: string;
}

export function resultView(result: EvaluationResult, checks: readonly VerdictCheck[], report: string): ResultView {
    const criterionChecks = new Map(checks.filter(c => c.level === 'criterion').map(c => [c.label, c] as const));
    const criteria = [...result.criteria]
        .sort((a, b) => compareLabels(a.label, b.label))
        .map(criterion => {
            const check = criterionChecks.get(criterion.label);
            return {
                label: criterion.label,
                title: criterion.title,
                verdict: criterion.verdict,
                indicators: `${criterion.indicatorsMet}/${criterion.indicatorsApplicable}`,
                ...(check ? { official: check.official, status: CHECK_STATUS_LABELS[check.status], passes: checkPassed(check) } : {})
            };
        });
    return {
        pack: result.pack.title,
        assessedAt: result.assessedAt,
        summary: result.summary.text,
        recognition: result.summary.recognition,
        criteria,
        differences: sortChecks(checks)
            .filter(c => c.status !== 'match')
            .map(c => ({ text: plainText(checkLine(c)), passes: checkPassed(c) })),
        checksFailed: checks.filter(c => !checkPassed(c)).length,
        report
    };
}
