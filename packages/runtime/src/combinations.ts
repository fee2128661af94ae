// Requirements made of parts: `tất cả`, `một trong`, `ít nhất N trong { … }` and a rule for each member of a
// breakdown. A combination's verdict comes from its parts'; its explanation, provenance, clauses and missing
// facts are theirs, gathered in one pass.

import type { Cond } from './conditions.js';
import type { ClauseView, ComputedValue, FactUse, Gap, UnknownThresholdUse, Verdict } from './result-types.js';
import type { Val } from './values.js';
import { VERDICT_WORD, atLeastUnknown, combineAll, withUnknownCount } from './conditions.js';
import { NO_ITEMS, unique, uniqueUses } from './provenance.js';

function combineAny(verdicts: readonly Verdict[]): Verdict {
    if (verdicts.includes('đạt')) return 'đạt';
    if (verdicts.includes('thiếu dữ liệu')) return 'thiếu dữ liệu';
    if (verdicts.length > 0 && verdicts.every(v => v === 'không áp dụng')) return 'không áp dụng';
    return 'chưa đạt';
}

/**
 * A condition of its parts, with their lists gathered once each. `members`, when given, names the member each
 * part was checked for (`forEachMember`): its explanation lines and clauses are tagged with it.
 */
export function combine(verdict: Verdict, parts: readonly Cond[], extraLine?: string, members?: readonly string[], decisive?: (part: Cond) => boolean): Cond {
    const missingData = verdict === 'thiếu dữ liệu';
    const lines: Gathered<string> = {};
    const missing: Gathered<string> = {};
    const missingThresholds: Gathered<string> = {};
    const uses: Gathered<FactUse> = {};
    const unverified: Gathered<string> = {};
    const inconsistent: Gathered<string> = {};
    const notApplicableReasons: Gathered<string> = {};
    const thresholds: Gathered<string> = {};
    const clauses: Gathered<ClauseView> = {};
    const unknowns: Gathered<UnknownThresholdUse> = {};
    const failingYears: Gathered<number> = {};
    const openYears: Gathered<number> = {};
    const failingUnits: Gathered<string> = {};
    let gap: Gap | undefined;
    let value: ComputedValue | undefined;
    // One pass over the parts, gathering each list (this runs for every `tất cả`/`một trong` of every commune).
    for (let p = 0; p < parts.length; p++) {
        const part = parts[p]!;
        const member = members?.[p];
        gather(lines, member === undefined ? part.lines : taggedLines(part.lines, member));
        // The table view (clauses, thresholds applied) shows what decided; the explanation keeps every part.
        const shown = decisive === undefined || decisive(part);
        if (shown) gather(clauses, member === undefined ? part.clauses : taggedClauses(part.clauses, member));
        if (missingData) {
            gather(missing, part.missing);
            gather(missingThresholds, part.missingThresholds);
        }
        gather(uses, part.uses);
        gather(unverified, part.unverified);
        gather(inconsistent, part.inconsistent);
        gather(notApplicableReasons, part.notApplicableReasons);
        if (shown) gather(thresholds, part.thresholds);
        gather(unknowns, part.unknowns);
        gather(failingYears, part.failingYears);
        gather(openYears, part.openYears);
        gather(failingUnits, part.failingUnits);
        if (gap === undefined && part.verdict === 'chưa đạt' && part.gap) gap = part.gap;
        if (value === undefined && part.value) value = part.value;
    }
    const joinedLines = gathered(lines);
    return {
        verdict,
        lines: extraLine ? [...joinedLines, extraLine] : joinedLines,
        missing: missingData ? gathered(missing, uniqueStrings) : NO_ITEMS,
        missingThresholds: missingData ? gathered(missingThresholds, uniqueStrings) : NO_ITEMS,
        uses: gathered(uses, uniqueUses),
        unverified: gathered(unverified, uniqueStrings),
        inconsistent: gathered(inconsistent, uniqueStrings),
        notApplicableReasons: gathered(notApplicableReasons, uniqueStrings),
        gap: verdict === 'chưa đạt' ? gap : undefined,
        value,
        thresholds: gathered(thresholds),
        clauses: gathered(clauses),
        unknowns: gathered(unknowns),
        failingYears: sortedSet(gathered(failingYears)),
        openYears: sortedSet(gathered(openYears)),
        failingUnits: distinct(gathered(failingUnits))
    };
}

