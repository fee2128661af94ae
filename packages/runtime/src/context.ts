// The commune's context at run time: the region that applies (after rules such as 318/QĐ-TTg Điều 1), the
// commune group, the year; and reference tables looked up by them.

import type { EvaluateOptions, InputIssue } from './result-types.js';
import type { EvalContext, FactTable } from './fact-table.js';
import type { Cond } from './conditions.js';
import type { Val } from './values.js';
import { showVal } from './values.js';
import { checkFactDates } from './fact-input.js';
import { inputIssue } from './fact-table.js';
import { groupCode, regionCode, unknownGroupMessage, unknownRegionMessage } from './places.js';

const OWN_REGION_MISSING = 'vùng của xã (thuộc tính «vùng»)';

export interface RegionRuleMeta {
    readonly region: string;
    readonly rule: string;
    readonly citation: string;
}

/**
 * Reads region and group from the options (reporting bad values as input errors) and applies the pack's
 * region rules in order: the first that holds decides the region applied.
 */
export function communeContext(
    options: EvaluateOptions,
    assessedAt: string,
    table: FactTable,
    rules: readonly (readonly [RegionRuleMeta, (t: FactTable) => Cond])[]
): EvalContext {
    const issues: InputIssue[] = table.issues;
    let own: string | undefined;
    if (options.vùng !== undefined && options.vùng !== null && options.vùng !== '') {
        own = regionCode(String(options.vùng));
        if (!own) {
            issues.push(inputIssue('error', 'unknown-region', ['thuộc tính', 'vùng'], unknownRegionMessage(String(options.vùng))));
        }
    }
    let group: string | undefined;
    if (options.nhóm !== undefined && options.nhóm !== null && options.nhóm !== '') {
        group = groupCode(options.nhóm);
        if (group === undefined) {
            issues.push(inputIssue('error', 'unknown-group', ['thuộc tính', 'nhóm'], unknownGroupMessage(String(options.nhóm).trim())));
        }
    }
    // Here because this is where the facts first meet the assessment date.
    checkFactDates(table, assessedAt);
    const year = Number(assessedAt.slice(0, 4));
    const missing: string[] = [];
    for (const [meta, condition] of rules) {
        const result = condition(table);
        if (result.verdict === 'đạt') {
            return { region: meta.region, regionNote: `áp dụng vùng ${meta.region} theo ${meta.citation} vì ${meta.rule}`, regionMissing: [], group, year };
        }
        if (result.verdict === 'thiếu dữ liệu' && own !== meta.region) {
            missing.push(...result.missing);
        }
    }
    if (missing.length > 0) {
        // Should no rule hold, the region applied is the commune's own: name it too when it is not given.
        if (!own) missing.push(OWN_REGION_MISSING);
        return { region: undefined, regionNote: `chưa xác định được vùng áp dụng: thiếu ${missing.join('; ')}`, regionMissing: missing, group, year };
    }
    return { region: own, regionNote: own ? `vùng của xã: ${own}` : undefined, regionMissing: own ? [] : [OWN_REGION_MISSING], group, year };
}

export interface TableMeta {
    readonly name: string;
    readonly dimensions: readonly ('vùng' | 'nhóm' | 'năm')[];
    readonly cells: Readonly<Record<string, () => Val>>;
    readonly rest?: () => Val;
}

/** The cell of a reference table for this commune: missing context is «thiếu dữ liệu», never a guess. */
export function tableValue(meta: TableMeta, t: FactTable): Val {
    const ctx = t.ctx;
    const none = { uses: [], unverified: [], inconsistent: [] };
    if (!ctx)
        return { k: 'missing', names: [`bảng «${meta.name}»: chưa có thông tin về xã`], why: `theo bảng «${meta.name}»; chưa có thông tin về xã`, ...none };
    const parts: string[] = [];
    const shown: string[] = [];
    for (const dimension of meta.dimensions) {
        if (dimension === 'vùng') {
            if (!ctx.region) {
                const why =
                    ctx.regionMissing.includes(OWN_REGION_MISSING) || ctx.regionMissing.length === 0
                        ? 'theo vùng; chưa biết vùng của xã'
                        : 'theo vùng; chưa xác định được vùng áp dụng';
                return { k: 'missing', names: ctx.regionMissing.length > 0 ? [...ctx.regionMissing] : ['vùng của xã'], why, ...none };
            }
            parts.push(ctx.region);
            shown.push(`vùng ${ctx.region}`);
        } else if (dimension === 'nhóm') {
            if (!ctx.group) return { k: 'missing', names: ['nhóm xã (thuộc tính «nhóm»: 1, 2 hoặc 3)'], why: 'theo nhóm; chưa biết nhóm của xã', ...none };
            parts.push(ctx.group);
            shown.push(`nhóm ${ctx.group}`);
        } else {
            parts.push(String(ctx.year));
            shown.push(`năm ${ctx.year}`);
        }
    }
    const cell = meta.cells[parts.join('|')] ?? meta.rest;
    if (!cell) {
        return {
            k: 'missing',
            names: [`bảng «${meta.name}» không có giá trị cho ${shown.join(', ')}`],
            why: `bảng «${meta.name}» không có giá trị cho ${shown.join(', ')}`,
            ...none
        };
    }
    const value = cell();
    const where = `bảng «${meta.name}», ${shown.join(', ')}${ctx.regionNote && meta.dimensions.includes('vùng') ? ` (${ctx.regionNote})` : ''}`;
    return { ...value, uses: [...value.uses, { fact: where, text: showValForTable(value) }] };
}

function showValForTable(v: Val): string {
    return v.k === 'na' ? `không áp dụng (${v.reason})` : showVal(v);
}
