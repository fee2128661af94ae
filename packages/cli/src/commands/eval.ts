import { checkSample } from '../commune/sample-check.js';
import { renderEvaluation, renderVillages } from '../report/eval-report.js';
import { buildPlan, renderPlan } from '../report/plan.js';
import { ExitCode } from '../util/exit-codes.js';
import { evaluateCommune } from './evaluate-commune.js';

/** `ntm eval <pack> <commune>` (or `ntm eval <commune>` using the pack it names). */
export async function evalCommand(first: string, second: string | undefined, options: { json?: boolean; ngay?: string; keHoach?: boolean }): Promise<number> {
    const [packFile, communeFile] = second === undefined ? [undefined, first] : [first, second];
    const evaluation = await evaluateCommune(communeFile, packFile, options.ngay);
    for (const warning of evaluation.warnings) console.error(warning);
    if (evaluation.problems.length > 0 || !evaluation.result || !evaluation.commune.data) {
        for (const problem of evaluation.problems) console.error(problem);
        console.error('Không đánh giá được: sửa các lỗi trên rồi chạy lại.');
        return ExitCode.Failure;
    }
    const checks = evaluation.commune.data['kết quả chính thức'] ? checkSample(evaluation.result, evaluation.commune.data) : [];
    if (evaluation.villages) {
        const official = evaluation.commune.data['kết quả chính thức']?.['các thôn'];
        console.log(options.json
            ? JSON.stringify({ villages: evaluation.villages.map(v => ({ name: v.name, result: v.result })) }, undefined, 2)
            : renderVillages(evaluation.villages, official));
        return ExitCode.Success;
    }
    if (options.keHoach) {
        const plan = buildPlan(evaluation.result);
        console.log(options.json ? JSON.stringify(plan, undefined, 2) : renderPlan(plan, evaluation.commune.data['xã']));
    } else if (options.json) {
        console.log(JSON.stringify({ result: evaluation.result, comparison: checks }, undefined, 2));
    } else {
        console.log(renderEvaluation(evaluation.result, evaluation.commune.data, checks, evaluation.selectionNote));
    }
    return ExitCode.Success;
}
