// Rules over a window of years and over the members of a collection (thôn, trường).

import type { Verdict } from './result-types.js';
import type { FactTable } from './fact-table.js';
import type { Cond } from './conditions.js';
import type { Val } from './values.js';
import { showVal } from './values.js';
import { atLeastUnknown, combineAll, withUnknownCount } from './conditions.js';
import { combine, taggedClauses, taggedLines } from './combinations.js';

/** An `ít nhất` count: a number, or an unknown threshold (`chưa biết`) the quantifier decides against. */
type Count = number | Val;

function unknownCount(count: Count | undefined): (Val & { readonly k: 'num' }) | undefined {
    return typeof count === 'object' && count.k === 'num' && count.unknown ? count : undefined;
}

function tagged(part: Cond, tag: string): Cond {
    return {
        ...part,
        lines: taggedLines(part.lines, tag),
        ...(part.gap ? { gap: { ...part.gap, text: `${tag}: ${part.gap.text}` } } : {}),
        clauses: taggedClauses(part.clauses, tag) ?? []
    };
}

/**
 * `mỗi năm trong N năm { … }` / `ít nhất k năm trong N năm { … }`: the window ends with the year of
 * assessment (or the year before, `trước năm xét`); each year is checked with yearly facts read for it.
 */
export function yearWindow(t: FactTable, count: Count | undefined, window: number, beforeAssessment: boolean, body: (t: FactTable) => Cond): Cond {
    const unknown = unknownCount(count);
    const atLeast = typeof count === 'number' ? count : unknown ? 0 : undefined;
    const end = (t.ctx?.year ?? 0) - (beforeAssessment ? 1 : 0);
    const years = Array.from({ length: window }, (_, i) => end - window + 1 + i);
    const parts = years.map(year => tagged(body({ ...t, cursorYear: year }), `năm ${year}`));
    const met = parts.filter(p => p.verdict === 'đạt').length;
    const open = parts.filter(p => p.verdict === 'thiếu dữ liệu').length;
    const failing = years.filter((_, i) => parts[i]!.verdict === 'chưa đạt');
    const need = atLeast ?? window;
    const decided = unknown ? atLeastUnknown(`năm trong ${window} năm`, met, open, window, unknown) : undefined;
    const verdict: Verdict = decided
        ? decided.verdict
        : atLeast === undefined
          ? combineAll(parts.map(p => p.verdict))
          : met >= need
            ? 'đạt'
            : met + open >= need
              ? 'thiếu dữ liệu'
              : 'chưa đạt';
    const what = atLeast === undefined ? `mỗi năm trong ${window} năm` : `ít nhất ${unknown ? showVal(unknown) : atLeast} năm trong ${window} năm`;
    const line =
        `${what} (${years[0]}–${years[years.length - 1]}): đạt ${met}/${window} năm` +
        (failing.length > 0 ? `, không đạt năm ${failing.join(', ')}` : '') +
        (decided ? `; ${decided.reason}` : '') +
        ` → ${verdict}.`;
    const combined = combine(verdict, parts, line);
    const result = decided && unknown ? withUnknownCount(combined, unknown, decided) : combined;
    // No single year's value stands for the window: the facts used list every year. A met «ít nhất k năm»
    // window has no failing year (its other years are allowed to miss), so it adds nothing to deductions.
    const met_ = atLeast !== undefined && verdict === 'đạt';
    const failingYears = met_ ? [] : failing;
    const openYears = met_ ? [] : years.filter((_, i) => parts[i]!.verdict === 'thiếu dữ liệu');
    return { ...result, value: undefined, thresholds: [...new Set(result.thresholds)], failingYears, openYears };
}

/**
 * `mọi thôn { … }`, `ít nhất k thôn { … }`, `ít nhất p% thôn { … }` over the members the commune file lists;
 * each member is checked with its own facts. An empty list makes «mọi» not applicable, never vacuously met.
 */
export function unitQuantifier(t: FactTable, collection: string, count: Count | undefined, percent: boolean, body: (t: FactTable) => Cond): Cond {
    const unknown = unknownCount(count);
    const atLeast = typeof count === 'number' ? count : unknown ? 0 : undefined;
    const members = t.collections?.get(collection);
    const none = { uses: [], unverified: [], inconsistent: [], notApplicableReasons: [], thresholds: [] };
    if (!members) {
        const missing = [`danh sách ${collection} của xã (trường «danh sách»)`];
        return { verdict: 'thiếu dữ liệu', missing, lines: [`Thiếu danh sách ${collection} của xã.`], ...none };
    }
    if (members.length === 0) {
        return {
            verdict: 'không áp dụng',
            missing: [],
            lines: [`Xã không có ${collection} nào.`],
            ...none,
            notApplicableReasons: [`xã không có ${collection} nào`]
        };
    }
    const parts = members.map(member => tagged(body({ ...t, cursorUnits: { ...t.cursorUnits, [collection]: member } }), `${collection} ${member}`));
    const met = parts.filter(p => p.verdict === 'đạt').length;
    const open = parts.filter(p => p.verdict === 'thiếu dữ liệu').length;
    const applicable = parts.filter(p => p.verdict !== 'không áp dụng').length;
    const need = atLeast === undefined ? applicable : percent ? Math.ceil((atLeast * applicable) / 100) : atLeast;
    const decided = unknown && applicable > 0 ? atLeastUnknown(collection, met, open, applicable, unknown) : undefined;
    const verdict: Verdict =
        applicable === 0 ? 'không áp dụng' : decided ? decided.verdict : met >= need ? 'đạt' : met + open >= need ? 'thiếu dữ liệu' : 'chưa đạt';
    const failing = members.filter((_, i) => parts[i]!.verdict === 'chưa đạt');
    const required =
        atLeast === undefined
            ? `mọi ${collection}`
            : unknown
              ? `ít nhất ${showVal(unknown)} ${collection}`
              : percent
                ? `ít nhất ${atLeast}% ${collection} (${need}/${applicable})`
                : `ít nhất ${atLeast} ${collection}`;
    const line =
        `${met}/${applicable} ${collection} đạt, yêu cầu ${required}` +
        (failing.length > 0 ? `; chưa đạt: ${failing.join(', ')}` : '') +
        (decided ? `; ${decided.reason}` : '') +
        ` → ${verdict}.`;
    const combined = combine(verdict, parts, line);
    const result = decided && unknown ? withUnknownCount(combined, unknown, decided) : combined;
    // One clause for the whole collection: «5/7 thôn đạt» beside «ít nhất 70% thôn (5/7): có».
    const inner = [...new Set(result.thresholds)];
    const clauses = [{ value: `${met}/${applicable} ${collection} đạt`, requirement: `${required}${inner.length > 0 ? `: ${inner.join('; ')}` : ''}` }];
    return { ...result, value: undefined, thresholds: inner, clauses, failingUnits: failing };
}
