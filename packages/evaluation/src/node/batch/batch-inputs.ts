import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FactSpec } from '@ntm/language';
import { parseDate } from '@ntm/language';
import type { FileIssue } from '../../commune/file-issue.js';
import type { EvaluatorModule } from '../../evaluate/evaluator-module.js';
import type { RowOutcome } from '../../batch/evaluate-row.js';
import { evaluateRow, infoOfRow } from '../../batch/evaluate-row.js';
import { problemOfIssue } from '../../batch/problems.js';
import type { BatchProblem } from '../../batch/problems.js';
import type { CommuneRow } from '../../batch/sheet-communes.js';
import { sheetCommuneRows } from '../../batch/sheet-communes.js';
import { evaluatorFor } from '../compile-pack-file.js';
import { evaluateCommuneAt } from '../evaluate-commune-file.js';
import { collectFiles, relativeToCwd } from '../files.js';
import { selectPack } from '../select-pack.js';
import { readSpreadsheet } from './read-spreadsheet.js';

/** A pack that cannot be used at all: the batch stops before reading any row. */
export class PackError extends Error {
    constructor(message: string, readonly issues: readonly FileIssue[] = []) {
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
 * (by the row's «cấp», «tỉnh» and date). Headers are matched against every fact the packs know.
 */
export async function spreadsheetInput(file: string, pack: string, date?: string): Promise<BatchInput> {
    const packs = await loadPacks(pack);
    const sheet = await readSpreadsheet(file);
    const specs = uniqueSpecs(packs.flatMap(p => p.evaluator.FACT_SPECS));
    const rows = sheetCommuneRows(sheet, specs, date ? { date } : {});
    const folder = (await fs.stat(pack)).isDirectory();
    return {
        count: rows.count, problems: rows.problems,
        async *communes() {
            // Each row's cells are dropped once read: memory holds the cells still to come, not two copies.
            for (const row of rows.rows(true)) yield await evaluateSheetRow(row, file, pack, folder ? undefined : packs[0]!.evaluator, date);
        }
    };
}

async function evaluateSheetRow(row: CommuneRow, file: string, pack: string, evaluator: EvaluatorModule | undefined, date?: string): Promise<RowOutcome> {
    if (evaluator || !row.data) return evaluateRow(row, file, evaluator!, { ...(date ? { date } : {}) });
    const data = row.data;
    const when = parseDate(date ?? data['ngày đánh giá'] ?? '');
    const fail = (message: string): RowOutcome => ({
        info: infoOfRow(row, file), problems: [...row.problems, { severity: 'error', file, ...row.locate(['cấp']), commune: infoOfRow(row, file).name, message }]
    });
    if (!when) return evaluateRow(row, file, (await anyEvaluator(pack))!, { ...(date ? { date } : {}) });
    const selection = await selectPack(pack, { level: data['cấp'], province: data['tỉnh'], date: when });
    if ('error' in selection) return fail(selection.error);
    const loaded = await evaluatorFor(selection.pack);
    if (!loaded.evaluator) return fail(`Bộ tiêu chí ${relativeToCwd(selection.pack)} có lỗi.`);
    return evaluateRow(row, file, loaded.evaluator, { ...(date ? { date } : {}), packChosenByDate: selection.note !== undefined });
}

/** With no date to choose by, any pack reports the row's problems (the reader says the date is missing). */
async function anyEvaluator(pack: string): Promise<EvaluatorModule | undefined> {
    return (await loadPacks(pack))[0]?.evaluator;
}

/** Commune files (`.json`) in files or folders, each with the pack given or the one it names. */
export async function communeFilesInput(inputs: readonly string[], pack: string | undefined, date?: string): Promise<BatchInput> {
    const skipped: BatchProblem[] = [];
    const files = await collectFiles(inputs, ['.json'], entry => skipped.push({ severity: 'warning', file: entry.path, message: `Bỏ qua: ${entry.reason}.` }));
    return {
        count: files.length, problems: skipped,
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

interface LoadedPack {
    readonly file: string;
    readonly evaluator: EvaluatorModule;
}

/** The pack, or every usable pack of a folder; a pack with errors (or a folder without any) stops the batch. */
async function loadPacks(pack: string): Promise<LoadedPack[]> {
    const stat = await fs.stat(pack);
    const files = stat.isDirectory() ? await collectFiles([pack], ['.ntm']) : [pack];
    const loaded: LoadedPack[] = [];
    for (const file of files) {
        const { compiled, evaluator } = await evaluatorFor(file);
        if (evaluator) loaded.push({ file, evaluator });
        else if (!stat.isDirectory()) throw new PackError(`Không đánh giá được: ${relativeToCwd(file)} có lỗi.`, compiled.issues.filter(i => i.severity === 'error'));
    }
    if (loaded.length === 0) throw new PackError(`Không có bộ tiêu chí dùng được trong ${relativeToCwd(pack)}.`);
    return loaded;
}

/** Facts of several packs, each name once (the first pack's declaration wins). */
function uniqueSpecs(specs: readonly FactSpec[]): FactSpec[] {
    const seen = new Map<string, FactSpec>();
    for (const spec of specs) if (!seen.has(spec.name)) seen.set(spec.name, spec);
    return [...seen.values()];
}
