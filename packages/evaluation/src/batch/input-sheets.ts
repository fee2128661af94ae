import type { FactSpec, PackInfo } from '@ntm/language';
import type { FactTable, InputIssue } from '@ntm/runtime';
import { inputIssue, normalizeName, parseDate, readFacts, readScores } from '@ntm/runtime';
import type { CommuneData } from '../commune/commune-data.js';
import { describeFact } from '../commune/commune-template.js';
import { cellOfScalar } from './cells.js';
import { VILLAGE_COLUMN, VILLAGES_SHEET, columnHeader, factColumnKeys } from './headers.js';

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
    {
        header: 'vùng',
        note: 'Một trong: TDMNPB, ĐBSH, BTB, DHNTB, TN, ĐNB, ĐBSCL (cho các ngưỡng theo vùng).',
        list: ['TDMNPB', 'ĐBSH', 'BTB', 'DHNTB', 'TN', 'ĐNB', 'ĐBSCL'],
        width: 10
    },
    { header: 'nhóm', note: 'Nhóm xã 1, 2 hoặc 3 (51/2025/QĐ-TTg), cho các ngưỡng theo nhóm.', list: ['1', '2', '3'], width: 8 },
    { header: 'nguồn', note: 'Văn bản lấy số liệu.', width: 30 }
];

/** A commune as the template writes it: its file's data, and its facts as the one reader of facts read them. */
interface ReadCommune {
    readonly data: CommuneData;
    readonly table: FactTable;
}

/**
 * What keeps a commune file out of the input workbook, or is lost on the way: the problems the reader of
 * facts finds with the pack (unknown facts, values of the wrong kind, members not listed, bad scores), and
 * values of facts no rule uses, which have no column. Errors keep the commune out; warnings do not.
 */
export function sheetIssues(data: CommuneData, specs: readonly FactSpec[], villageSpecs: readonly FactSpec[] = []): InputIssue[] {
    const table = readFacts(data['dữ kiện'], specs, data['danh sách']);
    const issues = [...table.issues];
    // Each village's facts are read by the village-level packs' facts, as the batch will read its row.
    for (const [village, content] of Object.entries(data['các thôn'] ?? {})) {
        for (const issue of readFacts(content['dữ kiện'], villageSpecs).issues) {
            const path = ['các thôn', village, ...issue.path];
            issues.push({ ...issue, path, field: path.join('.') });
        }
    }
    readScores(data['điểm thẩm tra'], data['điểm tự chấm'], data['điểm trái số liệu'], issues);
    const unused = new Set(specs.filter(spec => spec.unused).map(spec => spec.name));
    for (const key of Object.keys(data['dữ kiện'] ?? {})) {
        if (unused.has(normalizeName(key))) {
            issues.push(
                inputIssue(
                    'warning',
                    'unknown-fact',
                    ['dữ kiện', key],
                    `Dữ kiện «${key}» không được quy tắc nào của bộ tiêu chí dùng: bảng tính không có cột cho nó, giá trị không được ghi.`
                )
            );
        }
    }
    return issues;
}

/**
 * The input workbook for a pack: the communes sheet (fixed fields, then the columns of each fact laid out
 * by `factColumnKeys`), and a sheet per collection («thôn») for facts kept per member. With communes, their
 * rows (how commune files become a workbook; check them first with `sheetIssues`); without, the blank
 * template. Derived facts get a column too: a figure the report already gives is checked against the computed one.
 */
export function inputSheets(
    specs: readonly FactSpec[],
    pack: PackInfo,
    communeData: readonly CommuneData[] = [],
    villageSpecs: readonly FactSpec[] = []
): InputSheet[] {
    // A fact counted from the villages' results is never typed in: the villages sheet gives what it counts.
    const used = specs.filter(spec => !spec.unused && spec.villagePack === undefined);
    // Values are written from what the reader of facts read, so every form a commune file may take
    // (units, bounds, parts, years, members) comes back from the cells as the same value.
    const communes: ReadCommune[] = communeData.map(data => ({ data, table: readFacts(data['dữ kiện'], specs, data['danh sách']) }));
    const years = yearsOf(pack, used, communes);
    const factColumns: { column: InputColumn; value: (commune: ReadCommune) => InputValue }[] = [];
    for (const spec of used) {
        for (const key of factColumnKeys(spec, years)) {
            factColumns.push({
                column: factColumn(spec, key),
                value: ({ table }) => cellOfFact(table, spec, key)
            });
        }
    }
    const scoreKeys = (field: 'điểm thẩm tra' | 'điểm tự chấm' | 'điểm trái số liệu' | 'thuộc tính') =>
        [...new Set(communeData.flatMap(c => Object.keys((c[field] ?? {}) as Record<string, unknown>)))].filter(
            k => field !== 'thuộc tính' || (k !== 'vùng' && k !== 'nhóm')
        );
    const keyedColumns = (['thuộc tính', 'điểm thẩm tra', 'điểm tự chấm', 'điểm trái số liệu'] as const).flatMap(field =>
        scoreKeys(field).map(key => ({
            column: { header: columnHeader(field, key), width: 14 } as InputColumn,
            value: ({ data }: ReadCommune) => cellOf(((data[field] ?? {}) as Record<string, unknown>)[key])
        }))
    );
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
        rows: communes.map(commune => [
            ...FIELD_COLUMNS.map(c => fieldValue(commune.data, c.header)),
            ...factColumns.map(f => f.value(commune)),
            ...keyedColumns.map(k => k.value(commune))
        ])
    };
    const collections = [...new Set(used.flatMap(s => (s.index && s.index !== 'năm' ? [s.index] : [])))];
    const counts = specs.some(spec => spec.villagePack !== undefined);
    return [
        communesSheet,
        ...collections.map(collection =>
            collectionSheet(
                collection,
                used.filter(s => s.index === collection),
                communes
            )
        ),
        ...(counts ? [villagesSheet(villageSpecs, years, communes)] : [])
    ];
}

