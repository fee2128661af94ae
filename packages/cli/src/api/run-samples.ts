import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RunSamplesParams, RunSamplesResult, SampleCheckResult, SampleRunResult } from '@ntm/language/lsp';
import { evaluateCommune, packOf } from '../commands/evaluate-commune.js';
import { checkPassed, checkSample } from '../commune/sample-check.js';
import type { VerdictCheck } from '../commune/sample-check.js';
import { findSamples } from './find-samples.js';

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
        return { samples: [{ communeUri: params.packUri, packUri: params.packUri, ran: false, checks: [],
            problems: [`Không tìm thấy xã mẫu nào của ${path.basename(pack)}: cần tệp .json có «kết quả chính thức» và «bộ tiêu chí» trỏ tới bộ này.`] }] };
    }
    const samples: SampleRunResult[] = [];
    for (const file of files) samples.push(await runOne(file, pack));
    return { samples };
}

async function runOne(communeFile: string, packFile: string | undefined): Promise<SampleRunResult> {
    const communeUri = pathToFileURL(communeFile).toString();
    try {
        const evaluation = await evaluateCommune(communeFile, packFile);
        const data = evaluation.commune.data;
        const pack = packFile ?? (data ? packOf(evaluation.commune) : undefined);
        const base = { communeUri, commune: data?.['xã'], packUri: pack ? pathToFileURL(pack).toString() : undefined };
        if (evaluation.problems.length > 0 || !evaluation.result || !data) {
            return { ...base, ran: false, problems: evaluation.problems, checks: [] };
        }
        if (!data['kết quả chính thức']) {
            return { ...base, ran: true, problems: [`${path.basename(communeFile)}: tệp xã không có «kết quả chính thức» để so sánh.`], checks: [], summary: evaluation.result.summary.text };
        }
        return { ...base, ran: true, problems: [], checks: checkSample(evaluation.result, data).map(toCheckResult), summary: evaluation.result.summary.text };
    } catch (error) {
        return { communeUri, ran: false, checks: [], problems: [`${path.basename(communeFile)}: không chạy được (${error instanceof Error ? error.message : String(error)}).`] };
    }
}

function toCheckResult(check: VerdictCheck): SampleCheckResult {
    return {
        level: check.level, label: check.label, official: check.official, computed: check.computed, status: check.status,
        passed: checkPassed(check), cause: check.discrepancy?.['nguyên nhân'], explanation: check.discrepancy?.['giải thích'], detail: check.detail
    };
}

/** A file URI as sent by editors, or a plain path (tests, scripts). */
function toPath(uriOrPath: string): string {
    return uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : path.resolve(uriOrPath);
}
