import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RunSamplesParams, RunSamplesResult, SampleRunResult } from '../samples/run-protocol.js';
import { sampleChecks } from '../samples/village-check.js';
import { toCheckResult } from '../samples/sample-run.js';
import { formatIssue } from '../commune/file-issue.js';
import { evaluateCommuneAt, packOf } from './evaluate-commune-file.js';
import { findSamples } from './find-samples.js';
import { relativeToCwd } from './files.js';

export interface RunSamplesOptions {
    /** Folders searched for a pack's samples, besides the `examples/` folder of the pack's repository. */
    readonly workspaceFolders?: readonly string[];
}

/**
 * Runs sample communes as `ntm test` does and returns the results of the `ntm/chayKiemThu` request: one
 * commune, or every sample of a pack. A sample that cannot run (a malformed file, a pack with errors) is
 * reported with file and field, and the others still run.
 */
export async function runSamples(params: RunSamplesParams, options: RunSamplesOptions = {}): Promise<RunSamplesResult> {
    if (params.communeUri) {
        return { samples: [await runOne(toPath(params.communeUri), params.packUri ? toPath(params.packUri) : undefined)] };
    }
    if (!params.packUri) return { samples: [] };
    const pack = toPath(params.packUri);
    const files = await findSamples(pack, options.workspaceFolders ?? []);
    if (files.length === 0) {
        return {
            samples: [
                {
                    communeUri: params.packUri,
                    packUri: params.packUri,
                    ran: false,
                    checks: [],
                    problems: [`Không tìm thấy xã mẫu nào của ${path.basename(pack)}: cần tệp .json có «kết quả chính thức» và «bộ tiêu chí» trỏ tới bộ này.`]
                }
            ]
        };
    }
    const samples: SampleRunResult[] = [];
    for (const file of files) samples.push(await runOne(file, pack));
    return { samples };
}

async function runOne(communeFile: string, packFile: string | undefined): Promise<SampleRunResult> {
    const communeUri = pathToFileURL(communeFile).toString();
    try {
        const evaluation = await evaluateCommuneAt(communeFile, packFile);
        const data = evaluation.commune.data;
        const pack = packFile ?? (data ? packOf(evaluation.commune) : undefined);
        const base = { communeUri, commune: data?.['xã'], packUri: pack ? pathToFileURL(pack).toString() : undefined };
        const show = (issues: typeof evaluation.issues) => issues.map(i => formatIssue(i, relativeToCwd(i.file)));
        const errors = evaluation.issues.filter(i => i.severity === 'error');
        const warnings = show(evaluation.issues.filter(i => i.severity !== 'error'));
        if (errors.length > 0 || !evaluation.result || !data) {
            return { ...base, ran: false, problems: show(errors), ...(warnings.length > 0 ? { warnings } : {}), checks: [] };
        }
        if (!data['kết quả chính thức']) {
            return {
                ...base,
                ran: true,
                problems: [`${path.basename(communeFile)}: tệp xã không có «kết quả chính thức» để so sánh.`],
                checks: [],
                summary: evaluation.result.summary.text
            };
        }
        const checks = sampleChecks({ result: evaluation.result, villages: evaluation.villages }, data);
        return {
            ...base,
            ran: true,
            problems: [],
            ...(warnings.length > 0 ? { warnings } : {}),
            checks: checks.map(check => toCheckResult(check, evaluation)),
            summary: evaluation.result.summary.text
        };
    } catch (error) {
        return {
            communeUri,
            ran: false,
            checks: [],
            problems: [`${path.basename(communeFile)}: không chạy được (${error instanceof Error ? error.message : String(error)}).`]
        };
    }
}

/** A file URI as sent by editors, or a plain path (tests, scripts). */
function toPath(uriOrPath: string): string {
    return uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : path.resolve(uriOrPath);
}
