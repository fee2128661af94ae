import type { VerdictCheck } from '@ntm/evaluation';
import { CHECK_LEVEL_LABELS, CHECK_STATUS_LABELS, checkPassed } from '@ntm/evaluation';

/** `✗ chỉ tiêu 2.1: máy «đạt», chính thức «chưa đạt» — sai khác chưa khai báo`, with the declared cause or what explains it. */
export function checkLine(check: VerdictCheck): string {
    const mark = checkPassed(check) ? '•' : '✗';
    const level = CHECK_LEVEL_LABELS[check.level];
    const what = level === check.label ? level : `${level} ${check.label}`;
    const cause = check.discrepancy ? ` — ${check.discrepancy['nguyên nhân']}: ${check.discrepancy['giải thích']}` : '';
    const why = check.explainedBy ? ` (do sai khác đã biết ở ${CHECK_LEVEL_LABELS[check.explainedBy.level]} ${check.explainedBy.labels.join(', ')})` : '';
    return `${mark} ${what}: máy «${check.computed ?? '—'}», chính thức «${check.official ?? '—'}» — ${CHECK_STATUS_LABELS[check.status]}${cause}${why}`;
}
