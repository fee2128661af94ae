import type { InputIssueCode } from '@ntm/runtime';
import { SEVERITY_LABELS, shortText } from '@ntm/runtime';

/** An input's problems are errors or warnings; a pack's diagnostics may also be notes. */
export type IssueSeverity = 'error' | 'warning' | 'info';

const ISSUE_SEVERITY_LABELS: Readonly<Record<IssueSeverity, string>> = { ...SEVERITY_LABELS, info: 'thông tin' };

/** A position in a text file, one-based as editors and `file:line:col` show it. */
export interface FilePosition {
    readonly line: number;
    readonly column: number;
}

/**
 * A problem in an input file (a commune file or a pack), with where it is. Every tool shows these the same
 * way: the CLI as `file:line:col mức trường: thông báo`, the editor at the position.
 */
export interface FileIssue extends FilePosition {
    /** The file as given to the library (a path, or a URI in the browser). */
    readonly file: string;
    readonly severity: IssueSeverity;
    /** Keys from the root of a JSON file to the field (`["dữ kiện", "số hộ"]`); empty for a pack's diagnostics. */
    readonly path: readonly string[];
    readonly message: string;
    /** The evaluator's stable code, for a problem of a commune's facts or attributes (`unknown-fact`, …). */
    readonly code?: InputIssueCode;
}

/** `file:line:col lỗi dữ kiện.số hộ: …`, the form editors and CI logs recognise. */
export function formatIssue(issue: FileIssue, shownFile: string = issue.file): string {
    // A key is input too: a megabyte pasted as a key is shown cut, like any quoted input.
    const field = issue.path.length > 0 ? `${issue.path.map(part => shortText(part)).join('.')}: ` : '';
    return `${shownFile}:${issue.line}:${issue.column} ${ISSUE_SEVERITY_LABELS[issue.severity]} ${field}${issue.message}`;
}

export function isError(issue: { readonly severity: IssueSeverity }): boolean {
    return issue.severity === 'error';
}
