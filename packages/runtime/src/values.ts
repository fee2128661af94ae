// Values of facts and expressions at run time, each with where it came from (provenance.ts).

import type { FactUse } from './result-types.js';
import type { Rational } from './exact-numbers.js';
import type { FactTable, NumberScalar, Scalar } from './fact-table.js';
import { formatRat, formatRatApart, rat, ratAdd, ratCmp, ratDiv, ratIsZero, ratMul, ratSub } from './exact-numbers.js';
import { decimalFromText } from './number-text.js';
import { chosenReportedValue, contradictedValue } from './contradictions.js';
import type { Provenance } from './provenance.js';
import { NO_ITEMS, merge, unique } from './provenance.js';

/** The parts of a ratio, kept so a gap can be given in the numerator's unit ("còn thiếu 12 hộ"). */
export interface RatioParts {
    readonly num: Rational;
    readonly den: Rational;
    readonly numUnit: string;
    readonly numInteger: boolean;
}

/** A threshold our documents do not give: only bounds on it, implied by known verdicts, if any. */
export interface UnknownThreshold {
    readonly lo?: Rational;
    readonly loOpen: boolean;
    readonly hi?: Rational;
    readonly hiOpen: boolean;
    readonly basis?: string;
    readonly note?: string;
    /** For a level threshold (`>= chưa biết` of a scale): the scale's levels; the bounds are then level indexes. */
    readonly levels?: readonly string[];
}

export interface NumVal extends Provenance {
    readonly k: 'num';
    readonly r: Rational;
    readonly unit: string;
    readonly integer: boolean;
    readonly bound?: NumberScalar;
    readonly ratio?: RatioParts;
    /** Set for an unknown threshold (`chưa biết`); `r` is then meaningless. */
    readonly unknown?: UnknownThreshold;
    /** How the value was rounded before comparison, shown in the explanation. */
    readonly roundingNote?: string;
    /** The value as written in another unit, when it was converted («= 500 m»). */
    readonly written?: string;
}

export type Val =
    | NumVal
    | (Provenance & { readonly k: 'bool'; readonly b: boolean })
    | (Provenance & { readonly k: 'level'; readonly i: number; readonly name: string })
    | (Provenance & { readonly k: 'date'; readonly iso: string })
    // `why` says in words what is unknown when the value is a threshold («theo vùng; chưa biết vùng của xã»).
    | (Provenance & { readonly k: 'missing'; readonly names: readonly string[]; readonly why?: string })
    | (Provenance & { readonly k: 'na'; readonly reason: string });

export function unitText(unit: string): string {
    return unit === '' ? '' : unit === '%' ? ' %' : ' ' + unit;
}

/** A number with its unit; given `apart`, with the decimals it needs not to read as that number (formatRatApart). */
export function showNum(r: Rational, unit: string, apart?: Rational): string {
    return (apart ? formatRatApart(r, apart) : formatRat(r)) + unitText(unit);
}

/** A value as shown; `apart` as for `showNum`, for a plain number. */
export function showVal(v: Val, apart?: Rational): string {
    switch (v.k) {
        case 'num':
            if (v.unknown) return showUnknown(v.unknown, v.unit);
            if (v.bound?.isBound) {
                return showBound(v.bound, v.unit) + (v.written ? ` (${v.written})` : '');
            }
            return showNum(v.r, v.unit, apart) + (v.written ? ` (${v.written})` : '');
        case 'bool':
            return v.b ? 'có' : 'không';
        case 'level':
            return v.name;
        case 'date':
            return v.iso;
        case 'missing':
            return 'thiếu dữ liệu';
        case 'na':
            return 'không áp dụng';
    }
}

/** «chưa biết (> 38,6 triệu đồng/người/năm)». */
export function showUnknown(u: UnknownThreshold, unit: string): string {
    return `chưa biết${unknownRangeText(u, unit) === 'bất kỳ' ? '' : ` (${unknownRangeText(u, unit)})`}`;
}

