import { buildPlan, errorsOf, officialVillageVerdicts, renderEvaluation, renderPlan, renderVillages, sampleChecks, summarizeVillages } from '@ntm/evaluation';
import { evaluateCommuneAt } from '@ntm/evaluation/node';
import { issueJson, showIssue } from '../report/issues.js';
import { sayJsonErrors, sayJsonFailure } from '../report/json-output.js';
import { ExitCode } from '../util/exit-codes.js';
import { emptyName, notAFile, notAPackOrFolder } from '../util/inputs.js';
import { complain, outputWidth, say, sayJson } from '../report/terminal.js';

export interface EvalOptions {
    json?: boolean;
    ngay?: string;
    keHoach?: boolean;
}

/** `ntm eval <pack> <commune>` (or `ntm eval <commune>` using the pack it names). */
export async function evalCommand(first: string, second: string | undefined, options: EvalOptions): Promise<number> {
    const [packFile, communeFile] = second === undefined ? [undefined, first] : [first, second];
    // A commune file before its pack would be read as a pack, and the pack as JSON: say the order instead.
    const swapped =
        second !== undefined && /\.json$/i.test(first) && /\.ntm$/i.test(second)
            ? `Thứ tự tham số: bộ tiêu chí trước, tệp xã sau — ntm eval ${second} ${first}`
            : undefined;
    const unreadable =
        swapped ??
        (packFile !== undefined && packFile.trim() === '' ? emptyName('bộ tiêu chí') : undefined) ??
        (packFile !== undefined ? await notAPackOrFolder(packFile) : undefined) ??
        (await notAFile(communeFile, 'tệp xã'));
    if (unreadable) {
        if (options.json) sayJsonFailure('input', unreadable);
        else complain(unreadable);
        return ExitCode.Usage;
    }
    const evaluation = await evaluateCommuneAt(communeFile, packFile, options.ngay);
    const errors = errorsOf(evaluation);
    const warnings = evaluation.issues.filter(i => i.severity !== 'error');
    const data = evaluation.commune.data;
    if (errors.length > 0 || !evaluation.result || !data) {
        const message = 'Không đánh giá được: sửa các lỗi trên rồi chạy lại.';
        for (const warning of warnings) complain(showIssue(warning));
        if (options.json) {
            sayJsonErrors(errors, warnings, message);
        } else {
            for (const error of errors) complain(showIssue(error));
            complain(message);
        }
        return ExitCode.Failure;
    }
    for (const warning of warnings) complain(showIssue(warning));
    const width = outputWidth();
    const shownWarnings = warnings.map(issueJson);
    if (evaluation.villages) {
        const villages = evaluation.villages;
        const summary = summarizeVillages(villages);
        const checks = data['kết quả chính thức'] ? sampleChecks({ result: evaluation.result, villages }, data) : [];
        if (options.keHoach) {
            // A plan for each village that has not met the standard.
            const plans = villages.filter(v => v.result.summary.recognition !== 'đạt').map(v => ({ village: v.name, plan: buildPlan(v.result) }));
            if (options.json) {
                sayJson({ summary, plans, warnings: shownWarnings });
            } else {
                say(`${summary.text}; ${plans.length === 0 ? 'mọi thôn đã đạt, không cần kế hoạch.' : `kế hoạch cho ${plans.length} thôn chưa đạt:`}`);
                for (const { village, plan } of plans) {
                    say('', ...renderPlan(plan, `thôn ${village}`, width));
                }
            }
        } else if (options.json) {
            sayJson({ villages: villages.map(v => ({ name: v.name, result: v.result })), summary, comparison: checks, warnings: shownWarnings });
        } else {
            say(...renderVillages(villages, summary, officialVillageVerdicts(data), checks, width));
        }
        return ExitCode.Success;
    }
    const result = evaluation.result;
    const checks = data['kết quả chính thức'] ? sampleChecks({ result }, data) : [];
    // A commune pack that counts villages: the villages' results are in the result, shown under the commune's.
    const counted = result.villages;
    const villageSummary = counted ? summarizeVillages(counted) : undefined;
    if (options.keHoach) {
        const plan = buildPlan(result);
        if (options.json) sayJson({ ...plan, warnings: shownWarnings });
        else say(...renderPlan(plan, data['xã'] ? `xã ${data['xã']}` : 'xã', width));
    } else if (options.json) {
        sayJson({ result, comparison: checks, ...(villageSummary ? { villageSummary } : {}), warnings: shownWarnings });
    } else {
        say(
            ...renderEvaluation(
                result,
                data,
                checks.filter(c => c.village === undefined),
                width,
                evaluation.selectionNote
            )
        );
        if (counted && villageSummary) {
            say(
                '',
                ...renderVillages(
                    counted,
                    villageSummary,
                    officialVillageVerdicts(data),
                    checks.filter(c => c.village !== undefined),
                    width
                )
            );
        }
    }
    return ExitCode.Success;
}
