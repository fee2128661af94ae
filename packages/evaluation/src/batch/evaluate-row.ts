import type { EvaluationResult } from '@ntm/language';
import type { CommuneData } from '../commune/commune-data.js';
import { readCommuneValue } from '../commune/read-commune.js';
import { evaluateCommuneContent } from '../evaluate/evaluate-commune.js';
import type { EvaluatorModule } from '../evaluate/evaluator-module.js';
import type { CommuneInfo } from './batch-table.js';
import type { BatchProblem } from './problems.js';
import type { CommuneRow } from './sheet-communes.js';

/** A row of a batch evaluated, or the problems that stopped it (`result` absent). */
export interface RowOutcome {
    readonly info: CommuneInfo;
    readonly data?: CommuneData;
    readonly result?: EvaluationResult;
    /** Errors (the commune was not evaluated) and warnings (it was). */
    readonly problems: readonly BatchProblem[];
}

export interface RowEvaluationOptions {
    /** Overrides every row's «ngày đánh giá», as `ntm eval --ngay` does. */
    readonly date?: string;
    /** The pack was chosen from a folder by date: unknown facts are warnings (see evaluateCommuneFile). */
    readonly packChosenByDate?: boolean;
    /** The village-level packs the pack counts villages of, by the path as the pack writes it (see evaluateCommuneFile). */
    readonly villageEvaluators?: ReadonlyMap<string, EvaluatorModule>;
}

/** Who a row is about, for the output even when it fails: its name, or its row number. */
export function infoOfRow(row: CommuneRow, file: string): CommuneInfo {
    const data = row.data;
    return {
        name: row.name ?? `(dòng ${row.location.row})`,
        file,
        location: row.location,
        ...(data?.['huyện'] ? { district: data['huyện'] } : {}),
        ...(data?.['tỉnh'] ? { province: data['tỉnh'] } : {})
    };
}

/**
 * Evaluates one row through the same rules as a commune file: its data is read by the one content reader
 * (`readCommuneValue`: shape, regions, groups — as `parseCommuneFile` reads a file's text, without writing
 * the row out as JSON), then evaluated (`evaluateCommuneContent`: types, units, unknown names). Every
 * problem comes back at the row's cell. Never throws.
 */
export function evaluateRow(row: CommuneRow, file: string, evaluator: EvaluatorModule, options: RowEvaluationOptions = {}): RowOutcome {
    const info = infoOfRow(row, file);
    if (!row.data) return { info, problems: row.problems };
    const at = (issue: { readonly path: readonly string[]; readonly message: string; readonly severity?: string }): BatchProblem => ({
        severity: issue.severity === undefined || issue.severity === 'error' ? 'error' : 'warning',
        file,
        ...row.locate(issue.path),
        commune: info.name,
        message: issue.message
    });
    const content = readCommuneValue(row.data);
    if (!content.data) return { info, data: row.data, problems: [...row.problems, ...content.problems.map(at)] };
    const evaluated = evaluateCommuneContent(content.data, evaluator, options);
    const problems = [...row.problems, ...evaluated.issues.map(at)];
    const failed = problems.some(p => p.severity === 'error') || !evaluated.result;
    return { info, data: row.data, problems, ...(failed ? {} : { result: evaluated.result }) };
}
