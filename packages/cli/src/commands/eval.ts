import { checkSample, buildPlan } from '@ntm/evaluation';
import { evaluateCommuneAt } from '@ntm/evaluation/node';
import { renderEvaluation, renderVillages } from '../report/eval-report.js';
import { renderPlan } from '../report/plan-report.js';
import { showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';
import { complain, say, sayJson } from '../report/terminal.js';

/** `ntm eval <pack> <commune>` (or `ntm eval <commune>` using the pack it names). */
export async function evalCommand(first: string, second: string | undefined, options: { json?: boolean; ngay?: string; keHoach?: boolean }): Promise<number> {
    const [packFile, communeFile] = second === undefined ? [undefined, first] : [first, second];
    const evaluation = await evaluateCommuneAt(communeFile, packFile, options.ngay);
    const errors = evaluation.issues.filter(i => i.severity === 'error');
    for (const warning of evaluation.issues.filter(i => i.severity !== 'error')) complain(showIssue(warning));
    const data = evaluation.commune.data;
    if (errors.length > 0 || !evaluation.result || !data) {
        for (const error of errors) complain(showIssue(error));
        complain('Không đánh giá được: sửa các lỗi trên rồi chạy lại.');
        return ExitCode.Failure;
    }
    const checks = data['kết quả chính thức'] ? checkSample(evaluation.result, data) : [];
    if (evaluation.villages) {
        const official = data['kết quả chính thức']?.['các thôn'];
        if (options.json) sayJson({ villages: evaluation.villages.map(v => ({ name: v.name, result: v.result })) });
        else say(...renderVillages(evaluation.villages, official));
        return ExitCode.Success;
    }
    if (options.keHoach) {
        const plan = buildPlan(evaluation.result);
        if (options.json) sayJson(plan);
        else say(...renderPlan(plan, data['xã']));
    } else if (options.json) {
        sayJson({ result: evaluation.result, comparison: checks });
    } else {
        say(...renderEvaluation(evaluation.result, data, checks, evaluation.selectionNote));
    }
    return ExitCode.Success;
}
