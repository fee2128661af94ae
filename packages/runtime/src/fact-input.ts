// Reading and checking a commune's facts at run time: a consumer may pass anything.

import type { FactSpec, InputIssue, InputIssueCode } from './result-types.js';
import type { Rational } from './exact-numbers.js';
import { formatRat, ratMul } from './exact-numbers.js';
import { unitConversion, unitMismatchReason } from './units.js';
import { dateProblem, parseDate } from './dates.js';
import { closestNames, foldDiacritics, normalizeName, normalizeUnit, shortText } from './names.js';
import { BOUND_KEYS, checkRange, parseNumber, readNumberScalar, show } from './number-input.js';

/** A numeric value, or only bounds on it when a report writes "trên 90,72%" or "từ 80-110 lít". */
export interface NumberScalar {
    readonly t: 'num';
    readonly r: Rational;
    readonly lo?: Rational;
    readonly loOpen?: boolean;
    readonly hi?: Rational;
    readonly hiOpen?: boolean;
    readonly isBound: boolean;
    /** Decimals as written, used to judge a reported rate against the computed one. */
    readonly decimals: number;
    /** The value as the commune file wrote it, when it was given in another unit («3138 m»). */
    readonly written?: string;
    /**
     * Where a range comes from when the report did not write it («2 thôn chưa đủ dữ liệu, số thôn đạt chuẩn»):
     * messages say this instead of «giá trị báo cáo».
     */
    readonly rangeOrigin?: string;
}

export type Scalar =
    | NumberScalar
    | { readonly t: 'bool'; readonly b: boolean }
    | { readonly t: 'level'; readonly i: number; readonly name: string }
    | { readonly t: 'date'; readonly iso: string }
    | ContradictionScalar;

/** One of the values a report gives for the same fact, with the words that give it. */
export interface ReportedValue {
    readonly value: Exclude<Scalar, ContradictionScalar>;
    readonly quote: string;
}

/**
 * A fact the report states two or more ways (`{ "báo cáo mâu thuẫn": [{ "giá trị": 4274, "trích": "…" }, …] }`).
 * Never a plain value: a rule reads one of the values at a time (see contradictions.ts), and a reader that
 * does not know this kind sees something it cannot take for a number.
 */
export interface ContradictionScalar {
    readonly t: 'contradiction';
    readonly values: readonly ReportedValue[];
}

/** The field of a fact's value that holds the values of a self-contradicting report. */
export const CONTRADICTION_FIELD = 'báo cáo mâu thuẫn';

/**
 * Which of the reported values each contradicted fact stands for while a rule is decided: shared by every copy
 * of the fact table (`{ ...t, cursorYear }`), and off outside an indicator (a contradicted fact is then unknown).
 */
export interface ContradictionChoices {
    active: boolean;
    /** Index of the reported value in use, by the fact as shown («tỷ lệ (nam)», «số hộ (năm 2023)»). */
    readonly chosen: Map<string, number>;
    /** Contradicted facts the rule read, by the fact as shown. */
    readonly read: Map<string, ContradictionScalar>;
}

export interface RawFact {
    /** The date the figure refers to (`"tính đến"`), ISO, and the key the file wrote the fact under. */
    readonly asOf?: string;
    readonly key?: string;
    readonly total?: Scalar;
    readonly members: ReadonlyMap<string, Scalar>;
    /** Values per year («2023») or per member of a collection («Thọ Am»). */
    readonly indexed?: ReadonlyMap<string, Scalar>;
}

/** Scores the assessor entered, by indicator label: verified (thẩm tra), self-assessed (tự chấm), and which verified scores the report gives against its own evidence. */
export interface EnteredScores {
    readonly verified: ReadonlyMap<string, Rational>;
    readonly self: ReadonlyMap<string, Rational>;
    readonly againstEvidence: ReadonlyMap<string, string>;
}

export interface FactTable {
    readonly specs: ReadonlyMap<string, FactSpec>;
    readonly raw: ReadonlyMap<string, RawFact>;
    readonly issues: InputIssue[];
    /** Region, group and year that select table cells; set by `evaluate` once the facts are read. */
    ctx?: EvalContext;
    /** Members of each collection («thôn»), as the commune file lists them. */
    collections?: ReadonlyMap<string, readonly string[]>;
    /** The year a `mỗi năm trong …` window is checking, and the member a `mọi thôn { … }` is checking. */
    cursorYear?: number;
    cursorUnits?: Readonly<Record<string, string>>;
    scores?: EnteredScores;
    /** Set when the commune file states a fact two or more ways. */
    contradictions?: ContradictionChoices;
}

