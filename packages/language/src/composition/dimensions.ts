import type { Table, TableKey } from '../generated/ast.js';
import { isGroupKey, isRegionKey, isYearKey } from '../generated/ast.js';

/** The seven socio-economic regions of 318/QĐ-TTg, in the decision's column order. */
export const REGIONS: ReadonlyMap<string, string> = new Map([
    ['TDMNPB', 'Trung du và miền núi phía Bắc'],
    ['ĐBSH', 'Đồng bằng sông Hồng'],
    ['BTB', 'Bắc Trung Bộ'],
    ['DHNTB', 'Duyên hải Nam Trung Bộ'],
    ['TN', 'Tây Nguyên'],
    ['ĐNB', 'Đông Nam Bộ'],
    ['ĐBSCL', 'Đồng bằng sông Cửu Long']
]);

/** Commune groups of 51/2025/QĐ-TTg. */
export const COMMUNE_GROUPS: readonly number[] = [1, 2, 3];

export type Dimension = 'vùng' | 'nhóm' | 'năm';

/** A region code as written (any case, NFC or NFD, «Đ» or «D») to its canonical code, if it is one. */
export function canonicalRegion(text: string): string | undefined {
    const folded = fold(text);
    for (const code of REGIONS.keys()) {
        if (fold(code) === folded) return code;
    }
    return undefined;
}

function fold(text: string): string {
    return text.normalize('NFC').trim().toUpperCase().replace(/Đ/g, 'D');
}

export function dimensionOfKey(key: TableKey): Dimension {
    if (isRegionKey(key)) return 'vùng';
    if (isGroupKey(key)) return 'nhóm';
    return 'năm';
}

/** The values one key of a row stands for. */
export function keyValues(key: TableKey): string[] {
    if (isRegionKey(key)) {
        const code = canonicalRegion(key.region ?? '');
        return code ? [code] : [];
    }
    if (isGroupKey(key)) return [String(key.group)];
    if (isYearKey(key)) {
        const from = Number(key.from);
        const to = key.to === undefined ? from : Number(key.to);
        if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from > 200) return [];
        return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    }
    return [];
}

export function tableDimensions(table: Table): Dimension[] {
    return table.dimensions.filter((d): d is Dimension => d === 'vùng' || d === 'nhóm' || d === 'năm');
}

/** The domain of each dimension; years are those of the pack's validity (or as far as the table goes). */
export function dimensionDomain(dimension: Dimension, years: readonly number[]): string[] {
    switch (dimension) {
        case 'vùng': return [...REGIONS.keys()];
        case 'nhóm': return COMMUNE_GROUPS.map(String);
        case 'năm': return years.map(String);
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
