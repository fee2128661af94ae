import type { CommuneEvaluation } from '../evaluate/evaluate-commune.js';
import { discrepancyCauseOf } from '../commune/commune-data.js';
import type { SampleCheckResult, SourceLocation } from './run-protocol.js';
import type { VerdictCheck } from './sample-check.js';
import { checkPassed } from './sample-check.js';

/** A check as the test-run request returns it, with where its criterion or indicator is written. */
export function toCheckResult(check: VerdictCheck, evaluation: Pick<CommuneEvaluation, 'locations' | 'result'>): SampleCheckResult {
    const cause = check.discrepancy ? discrepancyCauseOf(check.discrepancy['nguyên nhân']) : undefined;
    const location = locationOf(check, evaluation);
    return {
        level: check.level,
        label: check.label,
        official: check.official,
        computed: check.computed,
        status: check.status,
        passed: checkPassed(check),
        ...(cause ? { cause } : {}),
        ...(check.discrepancy ? { explanation: check.discrepancy['giải thích'] } : {}),
        detail: check.detail,
        ...(location ? { location } : {}),
        ...(check.village !== undefined ? { village: check.village } : {})
    };
}

function locationOf(check: VerdictCheck, evaluation: Pick<CommuneEvaluation, 'locations' | 'result'>): SourceLocation | undefined {
    const locations = evaluation.locations;
    // A village's labels are those of the village pack, not of the pack whose locations these are.
    if (!locations || check.village !== undefined) return check.village !== undefined ? locations?.header : undefined;
    switch (check.level) {
        case 'indicator':
            return locations.indicator(check.label, evaluation.result?.assessedAt);
        case 'criterion':
        case 'score':
            return locations.criterion(check.label) ?? (check.label === 'tổng' ? locations.header : undefined);
        case 'recognition':
        case 'village':
            return locations.header;
    }
}
