// The content of a commune file, checked: the one reader of commune files, used by the tools (after they
// have parsed the text, with positions) and by generated modules (given the parsed JSON).

import { MAX_NUMBER_DIGITS, numberDigits, tooManyDigitsMessage } from '../number-text.js';
import type { CommuneData } from './commune-file.js';
import { COMMUNE_SCHEMA } from './commune-schema.js';
import type { ShapeProblem } from './shape-check.js';
import { shapeProblems } from './shape-check.js';

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
export function readCommuneContent(value: unknown, numbers: readonly WrittenNumber[] = numbersIn(value)): CommuneContent {
    const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    if (!record) return { kind: 'other', problems: [{ path: ['(tệp)'], message: 'Tệp xã phải là một đối tượng JSON { … }.' }] };
    const kind: CommuneFileKind = OFFICIAL in record ? 'sample' : 'bộ tiêu chí' in record || 'dữ kiện' in record || 'các thôn' in record ? 'commune' : 'other';
    const shape = shapeProblems(COMMUNE_SCHEMA, record).map(p => (p.path.length > 0 ? p : { ...p, path: ['(gốc)'] }));
    const digits = numbers
        .filter(number => (numberDigits(number.text) ?? 0) > MAX_NUMBER_DIGITS)
        .map(number => ({ path: number.path.length > 0 ? number.path : ['(gốc)'], message: tooManyDigitsMessage(number.text, numberDigits(number.text)!) }));
    if (shape.length > 0 || digits.length > 0) return { kind, problems: [...shape, ...digits] };
    return { kind, data: withoutBlanks(record) as unknown as CommuneData, problems: [] };
}

/** Every number in a value, with its path, as JavaScript writes it. */
function numbersIn(value: unknown, path: readonly string[] = [], out: WrittenNumber[] = []): WrittenNumber[] {
    if (typeof value === 'number') out.push({ path, text: String(value) });
    else if (Array.isArray(value)) value.forEach((item, index) => numbersIn(item, [...path, String(index)], out));
    else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) numbersIn(item, [...path, key], out);
    }
    return out;
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
