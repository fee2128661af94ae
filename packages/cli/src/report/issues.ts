import type { FileIssue } from '@ntm/evaluation';
import { formatIssue } from '@ntm/evaluation';
import { relativeToCwd } from '@ntm/evaluation/node';

/** `file:line:col mức trường: thông báo`, with the file shown relative to where the command runs. */
export function showIssue(issue: FileIssue): string {
    return formatIssue(issue, relativeToCwd(issue.file));
}
