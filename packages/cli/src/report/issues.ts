import type { FileIssue } from '@ntm/evaluation';
import { formatIssue } from '@ntm/evaluation';
import { relativeToCwd } from '@ntm/evaluation/node';

/** `file:line:col mức trường: thông báo`, with the file shown relative to where the command runs. */
export function showIssue(issue: FileIssue): string {
    return formatIssue(issue, relativeToCwd(issue.file));
}

/** An issue for `--json`: where, how bad, which field, the message, and the line as the text output prints it. */
export function issueJson(issue: FileIssue): Record<string, unknown> {
    return {
        file: relativeToCwd(issue.file),
        line: issue.line,
        column: issue.column,
        severity: issue.severity,
        ...(issue.path.length > 0 ? { field: issue.path.join('.') } : {}),
        message: issue.message,
        text: showIssue(issue)
    };
}
