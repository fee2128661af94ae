import type { FileIssue, IssueSeverity } from '../commune/file-issue.js';

/** Where in a spreadsheet (or a commune file) something is: sheet, one-based row and column. */
export interface CellLocation {
    readonly sheet?: string;
    readonly row?: number;
    readonly column?: number;
    /** The column's header, shown beside its letter. */
    readonly header?: string;
}

/**
 * A problem of a batch's input: a header that matches no fact, a cell that cannot be read, a commune the
 * evaluator refused. Every one is listed in the workbook's problems sheet and on stderr; an error means the
 * commune of its row was not evaluated.
 */
export interface BatchProblem extends CellLocation {
    readonly severity: Exclude<IssueSeverity, 'info'>;
    /** The input file (the spreadsheet, or the commune file). */
    readonly file: string;
    /** The commune the row is about, when known. */
    readonly commune?: string;
    readonly message: string;
}

const SEVERITY: Readonly<Record<BatchProblem['severity'], string>> = { error: 'lỗi', warning: 'cảnh báo' };

/** `A`, `Z`, `AA`: Excel's name of a one-based column. */
export function columnLetter(column: number): string {
    let name = '';
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
}

/** Where, as a person finds it: `Xã!D7` in a workbook, `12:5` (line, column) in a commune file. */
export function locationText(location: CellLocation): string {
    if (location.sheet === undefined) {
        return location.row === undefined ? '' : `${location.row}${location.column === undefined ? '' : `:${location.column}`}`;
    }
    const sheet = /^[\p{L}\p{N}_]+$/u.test(location.sheet) ? location.sheet : `'${location.sheet.replace(/'/g, "''")}'`;
    // A whole row is `Xã!7:7`, as Excel names it.
    const cell =
        location.row === undefined ? '' : location.column === undefined ? `${location.row}:${location.row}` : `${columnLetter(location.column)}${location.row}`;
    return cell ? `${sheet}!${cell}` : sheet;
}

/** `so-lieu.xlsx:Xã!D7 lỗi xã Liêm Cần, cột «tổng số nhà»: …`, one line per problem on stderr. */
export function formatProblem(problem: BatchProblem, shownFile: string = problem.file): string {
    const where = locationText(problem);
    const about = [problem.commune ? `xã ${problem.commune}` : '', problem.header ? `cột «${problem.header}»` : ''].filter(Boolean).join(', ');
    return `${shownFile}${where ? `:${where}` : ''} ${SEVERITY[problem.severity]}${about ? ` ${about}` : ''}: ${problem.message}`;
}

/** A commune file's issue as a batch problem (line and column of the file). */
export function problemOfIssue(issue: FileIssue, commune?: string): BatchProblem {
    const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return {
        severity: issue.severity === 'error' ? 'error' : 'warning',
        file: issue.file,
        row: issue.line,
        column: issue.column,
        ...(commune ? { commune } : {}),
        message: `${field}${issue.message}`
    };
}
