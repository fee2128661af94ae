// A fact the commune's report states two or more ways («báo cáo mâu thuẫn»): each value with its quote.

import type { FactSpec, InputIssue } from './result-types.js';
import type { ContradictionScalar, ReportedValue, Scalar } from './fact-table.js';
import { CONTRADICTION_FIELD, inputIssue } from './fact-table.js';
import { formatRat } from './exact-numbers.js';
import { normalizeName, normalizeSpacing, shortText } from './names.js';
import { isPlainObject } from './number-input.js';
import { unwrapUnit } from './unit-input.js';
import { readPlainScalar } from './scalar-input.js';

const canonical = normalizeName;

/**
 * `{ "báo cáo mâu thuẫn": [{ "giá trị": 95, "trích": "…" }, { "giá trị": 97, "trích": "…" }] }`: each value is
 * read as the fact's own value would be (a unit, a range), each needs the quote that states it, and there must
 * be two different values at least: one value is not a contradiction (write it plainly).
 */
export function readContradiction(
    spec: FactSpec,
    path: readonly string[],
    value: Record<string, unknown>,
    issues: InputIssue[]
): ContradictionScalar | undefined {
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
        values.push({ value: scalar, quote: normalizeSpacing(quote) });
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
