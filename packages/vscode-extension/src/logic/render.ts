import { CHECK_LEVEL_LABELS, CHECK_STATUS_LABELS, DISCREPANCY_CAUSE_LABELS } from '@ntm/evaluation';
import type { RunSamplesResult, SampleCheckResult, SampleRunResult } from '../protocol.js';
import { baseName } from './text-position.js';

/** `chỉ tiêu 17.5`, `tiêu chí 17`, `công nhận`. */
export function checkName(check: Pick<SampleCheckResult, 'level' | 'label'>): string {
    return check.level === 'recognition' ? CHECK_LEVEL_LABELS.recognition : `${CHECK_LEVEL_LABELS[check.level]} ${check.label}`;
}

/** «khớp», «sai khác đã biết», … */
export function statusText(check: Pick<SampleCheckResult, 'status'>): string {
    return CHECK_STATUS_LABELS[check.status] ?? check.status;
}

/** The name of a sample: «xã Liêm Cần» or its file name. */
export function sampleName(sample: Pick<SampleRunResult, 'commune' | 'communeUri'>): string {
    return sample.commune ? `xã ${sample.commune}` : baseName(sample.communeUri);
}

/** One line: official against computed, and the status. */
export function checkLine(check: SampleCheckResult): string {
    const official = check.official ?? '—';
    const computed = check.computed ?? '—';
    return `${check.passed ? '✓' : '✗'} ${checkName(check)}: chính thức «${official}», máy «${computed}» — ${statusText(check)}`;
}

/** Cause and explanation of a difference, then the engine's own explanation. */
export function checkDetails(check: SampleCheckResult): string[] {
    return [
        ...(check.cause ? [`Nguyên nhân: ${DISCREPANCY_CAUSE_LABELS[check.cause] ?? check.cause}`] : []),
        ...(check.explanation ? [`Giải thích: ${check.explanation}`] : []),
        ...(check.detail.length > 0 ? ['Diễn giải của máy:', ...check.detail.map(line => `  ${line}`)] : [])
    ];
}

/** The Test Explorer's failure message for a verdict that does not match. */
export function failureMessage(check: SampleCheckResult): string {
    return [checkLine(check), ...checkDetails(check)].join('\n');
}

export interface SampleTally {
    readonly matched: number;
    readonly known: number;
    readonly failed: number;
}

export function tally(sample: SampleRunResult): SampleTally {
    let matched = 0;
    let known = 0;
    let failed = 0;
    for (const check of sample.checks) {
        if (!check.passed) failed++;
        else if (check.status === 'match') matched++;
        else known++;
    }
    return { matched, known, failed };
}

export function tallyLine(sample: SampleRunResult): string {
    const { matched, known, failed } = tally(sample);
    return `${sample.checks.length} kết quả: ${matched} khớp, ${known} sai khác đã biết, ${failed} không đạt kiểm thử.`;
}

/** The whole result as text for the output channel, one block per sample. */
export function renderRunResult(result: RunSamplesResult): string[] {
    if (result.samples.length === 0) {
        return ['Không có xã mẫu nào dùng bộ tiêu chí này (tệp .json có «kết quả chính thức» và «bộ tiêu chí» trỏ tới nó).'];
    }
    const lines: string[] = [];
    for (const sample of result.samples) {
        lines.push(...renderSample(sample), '');
    }
    const failed = result.samples.filter(s => !s.ran || s.checks.some(c => !c.passed)).length;
    lines.push(failed === 0 ? `Tất cả ${result.samples.length} xã mẫu đạt kiểm thử.` : `${failed}/${result.samples.length} xã mẫu không đạt kiểm thử.`);
    return lines;
}

export function renderSample(sample: SampleRunResult): string[] {
    const lines = [`── ${sampleName(sample)} (${baseName(sample.communeUri)}) ──`];
    if (sample.packUri) lines.push(`Bộ tiêu chí: ${baseName(sample.packUri)}`);
    for (const problem of sample.problems) lines.push(`⚠ ${problem}`);
    for (const warning of sample.warnings ?? []) lines.push(`! ${warning}`);
    if (!sample.ran) {
        lines.push('Không chạy được xã mẫu này.');
        return lines;
    }
    if (sample.summary) lines.push(`Máy đánh giá: ${sample.summary}`);
    lines.push(tallyLine(sample));
    for (const check of sample.checks) {
        lines.push(checkLine(check));
        if (check.status !== 'match') lines.push(...checkDetails(check).map(line => `    ${line}`));
    }
    return lines;
}