export interface EvalContext {
    /** The region applied (after rules such as 318's Điều 1), or undefined when unknown. */
    readonly region?: string;
    /** Why the region is what it is, or why it could not be known. */
    readonly regionNote?: string;
    /** Facts missing to decide the applied region. */
    readonly regionMissing: readonly string[];
    readonly group?: string;
    readonly year: number;
}

const TOTAL_KEY = 'tổng';
const canonical = normalizeName;

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ConvertedInput);
}

/** The field of a commune file where the facts are written (`dữ kiện`). */
export const FACTS_FIELD = 'dữ kiện';

/** An input problem at `path` (the keys in a commune file: `["dữ kiện", "số hộ", "2023"]`). */
export function inputIssue(severity: InputIssue['severity'], code: InputIssueCode, path: readonly string[], message: string): InputIssue {
    return { severity, code, field: path.join('.'), path, message };
}

/**
 * Unknown names that get a «Có phải …?» suggestion: each costs a comparison with every fact of the pack, so
 * past this many (a file for another pack, or generated junk) the rest are reported without one.
 */
export const SUGGESTED_UNKNOWN_FACTS = 50;

/**
 * Reads the facts a consumer passed. A name the pack does not have is an error, or a warning when
 * `unknownFacts` is 'warning' (a pack chosen by date, where the name may belong to another version of the law).
 */
export function readFacts(input: unknown, specList: readonly FactSpec[], lists?: unknown, unknownFacts: 'error' | 'warning' = 'error'): FactTable {
    const specs = specsByName(specList);
    const raw = new Map<string, RawFact>();
    const issues: InputIssue[] = [];
    const collections = readCollections(lists, issues);
    if (input === undefined || input === null) {
        return { specs, raw, issues, collections };
    }
    if (!isPlainObject(input)) {
        issues.push(inputIssue('error', 'invalid-value', [FACTS_FIELD], 'Dữ kiện phải là một đối tượng { "tên dữ kiện": giá trị }.'));
        return { specs, raw, issues, collections };
    }
    let suggest: ((name: string) => string) | undefined;
    let unknown = 0;
    for (const key in input) {
        if (!Object.hasOwn(input, key)) continue;
        const value = input[key];
        const name = canonical(key);
        const spec = specs.get(name);
        if (!spec) {
            // A typo would otherwise read as missing data: an error, with the name probably meant.
            suggest ??= suggester(specs.keys());
            const hint = ++unknown <= SUGGESTED_UNKNOWN_FACTS ? suggest(name) : '';
            issues.push(inputIssue(unknownFacts, 'unknown-fact', [FACTS_FIELD, key], `Dữ kiện «${shortText(key)}» không có trong bộ tiêu chí.${hint}`));
            continue;
        }
        const path = [FACTS_FIELD, key];
        if (spec.villagePack !== undefined && value !== null && value !== undefined) {
            // Counted from the villages' own results: an entered number could silently disagree with them.
            issues.push(
                inputIssue(
                    'error',
                    'computed-from-villages',
                    path,
                    `Dữ kiện «${shortText(key)}» được tính từ kết quả các thôn (bộ tiêu chí «${shortText(spec.villagePack)}»); không nhập, hãy ghi dữ kiện của từng thôn trong «các thôn».`
                )
            );
            continue;
        }
        const asOf = readAsOf(path, value, issues);
        if (asOf === null) continue;
        const unwrapped = unwrapUnit(spec, path, value, issues);
        if (unwrapped === null || unwrapped === undefined) {
            continue;
        }
        const fact = spec.index ? readIndexedFact(spec, path, unwrapped, issues, collections) : readFact(spec, path, unwrapped, issues);
        if (fact) {
            raw.set(name, asOf ? { ...fact, asOf, key } : fact);
        }
    }
    return { specs, raw, issues, collections, ...(hasContradiction(raw) ? { contradictions: { active: false, chosen: new Map(), read: new Map() } } : {}) };
}