export function unknownRangeText(u: UnknownThreshold, unit: string): string {
    if (u.levels) return `một mức từ ${u.levels[Number(u.lo?.n ?? 0n)]} đến ${u.levels[Number(u.hi?.n ?? BigInt(u.levels.length - 1))]}`;
    const parts: string[] = [];
    if (u.lo) parts.push(`${u.loOpen ? '>' : '>='} ${formatRat(u.lo)}${unitText(unit)}`);
    if (u.hi) parts.push(`${u.hiOpen ? '<' : '<='} ${formatRat(u.hi)}${unitText(unit)}`);
    return parts.length === 0 ? 'bất kỳ' : parts.join(', ');
}

/** `chưa biết (> 38.6; suy từ "…")`: bounds as [operator, decimal text] pairs. */
export function unknownLit(unit: string, bounds: readonly (readonly [string, string])[], basis?: string, note?: string): Val {
    let lo: Rational | undefined;
    let hi: Rational | undefined;
    let loOpen = false;
    let hiOpen = false;
    for (const [op, text] of bounds) {
        const v = lit(text, unit);
        if (v.k !== 'num') continue;
        if (op === '>' || op === '>=') {
            if (!lo || ratCmp(v.r, lo) > 0 || (ratCmp(v.r, lo) === 0 && op === '>')) {
                lo = v.r;
                loOpen = op === '>';
            }
        } else if (op === '<' || op === '<=') {
            if (!hi || ratCmp(v.r, hi) < 0 || (ratCmp(v.r, hi) === 0 && op === '<')) {
                hi = v.r;
                hiOpen = op === '<';
            }
        }
    }
    const unknown: UnknownThreshold = { lo, loOpen, hi, hiOpen, basis, note };
    return {
        k: 'num',
        r: rat(0n),
        unit,
        integer: false,
        unknown,
        uses: [],
        inconsistent: [],
        unverified: [`ngưỡng chưa biết${note ? ` — ${note}` : ''}${basis ? `; cận suy từ: ${basis}` : ''}`]
    };
}

/** `>= chưa biết` against a level: some level of the scale, which one the documents do not say. */
export function unknownLevel(levels: readonly string[], basis?: string, note?: string): Val {
    const unknown: UnknownThreshold = { lo: rat(0n), loOpen: false, hi: rat(BigInt(levels.length - 1)), hiOpen: false, basis, note, levels };
    return {
        k: 'num',
        r: rat(0n),
        unit: '',
        integer: true,
        unknown,
        uses: [],
        inconsistent: [],
        unverified: [`ngưỡng chưa biết${note ? ` — ${note}` : ''}`]
    };
}

export type RoundingMode = 'cắt' | 'lên' | 'xuống' | 'gần nhất';

/** A computed value rounded as the pack says before it is compared (the documents truncate percentages). */
export function rounded(v: Val, mode: RoundingMode, digits: number): Val {
    if (v.k !== 'num' || v.unknown || v.bound) return v;
    const scale = rat(10n ** BigInt(digits));
    const scaled = ratMul(v.r, scale);
    const floor = scaled.n / scaled.d - (scaled.n < 0n && scaled.n % scaled.d !== 0n ? 1n : 0n);
    const isExact = ratCmp(rat(floor), scaled) === 0;
    let whole: bigint;
    switch (mode) {
        case 'cắt':
            whole = scaled.n < 0n && !isExact ? floor + 1n : floor;
            break;
        case 'xuống':
            whole = floor;
            break;
        case 'lên':
            whole = isExact ? floor : floor + 1n;
            break;
        case 'gần nhất':
            whole = ratCmp(ratSub(scaled, rat(floor)), rat(1n, 2n)) >= 0 ? floor + 1n : floor;
            break;
    }
    const r = ratDiv(rat(whole), scale);
    if (ratCmp(r, v.r) === 0) return v;
    return { ...v, r, roundingNote: `${formatRat(v.r, 6)} làm tròn ${mode} đến ${digits} chữ số thập phân → ${formatRat(r, digits)}` };
}

