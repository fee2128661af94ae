// The verdicts-only fast path (`evaluate(facts, { …, giảiThích: false })`): plain input is read once into
// flat arrays of scaled integers, and each indicator the generator could compile runs as straight-line code
// over them. Whatever that code does not cover (a missing fact, a range, a stated rate, a unit object, a
// zero denominator, an overflow) it hands back, and the full path decides it: verdicts are always the
// full path's.

import type { CompareOp } from './conditions.js';
import type { IndicatorMeta, GateMeta } from './assembly.js';
import type { EvaluateOptions, EvaluationResult, FactSpec, Gap, GateResult, IndicatorResult, Verdict, VerdictFlag } from './result-types.js';
import { compare, rangeHolds } from './conditions.js';
import { levelStepsGap, numericGap } from './gaps.js';
import type { NumberScalar } from './fact-table.js';
import { BOUND_KEYS, readBound } from './number-input.js';
import type { Val } from './values.js';
import { statedMatches } from './values.js';
import { NO_ITEMS } from './provenance.js';
import { POWERS_OF_TEN, fewestPlaces } from './number-text.js';
import { rat } from './exact-numbers.js';
import { normalizeUnit } from './names.js';
import type { EvalContext } from './fact-table.js';
import { communeContext } from './context.js';

/**
 * A commune's plain facts by slot: value `n / d` (integers; `d` a power of ten for input), and `h` 1 when
 * the slot holds a plain value. A breakdown fact has one slot for its total, then one per member.
 */
export interface FastFacts {
    readonly n: Float64Array;
    readonly d: Float64Array;
    /** 1: a plain value; 2: a range («trên 60 %», in `ranges`); 0: absent. */
    readonly h: Uint8Array;
    /** The ranges by slot, read by the full reader's `readBound`; made only when the commune gives one. */
    ranges?: Map<number, NumberScalar>;
}

interface FastSlot {
    readonly slot: number;
    readonly spec: FactSpec;
    readonly members?: ReadonlyMap<string, number>;
    readonly levels?: ReadonlyMap<string, number>;
}

export interface FastLayout {
    readonly size: number;
    readonly byName: ReadonlyMap<string, FastSlot>;
}

/** Slots in FACT_SPECS order: each fact's total, then its members. The generator numbers them the same way. */
export function fastLayout(specs: readonly FactSpec[]): FastLayout {
    const byName = new Map<string, FastSlot>();
    let next = 0;
    for (const spec of specs) {
        const slot = next++;
        const members = spec.members ? new Map(spec.members.map(m => [m, next++] as const)) : undefined;
        const levels = spec.levels ? new Map(spec.levels.map((l, i) => [l, i] as const)) : undefined;
        byName.set(spec.name, { slot, spec, members, levels });
    }
    return { size: next, byName };
}

/** Largest magnitude kept as an exact JavaScript integer; anything beyond goes to BigInt or the full path. */
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Reads plain input: names exactly as the pack writes them, numbers as JSON numbers (or `{ "giá trị", "đơn vị" }`
 * in the declared unit), yes/no as booleans or «có»/«không», levels by name, breakdowns as `{ member: value }`.
 * A range («trên 60 %», «từ 80 đến 110») is read into `ranges` with the full reader's checks. Undefined for
 * anything else (another spelling of a name, text numbers,
 * a stated derived rate, an unknown name, a bad value): the full reader then reads and checks everything.
 */
