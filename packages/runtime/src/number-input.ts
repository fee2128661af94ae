// One number of a commune file as written — a JSON number, decimal text in Vietnamese or English form, or a
// reported range («trên 90,72», «từ 80 đến 110») — read exactly and checked against the fact's kind.

import type { FactSpec } from './result-types.js';
import type { Rational } from './exact-numbers.js';
import { formatRat, rat, ratCmp, ratIsInteger } from './exact-numbers.js';
import type { DecimalNumber } from './number-text.js';
import { decimalFromNumber, readDecimal } from './number-text.js';
import { normalizeName, shortText } from './names.js';
import type { NumberScalar } from './fact-table.js';

/** The keys of a reported range (`{ "trên": 90 }`), in canonical form. */
export const BOUND_KEYS: ReadonlySet<string> = new Set(['trên', 'dưới', 'từ', 'đến', 'ít nhất', 'nhiều nhất']);

/**
 * A JSON object: not an array, and not a Date, a boxed Number or a value already unwrapped from its unit
 * (`ConvertedInput`) — those are no range and no breakdown.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

export function readNumberScalar(spec: FactSpec, value: unknown, fail: (message: string) => undefined): NumberScalar | undefined {
    if (isPlainObject(value)) {
        return readBound(spec, value, fail);
    }
    const parsed = parseNumber(value);
    if (typeof parsed === 'string') {
        return fail(parsed);
    }
    const problem = checkRange(spec, parsed.r);
    return problem ? fail(problem) : { t: 'num', r: parsed.r, isBound: false, decimals: parsed.decimals };
}

/** `{ "trên": 90.72 }`, `{ "từ": 80, "đến": 110 }`: a reported range, checked; `fail` says what is wrong with it. */
export function readBound(spec: FactSpec, value: Record<string, unknown>, fail: (message: string) => undefined): NumberScalar | undefined {
    let lo: Rational | undefined,
        hi: Rational | undefined,
        loOpen = false,
        hiOpen = false,
        loKey = '',
        hiKey = '';
    for (const [key, bound] of Object.entries(value)) {
        const parsed = parseNumber(bound);
        if (typeof parsed === 'string') {
            return fail(`${shortText(key)}: ${parsed}`);
        }
        const problem = checkRange(spec, parsed.r);
        if (problem) {
            return fail(`${shortText(key)}: ${problem}`);
        }
        const name = normalizeName(key);
        switch (name) {
            case 'trên':
            case 'từ':
            case 'ít nhất':
                // «trên 90» and «từ 90» together leave open which one the report meant.
                if (lo) return fail(`Khoảng giá trị có hai cận dưới («${loKey}» và «${name}»): ghi một.`);
                lo = parsed.r;
                loOpen = name === 'trên';
                loKey = name;
                break;
            case 'dưới':
            case 'đến':
            case 'nhiều nhất':
                if (hi) return fail(`Khoảng giá trị có hai cận trên («${hiKey}» và «${name}»): ghi một.`);
                hi = parsed.r;
                hiOpen = name === 'dưới';
                hiKey = name;
                break;
            default:
                return fail(`Khoảng giá trị chỉ nhận các khóa trên, dưới, từ, đến (gặp «${shortText(key)}»).`);
        }
    }
    if (!lo && !hi) {
        return fail('Khoảng giá trị rỗng {}: ghi một số, hay cận của nó («trên», «dưới», «từ», «đến»).');
    }
    if (lo && hi && ratCmp(lo, hi) > 0) {
        return fail(`Khoảng giá trị ngược: từ ${formatRat(lo)} đến ${formatRat(hi)}.`);
    }
    const representative = lo ?? hi ?? rat(0n);
    return { t: 'num', r: representative, lo, loOpen, hi, hiOpen, isBound: true, decimals: 0 };
}

export function checkRange(spec: FactSpec, value: Rational): string | undefined {
    if (value.n < 0n) {
        return `Giá trị âm (${formatRat(value)}) không hợp lệ cho dữ kiện này.`;
    }
    if ((spec.kind === 'count' || spec.kind === 'year') && !ratIsInteger(value)) {
        return `Số đếm phải là số nguyên, nhận được ${formatRat(value)}.`;
    }
    return undefined;
}

/**
 * Reads a number from JSON (a number) or from text in Vietnamese or English form: "72,403" is 72.403,
 * "4.662" written with a single dot and three digits is ambiguous and refused rather than guessed. Text is
 * read exactly; a JavaScript number is the shortest decimal it prints as. Either way a number with more
 * digits than MAX_NUMBER_DIGITS is refused: 9007199254740993 arrives here as …992, and rounding it
 * silently could decide a verdict.
 */
export function parseNumber(value: unknown): DecimalNumber | string {
    if (typeof value === 'number') {
        if (!Number.isFinite(value)) {
            return `Cần một số hữu hạn, nhận được ${String(value)}.`;
        }
        return decimalFromNumber(value) ?? readDecimal(String(value));
    }
    if (typeof value !== 'string') {
        return `Cần một số, nhận được ${show(value)}.`;
    }
    const text = value.trim().replace(/\s/g, '');
    let normalized: string;
    if ((/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text) && (text.match(/\./g) ?? []).length > 1) || /^-?\d{1,3}(\.\d{3})+,\d+$/.test(text)) {
        normalized = text.replace(/\./g, '').replace(',', '.');
    } else if (/^-?\d+,\d+$/.test(text)) {
        normalized = text.replace(',', '.');
    } else if (/^-?\d{1,3}\.\d{3}$/.test(text)) {
        return `«${text}» mơ hồ: dấu chấm là phân cách hàng nghìn hay dấu thập phân? Viết ${text.replace('.', '')} hoặc ${text.replace('.', ',')}.`;
    } else if (/^-?\d+(\.\d+)?$/.test(text)) {
        normalized = text;
    } else {
        return `Không đọc được «${shortText(value)}» thành số.`;
    }
    return readDecimal(normalized, value.trim());
}

export function show(value: unknown): string {
    if (typeof value === 'string') return `«${shortText(value)}»`;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'một danh sách';
    return typeof value === 'object' ? 'một đối tượng' : typeof value;
}
