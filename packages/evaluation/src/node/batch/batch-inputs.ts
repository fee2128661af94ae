import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FactSpec } from '@ntm/language';
import { parseDate } from '@ntm/runtime';
import type { FileIssue } from '../../commune/file-issue.js';
import { parseCommuneFile } from '../../commune/read-commune.js';
import type { EvaluatorModule } from '../../evaluate/evaluator-module.js';
import type { RowEvaluationOptions, RowOutcome } from '../../batch/evaluate-row.js';
import { evaluateRow, infoOfRow } from '../../batch/evaluate-row.js';
import { problemOfIssue } from '../../batch/problems.js';
import type { BatchProblem } from '../../batch/problems.js';
import type { CommuneRow } from '../../batch/sheet-communes.js';
import { sheetCommuneRows } from '../../batch/sheet-communes.js';
import type { PackRequest, PackSelection } from '../../packs/pack-selection.js';
import { choosePack } from '../../packs/pack-selection.js';
import { collectFiles, relativeToCwd } from '../files.js';
import { readSpreadsheet } from './read-spreadsheet.js';
import { villagePackFiles } from '../village-packs.js';
import type { LoadedWorkerPack } from './worker-packs.js';
import { compileInWorker } from './worker-packs.js';

/** A pack that cannot be used at all: the batch stops before reading any row. */
export class PackError extends Error {
    constructor(
        message: string,
        readonly issues: readonly FileIssue[] = []
    ) {
        super(message);
        this.name = 'PackError';
    }
}

/** The communes of a batch, each evaluated when its turn comes (so results are never all held at once). */
export interface BatchInput {
    readonly count: number;
    /** Problems of the input as a whole (headers, sheets), known before any commune is evaluated. */
    readonly problems: readonly BatchProblem[];
    communes(): AsyncIterable<RowOutcome>;
}

/**
 * A spreadsheet's rows against a pack, or against the pack in force for each row in a folder of packs
 * (by the row's «cấp», «tỉnh» and date). Headers are matched against every fact the packs know. The packs
 * are compiled in a worker thread: only their evaluators stay in this one.
 */
export async function spreadsheetInput(file: string, pack: string, date?: string): Promise<BatchInput> {
    const folder = (await fs.stat(pack)).isDirectory();
    // The packs compile in their worker thread while this one reads the spreadsheet.
    const [packs, sheet] = await Promise.all([loadPacks(pack, folder), readSpreadsheet(file)]);
    const specs = uniqueSpecs(packs.flatMap(p => p.evaluator.FACT_SPECS));
    const villageSpecs = uniqueSpecs(packs.flatMap(p => [...p.villages.values()].flatMap(v => v.FACT_SPECS)));
    const rows = sheetCommuneRows(sheet, specs, { ...(date ? { date } : {}), ...(villageSpecs.length > 0 ? { villageSpecs } : {}) });
    const choose = folder ? chooserOf(pack, packs) : undefined;
    return {
        count: rows.count,
        problems: rows.problems,
        async *communes() {
            // Each row's cells are dropped once read: memory holds the cells still to come, not two copies.
            for (const row of rows.rows(true))
                yield choose ? evaluateChosen(row, file, choose, packs[0]!, date) : evaluateRow(row, file, packs[0]!.evaluator, rowOptions(packs[0]!, date));
        }
    };
}

type Chooser = (request: PackRequest) => PackSelection & { readonly loaded?: LoadedPack };

function rowOptions(pack: LoadedPack, date: string | undefined, packChosenByDate = false): RowEvaluationOptions {
    return {
        ...(date ? { date } : {}),
        ...(packChosenByDate ? { packChosenByDate } : {}),
        ...(pack.villages.size > 0 ? { villageEvaluators: pack.villages } : {})
    };
}

/** The pack in force for a row among a folder's packs (`choosePack`, as for a commune file naming a folder). */
function chooserOf(folder: string, packs: readonly LoadedPack[]): Chooser {
    const candidates = packs.map(p => ({ file: p.file, info: p.evaluator.PACK }));
    return request => {
        const selection = choosePack(candidates, request, folder, [], relativeToCwd);
        const loaded = 'pack' in selection ? packs.find(p => p.file === selection.pack) : undefined;
        return loaded ? { ...selection, loaded } : selection;
    };
}

function evaluateChosen(row: CommuneRow, file: string, choose: Chooser, fallback: LoadedPack, date?: string): RowOutcome {
    const data = row.data;
    const when = data ? parseDate(date ?? data['ngày đánh giá'] ?? '') : undefined;
    // Without data or a date there is nothing to choose by: any pack's reader names the row's problems.
    if (!data || !when) return evaluateRow(row, file, fallback.evaluator, rowOptions(fallback, date));
    const selection = choose({ level: data['cấp'], province: data['tỉnh'], date: when });
    if ('error' in selection) {
        const info = infoOfRow(row, file);
        return {
            info,
            problems: [...row.problems, { severity: 'error', file, ...row.locate([selection.field]), commune: info.name, message: selection.error }]
        };
    }
    const chosen = selection.loaded ?? fallback;
    return evaluateRow(row, file, chosen.evaluator, rowOptions(chosen, date, selection.note !== undefined));
}