/** Whether a value of any fact is a report's contradiction (several values, «mâu thuẫn»); no list made per fact. */
function hasContradiction(raw: ReadonlyMap<string, RawFact>): boolean {
    for (const fact of raw.values()) {
        if (fact.total?.t === 'contradiction') return true;
        for (const scalar of fact.members.values()) if (scalar?.t === 'contradiction') return true;
        if (fact.indexed) for (const scalar of fact.indexed.values()) if (scalar?.t === 'contradiction') return true;
    }
    return false;
}

/** A pack's facts by name, made once per pack (a module reads many communes with the same FACT_SPECS). */
const SPECS_BY_LIST = new WeakMap<readonly FactSpec[], ReadonlyMap<string, FactSpec>>();
function specsByName(specList: readonly FactSpec[]): ReadonlyMap<string, FactSpec> {
    let specs = SPECS_BY_LIST.get(specList);
    if (specs === undefined) {
        specs = new Map(specList.map(spec => [spec.name, spec] as const));
        SPECS_BY_LIST.set(specList, specs);
    }
    return specs;
}

/** « Có phải «x»?» for a name: the pack's names are folded once, not once per unknown name. */
function suggester(names: Iterable<string>): (name: string) => string {
    const folded = new Map<string, string>();
    const fold = (text: string): string => {
        let f = folded.get(text);
        if (f === undefined) {
            f = foldDiacritics(text);
            folded.set(text, f);
        }
        return f;
    };
    const candidates = [...names];
    return name => {
        const best = closestNames(name, candidates, 1, fold)[0];
        folded.delete(name);
        return best === undefined ? '' : ` Có phải «${best}»?`;
    };
}

const AS_OF = 'tính đến';

/**
 * `{ "giá trị": 38.6, "tính đến": "2022-12-31" }`: the date the figure refers to, as ISO; undefined when none
 * is written, null when it is written wrong (reported). Only with «giá trị»: anywhere else the key would be
 * read as a part of the value.
 */
function readAsOf(path: readonly string[], value: unknown, issues: InputIssue[]): string | undefined | null {
    if (!isPlainObject(value)) return undefined;
    const key = Object.keys(value).find(k => canonical(k) === AS_OF);
    if (key === undefined) return undefined;
    if (!('giá trị' in value)) {
        issues.push(inputIssue('error', 'invalid-value', [...path, key], 'Ghi «tính đến» cùng «giá trị»: { "giá trị": …, "tính đến": "2022-09-30" }.'));
        return null;
    }
    const written = value[key];
    const iso = typeof written === 'string' ? parseDate(written) : undefined;
    if (!iso) {
        issues.push(inputIssue('error', 'invalid-value', [...path, key], notADateMessage(written)));
        return null;
    }
    return iso;
}

/** A figure dated after the assessment date cannot be what the assessment saw: an input error at its «tính đến». */
export function checkFactDates(table: FactTable, assessedAt: string): void {
    for (const fact of table.raw.values()) {
        if (fact.asOf !== undefined && fact.asOf > assessedAt) {
            table.issues.push(
                inputIssue(
                    'error',
                    'invalid-value',
                    [FACTS_FIELD, fact.key ?? '', AS_OF],
                    `Số liệu tính đến ${fact.asOf}, sau ngày đánh giá ${assessedAt}: ngày «tính đến» không thể ở tương lai so với lúc đánh giá.`
                )
            );
        }
    }
}

/** A level by its name, or by its name in other letter case when only one level has it («Mức độ 2»). */
function levelIndex(levels: readonly string[], name: string): number {
    const exact = levels.indexOf(name);
    if (exact >= 0) return exact;
    const folded = name.toLocaleLowerCase('vi');
    const matches = levels.flatMap((level, i) => (level.toLocaleLowerCase('vi') === folded ? [i] : []));
    return matches.length === 1 ? matches[0]! : -1;
}

/** A value that should be a date: a day that does not exist is named as such, anything else gets the formats. */
function notADateMessage(value: unknown): string {
    if (typeof value === 'string') {
        const problem = dateProblem(value);
        if (!problem.format) return `Không có ngày ${show(value)}: ${problem.reason}.`;
    }
    return `Cần một ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy, nhận được ${show(value)}.`;
}