export function readPlainFacts(input: unknown, layout: FastLayout): FastFacts | undefined {
    const n = new Float64Array(layout.size);
    const d = new Float64Array(layout.size);
    const h = new Uint8Array(layout.size);
    const read: FastFacts = { n, d, h };
    if (input === undefined || input === null) return read;
    if (typeof input !== 'object' || Array.isArray(input)) return undefined;
    const facts = input as Record<string, unknown>;
    for (const key in facts) {
        if (!Object.hasOwn(facts, key)) continue;
        const entry = layout.byName.get(key);
        // A derived rate the report states itself is read like any fact: the compiled code decides when it stands in.
        if (entry === undefined || entry.spec.index !== undefined) return undefined;
        const value = unwrapUnit(entry, facts[key]);
        if (value === WRONG) return undefined;
        if (value === null || value === undefined) continue;
        if (entry.members !== undefined && isObject(value) && !isRange(value)) {
            const parts = value as Record<string, unknown>;
            for (const member in parts) {
                if (!Object.hasOwn(parts, member)) continue;
                const slot = entry.members.get(member);
                if (slot === undefined) return undefined;
                const part = unwrapUnit(entry, parts[member]);
                if (part === WRONG) return undefined;
                if (part === null || part === undefined) continue;
                if (!readScalar(entry, slot, part, read)) return undefined;
            }
            continue;
        }
        if (!readScalar(entry, entry.slot, value, read)) return undefined;
    }
    return read;
}

const WRONG = Symbol('wrong');

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object of bound keys only (also `{}`, which the range reader refuses): the fact's total, not its parts. */
function isRange(value: Record<string, unknown>): boolean {
    for (const key in value) if (!BOUND_KEYS.has(key)) return false;
    return true;
}

/** `{ "giá trị": 12, "đơn vị": "km" }` in the declared unit: its value; another unit is for the full reader to report. */
function unwrapUnit(entry: FastSlot, value: unknown): unknown {
    if (!isObject(value) || !('giá trị' in value)) return value;
    // Anything beside the value and its unit (`tính đến`, a quote) is for the full reader: it may flag or refuse.
    for (const key in value) if (key !== 'giá trị' && key !== 'đơn vị') return WRONG;
    const unit = value['đơn vị'];
    if (unit !== undefined && (typeof unit !== 'string' || normalizeUnit(unit) !== normalizeUnit(entry.spec.unit))) return WRONG;
    return value['giá trị'];
}

function readScalar(entry: FastSlot, slot: number, value: unknown, read: FastFacts): boolean {
    const { n, d, h } = read;
    switch (entry.spec.kind) {
        case 'boolean':
            if (value === true || value === false || value === 'có' || value === 'không') {
                n[slot] = value === true || value === 'có' ? 1 : 0;
                d[slot] = 1;
                h[slot] = 1;
                return true;
            }
            return false;
        case 'level': {
            const index = typeof value === 'string' ? entry.levels?.get(value) : undefined;
            if (index === undefined) return false;
            n[slot] = index;
            d[slot] = 1;
            h[slot] = 1;
            return true;
        }
        case 'date':
            return false;
        default: {
            if (isObject(value)) {
                // Read by the full reader's own rule; anything it refuses is left to it, to report with its message.
                const range = readBound(entry.spec, value, () => undefined);
                if (range === undefined) return false;
                (read.ranges ??= new Map()).set(slot, range);
                h[slot] = 2;
                return true;
            }
            if (typeof value !== 'number' || !(value >= 0)) return false;
            const places = fewestPlaces(value);
            // A count or a year is whole: the full reader refuses a fraction.
            if (places === undefined || (places > 0 && (entry.spec.kind === 'count' || entry.spec.kind === 'year'))) return false;
            n[slot] = places === 0 ? value : Math.round(value * POWERS_OF_TEN[places]!);
            d[slot] = POWERS_OF_TEN[places]!;
            h[slot] = 1;
            return true;
        }
    }
}

/**
 * `x op t` over the range at `slot`, decided by `rangeHolds` of the full path: 1 when every value of the
 * range satisfies it, 0 when none does, -1 when it depends (the full path then says why data is missing).
 */
export function qRange(v: FastFacts, slot: number, op: CompareOp, tn: number, td: number): number {
    const range = v.ranges?.get(slot);
    const holds = range === undefined ? undefined : rangeHolds(range, op, big(tn, td));
    return holds === undefined ? -1 : holds ? 1 : 0;
}