/**
 * The villages sheet: a row per village of each commune, with the village's own facts (those of the
 * village-level packs the pack counts villages of), as «các thôn» of a commune file.
 */
function villagesSheet(specs: readonly FactSpec[], years: readonly string[], communes: readonly ReadCommune[]): InputSheet {
    const used = specs.filter(spec => !spec.unused);
    const columns = used.flatMap(spec => factColumnKeys(spec, years).map(key => ({ spec, key })));
    const rows: InputValue[][] = [];
    for (const { data } of communes) {
        for (const [village, content] of Object.entries(data['các thôn'] ?? {})) {
            const table = readFacts(content['dữ kiện'], used);
            rows.push([data['xã'], data['huyện'] ?? null, village, ...columns.map(({ spec, key }) => cellOfFact(table, spec, key))]);
        }
    }
    return {
        name: VILLAGES_SHEET,
        columns: [
            ...memberColumns(
                VILLAGE_COLUMN,
                'Tên thôn: mỗi thôn của xã một dòng, kể cả thôn chưa có số liệu. Số thôn đạt chuẩn được đếm từ kết quả từng thôn trên trang này.'
            ),
            ...columns.map(({ spec, key }) => factColumn(spec, key))
        ],
        rows
    };
}

function collectionSheet(collection: string, specs: readonly FactSpec[], communes: readonly ReadCommune[]): InputSheet {
    const rows: InputValue[][] = [];
    for (const { data, table } of communes) {
        for (const member of table.collections?.get(collection) ?? []) {
            rows.push([
                data['xã'],
                data['huyện'] ?? null,
                member,
                ...specs.map(spec => {
                    const scalar = table.raw.get(spec.name)?.indexed?.get(member);
                    return scalar ? cellOfScalar(scalar) : null;
                })
            ]);
        }
    }
    return {
        name: collection,
        columns: [
            ...memberColumns(collection, `Tên ${collection}: mỗi dòng một ${collection}. Danh sách ${collection} của xã là các dòng của xã trên trang này.`),
            ...specs.map(spec => factColumn(spec, undefined))
        ],
        rows
    };
}

/** The cell of a fact's column (`key`: a year, or a part of a breakdown) as the reader of facts read it. */
function cellOfFact(table: FactTable, spec: FactSpec, key: string | undefined): InputValue {
    const raw = table.raw.get(spec.name);
    const scalar = spec.index === 'năm' ? raw?.indexed?.get(key ?? '') : key === undefined ? raw?.total : raw?.members.get(key);
    return scalar ? cellOfScalar(scalar) : null;
}

/** The first columns of a sheet of members (villages, schools): the commune they belong to, and their name. */
function memberColumns(header: string, note: string): InputColumn[] {
    return [
        { header: 'xã', note: 'Tên xã, đúng như trên trang «Xã».', width: 20 },
        { header: 'huyện', note: 'Cần khi hai xã cùng tên.', width: 16 },
        { header, note, width: 24 }
    ];
}

function factColumn(spec: FactSpec, key: string | undefined): InputColumn {
    const header = columnHeader(spec.name, key);
    const note = key === undefined && spec.members ? `${describeFact(spec, 'sheet')} — cột này là «tổng»` : describeFact(spec, 'sheet');
    const list = spec.kind === 'boolean' ? YES_NO : spec.kind === 'level' ? spec.levels : undefined;
    return {
        header,
        note,
        ...(list ? { list } : {}),
        ...(spec.kind === 'date' ? { format: 'date' as const } : {}),
        width: Math.min(28, Math.max(12, Math.ceil(header.length * 0.6)))
    };
}

/** Years for facts kept per year: those the communes use, or the pack's validity with the two years before. */
function yearsOf(pack: PackInfo, specs: readonly FactSpec[], communes: readonly ReadCommune[]): string[] {
    const used = new Set<string>();
    for (const { table } of communes) {
        for (const spec of specs.filter(s => s.index === 'năm')) for (const year of table.raw.get(spec.name)?.indexed?.keys() ?? []) used.add(year);
    }
    if (used.size > 0) return [...used].sort();
    const from = Number(pack.validFrom.slice(0, 4)) - 2;
    const to = pack.validTo ? Number(pack.validTo.slice(0, 4)) : from + 6;
    return Array.from({ length: Math.max(1, Math.min(12, to - from + 1)) }, (_, i) => String(from + i));
}

/**
 * A field, an attribute or a score as a cell: numbers stay numbers, text stays text (so «0,97» keeps its
 * two decimals), yes/no becomes «có»/«không»; anything else (an attribute is free, only for the record) its
 * JSON text. Facts are written by `cellOfScalar`.
 */
function cellOf(value: unknown): InputValue {
    if (value === undefined || value === null) return null;
    if (typeof value === 'boolean') return value ? 'có' : 'không';
    if (typeof value === 'number' || typeof value === 'string') return value;
    return JSON.stringify(value);
}