function showBound(b: NumberScalar, unit: string): string {
    const parts: string[] = [];
    if (b.lo) parts.push((b.loOpen ? 'trên ' : 'từ ') + formatRat(b.lo));
    if (b.hi) parts.push((b.hiOpen ? 'dưới ' : 'đến ') + formatRat(b.hi));
    return parts.join(' ') + unitText(unit);
}

/**
 * A number written in the pack (the generator emits its decimal text, checked by `ntm check` to be exact).
 * The same literal gives the same value, made once: a pack's thresholds are read at every evaluation, and a
 * value is never changed once made.
 */
export function lit(value: string, unit: string, unverifiedNote?: string): Val {
    if (unverifiedNote !== undefined) return numberVal(value, unit, unverifiedNote);
    let byUnit = LITERALS.get(value);
    if (byUnit === undefined) {
        byUnit = new Map();
        LITERALS.set(value, byUnit);
    }
    let made = byUnit.get(unit);
    if (made === undefined) {
        made = numberVal(value, unit);
        byUnit.set(unit, made);
        LITERAL_TEXTS.set(made, showVal(made));
    }
    return made;
}

/** How each literal `lit` made is shown, written once: a threshold is shown in every comparison of every commune. */
const LITERAL_TEXTS = new WeakMap<Val, string>();

/** `showVal` of a value, from the text kept for a pack's literal when it is one. */
export function shownValue(v: Val): string {
    return LITERAL_TEXTS.get(v) ?? showVal(v);
}

/** The text of a pack's literal (made once by `lit`); undefined for any other value. */
export function literalText(v: Val): string | undefined {
    return LITERAL_TEXTS.get(v);
}

/** Literals already made, by their text and unit (a pack has a few hundred). */
const LITERALS = new Map<string, Map<string, Val>>();

/** A number from its decimal text, made anew (for a figure computed at run time, which `lit` would keep). */
export function numberVal(value: string, unit: string, unverifiedNote?: string): Val {
    const parsed = decimalFromText(value);
    if (!parsed) throw new RangeError(`không phải số: ${value}`);
    return {
        k: 'num',
        r: parsed.r,
        unit,
        integer: parsed.decimals === 0,
        uses: NO_ITEMS,
        inconsistent: NO_ITEMS,
        unverified: unverifiedNote === undefined ? NO_ITEMS : [unverifiedNote]
    };
}

