import type { CheckLevel } from '../samples/check-codes.js';
import { CHECK_LEVEL_LABELS, CHECK_STATUS_LABELS } from '../samples/check-codes.js';
import type { VerdictCheck } from '../samples/sample-check.js';
import { checkPassed } from '../samples/sample-check.js';
import { compareLabels } from '../plan/labels.js';
import type { Segment } from './styled.js';

/** `✗ chỉ tiêu 2.1: máy «đạt», chính thức «chưa đạt» — sai khác chưa khai báo`, with the declared cause or what explains it. */
export function checkLine(check: VerdictCheck, prefix = ''): Segment[] {
    const passed = checkPassed(check);
    const level = CHECK_LEVEL_LABELS[check.level];
    const what =
        (check.village !== undefined && check.level !== 'village' ? `thôn ${check.village}, ` : '') +
        (level === check.label ? level : `${level} ${check.label}`);
    const cause = check.discrepancy ? ` — ${check.discrepancy['nguyên nhân']}: ${check.discrepancy['giải thích']}` : '';
    const why = check.explainedBy ? ` (do sai khác đã biết ở ${CHECK_LEVEL_LABELS[check.explainedBy.level]} ${check.explainedBy.labels.join(', ')})` : '';
    return [
        { text: prefix },
        passed ? { text: '•', style: 'missing' } : { text: '✗', style: 'fail' },
        { text: ` ${what}: máy «${check.computed ?? '—'}», chính thức «${check.official ?? '—'}» — ` },
        passed ? { text: CHECK_STATUS_LABELS[check.status] } : { text: CHECK_STATUS_LABELS[check.status], style: 'fail' },
        { text: `${cause}${why}` }
    ];
}

const LEVEL_ORDER: Readonly<Record<CheckLevel, number>> = { indicator: 0, criterion: 1, score: 2, recognition: 3, village: 4 };

/** Checks in reading order: indicators, criteria, scores, the recognition; labels naturally (3.1 before 10). */
export function sortChecks(checks: readonly VerdictCheck[]): VerdictCheck[] {
    // The commune's own checks first, then each village's together, in the order the file writes them.
    const villages = [...new Set(checks.flatMap(c => (c.village === undefined ? [] : [c.village])))];
    const group = (c: VerdictCheck) => (c.village === undefined ? -1 : villages.indexOf(c.village));
    return [...checks].sort((a, b) => group(a) - group(b) || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || compareLabels(a.label, b.label));
}
