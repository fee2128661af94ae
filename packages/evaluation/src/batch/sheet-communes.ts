import type { FactSpec } from '@ntm/language';
import { foldDiacritics } from '@ntm/runtime';
import type { CommuneData } from '../commune/commune-data.js';
import type { SheetCell } from './cells.js';
import { cellText } from './cells.js';
import type { MemberRow } from './commune-builder.js';
import { CommuneBuilder, layoutOf } from './commune-builder.js';
import type { HeaderColumn, SheetRole } from './headers.js';
import { VILLAGE_COLUMN, VILLAGES_SHEET, matchHeaders } from './headers.js';
import type { BatchProblem, CellLocation } from './problems.js';

/** One sheet as read: row 1 is the header; cells are one-based by column (index 0 is column A). */
export interface SheetRows {
    readonly name: string;
    readonly rows: ReadonlyArray<ReadonlyArray<SheetCell | undefined> | undefined>;
}

/** A spreadsheet file as read (a CSV file is one sheet). */
export interface SpreadsheetInput {
    readonly file: string;
    readonly sheets: readonly SheetRows[];
    /** The workbook counts dates from 1904 (old Mac Excel). */
    readonly date1904?: boolean;
}

/** One row of the communes sheet made into a commune file's data, with where each value came from. */
export interface CommuneRow {
    /** The row of the communes sheet. */
    readonly location: CellLocation & { readonly sheet: string; readonly row: number };
    readonly name?: string;
    /** Absent when the row has errors of its own (a cell that cannot be read): see `problems`. */
    readonly data?: CommuneData;
    /**
     * When the row has errors of its own: what its readable cells give, read only to find the row's other
     * problems in the same run (never evaluated into a result).
     */
    readonly partial?: CommuneData;
    readonly problems: readonly BatchProblem[];
    /** The cell a commune-file path was read from (`["dữ kiện", "số hộ", "2023"]`), or the row. */
    locate(path: readonly string[]): CellLocation;
}

export interface SheetCommunes {
    readonly communes: readonly CommuneRow[];
    /** Problems of the sheets themselves: headers, unknown sheets, collection rows without a commune. */
    readonly problems: readonly BatchProblem[];
}

export interface SheetReadOptions {
    /** The assessment date for rows that leave «ngày đánh giá» blank. */
    readonly date?: string;
    /**
     * The facts of the village-level packs the pack counts villages of (`đếm thôn đạt chuẩn theo "…"`): with
     * them, the sheet «Các thôn» gives each village's facts (a row per village) as a commune file's «các thôn».
     */
    readonly villageSpecs?: readonly FactSpec[];
}

/** Names of the communes sheet and of sheets that are only for people (the template's instructions). */
const COMMUNES_SHEETS = new Set(['xa', 'cac xa', 'danh sach xa']);
const PEOPLE_SHEETS = new Set(['huong dan', 'mo ta du kien', 'mo ta']);

/** The communes of a spreadsheet, each built from its cells only when it is asked for. */
export interface SheetCommuneRows {
    readonly count: number;
    /** Problems of the sheets themselves: headers, unknown sheets, collection rows without a commune. */
    readonly problems: readonly BatchProblem[];
    /**
     * Each row's commune, in sheet order. With `release`, a row's cells are dropped once its commune is built,
     * so a batch holds one commune's data at a time beside the cells still to read.
     */
    rows(release?: boolean): Iterable<CommuneRow>;
}

/**
 * Reads a spreadsheet's rows into commune files' data: one row of the communes sheet per commune, and the
 * rows of a collection's sheet («thôn»: a row per village, with the commune's name) into the facts kept
 * per member. Never throws: a cell that cannot be read is a problem of its row, a header that matches
 * nothing a problem of its column (and of every row with a value in it).
 */
export function communesFromSheets(input: SpreadsheetInput, specs: readonly FactSpec[], options: SheetReadOptions = {}): SheetCommunes {
    const rows = sheetCommuneRows(input, specs, options);
    return { communes: [...rows.rows()], problems: rows.problems };
}

