import type { FileIssue } from '../commune/file-issue.js';
import type { VerdictCheck } from '../samples/sample-check.js';
import { checkPassed } from '../samples/sample-check.js';
import { sampleChecks } from '../samples/village-check.js';
import { PackCoverage } from '../samples/coverage.js';
import { summarizeVillages } from '../samples/villages.js';
import { evaluateCommuneAt } from './evaluate-commune-file.js';
import { readCommuneFile } from './read-commune-file.js';

/** One sample commune run against its pack, as `ntm test` reports it. */
export interface SampleFileRun {
    readonly file: string;
    readonly commune?: string;
    /** Errors that kept the file from running. */
    readonly errors: readonly FileIssue[];
    readonly warnings: readonly FileIssue[];
    readonly checks: readonly VerdictCheck[];
    /** «đạt 6/9 tiêu chí, công nhận chưa đạt» or «5/7 thôn đạt». */
    readonly computed?: string;
    /** Entered scores and verdicts resting on implied bounds, one line each. */
    readonly notes: readonly string[];
}

export interface SampleFilesRun {
    readonly runs: readonly SampleFileRun[];
    readonly coverage: readonly PackCoverage[];
    readonly passed: number;
    /** Failed checks, and one for each sample that could not run. */
    readonly failed: number;
}

/** Runs every sample commune (a file with «kết quả chính thức») among the files, with coverage per pack. */
export async function testSampleFiles(files: readonly string[]): Promise<SampleFilesRun> {
    const coverage = new Map<string, PackCoverage>();
    const runs: SampleFileRun[] = [];
    for (const file of files) {
        if ((await readCommuneFile(file)).kind === 'sample') runs.push(await runSampleFile(file, coverage));
    }
    const failedIn = (run: SampleFileRun) => (run.errors.length > 0 ? 1 : run.checks.filter(c => !checkPassed(c)).length);
    return {
        runs,
        coverage: [...coverage.values()],
        passed: runs.reduce((n, run) => n + run.checks.filter(checkPassed).length, 0),
        failed: runs.reduce((n, run) => n + failedIn(run), 0)
    };
}

async function runSampleFile(file: string, coverage: Map<string, PackCoverage>): Promise<SampleFileRun> {
    const evaluation = await evaluateCommuneAt(file, undefined);
    const data = evaluation.commune.data;
    const errors = evaluation.issues.filter(i => i.severity === 'error');
    const warnings = evaluation.issues.filter(i => i.severity !== 'error');
    if (errors.length > 0 || !evaluation.result || !data) return { file, errors, warnings, checks: [], notes: [] };
    const checks = sampleChecks({ result: evaluation.result, villages: evaluation.villages }, data);
    const key = evaluation.packFile ?? evaluation.result.pack.id;
    const packCoverage = coverage.get(key) ?? new PackCoverage(evaluation.result.pack.title);
    coverage.set(key, packCoverage);
    if (evaluation.villages) {
        for (const village of evaluation.villages) packCoverage.add(village.result, [], `${data['xã']}, thôn ${village.name}`, 'thôn');
    } else {
        packCoverage.add(
            evaluation.result,
            checks.filter(c => c.village === undefined),
            data['xã']
        );
    }
    const s = evaluation.result.summary;
    const notes = [
        ...(s.points
            ? [
                  `Điểm do thẩm định viên nhập: ${s.scoresEnteredInRange.length + s.scoresAgainstEvidence.length} (trong khoảng quy tắc cho phép: ${s.scoresEnteredInRange.join(', ') || 'không có'}; trái số liệu của báo cáo: ${s.scoresAgainstEvidence.join(', ') || 'không có'})`
              ]
            : []),
        ...(s.indicatorsOnImpliedBounds.length > 0
            ? [
                  `~ ${s.criteriaOnImpliedBounds.length} tiêu chí và ${s.indicatorsOnImpliedBounds.length} chỉ tiêu chỉ kết luận được nhờ cận suy ra từ chính kết luận đã biết: tiêu chí ${s.criteriaOnImpliedBounds.join(', ') || '—'}; chỉ tiêu ${s.indicatorsOnImpliedBounds.join(', ')}`
              ]
            : [])
    ];
    const counted = evaluation.result.villages;
    const computed = evaluation.villages
        ? summarizeVillages(evaluation.villages).text
        : `${s.text}, công nhận ${s.recognition}${counted ? `; ${summarizeVillages(counted).text}` : ''}`;
    return { file, commune: data['xã'], errors, warnings, checks, computed, notes };
}
