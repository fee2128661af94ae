import type { FactSpec } from '@ntm/language';
import type { Rational, Scalar } from '@ntm/runtime';
import { normalizeName, parseDate } from '@ntm/runtime';
import {
    communeNumberText,
    decimalOfDouble,
    excelSerialToIso,
    isoOfUtcDate,
    numberFormatInfo,
    padDecimals,
    rationalDecimal,
    shiftDecimal
} from './decimals.js';

/** A cell as a spreadsheet reader gives it: its value (a formula's result), and its number format. */
export interface SheetCell {
    readonly value: string | number | boolean | Date | null | undefined;
    /** The cell's number format (`0.0%`, `dd/mm/yyyy`); absent for CSV. */
    readonly numFmt?: string;
    /** An error value the cell holds (`#DIV/0!`). */
    readonly error?: string;
}

/** A cell read for a commune file: the value to write there, or why it cannot be. */
export type CellReading = { readonly value: unknown } | { readonly problem: string } | { readonly empty: true };

const EMPTY: CellReading = { empty: true };

/** Bound words of a commune file, and the signs an analyst may type for them. */
const BOUND_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
    [/^(?:trên|>)\s*/iu, 'trên'],
    [/^(?:dưới|<)\s*/iu, 'dưới'],
    [/^(?:ít nhất|≥|>=)\s*/iu, 'ít nhất'],
    [/^(?:nhiều nhất|tối đa|≤|<=)\s*/iu, 'nhiều nhất'],
    [/^(?:từ)\s+/iu, 'từ'],
    [/^(?:đến)\s+/iu, 'đến']
];

/** `72,403 triệu đồng/người/năm`, `97,3%`, `1.278.435`: the number text and the unit written after it. */
const NUMBER_WITH_UNIT = /^([0-9][0-9.,]*(?:\s[0-9]{3})*)\s*(\S.*)?$/u;

/** Text of a cell, trimmed and in NFC; undefined when blank. */
export function cellText(cell: SheetCell | undefined): string | undefined {
    const value = cell?.value;
    if (value === null || value === undefined) return undefined;
    if (value instanceof Date) return isoOfUtcDate(value);
    const text = normalizeName(String(value));
    return text === '' ? undefined : text;
}

/**
 * A cell's value for a fact, in the forms a commune file takes (docs/tep-xa.md mục 4), so that the one
 * reader of facts checks it: a number as the double when that is the decimal typed, else as decimal text
 * with a comma (a percent cell, a padded or rounded one), bounds as `{ "trên": … }`, a unit as
 * `{ "giá trị": …, "đơn vị": … }`, yes/no and levels as their words, dates as ISO dates.
 */
export function readFactCell(cell: SheetCell | undefined, spec: FactSpec): CellReading {
    if (!cell || cell.value === null || cell.value === undefined) return EMPTY;
    if (cell.error) return { problem: `Ô có lỗi công thức (${cell.error}).` };
    const value = cell.value;
    if (typeof value === 'string' && value.trim() === '') return EMPTY;
    switch (spec.kind) {
        case 'boolean':
            return readBoolean(value);
        case 'level':
            return readLevel(value, spec);
        case 'date':
            return readDateCell(cell);
        default:
            return readNumberCell(value, cell, spec);
    }
}

const YES: CellReading = { value: true };
const NO: CellReading = { value: false };

/**
 * A yes/no cell: Excel's TRUE/FALSE as such; any text goes to the one reader as written, which reads the
 * words a commune file takes («có», «không», any letter case) and names what it expects for the rest — the
 * same words, the same message, whether the commune comes from a spreadsheet or a .json file.
 */
function readBoolean(value: SheetCell['value']): CellReading {
    if (typeof value === 'boolean') return value ? YES : NO;
    return { value: value instanceof Date ? isoOfUtcDate(value) : value };
}

function readLevel(value: SheetCell['value'], spec: FactSpec): CellReading {
    const text = typeof value === 'string' ? normalizeName(value) : String(value);
    if (spec.levels?.includes(text)) return { value: text };
    // Case is not a guess: «Mức độ 3» is «mức độ 3» when exactly one level has that spelling.
    const same = (spec.levels ?? []).filter(level => level.toLocaleLowerCase('vi') === text.toLocaleLowerCase('vi'));
    return { value: same.length === 1 ? same[0] : text };
}

/**
 * A date cell: a date-formatted cell arrives as a date; a bare number in a date column is Excel's serial
 * day number (the format was lost, e.g. pasted as values); text is `dd/mm/yyyy` or `YYYY-MM-DD`.
 */
export function readDateCell(cell: SheetCell | undefined, date1904 = false): CellReading {
    const value = cell?.value;
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return EMPTY;
    if (cell?.error) return { problem: `Ô có lỗi công thức (${cell.error}).` };
    if (value instanceof Date) return { value: isoOfUtcDate(value) };
    if (typeof value === 'number') {
        const iso = Number.isInteger(value) && value <= MAX_SERIAL ? excelSerialToIso(value, date1904) : undefined;
        return iso ? { value: iso } : { problem: `Ô chứa số ${decimalOfDouble(value)} chứ không phải một ngày: gõ dd/mm/yyyy hoặc định dạng ô là ngày.` };
    }
    const text = normalizeName(String(value));
    return { value: parseDate(text) ?? text };
}

/** 31/12/2099 in Excel's 1900 system: a larger number in a date column is not a date. */
const MAX_SERIAL = 73_415;

