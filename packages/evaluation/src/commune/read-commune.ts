import AjvModule from 'ajv';
import type { ErrorObject } from 'ajv';
import { MAX_NUMBER_DIGITS, numberDigits, shortText, tooManyDigitsMessage } from '@ntm/runtime';
import type { CommuneData } from './commune-data.js';
import { COMMUNE_SCHEMA } from './commune-schema.js';
import type { FileIssue, FilePosition } from './file-issue.js';
import { JsonDocument } from './json-document.js';
import { MAX_COMMUNE_FILE_BYTES, MAX_COMMUNE_KEYS, tooLargeMessage, tooManyKeysMessage, utf8Length } from './input-limits.js';
import { decodeCommuneBytes, textEncodingProblem } from './text-encoding.js';

/** `sample`: a commune file with official results; `commune`: one without; `other`: any other JSON. */
export type CommuneFileKind = 'sample' | 'commune' | 'other';

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

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const Ajv = (AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule;
let validator: Validator | undefined;

function validate(value: unknown): ErrorObject[] {
    validator ??= new (Ajv as unknown as new (options: object) => { compile(schema: object): Validator })({ allErrors: true, strict: false }).compile(COMMUNE_SCHEMA);
    return validator(value) ? [] : [...(validator.errors ?? [])];
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
    const issue = (path: readonly string[], offset: number, message: string): FileIssue =>
        ({ file, severity: 'error', path, message, ...document.positionAt(offset) });
    if (document.problems.length > 0) {
        const issues = document.problems.map(p => issue(p.path.length > 0 ? p.path : ['(tệp)'], p.offset, p.message));
        return { file, text, kind: kindOfText(text), issues, positionOf };
    }
    const value = document.value;
    const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
    if (!record) {
        return { file, text, kind: 'other', issues: [issue(['(tệp)'], 0, 'Tệp xã phải là một đối tượng JSON { … }.')], positionOf };
    }
    const kind: CommuneFileKind = OFFICIAL in record ? 'sample' : 'bộ tiêu chí' in record || 'dữ kiện' in record || 'các thôn' in record ? 'commune' : 'other';
    const errors = validate(record);
    // A failed `anyOf` also reports each branch's `required`; its own message says it all.
    const shapeIssues = dedupe(errors.filter(error => !error.schemaPath.includes('/anyOf/')).map(error => schemaIssue(error, file, document)));
    const numberIssues = document.numbers
        .filter(number => (numberDigits(number.text) ?? 0) > MAX_NUMBER_DIGITS)
        .map(number => ({
            file, severity: 'error' as const, path: number.path.length > 0 ? number.path : ['(gốc)'],
            message: tooManyDigitsMessage(number.text, numberDigits(number.text)!), ...document.positionOf(number.path)
        }));
    if (shapeIssues.length > 0 || numberIssues.length > 0) {
        return { file, text, kind, issues: [...shapeIssues, ...numberIssues], positionOf };
    }
    return { file, text, kind, data: withoutBlanks(record) as unknown as CommuneData, issues: [], positionOf };
}

/** The file's content with the blanks a template leaves (`null` official verdicts, scores, region, group) left out. */
function withoutBlanks(record: Record<string, unknown>): Record<string, unknown> {
    const drop = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null)) : value;
    const official = record[OFFICIAL] as Record<string, unknown> | undefined;
    const attributes = record['thuộc tính'];
    return {
        ...record,
        ...(attributes !== undefined ? { 'thuộc tính': drop(attributes) } : {}),
        ...(official !== undefined ? {
            [OFFICIAL]: drop(Object.fromEntries(Object.entries(official).map(([key, value]) => [key, key === 'trích dẫn' ? value : drop(value)])))
        } : {})
    };
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

function dedupe(issues: FileIssue[]): FileIssue[] {
    const seen = new Set<string>();
    return issues.filter(i => {
        const key = `${i.path.join('.')}\u0000${i.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

function schemaIssue(error: ErrorObject, file: string, document: JsonDocument): FileIssue {
    const path = error.instancePath.split('/').slice(1).map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let message: string;
    switch (error.keyword) {
        case 'required': {
            const missing = String((error.params as { missingProperty?: string }).missingProperty);
            message = `Thiếu trường «${missing}».`;
            break;
        }
        case 'additionalProperties': {
            const extra = String((error.params as { additionalProperty?: string }).additionalProperty);
            path.push(extra);
            message = `Trường «${shortText(extra)}» không thuộc định dạng tệp xã (xem docs/tep-xa.md).`;
            break;
        }
        case 'enum':
            message = `Giá trị phải là một trong: ${[...new Set(((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).filter(v => v !== null).map(v => String(v)))].map(v => `«${v}»`).join(', ')}.`;
            break;
        case 'type': {
            const type = String((error.params as { type?: string | string[] }).type).split(',').filter(t => t !== 'null')[0] ?? '';
            message = `Cần kiểu ${VIETNAMESE_TYPES[type] ?? type}.`;
            break;
        }
        case 'minLength':
            message = 'Không được để trống.';
            break;
        case 'anyOf':
            message = 'Cần «dữ kiện» (dữ kiện của xã) hoặc «các thôn» (dữ kiện của từng thôn).';
            break;
        default:
            message = error.message ?? 'Không hợp lệ.';
    }
    return { file, severity: 'error', path: path.length > 0 ? path : ['(gốc)'], message, ...document.positionOf(path) };
}

const VIETNAMESE_TYPES: Readonly<Record<string, string>> = {
    string: 'chuỗi', object: 'đối tượng { … }', array: 'danh sách [ … ]', number: 'số', boolean: 'true/false'
};