/** A value given in another unit of the same kind as the fact's: read, then multiplied by `factor`. */
class ConvertedInput {
    constructor(
        readonly value: unknown,
        readonly factor: Rational,
        readonly unit: string
    ) {}
}

/**
 * `{ "giá trị": 12, "đơn vị": "km" }`: the value, once its unit is checked against the declared one
 * (`m²` and `m2` are the same unit). A unit of the same kind converts exactly (3138 m for a fact in km is
 * 3,138 km); a unit of another kind is an error, undefined. Any other value is returned as is.
 */
function unwrapUnit(spec: FactSpec, path: readonly string[], given: unknown, issues: InputIssue[]): unknown {
    const value = numberWithUnit(spec, given);
    if (!isPlainObject(value) || !('giá trị' in value)) return value;
    const unit = value['đơn vị'];
    if (unit !== undefined && normalizeUnit(String(unit)) !== normalizeUnit(spec.unit)) {
        const factor = spec.kind === 'percent' || (spec.kind === 'count' && spec.unit === '') ? undefined : unitConversion(String(unit), spec.unit);
        if (factor && spec.unit !== '') return new ConvertedInput(value['giá trị'], factor, normalizeUnit(String(unit)));
        const reason = unitMismatchReason(shortText(String(unit)), spec.unit);
        issues.push(
            inputIssue(
                'error',
                'unit-mismatch',
                [...path, 'đơn vị'],
                `Đơn vị «${shortText(String(unit))}» khác đơn vị khai báo của dữ kiện («${spec.unit || 'không đơn vị'}»)${reason ? `: ${reason}` : ''}.`
            )
        );
        return undefined;
    }
    return value['giá trị'];
}

/** A number, then a unit: «98%», «80,5 triệu đồng/người/năm», «3138 m» (the number as `parseNumber` reads text). */
const NUMBER_THEN_UNIT = /^(-?\d[\d.,]*)\s*([^\d\s.,+-].*)$/u;
const PLAIN_NUMBER_TEXT = /^\s*-?[\d.,]*\s*$/u;

/**
 * A text number written with its unit («98%», «80,5 triệu đồng/người/năm») is read as `{ "giá trị", "đơn vị" }`
 * would be — the unit checked, converted when of the same kind — as a spreadsheet's cell is. Facts without a
 * unit (yes/no, levels, dates) and any other text are left as they are.
 */
function numberWithUnit(spec: FactSpec, value: unknown): unknown {
    if (typeof value !== 'string' || spec.unit === '' || spec.kind === 'boolean' || spec.kind === 'level' || spec.kind === 'date') return value;
    // Most text numbers are digits and separators only («72,403»): no unit to split off.
    if (PLAIN_NUMBER_TEXT.test(value)) return value;
    const split = NUMBER_THEN_UNIT.exec(value.trim());
    return split ? { 'giá trị': split[1], 'đơn vị': split[2]!.trim() } : value;
}

/** A number read in another unit, in the fact's unit: exact; the decimals follow a power-of-ten factor. */
function converted(scalar: NumberScalar, input: ConvertedInput): NumberScalar {
    const scale = (r: Rational | undefined) => (r === undefined ? undefined : ratMul(r, input.factor));
    const power = powerOfTen(input.factor);
    const decimals = power === undefined ? scalar.decimals : Math.max(0, scalar.decimals - power);
    const written = `${scalar.isBound ? 'khoảng' : formatRat(scalar.r)} ${input.unit}`;
    return { ...scalar, r: ratMul(scalar.r, input.factor), lo: scale(scalar.lo), hi: scale(scalar.hi), decimals, written };
}

/** k for a factor 10^k (k may be negative), else undefined. */
function powerOfTen(factor: Rational): number | undefined {
    const digits = (x: bigint) => (/^10*$/.test(x.toString()) ? x.toString().length - 1 : undefined);
    const up = digits(factor.n);
    const down = digits(factor.d);
    return up === undefined || down === undefined ? undefined : up - down;
}

