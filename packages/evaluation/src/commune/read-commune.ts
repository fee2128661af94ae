import type { CommuneFileKind } from '@ntm/runtime';
import { readCommuneContent } from '@ntm/runtime';
import type { CommuneData } from './commune-data.js';
import type { FileIssue, FilePosition } from './file-issue.js';
import { JsonDocument, keyForm } from './json-document.js';
import { MAX_COMMUNE_FILE_BYTES, MAX_COMMUNE_KEYS, tooLargeMessage, tooManyKeysMessage, utf8Length } from './input-limits.js';
import { decodeCommuneBytes, textEncodingProblem } from './text-encoding.js';

export type { CommuneFileKind };

/** A commune file read and checked for shape; its facts are checked against a pack when it is evaluated. */
export interface CommuneFile {
    /** The file as given (a path, or a URI in the browser). */
    readonly file: string;
    readonly text: string;
    readonly kind: CommuneFileKind;
    /** The content, when it has the shape of a commune file. */
    readonly data?: CommuneData;
    /** Problems of shape (JSON syntax, unknown fields, wrong types), with line and column. */
    readonly issues: readonly FileIssue[];
    /** Where a field is written: `positionOf(["dữ kiện", "số hộ"])`. */
    positionOf(path: readonly (string | number)[]): FilePosition;
}

const OFFICIAL = 'kết quả chính thức';

/**
 * Reads a commune file's text; never throws. The one reader of commune files for every tool. A text
 * beyond the size or key limits (input-limits.ts), or that is not text at all, is refused with one
 * message; every number must be within the digit limit (checked on its text, never on a rounded double).
 */
export function parseCommuneFile(text: string, file: string): CommuneFile {
    const bytes = utf8Length(text);
    if (bytes > MAX_COMMUNE_FILE_BYTES) return refused(file, text, tooLargeMessage(bytes), text.slice(0, PEEK));
    const encoding = textEncodingProblem(text);
    if (encoding) return refused(file, text, encoding.message, encoding.peek);
    const document = new JsonDocument(text);
    if (document.keyCount > MAX_COMMUNE_KEYS) return refused(file, text, tooManyKeysMessage(document.keyCount), text.slice(0, PEEK));
    const positionOf = (path: readonly (string | number)[]) => document.positionOf(path);
    const issue = (path: readonly string[], offset: number, message: string): FileIssue => ({
        file,
        severity: 'error',
        path,
        message,
        ...document.positionAt(offset)
    });
    if (document.problems.length > 0) {
        const issues = document.problems.map(p => issue(p.path.length > 0 ? p.path : ['(tệp)'], p.offset, p.message));
        return { file, text, kind: kindOfText(text), issues, positionOf };
    }
    // The one reader of a commune file's content (@ntm/runtime), given the numbers as the text writes them.
    const content = readCommuneContent(
        document.value,
        document.numbers.map(n => ({ path: n.path, text: n.text }))
    );
    const issues: FileIssue[] = content.problems.map(p => ({
        file,
        severity: 'error',
        path: p.path,
        message: p.message,
        ...(p.path[0] === '(tệp)' ? document.positionAt(0) : document.positionOf(p.path[0] === '(gốc)' ? [] : p.path))
    }));
    return { file, text, kind: content.kind, ...(content.data ? { data: content.data } : {}), issues, positionOf };
}

/** A problem of a commune's content, at a path of it (no line and column: the content is not a text). */
export interface ContentProblem {
    readonly path: readonly string[];
    readonly message: string;
}

/**
 * Reads a commune's content already in memory — a spreadsheet row made into a commune file's value — by the
 * same rules as `parseCommuneFile` reads a file's text (keys and texts in NFC, the key limit, the one
 * content reader of @ntm/runtime with each number as JSON would write it), without writing the value out as
 * JSON and parsing it back: the caller knows where each path came from.
 */
export function readCommuneValue(value: unknown): { readonly data?: CommuneData; readonly problems: readonly ContentProblem[] } {
    const counted = { keys: 0 };
    const content = asJsonText(value, counted);
    if (counted.keys > MAX_COMMUNE_KEYS) return { problems: [{ path: ['(tệp)'], message: tooManyKeysMessage(counted.keys) }] };
    const read = readCommuneContent(content);
    return { ...(read.data ? { data: read.data } : {}), problems: read.problems };
}

/** A value as reading its JSON text would give it: keys and texts in NFC, no `undefined`, no non-finite numbers. */
function asJsonText(value: unknown, counted: { keys: number }): unknown {
    if (typeof value === 'string') return value.normalize('NFC');
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (Array.isArray(value)) return value.map(item => (item === undefined ? null : asJsonText(item, counted)));
    if (typeof value === 'object' && value !== null) {
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(value)) {
            const item = (value as Record<string, unknown>)[key];
            if (item === undefined) continue;
            counted.keys++;
            out[keyForm(key)] = asJsonText(item, counted);
        }
        return out;
    }
    return value;
}

/** Reads a commune file's bytes: UTF-8 (with or without a byte-order mark); UTF-16 and binary files are refused. */
export function parseCommuneBytes(bytes: Uint8Array, file: string): CommuneFile {
    if (bytes.length > MAX_COMMUNE_FILE_BYTES) return tooLargeCommuneFile(file, bytes.length, bytes.subarray(0, PEEK));
    const decoded = decodeCommuneBytes(bytes);
    return 'text' in decoded ? parseCommuneFile(decoded.text, file) : refused(file, '', decoded.message, decoded.peek);
}

/** A commune file too large to be read: refused from its size, with its start to tell a sample from other JSON. */
export function tooLargeCommuneFile(file: string, bytes: number, start: Uint8Array): CommuneFile {
    return refused(file, '', tooLargeMessage(bytes), new TextDecoder('utf-8', { ignoreBOM: true }).decode(start));
}

/** How much of a refused file is looked at to tell a sample (so `ntm test` reports it) from other JSON. */
const PEEK = 65_536;

function kindOfText(text: string | undefined): CommuneFileKind {
    return text?.normalize('NFC').includes(`"${OFFICIAL}"`) ? 'sample' : 'other';
}

/** A file refused as a whole: one issue at its start. */
function refused(file: string, text: string, message: string, peek?: string): CommuneFile {
    const start: FilePosition = { line: 1, column: 1 };
    return { file, text, kind: kindOfText(peek), issues: [{ file, severity: 'error', path: ['(tệp)'], message, ...start }], positionOf: () => start };
}
