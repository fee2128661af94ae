// A breakdown's parts against its total («nam», «nữ» and «tổng» of a count): a phân tổ splits the total into
// groups that do not overlap, so given parts that add up to more than the total, or all parts that do not add
// up to it, are a typing slip or a report at odds with itself. A warning: the verdicts stand on what was given.

import type { Rational } from './exact-numbers.js';
import type { FactSpec, InputIssue } from './result-types.js';
import { formatRat, rat, ratAdd, ratCmp } from './exact-numbers.js';
import { unitText } from './values.js';
import { inputIssue } from './fact-table.js';
import { shortText } from './names.js';

/**
 * Whether a fact's parts add up to its total: a count, a length, an area or an amount of money split by a
 * phân tổ. A percentage, or a figure per person or per year (a unit with «/»), does not add up.
 */
export function partsAddUp(spec: FactSpec): boolean {
    return spec.members !== undefined && (spec.kind === 'count' || spec.kind === 'quantity' || spec.kind === 'money') && !spec.unit.includes('/');
}

/**
 * The warning when the parts given disagree with the total (undefined when they agree, or cannot be told to
 * disagree: some parts missing and the rest within the total). `path` is where the total is written.
 */
export function partsTotalIssue(
    spec: FactSpec,
    path: readonly string[],
    total: Rational,
    parts: readonly (readonly [string, Rational])[]
): InputIssue | undefined {
    if (parts.length === 0) return undefined;
    let sum = rat(0n);
    for (const [, value] of parts) sum = ratAdd(sum, value);
    const order = ratCmp(sum, total);
    const all = parts.length === (spec.members?.length ?? 0);
    if (order === 0 || (order < 0 && !all)) return undefined;
    const unit = unitText(spec.unit);
    const given = parts.map(([member, value]) => `${member} ${formatRat(value)}`).join(' + ');
    const added = parts.length > 1 ? `${given} = ${formatRat(sum)}${unit}` : `${given}${unit}`;
    const what = order > 0 ? `lớn hơn «tổng» ${formatRat(total)}${unit}` : `khác «tổng» ${formatRat(total)}${unit}`;
    return inputIssue(
        'warning',
        'parts-total-mismatch',
        path,
        `Dữ kiện «${shortText(spec.name)}»: ${added}, ${what} (phân tổ gồm ${spec.members!.join(', ')}). Kiểm tra lại số liệu; máy vẫn đánh giá theo các số đã ghi.`
    );
}