function readNumberCell(value: SheetCell['value'], cell: SheetCell, spec: FactSpec): CellReading {
    if (typeof value === 'number') {
        const format = numberFormatInfo(cell.numFmt);
        let decimal = decimalOfDouble(value);
        if (format.percent) {
            if (spec.kind !== 'percent') {
                return { problem: `Ô định dạng phần trăm nhưng dữ kiện «${spec.name}» không phải tỷ lệ phần trăm (đơn vị ${spec.unit || 'không có'}).` };
            }
            // The cell holds 0.973 for 97,3 %: the decimal point moves, the digits stay.
            decimal = shiftDecimal(decimal, 2);
        }
        const shown = padDecimals(decimal, format.decimals);
        // The double is the decimal typed (no percent shift, rounding or padding): the reader takes it as a number.
        return { value: shown === String(value) ? value : communeNumberText(shown) };
    }
    if (typeof value === 'boolean' || value instanceof Date) {
        return { value: value instanceof Date ? isoOfUtcDate(value) : value };
    }
    return { value: readNumberText(normalizeName(String(value)), spec) };
}

/**
 * Number text as typed in a cell or a CSV field: `97,3`, `97,3 %`, `trên 90,72`, `từ 80 đến 110`, `80-110`,
 * `38,6 triệu đồng/người/năm`. The number stays text so the fact reader decides what `4.662` means (it
 * refuses to guess); words and units become a commune file's bound and unit objects.
 */
export function readNumberText(text: string, spec: FactSpec): unknown {
    const range = /^(?:từ\s+)?([0-9][0-9.,]*)\s*(?:-|–|đến)\s*([0-9][0-9.,]*)\s*(\S.*)?$/iu.exec(text);
    if (range) return withUnit({ từ: range[1]!, đến: range[2]! }, range[3], spec);
    const first = boundAt(text);
    if (first) {
        if (!first.number) return text;
        // «trên 80 dưới 110»: a lower bound, then an upper one.
        const second = LOWER_WORDS.has(first.word) && first.rest !== undefined ? boundAt(first.rest) : undefined;
        if (second?.number && UPPER_WORDS.has(second.word)) {
            return withUnit({ [first.word]: first.number, [second.word]: second.number }, second.rest, spec);
        }
        // A unit wraps the bound: { "giá trị": { "trên": … }, "đơn vị": … }, as in a commune file.
        return withUnit({ [first.word]: first.number }, first.rest, spec);
    }
    const number = NUMBER_WITH_UNIT.exec(text);
    return number ? withUnit(compact(number[1]!), number[2], spec) : text;
}

const LOWER_WORDS = new Set(['trên', 'ít nhất', 'từ']);
const UPPER_WORDS = new Set(['dưới', 'nhiều nhất', 'đến']);

/** `trên 90,72 %` → the bound word, its number (if one follows) and the text after the number. */
function boundAt(text: string): { word: string; number?: string; rest?: string } | undefined {
    for (const [pattern, word] of BOUND_WORDS) {
        const match = pattern.exec(text);
        if (!match) continue;
        const number = NUMBER_WITH_UNIT.exec(text.slice(match[0].length));
        return number ? { word, number: compact(number[1]!), ...(number[2] ? { rest: number[2] } : {}) } : { word };
    }
    return undefined;
}

/**
 * A fact's value as the reader of commune files gave it, as a cell the template writes and `readFactCell`
 * reads back to the same value: a number stays a number cell unless its written decimals would be lost
 * («86,0» is text), a bound is the words an analyst types («trên 90,72», «từ 80 đến 110»), yes/no is
 * «có»/«không», a level its name, a date a date cell.
 */
export function cellOfScalar(scalar: Scalar): string | number | Date {
    switch (scalar.t) {
        case 'bool':
            return scalar.b ? 'có' : 'không';
        case 'level':
            return scalar.name;
        case 'date':
            return new Date(`${scalar.iso}T00:00:00Z`);
        // One cell cannot hold a report's two values with their quotes (a spreadsheet has no such form): the
        // values are written as text, which the batch refuses with the cell named, never read as one of them.
        case 'contradiction':
            return `báo cáo mâu thuẫn: ${scalar.values.map(v => String(cellOfScalar(v.value))).join(' | ')}`;
        default: {
            if (!scalar.isBound) {
                const decimal = rationalDecimal(scalar.r, scalar.decimals);
                return decimalOfDouble(Number(decimal)) === decimal ? Number(decimal) : communeNumberText(decimal);
            }
            const number = (r: Rational) => communeNumberText(rationalDecimal(r));
            const lower = scalar.lo && `${scalar.loOpen ? 'trên' : scalar.hi ? 'từ' : 'ít nhất'} ${number(scalar.lo)}`;
            const upper = scalar.hi && `${scalar.hiOpen ? 'dưới' : scalar.lo ? 'đến' : 'nhiều nhất'} ${number(scalar.hi)}`;
            return [lower, upper].filter(Boolean).join(' ');
        }
    }
}

/** `1 278 435` (spaces between thousands) is `1278435`. */
function compact(number: string): string {
    return number.replace(/\s/g, '');
}

function withUnit(value: unknown, unit: string | undefined, spec: FactSpec): unknown {
    if (!unit) return value;
    // `97,3%` on a percent fact is just the number; any other unit is checked by the fact reader.
    if (unit === '%' && spec.unit === '%') return value;
    return { 'giá trị': value, 'đơn vị': unit };
}