/** `{ "thôn": ["Thọ Am", "Nội Am"] }`: each collection's members, named once each. */
function readCollections(lists: unknown, issues: InputIssue[]): Map<string, readonly string[]> {
    const collections = new Map<string, readonly string[]>();
    if (lists === undefined || lists === null) return collections;
    if (!isPlainObject(lists)) {
        issues.push(inputIssue('error', 'invalid-list', ['danh sách'], 'Danh sách phải là { "thôn": ["tên", …] }.'));
        return collections;
    }
    for (const [key, value] of Object.entries(lists)) {
        if (!Array.isArray(value) || !value.every(v => typeof v === 'string' && v.trim() !== '')) {
            issues.push(inputIssue('error', 'invalid-list', ['danh sách', key], 'Cần một mảng tên, vd. ["Thọ Am", "Nội Am"].'));
            continue;
        }
        const names = value.map(v => canonical(v as string));
        const unique = new Set(names);
        if (unique.size < names.length) {
            const seen = new Set<string>();
            const twice = names.find(n => seen.has(n) || !seen.add(n));
            issues.push(inputIssue('error', 'invalid-list', ['danh sách', key], `«${shortText(twice ?? '')}» có hai lần trong danh sách.`));
        }
        collections.set(canonical(key), [...unique]);
    }
    return collections;
}

/** Verified and self-assessed scores by indicator label, and the verified ones given against the evidence. */
export function readScores(verified: unknown, self: unknown, againstEvidence: unknown, issues: InputIssue[]): EnteredScores {
    const numbers = (input: unknown, field: string): Map<string, Rational> => {
        const out = new Map<string, Rational>();
        if (input === undefined || input === null) return out;
        if (!isPlainObject(input)) {
            issues.push(inputIssue('error', 'invalid-score', [field], 'Cần { "mã chỉ tiêu": điểm }.'));
            return out;
        }
        for (const [label, value] of Object.entries(input)) {
            const parsed = parseNumber(value);
            if (typeof parsed === 'string') {
                issues.push(inputIssue('error', 'invalid-score', [field, label], parsed));
            } else {
                out.set(canonical(label), parsed.r);
            }
        }
        return out;
    };
    const reasons = new Map<string, string>();
    if (isPlainObject(againstEvidence)) {
        for (const [label, why] of Object.entries(againstEvidence)) reasons.set(canonical(label), String(why));
    }
    return { verified: numbers(verified, 'điểm thẩm tra'), self: numbers(self, 'điểm tự chấm'), againstEvidence: reasons };
}

/** A value per year or per member: `{ "2021": 2, "2022": 3 }`, `{ "Thọ Am": true }`. */
function readIndexedFact(
    spec: FactSpec,
    path: readonly string[],
    value: unknown,
    issues: InputIssue[],
    collections: ReadonlyMap<string, readonly string[]>
): RawFact | undefined {
    const byYear = spec.index === 'năm';
    if (!isPlainObject(value)) {
        issues.push({
            ...inputIssue('error', 'invalid-value', path, ''),
            message: byYear
                ? 'Dữ kiện theo từng năm: ghi { "2021": …, "2022": … }.'
                : `Dữ kiện theo từng ${spec.index}: ghi { "<tên ${spec.index}>": … } cho mỗi ${spec.index} trong «danh sách».`
        });
        return undefined;
    }
    const listed = collections.get(spec.index ?? '');
    const members = listed ? new Set(listed) : undefined;
    const shownList = listed ? shortText(listed.join(', ')) || 'danh sách rỗng' : '';
    const indexed = new Map<string, Scalar>();
    for (const [key, entry] of Object.entries(value)) {
        const name = canonical(key);
        const entryPath = [...path, key];
        if (byYear && !/^[0-9]{4}$/.test(name)) {
            issues.push(inputIssue('error', 'invalid-value', entryPath, `«${shortText(key)}» không phải một năm (viết 4 chữ số, vd. "2023").`));
            continue;
        }
        if (!byYear && members && !members.has(name)) {
            issues.push(inputIssue('error', 'unknown-member', entryPath, `«${shortText(key)}» không có trong danh sách ${spec.index} của xã (${shownList}).`));
            continue;
        }
        const unwrapped = unwrapUnit(spec, entryPath, entry, issues);
        if (unwrapped === null || unwrapped === undefined) continue;
        const scalar = readScalar(spec, entryPath, unwrapped, issues);
        if (scalar) indexed.set(name, scalar);
    }
    return indexed.size > 0 ? { members: new Map(), indexed } : undefined;
}

/** The members of a fact given as one value: shared, since a fact's members are never added to once read. */
const NO_MEMBERS: ReadonlyMap<string, Scalar> = new Map();