/** The same as `communesFromSheets`, lazily: headers and villages are matched now, each commune built when asked. */
export function sheetCommuneRows(input: SpreadsheetInput, specs: readonly FactSpec[], options: SheetReadOptions = {}): SheetCommuneRows {
    const problems: BatchProblem[] = [];
    const collections = new Set(specs.flatMap(spec => (spec.index && spec.index !== 'năm' ? [spec.index] : [])));
    const roleOf = (sheet: SheetRows): SheetRole | 'people' | undefined => {
        const folded = foldDiacritics(sheet.name);
        const collection = [...collections].find(c => foldDiacritics(c) === folded);
        if (collection) return { kind: 'collection', collection };
        if (options.villageSpecs && folded === foldDiacritics(VILLAGES_SHEET)) return { kind: 'villages' };
        if (COMMUNES_SHEETS.has(folded)) return { kind: 'communes' };
        return PEOPLE_SHEETS.has(folded) ? 'people' : undefined;
    };
    const isCommunes = (sheet: SheetRows) => {
        const role = roleOf(sheet);
        return typeof role === 'object' && role.kind === 'communes';
    };
    // The sheet named «Xã», else the first sheet that is neither a collection's nor the instructions.
    const sheet = input.sheets.find(isCommunes) ?? input.sheets.find(candidate => roleOf(candidate) === undefined);
    if (!sheet) {
        problems.push({ severity: 'error', file: input.file, message: 'Không có trang tính các xã (trang «Xã»: mỗi dòng một xã).' });
        return { count: 0, problems, rows: () => [] };
    }
    const columns = matchHeaders(headerTexts(sheet), specs, { kind: 'communes' });
    headerProblems(input, sheet, columns, problems);
    const layout = layoutOf(sheet.name, columns);
    const indexes: number[] = [];
    sheet.rows.forEach((row, i) => {
        if (i > 0 && !isBlankRow(row)) indexes.push(i);
    });
    const members = new Map<number, MemberRow[]>();
    const failures = new Map<number, { location: CellLocation; message: string }[]>();
    for (const other of input.sheets) {
        if (other === sheet) continue;
        const role = roleOf(other);
        if (role === 'people') continue;
        if (role === undefined || role.kind === 'communes') {
            problems.push({
                severity: 'warning',
                file: input.file,
                sheet: other.name,
                message: `Trang tính «${other.name}» không được đọc: chỉ đọc trang các xã và các trang ${readableSheets(collections, options) || 'danh sách'}.`
            });
            continue;
        }
        linkMemberSheet(input, other, role, role.kind === 'villages' ? options.villageSpecs! : specs, { sheet, columns, indexes }, members, failures, problems);
    }
    const file = input.file;
    const date1904 = input.date1904 === true;
    return {
        count: indexes.length,
        problems,
        *rows(release = false) {
            for (const i of indexes) {
                const builder = new CommuneBuilder(file, date1904, sheet.name, i + 1, options, layout);
                const row = sheet.rows[i];
                for (const column of columns) builder.readCell(column, row?.[column.index - 1]);
                builder.requireFields(columns);
                for (const failure of failures.get(i) ?? []) builder.fail(failure.location, failure.message);
                for (const member of members.get(i) ?? []) {
                    const name = cellText(member.sheet.rows[member.index]?.[memberColumnOf(member.columns) - 1]) ?? '';
                    if (member.collection === undefined) builder.readVillage(member, name);
                    else builder.readMember(member, name);
                }
                if (release) {
                    // The cells are read: let them go (the sheet's rows are the batch's largest memory).
                    (sheet.rows as unknown[])[i] = undefined;
                    for (const member of members.get(i) ?? []) (member.sheet.rows as unknown[])[member.index] = undefined;
                }
                yield builder.finish();
            }
        }
    };
}

/** The sheets besides the communes sheet that are read, for the word about one that is not. */
function readableSheets(collections: ReadonlySet<string>, options: SheetReadOptions): string {
    return [...collections, ...(options.villageSpecs ? [VILLAGES_SHEET] : [])].map(c => `«${c}»`).join(', ');
}

function memberColumnOf(columns: readonly HeaderColumn[]): number {
    return columns.find(c => c.binding.kind === 'member')?.index ?? 0;
}

/**
 * A header that cannot be read is named once, as a warning: a blank column costs nothing, and every row
 * with a value in it fails with its own error (a typo never turns figures into missing data).
 */
