// The content of a commune file, checked: the one reader of commune files, used by the tools (after they
// have parsed the text, with positions) and by generated modules (given the parsed JSON).

import { MAX_NUMBER_DIGITS, numberDigits, tooManyDigitsMessage } from '../number-text.js';
import type { CommuneData } from './commune-file.js';
import { COMMUNE_SCHEMA } from './commune-schema.js';
import type { ShapeProblem } from './shape-check.js';
import { shapeProblems } from './shape-check.js';
import { regionCode } from '../places.js';

/** `sample`: a commune file with official results; `commune`: one without; `other`: any other JSON. */
export type CommuneFileKind = 'sample' | 'commune' | 'other';

/** A number as written: its text (from the file, or `String(n)` for a value) and where it is. */
export interface WrittenNumber {
    readonly path: readonly string[];
    readonly text: string;
}

export interface CommuneContent {
    readonly kind: CommuneFileKind;
    /** The content, when it has the shape of a commune file (blanks a template leaves taken out). */
    readonly data?: CommuneData;
    /** Problems of shape and numbers beyond the digit limit, by path (`["(gốc)"]` for the whole file). */
    readonly problems: readonly ShapeProblem[];
}

const OFFICIAL = 'kết quả chính thức';

/**
 * Checks a commune file's parsed JSON: an object of the commune file's shape (commune-schema.ts) whose
 * every number is within the digit limit. `numbers` are the numbers as the file writes them; without
 * them (a value an app built) each number is read as JavaScript prints it. Never throws.
 */
export function readCommuneContent(value: unknown, numbers?: readonly WrittenNumber[]): CommuneContent {
    const given = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    const record = given && withRegionCode(given);
    if (!record) return { kind: 'other', problems: [{ path: ['(tệp)'], message: 'Tệp xã phải là một đối tượng JSON { … }.' }] };
    const kind: CommuneFileKind = OFFICIAL in record ? 'sample' : 'bộ tiêu chí' in record || 'dữ kiện' in record || 'các thôn' in record ? 'commune' : 'other';
    const shape = shapeProblems(COMMUNE_SCHEMA, record).map(p => (p.path.length > 0 ? p : { ...p, path: ['(gốc)'] }));
    const digits: ShapeProblem[] = [];
    const check = (path: readonly string[], text: string) => {
        const count = numberDigits(text) ?? 0;
        if (count > MAX_NUMBER_DIGITS) digits.push({ path: path.length > 0 ? path : ['(gốc)'], message: tooManyDigitsMessage(text, count) });
    };
    if (numbers) for (const number of numbers) check(number.path, number.text);
    else if (!checkNumbersIn(value, [], check)) {
        // A value an app built, nested deeper than any commune file (a tool's parser refuses such a text).
        return { kind, problems: [{ path: ['(tệp)'], message: tooDeepMessage() }] };
    }
    if (shape.length > 0 || digits.length > 0) return { kind, problems: [...shape, ...digits] };
    return { kind, data: withoutBlanks(record) as unknown as CommuneData, problems: [] };
}

/**
 * The region written as `evaluate`'s `vùng` option takes it («đbsh», «DBSH» are ĐBSH), under its code: the
 * file and the option read one region the same way. A value that is no region is left for the shape check.
 */
function withRegionCode(record: Record<string, unknown>): Record<string, unknown> {
    const attributes = record['thuộc tính'];
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) return record;
    const written = (attributes as Record<string, unknown>)['vùng'];
    const code = typeof written === 'string' ? regionCode(written) : undefined;
    return code === undefined || code === written ? record : { ...record, 'thuộc tính': { ...attributes, vùng: code } };
}

/** A safe integer this small has no more digits than the limit: most numbers, checked without their text. */
const FEW_DIGITS = 10 ** MAX_NUMBER_DIGITS;

/** How deep a commune file's JSON may nest (`{ }` and `[ ]`): a commune file nests a few levels. */
export const MAX_JSON_DEPTH = 64;

export function tooDeepMessage(): string {
    return `Tệp lồng quá sâu (hơn ${MAX_JSON_DEPTH} tầng { } hoặc [ ]): một tệp xã chỉ lồng vài tầng.`;
}

/**
 * Checks every number in a value, as JavaScript writes it; false, and nothing checked below, when the value
 * nests deeper than MAX_JSON_DEPTH. `path` is one array reused down the walk: a number's path is copied
 * only when it is beyond the limit (a commune has hundreds of numbers, none usually).
 */
function checkNumbersIn(value: unknown, path: string[], check: (path: readonly string[], text: string) => void): boolean {
    if (typeof value === 'number') {
        if (!(Number.isInteger(value) && Math.abs(value) < FEW_DIGITS)) {
            const text = String(value);
            if ((numberDigits(text) ?? 0) > MAX_NUMBER_DIGITS) check([...path], text);
        }
        return true;
    }
    if (typeof value !== 'object' || value === null) return true;
    if (path.length >= MAX_JSON_DEPTH) return false;
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
            path.push(String(i));
            const within = checkNumbersIn(value[i], path, check);
            path.pop();
            if (!within) return false;
        }
        return true;
    }
    for (const key of Object.keys(value)) {
        path.push(key);
        const within = checkNumbersIn((value as Record<string, unknown>)[key], path, check);
        path.pop();
        if (!within) return false;
    }
    return true;
}

/** The file's content with the blanks a template leaves (`null` official verdicts, scores, region, group) left out. */
function withoutBlanks(record: Record<string, unknown>): Record<string, unknown> {
    const drop = (value: unknown) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
            ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null))
            : value;
    const official = record[OFFICIAL] as Record<string, unknown> | undefined;
    const attributes = record['thuộc tính'];
    return {
        ...record,
        ...(attributes !== undefined ? { 'thuộc tính': drop(attributes) } : {}),
        ...(official !== undefined
            ? {
                  [OFFICIAL]: drop(Object.fromEntries(Object.entries(official).map(([key, value]) => [key, key === 'trích dẫn' ? value : drop(value)])))
              }
            : {})
    };
}