function readFact(spec: FactSpec, path: readonly string[], value: unknown, issues: InputIssue[]): RawFact | undefined {
    const isMemberObject =
        isPlainObject(value) &&
        spec.members !== undefined &&
        Object.keys(value).some(key => !BOUND_KEYS.has(canonical(key)) && canonical(key) !== CONTRADICTION_FIELD);
    if (!isMemberObject) {
        const total = readScalar(spec, path, value, issues);
        return total ? { total, members: NO_MEMBERS } : undefined;
    }
    const members = new Map<string, Scalar>();
    let total: Scalar | undefined;
    for (const [key, rawMemberValue] of Object.entries(value as Record<string, unknown>)) {
        const member = canonical(key);
        const memberPath = [...path, key];
        const memberValue = unwrapUnit(spec, memberPath, rawMemberValue, issues);
        if (memberValue === null || memberValue === undefined) {
            continue;
        }
        if (member === TOTAL_KEY) {
            total = readScalar(spec, memberPath, memberValue, issues);
        } else if (spec.members?.includes(member)) {
            const scalar = readScalar(spec, memberPath, memberValue, issues);
            if (scalar) {
                members.set(member, scalar);
            }
        } else {
            issues.push({
                ...inputIssue('error', 'unknown-member', memberPath, ''),
                message: `«${shortText(key)}» không phải một phần của phân tổ; dùng: ${[...(spec.members ?? []), TOTAL_KEY].join(', ')}.`
            });
        }
    }
    return total || members.size > 0 ? { total, members } : undefined;
}

function readScalar(spec: FactSpec, path: readonly string[], value: unknown, issues: InputIssue[]): Scalar | undefined {
    if (isPlainObject(value) && Object.keys(value).some(key => canonical(key) === CONTRADICTION_FIELD)) {
        return readContradiction(spec, path, value, issues);
    }
    return readPlainScalar(spec, path, value, issues);
}

/**
 * `{ "báo cáo mâu thuẫn": [{ "giá trị": 95, "trích": "…" }, { "giá trị": 97, "trích": "…" }] }`: each value is
 * read as the fact's own value would be (a unit, a range), each needs the quote that states it, and there must
 * be two different values at least: one value is not a contradiction (write it plainly).
 */
function readContradiction(spec: FactSpec, path: readonly string[], value: Record<string, unknown>, issues: InputIssue[]): ContradictionScalar | undefined {
    const field = Object.keys(value).find(key => canonical(key) === CONTRADICTION_FIELD)!;
    const fieldPath = [...path, field];
    const fail = (at: readonly string[], message: string): undefined => {
        issues.push(inputIssue('error', 'invalid-value', at, message));
        return undefined;
    };
    const extra = Object.keys(value).filter(key => key !== field);
    if (extra.length > 0)
        return fail(
            [...path, extra[0]!],
            `«${shortText(extra[0]!)}» không đi cùng «${CONTRADICTION_FIELD}»: mỗi giá trị báo cáo ghi trong danh sách, kèm «trích».`
        );
    const list = value[field];
    const shape = `Ghi «${CONTRADICTION_FIELD}»: [{ "giá trị": …, "trích": "câu báo cáo" }, { "giá trị": …, "trích": "…" }].`;
    if (!Array.isArray(list)) return fail(fieldPath, `Cần một danh sách các giá trị báo cáo. ${shape}`);
    const values: ReportedValue[] = [];
    let broken = false;
    list.forEach((entry, index) => {
        const at = [...fieldPath, String(index)];
        if (!isPlainObject(entry) || !('giá trị' in entry)) {
            broken = true;
            fail(at, `Mỗi giá trị báo cáo là { "giá trị": …, "trích": "…" }. ${shape}`);
            return;
        }
        const quote = entry['trích'];
        if (typeof quote !== 'string' || quote.trim() === '') {
            broken = true;
            fail([...at, 'trích'], 'Thiếu «trích»: câu của báo cáo nêu giá trị này, để người đọc kiểm lại được.');
            return;
        }
        const unknownKey = Object.keys(entry).find(key => !['giá trị', 'đơn vị', 'trích'].includes(canonical(key)));
        if (unknownKey !== undefined) {
            broken = true;
            fail([...at, unknownKey], `«${shortText(unknownKey)}» không thuộc một giá trị báo cáo (dùng «giá trị», «đơn vị», «trích»).`);
            return;
        }
        const unwrapped = unwrapUnit(spec, at, { 'giá trị': entry['giá trị'], ...('đơn vị' in entry ? { 'đơn vị': entry['đơn vị'] } : {}) }, issues);
        const scalar = unwrapped === undefined || unwrapped === null ? undefined : readPlainScalar(spec, [...at, 'giá trị'], unwrapped, issues);
        if (!scalar) {
            broken = true;
            return;
        }
        values.push({ value: scalar, quote: normalizeName(quote) });
    });
    if (broken) return undefined;
    const distinct = new Set(values.map(v => scalarKey(v.value)));
    if (values.length < 2 || distinct.size < 2) {
        return fail(
            fieldPath,
            values.length < 2
                ? `Báo cáo mâu thuẫn cần ít nhất hai giá trị khác nhau; ở đây có ${values.length}. Một giá trị thì ghi thẳng: "${path[path.length - 1] ?? ''}": <giá trị>.`
                : 'Các giá trị báo cáo đều bằng nhau: không phải mâu thuẫn. Ghi thẳng một giá trị.'
        );
    }
    return { t: 'contradiction', values };
}

