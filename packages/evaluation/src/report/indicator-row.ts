import type { ClauseView, EvaluationResult, IndicatorResult } from '@ntm/language';
import { FLAG_LABELS } from '@ntm/runtime';
import { formatScore } from '../samples/sample-check.js';

export function criterionPoints(score: NonNullable<EvaluationResult['criteria'][number]['score']>): string {
    const awarded =
        score.awarded !== undefined
            ? formatScore(score.awarded)
            : score.possible
              ? `${formatScore(score.possible.min)}–${formatScore(score.possible.max)}`
              : '?';
    return (
        `${awarded}/${formatScore(score.max)} điểm` +
        (score.self !== undefined ? ` (tự chấm ${formatScore(score.self)})` : '') +
        (score.passMark ? `, điểm đạt ${score.passMark}` : '')
    );
}

function indicatorPoints(indicator: IndicatorResult): string {
    const s = indicator.score;
    if (!s) return '';
    if (s.by === 'not-applicable') return '—';
    const awarded = s.awarded !== undefined ? formatScore(s.awarded) : s.possible ? `${formatScore(s.possible.min)}–${formatScore(s.possible.max)}?` : '?';
    const mark = s.by === 'assessor-in-range' ? ' (TĐV)' : s.by === 'assessor-against-evidence' ? ' (TĐV!)' : '';
    return `${awarded}/${formatScore(s.max)}${mark}${s.self !== undefined ? ` tự ${formatScore(s.self)}` : ''}`;
}

/**
 * The commune's own values of an indicator in one text, clause by clause («nam: 40 %; nữ: 37,99 %», «—» where the
 * file gives none), and the requirements they were held to, each once: what a table cell shows, never another
 * fact the rule read (a denominator, a table's threshold). Undefined when the indicator has no clauses.
 */
export function clauseTexts(clauses: readonly ClauseView[]): { readonly values: string; readonly requirements: string } | undefined {
    if (clauses.length === 0) return undefined;
    // The common case, one clause without a tag: its texts as they are (a batch makes this for every indicator).
    if (clauses.length === 1 && clauses[0]!.tag === undefined) return { values: clauses[0]!.value ?? '—', requirements: clauses[0]!.requirement };
    const distinct = distinctClauses(clauses);
    return {
        values: distinct.map(c => `${c.tag ? `${c.tag}: ` : ''}${c.value ?? '—'}`).join('; '),
        requirements: [...new Set(distinct.map(c => c.requirement))].join('; ')
    };
}

/** Each clause once: the same value against the same requirement says nothing twice. */
function distinctClauses(clauses: readonly ClauseView[]): ClauseView[] {
    const seen = new Set<string>();
    return clauses.filter(c => {
        const key = `${c.tag ?? ''}\u0000${c.value ?? ''}\u0000${c.requirement}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/**
 * Giá trị is the commune's own value for each clause (or «—» when the file does not give it), never another
 * fact the rule read; Yêu cầu is what that value must meet, clause by clause.
 */
export function indicatorRow(indicator: IndicatorResult, official: string | undefined, scored: boolean): string[][] {
    const clauses = distinctClauses(indicator.clauses);
    const values = clauses.length > 0 ? clauses.map(c => `${c.tag ? `${c.tag}: ` : ''}${c.value ?? '—'}`) : ['—'];
    const requirements = clauses.length > 0 ? clauses.map(c => c.requirement) : [indicator.threshold ?? indicator.rule];
    const notes = [
        ...(indicator.gap ? [indicator.gap.text] : []),
        ...(indicator.missingFacts.length > 0 ? [`thiếu: ${indicator.missingFacts.join('; ')}`] : []),
        ...indicator.flags.map(f => `[${FLAG_LABELS[f]}]`),
        // Unverified thresholds are listed under the table; a score given against the evidence shows in its ledger line.
        ...indicator.notes.filter(n => n.code !== 'unverified-threshold' && n.code !== 'score-against-evidence').map(n => n.text)
    ];
    const mismatch = official !== undefined && official !== '' && official !== indicator.verdict ? ' ≠' : '';
    const ledger = indicator.score && indicator.score.by !== 'rule' ? indicator.score.ledger.slice(-1) : [];
    return [
        [indicator.label],
        values,
        requirements,
        [indicator.verdict + mismatch],
        ...(scored ? [[indicatorPoints(indicator)]] : []),
        ...(official !== undefined ? [[official]] : []),
        [[...notes, ...ledger].join('; ')]
    ];
}
