import { checkSample, buildPlan } from '@ntm/evaluation';
import { evaluateCommuneAt } from '@ntm/evaluation/node';
import { renderEvaluation, renderVillages } from '../report/eval-report.js';
import { renderPlan } from '../report/plan-report.js';
import { showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';

/** `ntm eval <pack> <commune>` (or `ntm eval <commune>` using the pack it names). */
export async function evalCommand(first: string, second: string | undefined, options: { json?: boolean; ngay?: string; keHoach?: boolean }): Promise<number> {
    const [packFile, communeFile] = second === undefined ? [undefined, first] : [first, second];
    const evaluation = await evaluateCommuneAt(communeFile, packFile, options.ngay);
    const errors = evaluation.issues.filter(i => i.severity === 'error');
    for (const warning of evaluation.issues.filter(i => i.severity !== 'error')) console.error(showIssue(warning));
    const data = evaluation.commune.data;
    if (errors.length > 0 || !evaluation.result || !data) {
        for (const error of errors) console.error(showIssue(error));
        console.error('Không đánh giá được: sửa các lỗi trên rồi chạy lại.');
        return ExitCode.Failure;
    }
    const checks = data['kết quả chính thức'] ? checkSample(evaluation.result, data) : [];
    if (evaluation.villages) {
        const official = data['kết quả chính thức']?.['các thôn'];
        console.log(options.json
            ? JSON.stringify({ villages: evaluation.villages.map(v => ({ name: v.name, result: v.result })) }, undefined, 2)
            : renderVillages(evaluation.villages, official));
        return ExitCode.Success;
    }
    if (options.keHoach) {
        const plan = buildPlan(evaluation.result);
        console.log(options.json ? JSON.stringify(plan, undefined, 2) : renderPlan(plan, data['xã']));
    } else if (options.json) {
        console.log(JSON.stringify({ result: evaluation.result, comparison: checks }, undefined, 2));
    } else {
        console.log(renderEvaluation(evaluation.result, data, checks, evaluation.selectionNote));
    }
    return ExitCode.Success;
}