/** `a × b` exactly, or NaN when it leaves the safe integers (NaN makes the indicator go to the full path). */
export function qMul(a: number, b: number): number {
    const p = a * b;
    return p <= SAFE && p >= -SAFE ? p : NaN;
}

/** `a + b` exactly, or NaN. */
export function qAdd(a: number, b: number): number {
    const s = a + b;
    return s <= SAFE && s >= -SAFE ? s : NaN;
}

/** Sign of `an/ad − bn/bd` (denominators positive) by cross-multiplication; BigInt only when a product overflows. */
export function qCmp(an: number, ad: number, bn: number, bd: number): number {
    const l = an * bd;
    const r = bn * ad;
    if (l <= SAFE && l >= -SAFE && r <= SAFE && r >= -SAFE) return l < r ? -1 : l > r ? 1 : 0;
    if (Number.isNaN(l) || Number.isNaN(r)) return Number.NaN;
    const L = BigInt(an) * BigInt(bd);
    const R = BigInt(bn) * BigInt(ad);
    return L < R ? -1 : L > R ? 1 : 0;
}

/** Whether a comparison sign satisfies the operator: the one `compare` uses, under the name generated fast code calls. */
export { holds as qHolds } from './conditions.js';

const big = (n: number, d: number) => (d < 0 ? rat(BigInt(-n), BigInt(-d)) : rat(BigInt(n), BigInt(d)));

/**
 * The gap of a failed numeric comparison, computed only on failure and exactly as `compare` computes it.
 * `ratio` gives a rate's numerator and denominator: [numN, numD, denN, denD, numUnit, numInteger].
 */
export function qGap(
    op: CompareOp,
    ln: number,
    ld: number,
    tn: number,
    td: number,
    unit: string,
    integer: boolean,
    ratio?: readonly [number, number, number, number, string, boolean]
): Gap | undefined {
    const left = {
        k: 'num' as const,
        r: big(ln, ld),
        unit,
        integer,
        uses: [],
        unverified: [],
        inconsistent: [],
        ...(ratio ? { ratio: { num: big(ratio[0], ratio[1]), den: big(ratio[2], ratio[3]), numUnit: ratio[4], numInteger: ratio[5] } } : {})
    };
    return numericGap(left, op, big(tn, td));
}

/**
 * The missing data of a comparison a reported range does not decide («… (giá trị báo cáo từ 80 đến 110
 * lít/người/ngày không đủ để so với > 80 lít/người/ngày)»): worded by `compare` itself, from the same values.
 */
export function qRangeMissing(
    v: FastFacts,
    slot: number,
    name: string,
    op: CompareOp,
    tn: number,
    td: number,
    unit: string,
    thresholdUnit: string
): readonly string[] {
    const bound = v.ranges!.get(slot)!;
    const none = { unverified: [], inconsistent: [] };
    const left: Val = { k: 'num', r: bound.r, unit, integer: false, bound, uses: [{ fact: name, text: '' }], ...none };
    const threshold: Val = { k: 'num', r: big(tn, td), unit: thresholdUnit, integer: td === 1, uses: [], ...none };
    return compare('', left, op, threshold).missing;
}

/** The gap of a failed level comparison. */
export function qLevelGap(value: number, op: CompareOp, target: number): Gap | undefined {
    return levelStepsGap(value, op, target);
}

const VERDICTS: readonly Verdict[] = ['chưa đạt', 'đạt', 'thiếu dữ liệu', 'không áp dụng'];

/** The flags of an indicator whose requirement was decided: a threshold noted `chưa kiểm chứng` on the whole indicator. */
const UNVERIFIED_FLAGS: readonly VerdictFlag[] = Object.freeze(['unverified-threshold'] as const);

/** The gap of a failed indicator, worked out on first read: a verdicts-only caller rarely reads every gap. */
export type LazyGap = () => Gap | undefined;

