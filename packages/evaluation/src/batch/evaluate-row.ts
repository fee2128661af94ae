import type { EvaluationResult } from '@ntm/language';
import { parseDate } from '@ntm/runtime';
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
    // A row that could not be read keeps what could (its district and province too): «Tổng hợp» is filtered by them.
    const data = row.data ?? row.partial;
    const date = parseDate(String(data?.['ngày đánh giá'] ?? ''));
    return {
        name: row.name ?? `(dòng ${row.location.row})`,
        file,
        location: row.location,
        ...(date ? { assessedAt: date } : {}),
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
    if (!row.data)
        return { info, problems: row.partial ? [...row.problems, ...otherProblems(row, row.partial, info, file, evaluator, options)] : row.problems };
    const { problems: found, result } = readAndEvaluate(row, row.data, info, file, evaluator, options);
    const problems = [...row.problems, ...found];
    const failed = problems.some(p => p.severity === 'error');
    return { info, data: row.data, problems, ...(result && !failed ? { result } : {}) };
}

/** The row's data read by the one content reader, then evaluated: every problem at the row's cell. */
function readAndEvaluate(
    row: CommuneRow,
    data: CommuneData,
    info: CommuneInfo,
    file: string,
    evaluator: EvaluatorModule,
    options: RowEvaluationOptions
): { readonly problems: readonly BatchProblem[]; readonly result?: EvaluationResult } {
    const at = (issue: { readonly path: readonly string[]; readonly message: string; readonly severity?: string }): BatchProblem => ({
        severity: issue.severity === undefined || issue.severity === 'error' ? 'error' : 'warning',
        file,
        ...row.locate(issue.path),
        commune: info.name,
        message: issue.message
    });
    const content = readCommuneValue(data);
    if (!content.data) {
        // What the reader refused (a region that does not exist) left out, the rest is read and evaluated for
        // its own problems in the same run; never for a result.
        const problems = content.problems.map(at);
        const rest = readCommuneValue(
            withoutPaths(
                data,
                content.problems.map(p => p.path)
            )
        ).data;
        if (!rest) return { problems };
        return { problems: [...problems, ...atOtherCells(evaluateCommuneContent(rest, evaluator, options).issues.map(at), problems)] };
    }
    const evaluated = evaluateCommuneContent(content.data, evaluator, options);
    const problems = withUnusedColumnsTogether(evaluated.issues, at, { file, ...row.location, commune: info.name });
    return { problems, ...(evaluated.result ? { result: evaluated.result } : {}) };
}

/** More columns than this that the chosen pack does not use are one warning for the row, not one per cell. */
const UNUSED_COLUMNS_SHOWN = 3;

/**
 * The row's problems at their cells; the columns the pack chosen for it does not use (a workbook made from
 * another pack's template, run with a folder of packs) said once for the row when there are many, so that
 * they do not bury its real mistakes.
 */
function withUnusedColumnsTogether(
    issues: readonly { readonly path: readonly string[]; readonly message: string; readonly severity?: string; readonly code?: string }[],
    at: (issue: { readonly path: readonly string[]; readonly message: string; readonly severity?: string }) => BatchProblem,
    row: Omit<BatchProblem, 'severity' | 'message'>
): BatchProblem[] {
    const unused = issues.filter(issue => issue.code === 'unknown-fact' && issue.severity === 'warning');
    if (unused.length <= UNUSED_COLUMNS_SHOWN) return issues.map(at);
    const names = unused.slice(0, UNUSED_COLUMNS_SHOWN).map(issue => `«${issue.path[issue.path.length - 1] ?? ''}»`);
    return [
        ...issues.filter(issue => !unused.includes(issue)).map(at),
        {
            ...row,
            severity: 'warning',
            message: `${unused.length} cột không dùng trong bộ tiêu chí được chọn cho xã này (${names.join(', ')}, …): máy bỏ qua các cột đó. Bảng tính có lẽ làm theo mẫu của một bộ tiêu chí khác; các ô đó không được đánh giá.`
        }
    ];
}

/** A copy of a commune's data without the values at `paths` (each a chain of keys from the root). */
function withoutPaths(data: CommuneData, paths: readonly (readonly string[])[]): CommuneData {
    const copy = (value: unknown, at: readonly (readonly string[])[]): unknown => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
        const out: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(value)) {
            const below = at.filter(path => path[0] === key);
            if (below.some(path => path.length === 1)) continue;
            out[key] =
                below.length > 0
                    ? copy(
                          inner,
                          below.map(path => path.slice(1))
                      )
                    : inner;
        }
        return out;
    };
    return copy(data, paths) as CommuneData;
}

/**
 * The problems of a row's other cells when some cell could not be read: found in the same run, so that a row
 * is fixed once, not once per mistake. A problem at a cell already named (the bad cell, now left out) is not
 * repeated.
 */
function otherProblems(
    row: CommuneRow,
    partial: CommuneData,
    info: CommuneInfo,
    file: string,
    evaluator: EvaluatorModule,
    options: RowEvaluationOptions
): BatchProblem[] {
    // A problem of the whole row (a missing date, once the bad date cell is left out) would only repeat it.
    const found = readAndEvaluate(row, partial, info, file, evaluator, options).problems.filter(p => p.column !== undefined);
    return atOtherCells(found, row.problems);
}

/** The problems found at cells other than those `named` already (the same cell twice would say one mistake twice). */
function atOtherCells(found: readonly BatchProblem[], named: readonly BatchProblem[]): BatchProblem[] {
    const cells = new Set(named.map(cellKey));
    return found.filter(p => !cells.has(cellKey(p)));
}

function cellKey(problem: BatchProblem): string {
    return `${problem.sheet ?? ''}\u0000${problem.row ?? ''}\u0000${problem.column ?? ''}`;
}
