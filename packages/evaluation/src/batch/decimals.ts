// Numbers as spreadsheets store them. Excel keeps a double: 97,3 typed in a cell is 97.299999999999997 on
// disk, and a %-formatted cell showing 97,3 % holds 0.973. The analyst typed a decimal; these functions give
// it back as a decimal string, never through float arithmetic. Rules: docs/bang-tinh.md, mục 6.

import type { Rational } from '@ntm/runtime';

/** Excel keeps (and shows) at most 15 significant digits of what was typed. */
const EXCEL_DIGITS = 15;

/**
 * The decimal an analyst typed, from the double a spreadsheet stored: the shortest form that reads back as
 * the same double, rounded to 15 significant digits (so 0.1 + 0.2 computed in a cell reads 0.3). Plain
 * notation, a dot for the decimal point: `97.3`, `0.00015`, `1278435`.
 */
export function decimalOfDouble(value: number): string {
    if (!Number.isFinite(value)) return String(value);
    // Most cells: a shortest form in plain notation of at most 15 digits is already what was typed (rounding
    // to 15 digits would give the same double back), so it is returned without the round trip below.
    const shortest = String(value);
    if (shortest.length <= 16 && !shortest.includes('e') && (shortest.includes('.') || shortest.length <= EXCEL_DIGITS)) return shortest;
    const rounded = Number(value.toPrecision(EXCEL_DIGITS));
    return plainDecimal(String(rounded));
}

/** `1.5e-7` → `0.00000015`, `1e+21` → `1000000000000000000000`; plain text is returned as is. */
export function plainDecimal(text: string): string {
    const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
    if (!match) return text;
    const [, sign, whole = '', fraction = '', exponentText = '0'] = match;
    const digits = whole + fraction;
    const point = whole.length + Number(exponentText);
    let result: string;
    if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
    else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
    else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
    return sign + trimDecimal(result);
}

/** Moves the decimal point right by `places` without arithmetic: `shiftDecimal("0.973", 2)` is `97.3`. */
export function shiftDecimal(decimal: string, places: number): string {
    const negative = decimal.startsWith('-');
    const unsigned = negative ? decimal.slice(1) : decimal;
    const [whole = '0', fraction = ''] = unsigned.split('.');
    const digits = whole + fraction;
    const point = whole.length + places;
    const padded = point > digits.length ? digits + '0'.repeat(point - digits.length) : digits;
    const shifted = point <= 0 ? `0.${'0'.repeat(-point)}${padded}` : `${padded.slice(0, point)}.${padded.slice(point)}`;
    return (negative ? '-' : '') + trimDecimal(shifted);
}

/** Leading zeros of the integer part and trailing zeros of the fraction go: `097.300` → `97.3`. */
function trimDecimal(text: string): string {
    let [whole = '0', fraction = ''] = text.split('.');
    whole = whole.replace(/^0+(?=\d)/, '');
    fraction = fraction.replace(/0+$/, '');
    return fraction ? `${whole}.${fraction}` : whole;
}

/** Pads the fraction with zeros up to `places` decimals (a cell formatted `0.0` shows 86 as `86,0`). */
export function padDecimals(decimal: string, places: number): string {
    if (places === 0) return decimal;
    const [whole = '0', fraction = ''] = decimal.split('.');
    if (fraction.length >= places) return decimal;
    return `${whole}.${fraction.padEnd(places, '0')}`;
}

/**
 * A rational read from decimal text, written back exactly (a dot for the decimal point) with at least
 * `decimals` places: 86 with 1 is `86.0`. Its denominator divides a power of ten (it was read from one).
 */
export function rationalDecimal(r: Rational, decimals = 0): string {
    let places = 0;
    let scale = 1n;
    while (scale % r.d !== 0n) {
        if (places > 60) throw new RangeError(`không phải số thập phân hữu hạn: ${r.n}/${r.d}`);
        scale *= 10n;
        places++;
    }
    places = Math.max(places, decimals);
    const digits = (((r.n < 0n ? -r.n : r.n) * 10n ** BigInt(places)) / r.d).toString().padStart(places + 1, '0');
    const whole = digits.slice(0, digits.length - places);
    const fraction = digits.slice(digits.length - places);
    return `${r.n < 0n ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
}

/** The decimal in the form a commune file's reader takes without doubt: a comma for the decimal point. */
export function communeNumberText(decimal: string): string {
    return decimal.replace('.', ',');
}

/** What a cell's number format says about how the number is shown. */
export interface NumberFormatInfo {
    /** The format multiplies by 100 and shows `%`. */
    readonly percent: boolean;
    /** Fixed decimals shown (`0.0` → 1), or 0. */
    readonly decimals: number;
}

/**
 * Reads an Excel number format such as `0.0%`, `#,##0.00`, `0.0" ha"` or `[Red]0.00;-0.00`: only the first
 * section counts, quoted text, escaped characters and colours are not part of the number.
 */
export function numberFormatInfo(format: string | undefined): NumberFormatInfo {
    if (!format) return PLAIN_FORMAT;
    // A workbook has a few formats and thousands of cells in each.
    let info = FORMATS.get(format);
    if (info === undefined) {
        info = readNumberFormat(format);
        if (FORMATS.size < MAX_FORMATS_KEPT) FORMATS.set(format, info);
    }
    return info;
}

const PLAIN_FORMAT: NumberFormatInfo = { percent: false, decimals: 0 };
const FORMATS = new Map<string, NumberFormatInfo>();
const MAX_FORMATS_KEPT = 1000;

function readNumberFormat(format: string): NumberFormatInfo {
    const section = splitSections(format)[0] ?? '';
    const bare = section
        .replace(/"[^"]*"/g, '')
        .replace(/\\./g, '')
        .replace(/\[[^\]]*\]/g, '')
        .replace(/_./g, '')
        .replace(/\*./g, '');
    const fraction = /\.([0#?]+)/.exec(bare)?.[1] ?? '';
    return { percent: bare.includes('%'), decimals: (fraction.match(/0/g) ?? []).length };
}

function splitSections(format: string): string[] {
    const sections: string[] = [];
    let current = '';
    let quoted = false;
    for (let i = 0; i < format.length; i++) {
        const char = format[i]!;
        if (char === '"') quoted = !quoted;
        if (char === '\\' && !quoted) {
            current += char + (format[i + 1] ?? '');
            i++;
            continue;
        }
        if (char === ';' && !quoted) {
            sections.push(current);
            current = '';
        } else {
            current += char;
        }
    }
    sections.push(current);
    return sections;
}

/** Days from Excel's 1900 epoch (with its phantom 29/02/1900) or 1904 epoch to an ISO date. */
export function excelSerialToIso(serial: number, date1904 = false): string | undefined {
    if (!Number.isFinite(serial) || serial < 1) return undefined;
    const days = Math.floor(serial);
    // 1900 system: serial 1 is 1900-01-01 and serial 60 the non-existent 1900-02-29, so from 61 on one day less.
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days >= 61 ? 30 : 31);
    const date = new Date(epoch + days * 86_400_000);
    return isoOfUtcDate(date);
}

export function isoOfUtcDate(date: Date): string | undefined {
    if (Number.isNaN(date.getTime())) return undefined;
    return date.toISOString().slice(0, 10);
}
