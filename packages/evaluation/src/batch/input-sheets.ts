import type { FactSpec, PackInfo } from '@ntm/language';
import { parseDate } from '@ntm/runtime';
import type { CommuneData } from '../commune/commune-data.js';
import { describeFact } from '../commune/commune-template.js';
import { communeNumberText, decimalOfDouble } from './decimals.js';

export type InputValue = string | number | boolean | Date | null;

/** A column of the input workbook: its header, and what the template tells and checks about it. */
export interface InputColumn {
    readonly header: string;
    /** The header cell's comment: type, unit, description. */
    readonly note?: string;
    /** The values a validation list offers (levels, có/không). */
    readonly list?: readonly string[];
    readonly format?: 'date' | 'text';
    readonly width: number;
}

export interface InputSheet {
    readonly name: string;
    readonly columns: readonly InputColumn[];
    readonly rows: readonly (readonly InputValue[])[];
}

export const COMMUNES_SHEET = 'Xã';
const YES_NO = ['có', 'không'];

const FIELD_COLUMNS: readonly InputColumn[] = [
    { header: 'xã', note: 'Tên xã (bắt buộc).', width: 20 },
    { header: 'huyện', width: 16 },
    { header: 'tỉnh', width: 14 },
    { header: 'cấp', note: 'Cấp được xét, vd. «xã nông thôn mới nâng cao». Cần khi chọn bộ tiêu chí trong một thư mục.', width: 16 },
    { header: 'ngày đánh giá', note: 'Thời điểm xét: ô định dạng ngày, hoặc gõ dd/mm/yyyy. Máy không bao giờ lấy «hôm nay».', format: 'date', width: 14 },
    { header: 'vùng', note: 'Một trong: TDMNPB, ĐBSH, BTB, DHNTB, TN, ĐNB, ĐBSCL (cho các ngưỡng theo vùng).', list: ['TDMNPB', 'ĐBSH', 'BTB', 'DHNTB', 'TN', 'ĐNB', 'ĐBSCL'], width: 10 },
    { header: 'nhóm', note: 'Nhóm xã 1, 2 hoặc 3 (51/2025/QĐ-TTg), cho các ngưỡng theo nhóm.', list: ['1', '2', '3'], width: 8 },
    { header: 'nguồn', note: 'Văn bản lấy số liệu.', width: 30 }
];

/**
 * The input workbook for a pack: the communes sheet (fixed fields, then one column per fact — a column per
 * breakdown member and per year where the fact has them), and a sheet per collection («thôn») for facts
 * kept per member. With communes, their rows (how the samples become a workbook); without, the blank
 * template. Derived facts get a column too: a figure the report already gives is checked against the computed one.
 */
export function inputSheets(specs: readonly FactSpec[], pack: PackInfo, communes: readonly CommuneData[] = []): InputSheet[] {
    const used = specs.filter(spec => !spec.unused);
    const years = yearsOf(pack, communes);
    const factColumns: { column: InputColumn; value: (data: CommuneData) => InputValue }[] = [];
    for (const spec of used.filter(s => !s.index || s.index === 'năm')) {
        const keys = spec.index === 'năm' ? years : [undefined, ...(spec.members ?? [])];
        for (const key of keys) {
            factColumns.push({
                column: factColumn(spec, key),
                value: data => {
                    const raw = data['dữ kiện']?.[spec.name];
                    if (key === undefined) return isMemberObject(raw, spec) ? cellOf((raw as Record<string, unknown>)['tổng']) : cellOf(raw);
                    return isMemberObject(raw, spec) || spec.index === 'năm' ? cellOf((raw as Record<string, unknown> | undefined)?.[key]) : null;
                }
            });
        }
    }
    const scoreKeys = (field: 'điểm thẩm tra' | 'điểm tự chấm' | 'điểm trái số liệu' | 'thuộc tính') =>
        [...new Set(communes.flatMap(c => Object.keys((c[field] ?? {}) as Record<string, unknown>)))].filter(k => field !== 'thuộc tính' || (k !== 'vùng' && k !== 'nhóm'));
    const keyedColumns = (['thuộc tính', 'điểm thẩm tra', 'điểm tự chấm', 'điểm trái số liệu'] as const).flatMap(field =>
        scoreKeys(field).map(key => ({
            column: { header: `${field} [${key}]`, width: 14 } as InputColumn,
            value: (data: CommuneData) => cellOf(((data[field] ?? {}) as Record<string, unknown>)[key])
        })));
    const fieldValue = (data: CommuneData, header: string): InputValue => {
        if (header === 'vùng' || header === 'nhóm') return cellOf(data['thuộc tính']?.[header]);
        if (header === 'ngày đánh giá') {
            const iso = parseDate(data['ngày đánh giá']);
            return iso ? new Date(`${iso}T00:00:00Z`) : data['ngày đánh giá'];
        }
        return cellOf((data as unknown as Record<string, unknown>)[header]);
    };
    const communesSheet: InputSheet = {
        name: COMMUNES_SHEET,
        columns: [...FIELD_COLUMNS, ...factColumns.map(f => f.column), ...keyedColumns.map(k => k.column)],
        rows: communes.map(data => [
            ...FIELD_COLUMNS.map(c => fieldValue(data, c.header)), ...factColumns.map(f => f.value(data)), ...keyedColumns.map(k => k.value(data))
        ])
    };
    const collections = [...new Set(used.flatMap(s => s.index && s.index !== 'năm' ? [s.index] : []))];
    return [communesSheet, ...collections.map(collection => collectionSheet(collection, used.filter(s => s.index === collection), communes))];
}

