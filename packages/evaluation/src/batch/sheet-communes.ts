import type { FactSpec } from '@ntm/language';
import { foldDiacritics } from '@ntm/language';
import type { CommuneData } from '../commune/commune-data.js';
import type { CellReading, SheetCell } from './cells.js';
import { cellText, readDateCell, readFactCell, readNumberText } from './cells.js';
import { communeNumberText, decimalOfDouble } from './decimals.js';
import type { HeaderColumn, SheetRole } from './headers.js';
import { matchHeaders } from './headers.js';
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

/** A row of a collection's sheet that belongs to a commune (or names one it cannot be given to). */
interface MemberRow {
    readonly collection: string;
    readonly sheet: SheetRows;
    readonly index: number;
    readonly columns: readonly HeaderColumn[];
    readonly layout: SheetLayout;
}

/** The same as `communesFromSheets`, lazily: headers and villages are matched now, each commune built when asked. */
export function sheetCommuneRows(input: SpreadsheetInput, specs: readonly FactSpec[], options: SheetReadOptions = {}): SheetCommuneRows {
    const problems: BatchProblem[] = [];
    const collections = new Set(specs.flatMap(spec => spec.index && spec.index !== 'năm' ? [spec.index] : []));
    const roleOf = (sheet: SheetRows): SheetRole | 'people' | undefined => {
        const folded = foldDiacritics(sheet.name);
        const collection = [...collections].find(c => foldDiacritics(c) === folded);
        if (collection) return { kind: 'collection', collection };
        if (COMMUNES_SHEETS.has(folded)) return { kind: 'communes' };
        return PEOPLE_SHEETS.has(folded) ? 'people' : undefined;
    };
    const isCommunes = (sheet: SheetRows) => { const role = roleOf(sheet); return typeof role === 'object' && role.kind === 'communes'; };
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
    sheet.rows.forEach((row, i) => { if (i > 0 && !isBlankRow(row)) indexes.push(i); });
    const members = new Map<number, MemberRow[]>();
    const failures = new Map<number, { location: CellLocation; message: string }[]>();
    for (const other of input.sheets) {
        if (other === sheet) continue;
        const role = roleOf(other);
        if (role === 'people') continue;
        if (role === undefined || role.kind === 'communes') {
            problems.push({ severity: 'warning', file: input.file, sheet: other.name, message: `Trang tính «${other.name}» không được đọc: chỉ đọc trang các xã và các trang ${[...collections].map(c => `«${c}»`).join(', ') || 'danh sách'}.` });
            continue;
        }
        linkCollectionSheet(input, other, role.collection, specs, { sheet, columns, indexes }, members, failures, problems);
    }
    const file = input.file;
    const date1904 = input.date1904 === true;
    return {
        count: indexes.length, problems,
        *rows(release = false) {
            for (const i of indexes) {
                const builder = new CommuneBuilder(file, date1904, sheet.name, i + 1, options, layout);
                const row = sheet.rows[i];
                for (const column of columns) builder.readCell(column, row?.[column.index - 1]);
                builder.requireFields(columns);
                for (const failure of failures.get(i) ?? []) builder.fail(failure.location, failure.message);
                for (const member of members.get(i) ?? []) builder.readMember(member, cellText(member.sheet.rows[member.index]?.[memberColumnOf(member.columns) - 1]) ?? '');
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
            problems.push({ severity: 'warning', file: input.file, sheet: sheet.name, row: 1, column: column.index, header: column.header, message: column.binding.message });
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

/** Gives each row of a collection's sheet to its commune's row, by the commune's name (and district when written). */
function linkCollectionSheet(input: SpreadsheetInput, sheet: SheetRows, collection: string, specs: readonly FactSpec[], communes: CommunesSheet,
    members: Map<number, MemberRow[]>, failures: Map<number, { location: CellLocation; message: string }[]>, problems: BatchProblem[]): void {
    const columns = matchHeaders(headerTexts(sheet), specs, { kind: 'collection', collection });
    headerProblems(input, sheet, columns, problems);
    const find = (rowColumns: readonly HeaderColumn[], field: string) => rowColumns.find(c => c.binding.kind === 'field' && c.binding.field === field);
    const communeColumn = find(columns, 'xã');
    const districtColumn = find(columns, 'huyện');
    const memberColumn = columns.find(c => c.binding.kind === 'member');
    if (!communeColumn || !memberColumn) {
        problems.push({ severity: 'error', file: input.file, sheet: sheet.name, row: 1, message: `Trang «${sheet.name}» cần cột «xã» và cột «${collection}» (tên ${collection}).` });
        return;
    }
    const layout = layoutOf(sheet.name, columns);
    const nameColumn = find(communes.columns, 'xã');
    const ownDistrictColumn = find(communes.columns, 'huyện');
    const textAt = (row: ReadonlyArray<SheetCell | undefined> | undefined, column: HeaderColumn | undefined) => column ? cellText(row?.[column.index - 1]) : undefined;
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
        const owners = (byName.get(foldDiacritics(commune ?? '')) ?? [])
            .filter(i => district === undefined || foldDiacritics(textAt(communes.sheet.rows[i], ownDistrictColumn) ?? '') === foldDiacritics(district));
        const member = textAt(row, memberColumn);
        if (owners.length !== 1 || !member) {
            const message = !member ? `Thiếu tên ${collection}.`
                : owners.length === 0 ? `Không có xã «${commune ?? ''}» trên trang các xã: dòng này không thuộc xã nào.`
                : `Có ${owners.length} xã tên «${commune ?? ''}» trên trang các xã: thêm cột «huyện» để phân biệt.`;
            problems.push({ severity: 'error', file: input.file, ...location, ...(commune ? { commune } : {}), message });
            for (const owner of owners) failures.set(owner, [...(failures.get(owner) ?? []), { location, message }]);
            return;
        }
        members.set(owners[0]!, [...(members.get(owners[0]!) ?? []), { collection, sheet, index, columns, layout }]);
    });
}

type Facts = Record<string, unknown>;

/** Where each commune-file path is written on a sheet: its column, shared by every row (rows only add their number). */
interface SheetLayout {
    readonly sheet: string;
    readonly columns: ReadonlyMap<string, HeaderColumn>;
}

function layoutOf(sheet: string, columns: readonly HeaderColumn[]): SheetLayout {
    const paths = new Map<string, HeaderColumn>();
    const add = (path: readonly string[], column: HeaderColumn) => { if (!paths.has(pathKey(path))) paths.set(pathKey(path), column); };
    for (const column of columns) {
        const binding = column.binding;
        if (binding.kind === 'field') add(binding.field === 'vùng' || binding.field === 'nhóm' ? ['thuộc tính', binding.field] : [binding.field], column);
        else if (binding.kind === 'keyed') add([binding.field, binding.key], column);
        else if (binding.kind === 'fact') {
            add(['dữ kiện', binding.spec.name], column);
            add(['dữ kiện', binding.spec.name, binding.key ?? 'tổng'], column);
        }
    }
    return { sheet, columns: paths };
}

/** Collects one commune's data from its row and its members' rows, remembering where each value was. */
class CommuneBuilder {
    name?: string;
    district?: string;
    private readonly fields: Record<string, unknown> = {};
    private readonly attributes: Record<string, unknown> = {};
    private readonly facts: Facts = {};
    private readonly scores: Record<string, Record<string, unknown>> = {};
    private readonly lists: Record<string, string[]> = {};
    private readonly problems: BatchProblem[] = [];
    /** For each collection: its sheet's layout and the row of each member (a commune's villages). */
    private readonly memberRows = new Map<string, { layout: SheetLayout; rows: Map<string, number> }>();

    constructor(private readonly file: string, private readonly date1904: boolean, private readonly sheet: string, private readonly row: number,
        private readonly options: SheetReadOptions, private readonly layout: SheetLayout) {}

    readCell(column: HeaderColumn, cell: SheetCell | undefined): void {
        const at: CellLocation = { sheet: this.sheet, row: this.row, column: column.index, header: column.header };
        const binding = column.binding;
        switch (binding.kind) {
            case 'field': return this.readField(binding.field, cell, at);
            case 'keyed': {
                const text = binding.field === 'điểm trái số liệu' || binding.field === 'thuộc tính' ? cellText(cell) : scoreText(cell);
                if (text === undefined) return;
                const field = binding.field;
                if (field === 'thuộc tính') this.attributes[binding.key] = text;
                else (this.scores[field] ??= {})[binding.key] = text;
                return;
            }
            case 'fact': return this.readFact(binding.spec, binding.key, cell, at);
            case 'invalid':
                if (cellText(cell) !== undefined) this.error(at, `Cột «${column.header}» không đọc được (xem dòng tiêu đề): ${binding.message}`);
                return;
            default: return;
        }
    }

    readMember(from: MemberRow, member: string): void {
        const { collection, columns, layout } = from;
        const row = from.sheet.rows[from.index] ?? [];
        const location = { sheet: from.sheet.name, row: from.index + 1 };
        const list = (this.lists[collection] ??= []);
        if (list.includes(member)) {
            this.error(location, `«${member}» có hai dòng trên trang «${collection}».`);
            return;
        }
        list.push(member);
        const members = this.memberRows.get(collection) ?? { layout, rows: new Map<string, number>() };
        members.rows.set(member, location.row ?? 0);
        this.memberRows.set(collection, members);
        for (const column of columns) {
            if (column.binding.kind !== 'fact') continue;
            const spec = column.binding.spec;
            const at = { ...location, column: column.index, header: column.header };
            const reading = readFactCell(row[column.index - 1], spec);
            const value = this.accept(reading, at);
            if (value === undefined) continue;
            ((this.facts[spec.name] ??= {}) as Facts)[member] = value;
        }
    }

    /** A commune needs its name and its assessment date (or the batch's): named at their column when blank. */
    requireFields(columns: readonly HeaderColumn[]): void {
        const columnOf = (field: string) => columns.find(c => c.binding.kind === 'field' && c.binding.field === field);
        const at = (field: string): CellLocation => {
            const column = columnOf(field);
            return { sheet: this.sheet, row: this.row, ...(column ? { column: column.index, header: column.header } : {}) };
        };
        if (this.name === undefined) this.error(at('xã'), columnOf('xã') ? 'Thiếu tên xã.' : 'Thiếu cột «xã» (tên xã).');
        if (this.fields['ngày đánh giá'] === undefined && this.options.date === undefined && !this.problems.some(p => p.header === columnOf('ngày đánh giá')?.header)) {
            this.error(at('ngày đánh giá'), columnOf('ngày đánh giá')
                ? 'Thiếu ngày đánh giá (dd/mm/yyyy), hoặc chạy với --ngay cho cả đợt.'
                : 'Thiếu cột «ngày đánh giá», hoặc chạy với --ngay cho cả đợt.');
        }
    }

    fail(location: CellLocation, message: string): void {
        this.error(location, message);
    }

    finish(): CommuneRow {
        const location = { sheet: this.sheet, row: this.row };
        const { layout, memberRows, row } = this;
        const locate = (path: readonly string[]): CellLocation => {
            const at = (sheet: SheetLayout, atRow: number, column: HeaderColumn | undefined): CellLocation =>
                ({ sheet: sheet.sheet, row: atRow, ...(column ? { column: column.index, header: column.header } : {}) });
            // A member's value (a village's): its row on the collection's sheet.
            for (const { layout: members, rows } of memberRows.values()) {
                const memberRow = path[0] === 'dữ kiện' && path[2] !== undefined ? rows.get(path[2]) : undefined;
                const column = memberRow !== undefined ? members.columns.get(pathKey(path.slice(0, 2))) : undefined;
                if (memberRow !== undefined && column) return at(members, memberRow, column);
            }
            for (let n = path.length; n > 0; n--) {
                const column = layout.columns.get(pathKey(path.slice(0, n)));
                if (column) return at(layout, row, column);
            }
            return location;
        };
        // The name may come from a column to the right of a bad cell: every problem names the commune.
        const problems = this.problems.map(p => this.name && !p.commune ? { ...p, commune: this.name } : p);
        const base = { location, ...(this.name ? { name: this.name } : {}), problems, locate };
        if (this.problems.some(p => p.severity === 'error')) return base;
        const date = this.fields['ngày đánh giá'] ?? this.options.date;
        const data: Record<string, unknown> = {
            ...this.fields, ...(date !== undefined ? { 'ngày đánh giá': date } : {}),
            ...(Object.keys(this.attributes).length > 0 ? { 'thuộc tính': this.attributes } : {}),
            'dữ kiện': this.facts,
            ...(Object.keys(this.lists).length > 0 ? { 'danh sách': this.lists } : {}),
            ...this.scores
        };
        return { ...base, data: data as unknown as CommuneData };
    }

    private readField(field: string, cell: SheetCell | undefined, at: CellLocation): void {
        if (field === 'ngày đánh giá') {
            const value = this.accept(readDateCell(cell, this.date1904), at);
            if (value !== undefined) this.setField(field, value);
            return;
        }
        const text = cellText(cell);
        if (text === undefined) return;
        if (field === 'vùng' || field === 'nhóm') {
            this.attributes[field] = text;
            return;
        }
        if (field === 'xã') this.name = text;
        if (field === 'huyện') this.district = text;
        this.setField(field, text);
    }

    private setField(field: string, value: unknown): void {
        this.fields[field] = value;
    }

    private readFact(spec: FactSpec, key: string | undefined, cell: SheetCell | undefined, at: CellLocation): void {
        const value = this.accept(readFactCell(cell, spec), at);
        if (value === undefined) return;
        if (key === undefined && !isKeyed(this.facts[spec.name], spec)) {
            this.facts[spec.name] = value;
            return;
        }
        // A breakdown or a year: the fact becomes { "nữ": …, "tổng": … } or { "2023": … }.
        const current = this.facts[spec.name];
        const object: Facts = isKeyed(current, spec) ? current as Facts : current === undefined ? {} : { 'tổng': current };
        object[key ?? 'tổng'] = value;
        this.facts[spec.name] = object;
    }

    private accept(reading: CellReading, at: CellLocation): unknown {
        if ('problem' in reading) {
            this.error(at, reading.problem);
            return undefined;
        }
        return 'value' in reading ? reading.value : undefined;
    }

    private error(at: CellLocation, message: string): void {
        this.problems.push({ severity: 'error', file: this.file, ...at, ...(this.name ? { commune: this.name } : {}), message });
    }
}

/** Whether a fact's value so far is already the per-member or per-year object. */
function isKeyed(value: unknown, spec: FactSpec): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const keys = Object.keys(value);
    return spec.index === 'năm' || keys.some(k => k === 'tổng' || (spec.members ?? []).includes(k));
}

/** A score cell: a number as the analyst typed it (a double recovered to its decimal), or its text. */
function scoreText(cell: SheetCell | undefined): string | undefined {
    if (typeof cell?.value === 'number') return communeNumberText(decimalOfDouble(cell.value));
    const text = cellText(cell);
    if (text === undefined) return undefined;
    const read = readNumberText(text, { name: '', kind: 'quantity', unit: '' });
    return typeof read === 'string' ? read : text;
}

function pathKey(path: readonly string[]): string {
    return path.join('\u0000');
}