/** Commune files (`.json`) in files or folders, each with the pack given or the one it names. */
export async function communeFilesInput(inputs: readonly string[], pack: string | undefined, date?: string): Promise<BatchInput> {
    // The compiler comes in with this path only: a spreadsheet's packs are compiled in a worker.
    const { evaluateCommuneAt } = await import('../evaluate-commune-file.js');
    const skipped: BatchProblem[] = [];
    const found = await collectFiles(inputs, ['.json'], entry => skipped.push({ severity: 'warning', file: entry.path, message: `Bỏ qua: ${entry.reason}.` }));
    // A folder may hold other JSON (an app's package.json, the schemas `ntm build` writes): a file found in a
    // folder with nothing of a commune file is passed over with a word; a file named on the command line never is.
    const named = new Set(inputs.map(input => path.resolve(input)));
    const files: string[] = [];
    for (const file of found) {
        const text = named.has(file) ? undefined : await fs.readFile(file, 'utf8').catch(() => undefined);
        if (text !== undefined && parseCommuneFile(text, file).kind === 'other') {
            skipped.push({
                severity: 'warning',
                file,
                message: 'Bỏ qua: không phải tệp xã (không có «dữ kiện», «các thôn», «bộ tiêu chí» hay «kết quả chính thức»).'
            });
        } else files.push(file);
    }
    return {
        count: files.length,
        problems: skipped,
        async *communes() {
            for (const file of files) {
                const evaluation = await evaluateCommuneAt(file, pack, date);
                const data = evaluation.commune.data;
                const name = data?.['xã'] || path.basename(file, '.json');
                const info = { name, file, ...(data?.['huyện'] ? { district: data['huyện'] } : {}), ...(data?.['tỉnh'] ? { province: data['tỉnh'] } : {}) };
                const problems = evaluation.issues.map(issue => problemOfIssue(issue, name));
                const failed = problems.some(p => p.severity === 'error') || !evaluation.result;
                yield { info, ...(data ? { data } : {}), problems, ...(failed ? {} : { result: evaluation.result }) };
            }
        }
    };
}

export interface LoadedPack {
    readonly file: string;
    readonly evaluator: EvaluatorModule;
    /** The village-level packs it counts villages of (`đếm thôn đạt chuẩn theo "…"`), by the path as it writes it. */
    readonly villages: ReadonlyMap<string, EvaluatorModule>;
}

/**
 * The pack, or every usable pack of a folder, with the village-level packs each counts villages of; a pack
 * with errors (or a folder without any), or a village-level pack that cannot be used, stops the batch.
 */
export async function loadPacks(pack: string, folder: boolean): Promise<LoadedPack[]> {
    const files = folder ? await collectFiles([pack], ['.ntm']) : [path.resolve(pack)];
    const usable: { file: string; evaluator: EvaluatorModule }[] = [];
    for (const compiled of await compileInWorker(files)) {
        if (compiled.evaluator) usable.push({ file: compiled.file, evaluator: compiled.evaluator });
        else if (!folder) throw packError(compiled);
    }
    if (usable.length === 0) throw new PackError(`Không có bộ tiêu chí dùng được trong ${relativeToCwd(pack)}.`);
    const counted = usable.map(p => villagePackFiles(p.file, p.evaluator));
    const villageFiles = [...new Set(counted.flat().map(v => v.file))];
    const villages = new Map<string, EvaluatorModule>();
    for (const compiled of villageFiles.length > 0 ? await compileInWorker(villageFiles) : []) {
        if (!compiled.evaluator) throw packError(compiled, 'bộ tiêu chí cấp thôn ');
        villages.set(compiled.file, compiled.evaluator);
    }
    return usable.map((p, i) => ({ ...p, villages: new Map(counted[i]!.map(v => [v.written, villages.get(v.file)!])) }));
}

function packError(compiled: LoadedWorkerPack, what = ''): PackError {
    return new PackError(
        compiled.failure
            ? `Không đọc được ${what || 'bộ tiêu chí '}${relativeToCwd(compiled.file)} (${compiled.failure}).`
            : `Không đánh giá được: ${what}${relativeToCwd(compiled.file)} có lỗi.`,
        compiled.issues
    );
}

/** Facts of several packs, each name once (the first pack's declaration wins). */
function uniqueSpecs(specs: readonly FactSpec[]): FactSpec[] {
    const seen = new Map<string, FactSpec>();
    for (const spec of specs) if (!seen.has(spec.name)) seen.set(spec.name, spec);
    return [...seen.values()];
}