function distinct<T>(items: readonly T[]): readonly T[] {
    return items.length < 2 ? items : [...new Set(items)];
}

const uniqueStrings = (all: readonly string[]): readonly string[] => unique(all, s => s);

/**
 * One list of a condition gathered over its parts. When a single part has any items (the usual case), its
 * list is kept as it is: a part's lists are already without repeats, and never written to.
 */
interface Gathered<T> {
    only?: readonly T[];
    all?: T[];
}

function gather<T>(into: Gathered<T>, items: readonly T[] | undefined): void {
    if (items === undefined || items.length === 0) return;
    if (into.all !== undefined) for (const item of items) into.all.push(item);
    else if (into.only !== undefined) into.all = [...into.only, ...items];
    else into.only = items;
}

/** The gathered list; several parts' lists joined are deduplicated by `dedupe` when given. */
function gathered<T>(list: Gathered<T>, dedupe?: (all: readonly T[]) => readonly T[]): readonly T[] {
    if (list.all !== undefined) return dedupe ? dedupe(list.all) : list.all;
    return list.only ?? NO_ITEMS;
}

function sortedSet<T>(items: readonly T[]): readonly T[] {
    return items.length === 0 ? NO_ITEMS : [...new Set(items)].sort();
}

export function all(parts: readonly Cond[]): Cond {
    return combine(combineAll(parts.map(p => p.verdict)), parts);
}

/**
 * `một trong` / `hoặc`: met when one part is met. Then the thresholds applied and the clauses shown are those
 * of the parts met («<= 3 trường; >= 50 %» for a commune of three schools), not of the branches that did not
 * apply; the explanation still says every part.
 */
export function any(parts: readonly Cond[]): Cond {
    const verdict = combineAny(parts.map(p => p.verdict));
    return combine(verdict, parts, undefined, undefined, verdict === 'đạt' ? part => part.verdict === 'đạt' : undefined);
}

/** `ít nhất N trong { … }`, or `ít nhất chưa biết trong { … }`. */
export function atLeast(count: number | Val, parts: readonly Cond[]): Cond {
    const met = parts.filter(p => p.verdict === 'đạt').length;
    const open = parts.filter(p => p.verdict === 'thiếu dữ liệu').length;
    if (typeof count !== 'number') {
        if (count.k !== 'num' || !count.unknown) throw new TypeError('ít nhất: cần một số hoặc «chưa biết»');
        const decided = atLeastUnknown('điều kiện', met, open, parts.length, count);
        return withUnknownCount(combine(decided.verdict, parts, decided.line), count, decided);
    }
    const verdict: Verdict = met >= count ? 'đạt' : met + open >= count ? 'thiếu dữ liệu' : 'chưa đạt';
    return combine(verdict, parts, `Đạt ${met}/${parts.length} điều kiện, yêu cầu ít nhất ${count} → ${VERDICT_WORD[verdict]}.`);
}

/** A rule that must hold for each part of a breakdown ("áp dụng đạt cho cả nam và nữ"). */
export function forEachMember(members: readonly string[], check: (member: string) => Cond): Cond {
    const parts = members.map(check);
    return combine(combineAll(parts.map(p => p.verdict)), parts, undefined, members);
}

/** A part's explanation lines, each saying which member or year it was checked for: «[nữ] …», «[năm 2023] …». */
export function taggedLines(lines: readonly string[], tag: string): readonly string[] {
    return lines.map(line => `[${tag}] ${line}`);
}

/** A part's clauses with the member or year they were checked for («nữ», «năm 2023, thôn Thọ Am»). */
export function taggedClauses(clauses: readonly ClauseView[] | undefined, tag: string): readonly ClauseView[] | undefined {
    return clauses?.map(c => ({ ...c, tag: c.tag ? `${tag}, ${c.tag}` : tag }));
}
