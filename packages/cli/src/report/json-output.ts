import type { FileIssue } from '@ntm/evaluation';
import { issueJson } from './issues.js';
import { sayJson } from './terminal.js';

/**
 * In `--json` mode every outcome is JSON on stdout, errors included, so a script never has to parse
 * Vietnamese text: `{ "ok": false, "errors": [...] }`.
 */
export function sayJsonErrors(errors: readonly FileIssue[], warnings: readonly FileIssue[] = [], message?: string): void {
    sayJson({ ok: false, ...(message ? { message } : {}), errors: errors.map(issueJson), warnings: warnings.map(issueJson) });
}

/** A failure that is not about a place in a file (a path that cannot be read, a wrong command line). */
export function sayJsonFailure(code: string, message: string): void {
    sayJson({ ok: false, errors: [{ code, message }], warnings: [] });
}
