import type { CriterionResult, EvaluationResult, IndicatorResult } from '@ntm/runtime';
import type { OfficialVerdict } from '../commune/commune-data.js';
import { NOT_ASSESSED } from '../commune/commune-data.js';

// A whole (a criterion, the recognition) that differs from the report is explained by declarations on its
// parts only when every part that differs is declared: one declared indicator must not cover another that
// differs silently.

/** Whether a part's computed verdict falls short of an official «đạt» of the whole (which implies the part met). */
export function shortOfMet(verdict: string): boolean {
    return verdict === 'chưa đạt' || verdict === 'thiếu dữ liệu';
}

/**
 * The indicators of a criterion that differ from the report and are not declared, as «2.2 (máy «chưa đạt»)»:
 * those whose own official verdict differs, and (for a criterion the report says is met, not judged by points)
 * those without one that are not met, since the report's «đạt» says every indicator was.
 */
export function undeclaredIndicators(
    criterion: CriterionResult,
    indicators: readonly IndicatorResult[],
    officialCriterion: OfficialVerdict,
    officialIndicators: Readonly<Record<string, OfficialVerdict>>,
    declared: ReadonlySet<string>
): string[] {
    const impliesEachMet = officialCriterion === 'đạt' && criterion.score === undefined;
    return indicators
        .filter(indicator => {
            if (declared.has(indicator.label)) return false;
            const own = officialIndicators[indicator.label];
            if (own !== undefined && own !== NOT_ASSESSED) return own !== indicator.verdict;
            return impliesEachMet && shortOfMet(indicator.verdict);
        })
        .map(
            indicator =>
                `chỉ tiêu ${indicator.label} (máy «${indicator.verdict}»${officialIndicators[indicator.label] && officialIndicators[indicator.label] !== NOT_ASSESSED ? `, chính thức «${officialIndicators[indicator.label]}»` : ''})`
        );
}

/** The criteria and recognition gates that differ from an official recognition and are not declared. */
export function undeclaredCriteria(
    result: EvaluationResult,
    officialRecognition: OfficialVerdict,
    officialCriteria: Readonly<Record<string, OfficialVerdict>>,
    declared: ReadonlySet<string>
): string[] {
    const impliesEachMet = officialRecognition === 'đạt';
    const criteria = result.criteria
        .filter(criterion => {
            if (declared.has(criterion.label)) return false;
            const own = officialCriteria[criterion.label];
            if (own !== undefined && own !== NOT_ASSESSED) return own !== criterion.verdict;
            return impliesEachMet && shortOfMet(criterion.verdict);
        })
        .map(criterion => `tiêu chí ${criterion.label} (máy «${criterion.verdict}»)`);
    const gates = impliesEachMet
        ? result.gates.filter(gate => shortOfMet(gate.verdict)).map(gate => `điều kiện công nhận «${gate.text}» (máy «${gate.verdict}»)`)
        : [];
    return [...criteria, ...gates];
}
