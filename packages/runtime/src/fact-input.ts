// Reading and checking a commune's facts at run time: a consumer may pass anything.

import type { FactSpec, InputIssue } from './result-types.js';
import type { FactTable, RawFact, Scalar } from './fact-table.js';
import { CONTRADICTION_FIELD, FACTS_FIELD, inputIssue } from './fact-table.js';
import { parseDate } from './dates.js';
import { closestNames, foldDiacritics, normalizeName, normalizeSpacing, shortText } from './names.js';
import { BOUND_KEYS, isPlainObject } from './number-input.js';
import { unwrapUnit } from './unit-input.js';
import { notADateMessage, readPlainScalar } from './scalar-input.js';
import { readContradiction } from './contradiction-input.js';
import { readCollections } from './collections-and-scores.js';
import { partsAddUp, partsTotalIssue } from './breakdown-totals.js';
import type { Rational } from './exact-numbers.js';

const TOTAL_KEY = 'tổng';
const canonical = normalizeName;

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
    // Keys that read as one name («x» in NFC and in NFD, «x » with a blank) are one fact written twice:
    // whichever came last would otherwise decide, by the order of the keys.
    const written = new Map<string, string>();
    for (const key in input) {
        if (!Object.hasOwn(input, key)) continue;
        const value = input[key];
        const name = canonical(key);
        const earlier = written.get(name);
        if (earlier !== undefined) {
            issues.push(inputIssue('error', 'duplicate-fact', [FACTS_FIELD, key], twiceMessage(name, earlier, key)));
            continue;
        }
        written.set(name, key);
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

/** Inside one fact (its parts, years or members): true, and an error, for a key that reads as one before it. */
function onceEach(path: readonly string[], issues: InputIssue[]): (name: string, key: string) => boolean {
    const written = new Map<string, string>();
    return (name, key) => {
        const earlier = written.get(name);
        if (earlier === undefined) {
            written.set(name, key);
            return false;
        }
        issues.push(inputIssue('error', 'duplicate-fact', [...path, key], twiceMessage(name, earlier, key)));
        return true;
    };
}

/** Two keys that read as the same name: said with what tells them apart, which the eye does not see. */
function twiceMessage(name: string, first: string, second: string): string {
    const why =
        first.normalize('NFC') === second.normalize('NFC')
            ? 'hai dạng Unicode của cùng chữ'
            : normalizeSpacing(first) === normalizeSpacing(second)
              ? 'khác nhau ở dấu cách'
              : 'khác nhau ở chỗ đặt dấu thanh, như «hoá» và «hóa»';
    return `Dữ kiện «${shortText(name)}» được ghi hai lần (${why}, đọc ra cùng một tên): chỉ ghi một lần.`;
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
    const twice = onceEach(path, issues);
    for (const [key, entry] of Object.entries(value)) {
        const name = canonical(key);
        const entryPath = [...path, key];
        if (twice(name, key)) continue;
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
    let totalKey = TOTAL_KEY;
    const twice = onceEach(path, issues);
    for (const [key, rawMemberValue] of Object.entries(value as Record<string, unknown>)) {
        const member = canonical(key);
        const memberPath = [...path, key];
        if (twice(member, key)) continue;
        const memberValue = unwrapUnit(spec, memberPath, rawMemberValue, issues);
        if (memberValue === null || memberValue === undefined) {
            continue;
        }
        if (member === TOTAL_KEY) {
            total = readScalar(spec, memberPath, memberValue, issues);
            totalKey = key;
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
    if (total?.t === 'num' && !total.isBound && partsAddUp(spec)) {
        const parts = plainParts(spec, members);
        const mismatch = parts && partsTotalIssue(spec, [...path, totalKey], total.r, parts);
        if (mismatch) issues.push(mismatch);
    }
    return total || members.size > 0 ? { total, members } : undefined;
}

/** The parts given as plain numbers, in the phân tổ's order; undefined when one is a range or a report's contradiction. */
function plainParts(spec: FactSpec, members: ReadonlyMap<string, Scalar>): [string, Rational][] | undefined {
    const parts: [string, Rational][] = [];
    for (const member of spec.members ?? []) {
        const scalar = members.get(member);
        if (scalar === undefined) continue;
        if (scalar.t !== 'num' || scalar.isBound) return undefined;
        parts.push([member, scalar.r]);
    }
    return parts;
}

function readScalar(spec: FactSpec, path: readonly string[], value: unknown, issues: InputIssue[]): Scalar | undefined {
    if (isPlainObject(value) && Object.keys(value).some(key => canonical(key) === CONTRADICTION_FIELD)) {
        return readContradiction(spec, path, value, issues);
    }
    return readPlainScalar(spec, path, value, issues);
}
