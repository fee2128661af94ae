import { checkLine, checkPassed } from '@ntm/evaluation';
import { collectFiles, relativeToCwd, testSampleFiles } from '@ntm/evaluation/node';
import { issueJson, showIssue } from '../report/issues.js';
import { sayJsonFailure } from '../report/json-output.js';
import { ExitCode } from '../util/exit-codes.js';
import { emptyInput } from '../util/inputs.js';
import { complain, say, sayJson } from '../report/terminal.js';

/**
 * `ntm test [paths]`: runs every sample commune (a .json file with «kết quả chính thức») against its pack
 * and reports like a test runner: one check per official verdict, each difference with its explanation.
 */
export async function testCommand(inputs: readonly string[], options: { json?: boolean } = {}): Promise<number> {
    const empty = emptyInput(inputs);
    if (empty) {
        if (options.json) sayJsonFailure('input', empty);
        else complain(empty);
        return ExitCode.Usage;
    }
    const skipped: string[] = [];
    const files = await collectFiles(inputs.length > 0 ? inputs : ['examples'], ['.json'], entry =>
        skipped.push(`Bỏ qua «${relativeToCwd(entry.path)}»: ${entry.reason}.`)
    );
    const { runs, coverage, passed, failed } = await testSampleFiles(files);
    const none = runs.length === 0 ? `Không tìm thấy xã mẫu nào (tệp .json có «kết quả chính thức») trong: ${inputs.join(', ') || 'examples'}` : undefined;
    const code = none ? ExitCode.Usage : failed > 0 ? ExitCode.Failure : ExitCode.Success;
    if (options.json) {
        sayJson({
            ok: code === ExitCode.Success,
            ...(none ? { message: none } : {}),
            skipped,
            summary: { samples: runs.length, passed, failed },
            samples: runs.map(run => ({
                file: relativeToCwd(run.file),
                commune: run.commune,
                ran: run.errors.length === 0,
                computed: run.computed,
                checks: run.checks.map(check => ({ ...check, passed: checkPassed(check) })),
                errors: run.errors.map(issueJson),
                warnings: run.warnings.map(issueJson),
                notes: run.notes
            })),
            coverage: coverage.map(c => c.data())
        });
        return code;
    }
    say(...skipped.map(line => `! ${line}`));
    for (const run of runs) {
        const shown = relativeToCwd(run.file);
        if (run.errors.length > 0) {
            say(`✗ ${shown}: không chạy được`, ...run.errors.map(error => `    ${showIssue(error)}`));
            continue;
        }
        const ok = run.checks.filter(checkPassed).length;
        say([
            ok === run.checks.length ? { text: '✓', style: 'pass' } : { text: '✗', style: 'fail' },
            { text: ` ${shown} — xã ${run.commune}: ${ok}/${run.checks.length} kết quả chính thức được tái lập hoặc giải thích (máy tính: ${run.computed})` }
        ]);
        for (const check of run.checks.filter(c => c.status !== 'match')) {
            say(checkLine(check, '  '), ...(checkPassed(check) ? [] : check.detail.map(line => `      ${line}`)));
        }
        say(...run.warnings.map(warning => `  ! ${showIssue(warning)}`), ...run.notes.map(note => `  ${note}`));
    }
    for (const packCoverage of coverage) say('', ...packCoverage.lines());
    say(none ?? `${passed} passed, ${failed} failed`);
    return code;
}
