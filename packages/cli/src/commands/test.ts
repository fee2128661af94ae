import type { FileIssue, VerdictCheck } from '@ntm/evaluation';
import { PackCoverage, checkPassed, checkSample, checkVillages, summarizeVillages } from '@ntm/evaluation';
import { collectFiles, evaluateCommuneAt, readCommuneFile, relativeToCwd } from '@ntm/evaluation/node';
import { checkLine } from '../report/check-line.js';
import { issueJson, showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';
import { emptyInput } from '../util/inputs.js';
import { complain, say, sayJson } from '../report/terminal.js';
import { sayJsonFailure } from '../report/json-output.js';

export interface TestOptions { json?: boolean }

/** One sample commune run against its pack. */
interface SampleRun {
    readonly file: string;
    readonly commune?: string;
    /** Errors that kept the file from running. */
    readonly errors: readonly FileIssue[];
    readonly warnings: readonly FileIssue[];
    readonly checks: readonly VerdictCheck[];
    /** «đạt 6/9 tiêu chí, công nhận chưa đạt» or «5/7 thôn đạt». */
    readonly computed?: string;
    readonly notes: readonly string[];
}

async function runSample(file: string, coverage: Map<string, PackCoverage>): Promise<SampleRun> {
    const evaluation = await evaluateCommuneAt(file, undefined);
    const data = evaluation.commune.data;
    const errors = evaluation.issues.filter(i => i.severity === 'error');
    const warnings = evaluation.issues.filter(i => i.severity !== 'error');
    if (errors.length > 0 || !evaluation.result || !data) return { file, errors, warnings, checks: [], notes: [] };
    const checks: VerdictCheck[] = evaluation.villages ? checkVillages(evaluation.villages, data) : checkSample(evaluation.result, data);
    const packKey = evaluation.packFile ?? evaluation.result.pack.id;
    const packCoverage = coverage.get(packKey) ?? new PackCoverage(evaluation.result.pack.title);
    coverage.set(packKey, packCoverage);
    if (evaluation.villages) {
        for (const village of evaluation.villages) packCoverage.add(village.result, [], `${data['xã']}, thôn ${village.name}`, 'thôn');
    } else {
        packCoverage.add(evaluation.result, checks, data['xã']);
    }
    const summary = evaluation.result.summary;
    const notes: string[] = [];
    if (summary.points) {
        const entered = summary.scoresEnteredInRange.length + summary.scoresAgainstEvidence.length;
        notes.push(`Điểm do thẩm định viên nhập: ${entered} (trong khoảng quy tắc cho phép: ${summary.scoresEnteredInRange.join(', ') || 'không có'}; trái số liệu của báo cáo: ${summary.scoresAgainstEvidence.join(', ') || 'không có'})`);
    }
    if (summary.indicatorsOnImpliedBounds.length > 0) {
        notes.push(`~ ${summary.criteriaOnImpliedBounds.length} tiêu chí và ${summary.indicatorsOnImpliedBounds.length} chỉ tiêu chỉ kết luận được nhờ cận suy ra từ chính kết luận đã biết: tiêu chí ${summary.criteriaOnImpliedBounds.join(', ') || '—'}; chỉ tiêu ${summary.indicatorsOnImpliedBounds.join(', ')}`);
    }
    const computed = evaluation.villages ? summarizeVillages(evaluation.villages).text : `${summary.text}, công nhận ${summary.recognition}`;
    return { file, commune: data['xã'], errors, warnings, checks, computed, notes };
}

/**
 * `ntm test [paths]`: runs every sample commune (a .json file with «kết quả chính thức») against its pack
 * and reports like a test runner: one check per official verdict, each difference with its explanation.
 */
export async function testCommand(inputs: readonly string[], options: TestOptions = {}): Promise<number> {
    const empty = emptyInput(inputs);
    if (empty) {
        if (options.json) sayJsonFailure('input', empty);
        else complain(empty);
        return ExitCode.Usage;
    }
    const skipped: string[] = [];
    const files = await collectFiles(inputs.length > 0 ? inputs : ['examples'], ['.json'],
        entry => skipped.push(`Bỏ qua «${relativeToCwd(entry.path)}»: ${entry.reason}.`));
    const coverage = new Map<string, PackCoverage>();
    const runs: SampleRun[] = [];
    for (const file of files) {
        const peek = await readCommuneFile(file);
        if (peek.kind !== 'sample') continue;
        runs.push(await runSample(file, coverage));
    }
    const failedRun = (run: SampleRun) => run.errors.length > 0 ? 1 : run.checks.filter(c => !checkPassed(c)).length;
    const passed = runs.reduce((n, run) => n + run.checks.filter(checkPassed).length, 0);
    const failed = runs.reduce((n, run) => n + failedRun(run), 0);
    const none = `Không tìm thấy xã mẫu nào (tệp .json có «kết quả chính thức») trong: ${inputs.join(', ') || 'examples'}`;
    if (options.json) {
        sayJson({
            ok: runs.length > 0 && failed === 0,
            ...(runs.length === 0 ? { message: none } : {}),
            samples: runs.map(run => ({
                file: relativeToCwd(run.file), ...(run.commune !== undefined ? { commune: run.commune } : {}),
                ran: run.errors.length === 0, passed: run.checks.filter(checkPassed).length, failed: failedRun(run),
                ...(run.computed ? { computed: run.computed } : {}),
                checks: run.checks.map(check => ({ ...check, passed: checkPassed(check) })),
                errors: run.errors.map(issueJson), warnings: run.warnings.map(issueJson), notes: run.notes
            })),
            coverage: [...coverage.values()].map(c => c.data()),
            skipped,
            summary: { samples: runs.length, passed, failed }
        });
        return runs.length === 0 ? ExitCode.Usage : failed > 0 ? ExitCode.Failure : ExitCode.Success;
    }
    for (const line of skipped) say(`! ${line}`);
    for (const run of runs) {
        const shown = relativeToCwd(run.file);
        if (run.errors.length > 0) {
            say(`✗ ${shown}: không chạy được`);
            for (const error of run.errors) say(`    ${showIssue(error)}`);
            continue;
        }
        const ok = run.checks.filter(checkPassed);
        const bad = run.checks.filter(c => !checkPassed(c));
        say([bad.length === 0 ? { text: '✓', style: 'pass' } : { text: '✗', style: 'fail' },
            { text: ` ${shown} — xã ${run.commune}: ${ok.length}/${run.checks.length} kết quả chính thức được tái lập hoặc giải thích (máy tính: ${run.computed})` }]);
        for (const check of run.checks.filter(c => c.status !== 'match')) {
            say(checkLine(check, '  '));
            if (!checkPassed(check)) for (const line of check.detail) say(`      ${line}`);
        }
        for (const warning of run.warnings) say(`  ! ${showIssue(warning)}`);
        for (const note of run.notes) say(`  ${note}`);
    }
    for (const packCoverage of coverage.values()) {
        say('');
        for (const line of packCoverage.lines()) say(line);
    }
    if (runs.length === 0) {
        say(none);
        return ExitCode.Usage;
    }
    say(`${passed} passed, ${failed} failed`);
    return failed > 0 ? ExitCode.Failure : ExitCode.Success;
}
