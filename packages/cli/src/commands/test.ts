import type { VerdictCheck } from '@ntm/evaluation';
import { PackCoverage, checkPassed, checkSample, checkVillages } from '@ntm/evaluation';
import { collectFiles, evaluateCommuneAt, readCommuneFile, relativeToCwd } from '@ntm/evaluation/node';
import { checkLine } from '../report/check-line.js';
import { showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';
import { complain, say } from '../report/terminal.js';

/**
 * `ntm test [paths]`: runs every sample commune (a .json file with «kết quả chính thức») against its pack
 * and reports like a test runner: one check per official verdict, each difference with its explanation.
 */
export async function testCommand(inputs: readonly string[]): Promise<number> {
    const files = await collectFiles(inputs.length > 0 ? inputs : ['examples'], ['.json'],
        skipped => say(`! Bỏ qua «${relativeToCwd(skipped.path)}»: ${skipped.reason}.`));
    let passed = 0;
    let failed = 0;
    let samples = 0;
    const coverage = new Map<string, PackCoverage>();
    for (const file of files) {
        const shown = relativeToCwd(file);
        const peek = await readCommuneFile(file);
        if (peek.kind !== 'sample') continue;
        samples++;
        const evaluation = await evaluateCommuneAt(file, undefined);
        const data = evaluation.commune.data;
        const errors = evaluation.issues.filter(i => i.severity === 'error');
        if (errors.length > 0 || !evaluation.result || !data) {
            say(`✗ ${shown}: không chạy được`);
            for (const error of errors) say(`    ${showIssue(error)}`);
            failed++;
            continue;
        }
        const checks: VerdictCheck[] = evaluation.villages ? checkVillages(evaluation.villages, data) : checkSample(evaluation.result, data);
        const packKey = evaluation.packFile ?? evaluation.result.pack.id;
        const packCoverage = coverage.get(packKey) ?? new PackCoverage(evaluation.result.pack.title);
        coverage.set(packKey, packCoverage);
        if (evaluation.villages) {
            for (const village of evaluation.villages) packCoverage.add(village.result, [], `${data['xã']}, thôn ${village.name}`, 'thôn');
        } else {
            packCoverage.add(evaluation.result, checks, data['xã']);
        }
        const ok = checks.filter(checkPassed);
        const bad = checks.filter(c => !checkPassed(c));
        passed += ok.length;
        failed += bad.length;
        const computed = evaluation.villages
            ? `${evaluation.villages.filter(v => v.result.summary.recognition === 'đạt').length}/${evaluation.villages.length} thôn đạt`
            : `${evaluation.result.summary.text}, công nhận ${evaluation.result.summary.recognition}`;
        say(`${bad.length === 0 ? '✓' : '✗'} ${shown} — xã ${data['xã']}: ${ok.length}/${checks.length} kết quả chính thức được tái lập hoặc giải thích (máy tính: ${computed})`);
        for (const check of checks.filter(c => c.status !== 'match')) {
            say(checkLine(check, '  '));
            if (!checkPassed(check)) {
                for (const line of check.detail) say(`      ${line}`);
            }
        }
        for (const warning of evaluation.issues.filter(i => i.severity !== 'error')) say(`  ! ${showIssue(warning)}`);
        const summary = evaluation.result.summary;
        const entered = summary.scoresEnteredInRange.length + summary.scoresAgainstEvidence.length;
        if (summary.points) {
            say(`  Điểm do thẩm định viên nhập: ${entered} (trong khoảng quy tắc cho phép: ${summary.scoresEnteredInRange.join(', ') || 'không có'}; trái số liệu của báo cáo: ${summary.scoresAgainstEvidence.join(', ') || 'không có'})`);
        }
        if (summary.indicatorsOnImpliedBounds.length > 0) {
            say(`  ~ ${summary.criteriaOnImpliedBounds.length} tiêu chí và ${summary.indicatorsOnImpliedBounds.length} chỉ tiêu chỉ kết luận được nhờ cận suy ra từ chính kết luận đã biết: tiêu chí ${summary.criteriaOnImpliedBounds.join(', ') || '—'}; chỉ tiêu ${summary.indicatorsOnImpliedBounds.join(', ')}`);
        }
    }
    for (const packCoverage of coverage.values()) {
        say('');
        for (const line of packCoverage.lines()) say(line);
    }
    if (samples === 0) {
        say(`Không tìm thấy xã mẫu nào (tệp .json có «kết quả chính thức») trong: ${inputs.join(', ') || 'examples'}`);
        return ExitCode.Usage;
    }
    say(`${passed} passed, ${failed} failed`);
    return failed > 0 ? ExitCode.Failure : ExitCode.Success;
}