/** Two reported values are the same value (a range is compared by its bounds). */
function scalarKey(s: Exclude<Scalar, ContradictionScalar>): string {
    switch (s.t) {
        case 'num':
            return s.isBound
                ? `${s.lo ? formatRat(s.lo) : ''}${s.loOpen ? '(' : '['}…${s.hi ? formatRat(s.hi) : ''}${s.hiOpen ? ')' : ']'}`
                : formatRat(s.r, 12);
        case 'bool':
            return String(s.b);
        case 'level':
            return s.name;
        case 'date':
            return s.iso;
    }
}

function readValue(spec: FactSpec, path: readonly string[], value: unknown, issues: InputIssue[]): Exclude<Scalar, ContradictionScalar> | undefined {
    const fail = (message: string): undefined => {
        issues.push(inputIssue('error', 'invalid-value', path, message));
        return undefined;
    };
    switch (spec.kind) {
        case 'boolean': {
            if (value === true || value === 'có') return { t: 'bool', b: true };
            if (value === false || value === 'không') return { t: 'bool', b: false };
            // «Có», «KHÔNG»: as a spreadsheet's cell is read, whatever the letter case (folded only when not exact).
            const word = typeof value === 'string' ? canonical(value).toLocaleLowerCase('vi') : undefined;
            if (word === 'có') return { t: 'bool', b: true };
            if (word === 'không') return { t: 'bool', b: false };
            return fail(`Cần có/không (true/false), nhận được ${show(value)}.`);
        }
        case 'level': {
            const index = typeof value === 'string' ? levelIndex(spec.levels ?? [], canonical(value)) : -1;
            if (index < 0) {
                return fail(`Cần một mức trong: ${(spec.levels ?? []).join(', ')}; nhận được ${show(value)}.`);
            }
            return { t: 'level', i: index, name: (spec.levels ?? [])[index] ?? '' };
        }
        case 'date': {
            const iso = typeof value === 'string' ? parseDate(value) : undefined;
            return iso ? { t: 'date', iso } : fail(notADateMessage(value));
        }
        default:
            return readNumberScalar(spec, value, fail);
    }
}

function readPlainScalar(spec: FactSpec, path: readonly string[], value: unknown, issues: InputIssue[]): Exclude<Scalar, ContradictionScalar> | undefined {
    if (!(value instanceof ConvertedInput)) return readValue(spec, path, value, issues);
    // Read as written (a count of 3,138 km is not refused for its decimals), checked once converted.
    const scalar = readNumberScalar({ ...spec, kind: spec.kind === 'count' ? 'quantity' : spec.kind }, value.value, message => {
        issues.push(inputIssue('error', 'invalid-value', path, message));
        return undefined;
    });
    if (!scalar) return undefined;
    const result = converted(scalar, value);
    const problem = checkRange(spec, result.r);
    if (problem) {
        issues.push(inputIssue('error', 'invalid-value', path, `${problem} (đổi từ ${result.written})`));
        return undefined;
    }
    return result;
}