function collectionSheet(collection: string, specs: readonly FactSpec[], communes: readonly CommuneData[]): InputSheet {
    const rows: InputValue[][] = [];
    for (const data of communes) {
        const members = data['danh sách']?.[collection] ?? [];
        for (const member of members) {
            rows.push([data['xã'], data['huyện'] ?? null, member, ...specs.map(spec =>
                cellOf((data['dữ kiện']?.[spec.name] as Record<string, unknown> | undefined)?.[member]))]);
        }
    }
    return {
        name: collection,
        columns: [
            { header: 'xã', note: 'Tên xã, đúng như trên trang «Xã».', width: 20 },
            { header: 'huyện', note: 'Cần khi hai xã cùng tên.', width: 16 },
            { header: collection, note: `Tên ${collection}: mỗi dòng một ${collection}. Danh sách ${collection} của xã là các dòng của xã trên trang này.`, width: 24 },
            ...specs.map(spec => factColumn(spec, undefined))
        ],
        rows
    };
}

function factColumn(spec: FactSpec, key: string | undefined): InputColumn {
    const header = key === undefined ? spec.name : `${spec.name} [${key}]`;
    const note = key === undefined && spec.members ? `${describeFact(spec)} — cột này là «tổng»` : describeFact(spec);
    const list = spec.kind === 'boolean' ? YES_NO : spec.kind === 'level' ? spec.levels : undefined;
    return { header, note, ...(list ? { list } : {}), ...(spec.kind === 'date' ? { format: 'date' as const } : {}), width: Math.min(28, Math.max(12, Math.ceil(header.length * 0.6))) };
}

/** Years for facts kept per year: those the communes use, or the pack's validity with the two years before. */
function yearsOf(pack: PackInfo, communes: readonly CommuneData[]): string[] {
    const used = new Set<string>();
    for (const data of communes) {
        for (const value of Object.values(data['dữ kiện'] ?? {})) {
            if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) if (/^[0-9]{4}$/.test(key)) used.add(key);
        }
    }
    if (used.size > 0) return [...used].sort();
    const from = Number(pack.validFrom.slice(0, 4)) - 2;
    const to = pack.validTo ? Number(pack.validTo.slice(0, 4)) : from + 6;
    return Array.from({ length: Math.max(1, Math.min(12, to - from + 1)) }, (_, i) => String(from + i));
}

function isMemberObject(value: unknown, spec: FactSpec): boolean {
    return typeof value === 'object' && value !== null && spec.members !== undefined &&
        Object.keys(value).some(k => k === 'tổng' || (spec.members ?? []).includes(k));
}

const BOUND_ORDER = ['từ', 'trên', 'ít nhất', 'đến', 'dưới', 'nhiều nhất'];

/**
 * A commune-file value as a cell: numbers stay numbers, text stays text (so «0,97» keeps its two
 * decimals), yes/no becomes «có»/«không», a bound or a unit becomes the words an analyst types
 * («trên 90,72», «từ 80 đến 110», «38,6 triệu đồng/người/năm»).
 */
export function cellOf(value: unknown): InputValue {
    if (value === undefined || value === null) return null;
    if (typeof value === 'boolean') return value ? 'có' : 'không';
    if (typeof value === 'number' || typeof value === 'string') return value;
    if (typeof value !== 'object') return String(value);
    const record = value as Record<string, unknown>;
    if ('giá trị' in record) {
        const inner = cellOf(record['giá trị']);
        const text = typeof inner === 'number' ? communeNumberText(decimalOfDouble(inner)) : String(inner ?? '');
        return record['đơn vị'] !== undefined ? `${text} ${String(record['đơn vị'])}` : text;
    }
    const number = (v: unknown) => typeof v === 'number' ? communeNumberText(decimalOfDouble(v)) : String(v);
    const keys = Object.keys(record).sort((a, b) => BOUND_ORDER.indexOf(a) - BOUND_ORDER.indexOf(b));
    if (keys.length === 2 && keys[0] === 'từ' && keys[1] === 'đến') return `từ ${number(record['từ'])} đến ${number(record['đến'])}`;
    if (keys.length === 1 && BOUND_ORDER.includes(keys[0]!)) return `${keys[0]} ${number(record[keys[0]!])}`;
    return JSON.stringify(value);
}
