import type { CommuneFileKind, ExpectedVerdict } from '@ntm/evaluation';
import { expectedVerdicts, formatIssue, parseCommuneFile } from '@ntm/evaluation';
import type { SampleCheckLevel } from '../protocol.js';
import type { TextPosition } from './text-position.js';
import { baseName } from './text-position.js';

/** One official verdict a sample commune expects, where it is written (zero-based, as in VS Code). */
export interface ExpectedCheck {
    readonly level: SampleCheckLevel;
    readonly label: string;
    readonly official: string;
    readonly position: TextPosition;
}

/** A problem in the file, with the same message `ntm eval` prints for it. */
export interface FileProblem {
    readonly field?: string;
    readonly message: string;
    readonly position: TextPosition;
}

/** What the extension needs of a commune file: is it a sample, which verdicts it expects and where. */
export interface CommuneFile {
    readonly uri: string;
    readonly kind: CommuneFileKind;
    readonly commune?: string;
    /** The pack path as written in «bộ tiêu chí», relative to the commune file. */
    readonly pack?: string;
    readonly expected: readonly ExpectedCheck[];
    readonly problems: readonly FileProblem[];
}

/** Reads a commune file through the library's reader, the one `ntm` and the language server use. */
export function readCommuneFile(uri: string, text: string): CommuneFile {
    const file = parseCommuneFile(text, uri);
    const toZeroBased = (position: { line: number; column: number }): TextPosition => ({ line: position.line - 1, character: position.column - 1 });
    const problems = file.issues
        .filter(issue => issue.severity === 'error')
        .map(issue => ({
            ...(issue.path.length > 0 ? { field: issue.path.join('.') } : {}),
            message: formatIssue(issue, baseName(uri)),
            position: toZeroBased(issue)
        }));
    const expected = expectedVerdicts(file).map((e: ExpectedVerdict) => ({
        level: e.level,
        label: e.label,
        official: e.official,
        position: toZeroBased(e.position)
    }));
    return {
        uri,
        kind: file.kind,
        expected,
        problems,
        ...(file.data?.['xã'] ? { commune: file.data['xã'] } : {}),
        ...(file.data?.['bộ tiêu chí'] ? { pack: file.data['bộ tiêu chí'] } : {})
    };
}