export function boolLit(b: boolean): Val {
    return { k: 'bool', b, uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
}

export function levelLit(i: number, name: string): Val {
    return { k: 'level', i, name, uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
}

/** A table cell the pack marks `không áp dụng`. */
export function notApplicableValue(reason: string): Val {
    return { k: 'na', reason, uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
}

/** A value that cannot be known, named for the explanation (a table cell the parser could not read). */
export function missingValue(name: string): Val {
    return { k: 'missing', names: [name], uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
}

export function dateLit(iso: string): Val {
    return { k: 'date', iso, uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
}

/** A fact as supplied, or for one part of a breakdown ("nam"), or for the year or member being checked, or missing. */
export function fact(table: FactTable, name: string, member?: string): Val {
    const spec = table.specs.get(name);
    const raw = table.raw.get(name);
    if (spec?.index !== undefined) {
        const key = spec.index === 'năm' ? String(table.cursorYear ?? table.ctx?.year ?? '') : table.cursorUnits?.[spec.index];
        const shown = spec.index === 'năm' ? `${name} (năm ${key})` : `${name} (${spec.index} ${key ?? '?'})`;
        const scalar = key === undefined ? undefined : raw?.indexed?.get(key);
        return scalar
            ? scalarVal(table, scalar, spec.unit, spec.kind === 'count' || spec.kind === 'year', shown)
            : { k: 'missing', names: [shown], uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
    }
    const useMember = member !== undefined && spec?.members !== undefined;
    const shownName = useMember ? `${name} (${member})` : name;
    const scalar = useMember ? raw?.members.get(member) : raw?.total;
    if (!spec || !scalar) {
        return { k: 'missing', names: [shownName], uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
    }
    const v = scalarVal(table, scalar, spec.unit, spec.kind === 'count' || spec.kind === 'year', shownName);
    return raw?.asOf ? { ...v, uses: v.uses.map(use => datedUse(use, raw.asOf!, table)) } : v;
}

/** A use of a dated figure: its date, and whether it is older than the year the rule reads (a window's year, or the assessment's). */
function datedUse(use: FactUse, asOf: string, table: FactTable): FactUse {
    const year = table.cursorYear ?? table.ctx?.year;
    const old = year !== undefined && Number(asOf.slice(0, 4)) < year;
    return { ...use, text: `${use.text} (tính đến ${asOf})`, asOf, ...(old ? { olderThanYear: year } : {}) };
}

/** `giá trị năm trước của X`: X read one year before the year being checked. */
export function previousYear(table: FactTable, read: (t: FactTable) => Val): Val {
    const year = table.cursorYear ?? table.ctx?.year;
    return read(year === undefined ? table : { ...table, cursorYear: year - 1 });
}

function scalarVal(table: FactTable, given: Scalar, unit: string, integer: boolean, shownName: string): Val {
    // A fact the report states two ways stands for the value chosen for this run of the rule (contradictions.ts).
    let scalar: Scalar = given;
    let quote: string | undefined;
    if (given.t === 'contradiction') {
        const chosen = chosenReportedValue(table, shownName, given);
        if (!chosen) return contradictedValue(shownName, given, unit);
        scalar = chosen.value;
        quote = chosen.quote;
    }
    // Each value is made in its final shape (no spreads: this runs for every fact a rule reads), then given its
    // one use, whose text is the value as shown — before anyone else sees the object.
    let v: Val;
    switch (scalar.t) {
        case 'num':
            v = {
                k: 'num',
                r: scalar.r,
                unit,
                integer,
                bound: scalar.isBound ? scalar : undefined,
                written: scalar.written ? `tệp xã ghi ${scalar.written}` : undefined,
                uses: NO_ITEMS,
                unverified: NO_ITEMS,
                inconsistent: NO_ITEMS
            };
            break;
        case 'bool':
            v = { k: 'bool', b: scalar.b, uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
            break;
        case 'level':
            v = { k: 'level', i: scalar.i, name: scalar.name, uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
            break;
        case 'date':
            v = { k: 'date', iso: scalar.iso, uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
            break;
        case 'contradiction':
            return contradictedValue(shownName, scalar, unit);
    }
    const text = quote === undefined ? showVal(v) : `${showVal(v)} (một cách đọc của báo cáo: «${quote}»)`;
    (v as { uses: readonly FactUse[] }).uses = [{ fact: shownName, text }];
    return v;
}

/**
 * A derived fact: computed from its inputs; when the inputs are missing but the report states the value
 * itself, that stated value is used; when both exist, a stated value that the computation does not
 * support is flagged as inconsistent data.
 */
export function derived(table: FactTable, name: string, member: string | undefined, computed: Val): Val {
    // A stated total must never stand in for one part of a breakdown ("nam", "nữ").
    const statedApplies = member === undefined || table.specs.get(name)?.members !== undefined;
    const stated: Val = statedApplies
        ? fact(table, name, member)
        : { k: 'missing', names: [name], uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS };
    const shownName = member !== undefined && table.specs.get(name)?.members ? `${name} (${member})` : name;
    if (computed.k === 'missing' && stated.k !== 'missing') {
        const dated = stated.uses[0]?.asOf ? stated.uses[0] : undefined;
        return {
            ...stated,
            uses: [{ ...dated, fact: shownName, text: `${dated?.text ?? showVal(stated)} (số liệu báo cáo)` }],
            unverified: [],
            inconsistent: []
        };
    }
    if (computed.k !== 'num') {
        return computed;
    }
    const detail = computed.ratio ? ` = ${showNum(computed.ratio.num, computed.ratio.numUnit)} / ${showNum(computed.ratio.den, computed.ratio.numUnit)}` : '';
    const inconsistent = [...computed.inconsistent];
    if (stated.k === 'num') {
        const scalar = table.raw.get(name)?.total;
        const decimals = scalar?.t === 'num' ? scalar.decimals : 0;
        if (!statedMatches(computed.r, stated.r, decimals)) {
            inconsistent.push(`${shownName}: báo cáo ghi ${showVal(stated)} nhưng tính từ số liệu được ${showNum(computed.r, computed.unit)}`);
        }
    }
    return {
        ...computed,
        inconsistent,
        uses: [...computed.uses, { fact: shownName, text: showNum(computed.r, computed.unit) + detail }]
    };
}

/** A stated value agrees with the computed one when it is the computed value rounded or truncated. */
export function statedMatches(computed: Rational, stated: Rational, decimals: number): boolean {
    const scale = rat(10n ** BigInt(decimals));
    const scaled = ratMul(computed, scale);
    const floor = scaled.n / scaled.d;
    const candidates = [floor, floor + 1n].map(x => ratDiv(rat(x), scale));
    return candidates.some(c => ratCmp(c, stated) === 0);
}

function blocked(vals: readonly Val[]): Val | undefined {
    // The usual case, every value a plain figure: nothing to gather (this runs for every computed value).
    if (vals.every(v => v.k !== 'missing' && v.k !== 'na' && !(v.k === 'num' && v.bound))) return undefined;
    const missing = vals.filter(v => v.k === 'missing');
    if (missing.length > 0) {
        const why = missing.map(v => (v.k === 'missing' ? v.why : undefined)).find(w => w !== undefined);
        return {
            k: 'missing',
            names: unique(
                missing.flatMap(v => (v.k === 'missing' ? v.names : [])),
                s => s
            ),
            ...(why ? { why } : {}),
            ...merge(...vals)
        };
    }
    const na = vals.find(v => v.k === 'na');
    if (na) {
        return { ...na, ...merge(...vals) };
    }
    const bounded = vals.find(v => v.k === 'num' && v.bound);
    if (bounded) {
        const origin = bounded.k === 'num' ? bounded.bound?.rangeOrigin : undefined;
        const known = origin ? `${origin} chỉ biết trong khoảng` : 'báo cáo chỉ ghi khoảng';
        const names = bounded.uses.map(u => `${u.fact} (${known} ${showVal(bounded)}, cần số cụ thể để tính)`);
        return { k: 'missing', names, ...merge(...vals) };
    }
    return undefined;
}

export type ArithOp = '+' | '-' | '*' | '/';

/**
 * Arithmetic on two numbers; the compiler has already checked the units and passes the result's unit,
 * and a scale (×100 for a same-unit division read as percent, ÷100 for a percent factor).
 */
export function arith(op: ArithOp, a: Val, b: Val, unit: string, scale: Rational = rat(1n)): Val {
    const stop = blocked([a, b]);
    if (stop) return stop;
    if (a.k !== 'num' || b.k !== 'num') {
        return { k: 'missing', names: ['(kiểu dữ liệu không phải số)'], ...merge(a, b) };
    }
    if (a.unknown || b.unknown) {
        return arithUnknown(op, a, b, unit, scale);
    }
    if (op === '/' && ratIsZero(b.r)) {
        return { k: 'na', reason: `mẫu số bằng 0 (${showNum(b.r, b.unit)})`, ...merge(a, b) };
    }
    const r = op === '+' ? ratAdd(a.r, b.r) : op === '-' ? ratSub(a.r, b.r) : op === '*' ? ratMul(a.r, b.r) : ratDiv(a.r, b.r);
    return { k: 'num', r: ratMul(r, scale), unit, integer: a.integer && b.integer && op !== '/', ...merge(a, b) };
}

/**
 * Arithmetic with an unknown threshold (`110% × chưa biết (<= 68.45)`): the bounds follow the operation when
 * the other side is a known number and the operation keeps order; otherwise nothing is known of the result.
 * Never computes with the placeholder value of an unknown.
 */
function arithUnknown(op: ArithOp, a: NumVal, b: NumVal, unit: string, scale: Rational): Val {
    const provenance = merge(a, b);
    const unknownSide = a.unknown ? a : b;
    const known = a.unknown ? b : a;
    // A threshold is never negative: make that natural bound explicit before it is moved by the operation.
    const raw = unknownSide.unknown!;
    const u: UnknownThreshold = raw.lo ? raw : { ...raw, lo: rat(0n), loOpen: false };
    const none: UnknownThreshold = { loOpen: false, hiOpen: false, basis: u.basis, note: u.note };
    let result: UnknownThreshold = none;
    const map = (f: (r: Rational) => Rational, flip: boolean): UnknownThreshold => {
        const lo = u.lo ? ratMul(f(u.lo), scale) : undefined;
        const hi = u.hi ? ratMul(f(u.hi), scale) : undefined;
        return flip
            ? { lo: hi, loOpen: u.hiOpen, hi: lo, hiOpen: u.loOpen, basis: u.basis, note: u.note }
            : { lo, loOpen: u.loOpen, hi, hiOpen: u.hiOpen, basis: u.basis, note: u.note };
    };
    if (!known.unknown && !known.bound) {
        const c = known.r;
        const positive = ratCmp(c, rat(0n)) > 0;
        if (op === '*' && positive) result = map(r => ratMul(r, c), false);
        else if (op === '/' && a.unknown && positive) result = map(r => ratDiv(r, c), false);
        else if (op === '+') result = map(r => ratAdd(r, c), false);
        else if (op === '-' && a.unknown) result = map(r => ratSub(r, c), false);
        else if (op === '-' && b.unknown) result = map(r => ratSub(c, r), true);
    }
    return { k: 'num', r: rat(0n), unit, integer: false, unknown: result, ...provenance };
}

/**
 * A ratio in percent with an explicit numerator and denominator. A numerator above the denominator is
 * inconsistent data; a zero denominator makes the rule not applicable ("không có cơ sở nào").
 */
export function ratio(num: Val, den: Val): Val {
    const stop = blocked([num, den]);
    if (stop) return stop;
    if (num.k !== 'num' || den.k !== 'num') {
        return { k: 'missing', names: ['(kiểu dữ liệu không phải số)'], ...merge(num, den) };
    }
    const provenance = merge(num, den);
    if (ratIsZero(den.r)) {
        return { k: 'na', reason: `mẫu số bằng 0 (${showNum(den.r, den.unit)})`, ...provenance };
    }
    const inconsistent =
        ratCmp(num.r, den.r) > 0
            ? [...provenance.inconsistent, `tử số ${showNum(num.r, num.unit)} lớn hơn mẫu số ${showNum(den.r, den.unit)}`]
            : provenance.inconsistent;
    return {
        k: 'num',
        r: ratMul(ratDiv(num.r, den.r), rat(100n)),
        unit: '%',
        integer: false,
        ratio: { num: num.r, den: den.r, numUnit: num.unit, numInteger: num.integer },
        ...provenance,
        inconsistent
    };
}

/**
 * A number in another unit of the same kind (500 m as 0,5 km), exactly: `factor` comes from `unitConversion`
 * at compile time. A range and an unknown threshold's bounds move with it; the value shows how it was written.
 */
export function inUnit(v: Val, unit: string, factor: Rational): Val {
    if (v.k !== 'num' || v.unit === unit) return v;
    const scale = (r: Rational | undefined) => (r === undefined ? undefined : ratMul(r, factor));
    const written = v.unknown ? undefined : `= ${showVal(v)}`;
    const bound = v.bound ? { ...v.bound, r: ratMul(v.bound.r, factor), lo: scale(v.bound.lo), hi: scale(v.bound.hi) } : undefined;
    const unknown = v.unknown ? { ...v.unknown, lo: scale(v.unknown.lo), hi: scale(v.unknown.hi) } : undefined;
    return {
        ...v,
        r: ratMul(v.r, factor),
        unit,
        integer: v.integer && ratCmp(factor, rat(1n)) >= 0 && factor.d === 1n,
        ...(bound ? { bound } : {}),
        ...(unknown ? { unknown } : {}),
        ...(written ? { written } : {})
    };
}