function headerProblems(input: SpreadsheetInput, sheet: SheetRows, columns: readonly HeaderColumn[], problems: BatchProblem[]): void {
    for (const column of columns) {
        if (column.binding.kind === 'invalid') {
            problems.push({
                severity: 'warning',
                file: input.file,
                sheet: sheet.name,
                row: 1,
                column: column.index,
                header: column.header,
                message: column.binding.message
            });
        }
    }
}

function headerTexts(sheet: SheetRows): (string | undefined)[] {
    return [...(sheet.rows[0] ?? [])].map(cell => cellText(cell));
}

function isBlankRow(row: ReadonlyArray<SheetCell | undefined> | undefined): boolean {
    return !row || row.every(cell => cellText(cell) === undefined);
}

interface CommunesSheet {
    readonly sheet: SheetRows;
    readonly columns: readonly HeaderColumn[];
    readonly indexes: readonly number[];
}

/**
 * Gives each row of a collection's sheet, or of the villages sheet, to its commune's row, by the commune's
 * name (and district when written).
 */
function linkMemberSheet(
    input: SpreadsheetInput,
    sheet: SheetRows,
    role: Extract<SheetRole, { kind: 'collection' | 'villages' }>,
    specs: readonly FactSpec[],
    communes: CommunesSheet,
    members: Map<number, MemberRow[]>,
    failures: Map<number, { location: CellLocation; message: string }[]>,
    problems: BatchProblem[]
): void {
    const collection = role.kind === 'collection' ? role.collection : undefined;
    const memberName = collection ?? VILLAGE_COLUMN;
    const columns = matchHeaders(headerTexts(sheet), specs, role);
    headerProblems(input, sheet, columns, problems);
    const find = (rowColumns: readonly HeaderColumn[], field: string) => rowColumns.find(c => c.binding.kind === 'field' && c.binding.field === field);
    const communeColumn = find(columns, 'xã');
    const districtColumn = find(columns, 'huyện');
    const memberColumn = columns.find(c => c.binding.kind === 'member');
    if (!communeColumn || !memberColumn) {
        problems.push({
            severity: 'error',
            file: input.file,
            sheet: sheet.name,
            row: 1,
            message: `Trang «${sheet.name}» cần cột «xã» và cột «${memberName}» (tên ${memberName}).`
        });
        return;
    }
    const layout = layoutOf(sheet.name, columns);
    const nameColumn = find(communes.columns, 'xã');
    const ownDistrictColumn = find(communes.columns, 'huyện');
    const textAt = (row: ReadonlyArray<SheetCell | undefined> | undefined, column: HeaderColumn | undefined) =>
        column ? cellText(row?.[column.index - 1]) : undefined;
    const byName = new Map<string, number[]>();
    for (const i of communes.indexes) {
        const k = foldDiacritics(textAt(communes.sheet.rows[i], nameColumn) ?? '');
        byName.set(k, [...(byName.get(k) ?? []), i]);
    }
    sheet.rows.forEach((row, index) => {
        if (index === 0 || isBlankRow(row)) return;
        const location = { sheet: sheet.name, row: index + 1 };
        const commune = textAt(row, communeColumn);
        const district = textAt(row, districtColumn);
        // By the commune's name; a district written on the row tells apart two communes of that name.
        const owners = (byName.get(foldDiacritics(commune ?? '')) ?? []).filter(
            i => district === undefined || foldDiacritics(textAt(communes.sheet.rows[i], ownDistrictColumn) ?? '') === foldDiacritics(district)
        );
        const member = textAt(row, memberColumn);
        if (owners.length !== 1 || !member) {
            const message = !member
                ? `Thiếu tên ${memberName}.`
                : owners.length === 0
                  ? `Không có xã «${commune ?? ''}» trên trang các xã: dòng này không thuộc xã nào.`
                  : `Có ${owners.length} xã tên «${commune ?? ''}» trên trang các xã: thêm cột «huyện» để phân biệt.`;
            problems.push({ severity: 'error', file: input.file, ...location, ...(commune ? { commune } : {}), message });
            for (const owner of owners) failures.set(owner, [...(failures.get(owner) ?? []), { location, message }]);
            return;
        }
        members.set(owners[0]!, [...(members.get(owners[0]!) ?? []), { ...(collection !== undefined ? { collection } : {}), sheet, index, columns, layout }]);
    });
}