/**
 * An indicator whose requirement the fast path decided (code 0 chưa đạt, 1 đạt, 2 thiếu dữ liệu): the full
 * result's shape without explanation, flagged as the full path flags it.
 */
export function quietIndicator(meta: IndicatorMeta, code: number, gap: LazyGap | undefined, missing: readonly string[]): IndicatorResult {
    return quietResult(meta, code, gap, missing, meta.unverified !== undefined && meta.unverified.length > 0 ? UNVERIFIED_FLAGS : NO_ITEMS);
}

/** An indicator whose `(nếu …)` condition does not hold (3) or lacks data (2): never flagged, as in the full path. */
export function quietInapplicable(meta: IndicatorMeta, code: number, missing: readonly string[]): IndicatorResult {
    return quietResult(meta, code, undefined, missing, NO_ITEMS);
}

// Results are read-only: the flag lists are shared, like NO_ITEMS.
function quietResult(
    meta: IndicatorMeta,
    code: number,
    gapOf: LazyGap | undefined,
    missing: readonly string[],
    flags: readonly VerdictFlag[]
): IndicatorResult {
    // Two fixed shapes (with and without a gap) rather than a spread: this runs for every indicator of every commune.
    const verdict = VERDICTS[code]!;
    if (gapOf === undefined) {
        return {
            criterion: meta.criterion,
            label: meta.label,
            requirementText: meta.requirementText,
            rule: meta.rule,
            citations: meta.citations,
            verdict,
            flags,
            clauses: NO_ITEMS,
            factsUsed: NO_ITEMS,
            missingFacts: missing,
            missingThresholds: NO_ITEMS,
            source: meta.source,
            unknownThresholds: NO_ITEMS,
            notes: NO_ITEMS,
            explanation: NO_ITEMS
        };
    }
    const gap = new Lazy(gapOf);
    // An own, enumerable getter: JSON, spreads, structured clones and deep equality all read it like a field.
    return {
        criterion: meta.criterion,
        label: meta.label,
        requirementText: meta.requirementText,
        rule: meta.rule,
        citations: meta.citations,
        verdict,
        flags,
        clauses: NO_ITEMS,
        factsUsed: NO_ITEMS,
        missingFacts: missing,
        missingThresholds: NO_ITEMS,
        get gap(): Gap | undefined {
            return gap.get();
        },
        source: meta.source,
        unknownThresholds: NO_ITEMS,
        notes: NO_ITEMS,
        explanation: NO_ITEMS
    };
}

/**
 * A gate decided by the fast path (code as for an indicator): a compiled condition has no unverified
 * threshold, so no flags; the gap of one not met is worked out on first read, as an indicator's.
 */
export function quietGate(meta: GateMeta, code: number, gapOf: LazyGap | undefined, missing: readonly string[]): GateResult {
    const verdict = VERDICTS[code]!;
    if (gapOf === undefined) {
        return {
            text: meta.text,
            rule: meta.rule,
            verdict,
            flags: NO_ITEMS,
            factsUsed: NO_ITEMS,
            missingFacts: missing,
            citations: meta.citations,
            notes: NO_ITEMS,
            explanation: NO_ITEMS
        };
    }
    const gap = new Lazy(gapOf);
    return {
        text: meta.text,
        rule: meta.rule,
        verdict,
        flags: NO_ITEMS,
        get gap(): Gap | undefined {
            return gap.get();
        },
        factsUsed: NO_ITEMS,
        missingFacts: missing,
        citations: meta.citations,
        notes: NO_ITEMS,
        explanation: NO_ITEMS
    };
}

/** A fact read by compiled code, `[slot, name]`, or a derived fact the report may state: `[its slot, its computation's inputs]`. */
export type FastInput = readonly [number, string] | readonly [number, readonly FastInput[]];

