// The batch's table laid out as the output workbook: a summary (commune × criterion and condition), a sheet per
// criterion (each indicator's value, threshold, verdict and gap), one for the recognition conditions, the problems.
import type { Verdict } from '@ntm/language';
import { compareLabels } from '../plan/labels.js';
import type { BatchProblem } from './problems.js';
import { columnLetter } from './problems.js';
import type { ColumnModel, ModelCell, SheetModel, WorkbookModel } from './workbook-model.js';
import { sheetName } from './workbook-model.js';

/** Each indicator's four cells in a row — the commune's value, the threshold applied, the verdict, the gap — flat. */
export const CELLS_PER_INDICATOR = 4;

/** One commune as the output shows it: its cells only, with repeated texts shared. */
export interface TableRecord {
    readonly info: readonly string[];
    readonly place: string;
    readonly date: string;
    readonly pack: string;
    /** Undefined for a commune that could not be evaluated. */
    readonly recognition?: Verdict;
    readonly summary: string;
    readonly criteria: readonly (Verdict | undefined)[];
    /** `CELLS_PER_INDICATOR` entries per indicator column, empty where the commune's pack has no such indicator. */
    readonly indicators: readonly (string | undefined)[];
    /** The same four cells per recognition condition (`điều kiện công nhận`) column. */
    readonly gates: readonly (string | undefined)[];
}

export interface CriterionColumn {
    readonly label: string;
    readonly title: string;
    readonly indicators: number[];
}

export interface IndicatorColumn {
    readonly label: string;
    /** The requirement as each pack words it (one, unless packs of the batch differ). */
    readonly requirements: string[];
}

/** What the table holds, read by the sheets: rows of cells and the columns they go in. */
export interface TableContents {
    readonly records: readonly TableRecord[];
    readonly criteria: readonly CriterionColumn[];
    readonly indicators: readonly IndicatorColumn[];
    /** Recognition conditions by their text, in the order first met. */
    readonly gateColumns: readonly string[];
    readonly packs: ReadonlySet<string>;
    readonly problems: readonly BatchProblem[];
}

/** The table's sheets, each producing its rows on demand (ten thousand communes are never held twice). */
export function tableWorkbook(table: TableContents): WorkbookModel {
    const taken = new Set<string>();
    const order = criteriaInOrder(table.criteria);
    return {
        sheets: [
            summarySheet(table, order, taken),
            ...order.map(i => criterionSheet(table, table.criteria[i]!, i, taken)),
            ...(table.gateColumns.length > 0 ? [gatesSheet(table, taken)] : []),
            problemsSheet(table, taken)
        ]
    };
}

/** The criteria columns in reading order of their labels («6» before «6.1» before «7»), whatever pack came first. */
export function criteriaInOrder(criteria: readonly CriterionColumn[]): number[] {
    return criteria.map((_, i) => i).sort((a, b) => compareLabels(criteria[a]!.label, criteria[b]!.label) || a - b);
}

function summarySheet(table: TableContents, order: readonly number[], taken: Set<string>): SheetModel {
    const manyPacks = table.packs.size > 1;
    const columns: ColumnModel[] = [
        { header: 'STT', width: 6 },
        { header: 'Xã', width: 22 },
        { header: 'Huyện', width: 16 },
        { header: 'Tỉnh', width: 14 },
        { header: 'Ngày đánh giá', width: 13 },
        { header: 'Kết quả', width: 16, note: 'Công nhận: đạt khi mọi tiêu chí và mọi điều kiện công nhận đều đạt.' },
        { header: 'Tiêu chí', width: 24 },
        ...(manyPacks ? [{ header: 'Bộ tiêu chí', width: 30 }] : []),
        ...order.map(i => table.criteria[i]!).map(c => ({ header: `${c.label}. ${c.title}`, width: 14, note: `Tiêu chí ${c.label}: ${c.title}` })),
        ...table.gateColumns.map((text, i) => ({ header: gateHeader(i, text), width: 16, note: `Điều kiện công nhận: ${text}` })),
        { header: 'Nguồn dữ liệu', width: 22 }
    ];
    const gates = table.gateColumns.map((_, i) => i * CELLS_PER_INDICATOR + 2);
    const records = table.records;
    return {
        name: sheetName('Tổng hợp', taken),
        columns,
        rowCount: records.length,
        frozen: { rows: 1, columns: 2 },
        filter: true,
        *rows() {
            let n = 0;
            for (const r of records) {
                n++;
                const result: ModelCell = r.recognition ? { value: r.recognition, style: r.recognition } : { value: 'không đánh giá được', style: 'lỗi' };
                yield [
                    n,
                    ...r.info,
                    r.date ? { date: r.date } : '',
                    result,
                    r.summary,
                    ...(manyPacks ? [r.pack] : []),
                    ...order.map(i => verdictCell(r.criteria[i])),
                    ...gates.map(at => verdictCell(r.gates[at] as Verdict | undefined)),
                    r.place
                ];
            }
        }
    };
}

function criterionSheet(table: TableContents, criterion: CriterionColumn, index: number, taken: Set<string>): SheetModel {
    const indicators = criterion.indicators
        .map(i => ({ i, column: table.indicators[i]! }))
        .sort((a, b) => compareLabels(a.column.label, b.column.label) || a.i - b.i);
    return itemsSheet(
        table,
        sheetName(`TC ${criterion.label} ${criterion.title}`, taken),
        { header: `Tiêu chí ${criterion.label}`, note: criterion.title, verdictOf: r => r.criteria[index] },
        indicators.map(({ i, column }) => ({
            name: column.label,
            note: requirementNote(column.requirements),
            cellsOf: r => r.indicators,
            at: i * CELLS_PER_INDICATOR
        }))
    );
}

