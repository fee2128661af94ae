import type { Table, TableKey } from '../generated/ast.js';
import { isGroupKey, isRegionKey, isYearKey } from '../generated/ast.js';

import { COMMUNE_GROUPS, REGIONS as REGION_TABLE, regionCode } from '@ntm/runtime';
import { normalizeName } from '../util/vietnamese-text.js';

export { COMMUNE_GROUPS };

/** The seven socio-economic regions of 318/QĐ-TTg, code → name (the runtime's table). */
export const REGIONS: ReadonlyMap<string, string> = new Map(REGION_TABLE);

export type Dimension = 'vùng' | 'nhóm' | 'năm';

/** A region code as written (any case, NFC or NFD, «Đ» or «D») to its canonical code, if it is one. */
export const canonicalRegion = regionCode;

export function dimensionOfKey(key: TableKey): Dimension {
    if (isRegionKey(key)) return 'vùng';
    if (isGroupKey(key)) return 'nhóm';
    return 'năm';
}

/** The most years one table row may span, and the most a table's years may reach beyond the pack's start. */
export const MAX_YEAR_SPAN = 200;

/** A year as a table row names it: four digits (a long number there is a typing slip, not a year). */
function isYear(value: number): boolean {
    return Number.isInteger(value) && value >= 1000 && value <= 9999;
}

/** The values one key of a row stands for. */
export function keyValues(key: TableKey): string[] {
    if (isRegionKey(key)) {
        const code = canonicalRegion(key.region ?? '');
        return code ? [code] : [];
    }
    if (isGroupKey(key)) return key.group === undefined ? [] : [String(key.group)];
    if (isYearKey(key)) {
        const from = Number(key.from);
        const to = key.to === undefined ? from : Number(key.to);
        if (!isYear(from) || !isYear(to) || to < from || to - from > MAX_YEAR_SPAN) return [];
        return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    }
    return [];
}

/** The table's dimensions; each is a keyword as written, so it is read in NFC whatever form it was typed in. */
export function tableDimensions(table: Table): Dimension[] {
    return table.dimensions.map(d => normalizeName(d)).filter((d): d is Dimension => d === 'vùng' || d === 'nhóm' || d === 'năm');
}

/** The domain of each dimension; years are those of the pack's validity (or as far as the table goes). */
export function dimensionDomain(dimension: Dimension, years: readonly number[]): string[] {
    switch (dimension) {
        case 'vùng':
            return [...REGIONS.keys()];
        case 'nhóm':
            return COMMUNE_GROUPS.map(String);
        case 'năm':
            return years.map(String);
    }
}

/** All cell keys, `TDMNPB|2023`, in the table's dimension order. */
export function cellKeys(dimensions: readonly Dimension[], years: readonly number[]): string[] {
    let keys: string[][] = [[]];
    for (const dimension of dimensions) {
        keys = keys.flatMap(prefix => dimensionDomain(dimension, years).map(value => [...prefix, value]));
    }
    return keys.map(parts => parts.join('|'));
}

/** Human text of a cell key: `vùng TDMNPB, năm 2023`. */
export function describeCell(dimensions: readonly Dimension[], key: string): string {
    const parts = key.split('|');
    return dimensions.map((d, i) => `${d} ${parts[i] ?? '?'}`).join(', ');
}