/** The names of a clause's missing facts (slots absent), in order, once each; a stated derived fact stands in for its inputs. */
export function qMissing(h: Uint8Array, inputs: readonly FastInput[]): string[] {
    const names: string[] = [];
    collectMissing(h, inputs, names);
    return names;
}

function collectMissing(h: Uint8Array, inputs: readonly FastInput[], names: string[]): void {
    for (const [slot, what] of inputs) {
        if (typeof what !== 'string') {
            if (h[slot] !== 1) collectMissing(h, what, names);
        } else if (h[slot] === 0 && !names.includes(what)) {
            names.push(what);
        }
    }
}

/**
 * Whether a rate the report states (`sn / sd`) is the computed one (`cn / cd`) rounded or cut to the decimals
 * the report wrote (`scale`, a power of ten): the full path's `statedMatches`.
 */
export function qStatedMatches(cn: number, cd: number, sn: number, sd: number, scale: number): boolean {
    return statedMatches(big(cn, cd), big(sn, sd), String(scale).length - 1);
}

/** Lists of names joined, each name once, in order (how the full path combines missing facts). */
export function qUnique(lists: readonly (readonly string[])[]): string[] {
    const names: string[] = [];
    for (const list of lists) for (const name of list) if (!names.includes(name)) names.push(name);
    return names;
}

/** An indicator of the full path without its explanation: what the fast path returns for it. */
export function withoutIndicatorExplanation(result: IndicatorResult): IndicatorResult;
export function withoutIndicatorExplanation(result: IndicatorResult | undefined): IndicatorResult | undefined;
export function withoutIndicatorExplanation(result: IndicatorResult | undefined): IndicatorResult | undefined {
    if (!result) return undefined;
    const { value: _value, threshold: _threshold, gap, score, ...rest } = result;
    return {
        ...rest,
        ...(gap ? { gap } : {}),
        ...(score ? { score } : {}),
        clauses: [],
        factsUsed: [],
        notes: [],
        explanation: []
    };
}

/** A gate of the full path without its explanation (value and threshold belong to it, as for an indicator). */
export function withoutGateExplanation(result: GateResult): GateResult {
    const { value: _value, threshold: _threshold, gap, ...rest } = result;
    return { ...rest, ...(gap ? { gap } : {}), factsUsed: [], explanation: [] };
}

/** A full result without explanations: the verdicts-only result when the fast path hands the whole commune back. */
export function withoutExplanations(result: EvaluationResult): EvaluationResult {
    return {
        ...result,
        indicators: result.indicators.map(i => withoutIndicatorExplanation(i)),
        gates: result.gates.map(withoutGateExplanation)
    };
}

/** Whether the caller asked for verdicts only (`giảiThích: false`, or its alias `explain: false`). */
export function verdictsOnly(options: EvaluateOptions | undefined): boolean {
    return options?.giảiThích === false || options?.explain === false;
}

/**
 * Options the fast path leaves to the full path: region, group, lists and scores change what tables,
 * quantifiers and points read, and are checked by the full reader.
 */
export function plainOptions(options: EvaluateOptions): boolean {
    return (
        options.vùng === undefined &&
        options.nhóm === undefined &&
        options.danhSách === undefined &&
        options.điểmThẩmTra === undefined &&
        options.điểmTựChấm === undefined &&
        options.điểmTráiSốLiệu === undefined
    );
}

/** The context of a commune given no region, group or list (`plainOptions`): the year only. */
export function plainContext(options: EvaluateOptions, assessedAt: string): EvalContext {
    return communeContext(options, assessedAt, { specs: new Map(), raw: new Map(), issues: [] }, []);
}

/** A value made on first use: the full fact table, built only when some indicator needs the full path; a quiet result's gap. */
export class Lazy<T> {
    private made: T | undefined;
    constructor(private readonly make: () => T) {}
    get(): T {
        if (this.made === undefined) this.made = this.make();
        return this.made;
    }
    /** The value if it was made, else undefined. */
    get built(): T | undefined {
        return this.made;
    }
}