/** The recognition conditions: each commune's figure, the threshold applied, the verdict and the gap, per condition. */
function gatesSheet(table: TableContents, taken: Set<string>): SheetModel {
    return itemsSheet(
        table,
        sheetName('Điều kiện công nhận', taken),
        { header: 'Công nhận', verdictOf: r => r.recognition },
        table.gateColumns.map((text, i) => ({ name: `ĐK${i + 1}`, note: `Điều kiện công nhận: ${text}`, cellsOf: r => r.gates, at: i * CELLS_PER_INDICATOR }))
    );
}

/** Four columns of a sheet's rows: an indicator's or a condition's value, threshold, verdict and gap. */
interface SheetItem {
    readonly name: string;
    /** The note on the value column's header: the requirement or the condition as the decision words it. */
    readonly note: string;
    readonly cellsOf: (record: TableRecord) => readonly (string | undefined)[];
    readonly at: number;
}

/** One row per evaluated commune: STT, xã, huyện, a verdict, then each item's four cells. */
function itemsSheet(
    table: TableContents,
    name: string,
    head: { readonly header: string; readonly note?: string; readonly verdictOf: (record: TableRecord) => Verdict | undefined },
    items: readonly SheetItem[]
): SheetModel {
    const columns: ColumnModel[] = [
        { header: 'STT', width: 6 },
        { header: 'Xã', width: 22 },
        { header: 'Huyện', width: 16 },
        { header: head.header, width: 14, ...(head.note ? { note: head.note } : {}) },
        ...items.flatMap(item => [
            { header: `${item.name} giá trị`, width: 18, note: item.note },
            { header: `${item.name} ngưỡng`, width: 14 },
            { header: `${item.name} kết quả`, width: 14 },
            { header: `${item.name} còn thiếu`, width: 22 }
        ])
    ];
    const records = table.records;
    const evaluated = records.reduce((count, r) => (r.recognition !== undefined ? count + 1 : count), 0);
    return {
        name,
        columns,
        rowCount: evaluated,
        frozen: { rows: 1, columns: 2 },
        filter: true,
        *rows() {
            // A commune that could not be evaluated has no row here; the others keep their number on «Tổng hợp».
            for (let i = 0; i < records.length; i++) {
                const r = records[i]!;
                if (r.recognition === undefined) continue;
                const row: ModelCell[] = [i + 1, r.info[0], r.info[1], verdictCell(head.verdictOf(r))];
                for (const item of items) {
                    const cells = item.cellsOf(r);
                    const at = item.at;
                    row.push(cells[at], cells[at + 1], verdictCell(cells[at + 2] as Verdict | undefined), cells[at + 3]);
                }
                yield row;
            }
        }
    };
}

function problemsSheet(table: TableContents, taken: Set<string>): SheetModel {
    const problems = table.problems;
    const columns: ColumnModel[] = [
        { header: 'STT', width: 6 },
        { header: 'Tệp', width: 22 },
        { header: 'Trang tính', width: 14 },
        { header: 'Dòng', width: 7 },
        { header: 'Cột', width: 7 },
        { header: 'Tên cột', width: 28 },
        { header: 'Xã', width: 20 },
        { header: 'Mức độ', width: 10 },
        { header: 'Nội dung', width: 90 }
    ];
    return {
        name: sheetName('Lỗi dữ liệu', taken),
        columns,
        rowCount: problems.length,
        frozen: { rows: 1, columns: 0 },
        filter: true,
        *rows() {
            let n = 0;
            for (const p of problems) {
                n++;
                const column = p.column === undefined ? undefined : p.sheet === undefined ? p.column : columnLetter(p.column);
                const severity: ModelCell = p.severity === 'error' ? { value: 'lỗi', style: 'lỗi' } : { value: 'cảnh báo', style: 'cảnh báo' };
                yield [n, baseName(p.file), p.sheet, p.row, column, p.header, p.commune, severity, p.message];
            }
        }
    };
}

/** A column's requirement; where the batch's packs word it differently, each (the threshold column has each commune's). */
function requirementNote(requirements: readonly string[]): string {
    return requirements.length === 1 ? requirements[0]! : `Yêu cầu khác nhau theo bộ tiêu chí (xem cột ngưỡng của từng xã):\n— ${requirements.join('\n— ')}`;
}

/** «ĐK1. Thu nhập bình quân đầu người của xã…»: a summary column for a recognition condition, its text in the note. */
function gateHeader(index: number, text: string): string {
    const words = text.split(/\s+/).filter(Boolean);
    return `ĐK${index + 1}. ${words.slice(0, 6).join(' ')}${words.length > 6 ? '…' : ''}`;
}

/** One cell per verdict, shared by every row (the writer only reads cells). */
const VERDICT_CELLS: Readonly<Record<Verdict, ModelCell>> = {
    đạt: { value: 'đạt', style: 'đạt' },
    'chưa đạt': { value: 'chưa đạt', style: 'chưa đạt' },
    'thiếu dữ liệu': { value: 'thiếu dữ liệu', style: 'thiếu dữ liệu' },
    'không áp dụng': { value: 'không áp dụng', style: 'không áp dụng' }
};

function verdictCell(verdict: Verdict | undefined): ModelCell {
    return verdict ? VERDICT_CELLS[verdict] : undefined;
}

/** A file's name without its folders, as the problems sheet and a row's source show it. */
export function baseName(file: string): string {
    return file.split(/[\\/]/).pop() ?? file;
}
