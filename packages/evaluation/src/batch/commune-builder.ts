// One commune built from its row of the communes sheet and its rows on collection sheets («thôn»), with
// each cell read into a commune file's value; where a value came from is found through the sheet's layout.
import type { FactSpec } from '@ntm/language';
import type { CommuneData } from '../commune/commune-data.js';
import type { CellReading, SheetCell } from './cells.js';
import { cellText, readDateCell, readFactCell, readNumberText } from './cells.js';
import { communeNumberText, decimalOfDouble } from './decimals.js';
import type { HeaderColumn } from './headers.js';
import type { BatchProblem, CellLocation } from './problems.js';
import type { CommuneRow, SheetReadOptions, SheetRows } from './sheet-communes.js';

/** A row of a collection's sheet, or of the villages sheet, that belongs to a commune. */
export interface MemberRow {
    /** The collection («thôn», «trường»); absent for a row of the villages sheet («Các thôn»). */
    readonly collection?: string;
    readonly sheet: SheetRows;
    readonly index: number;
    readonly columns: readonly HeaderColumn[];
    readonly layout: SheetLayout;
}

type Facts = Record<string, unknown>;

/** The key of the villages sheet's rows among a commune's member rows (a collection's name is never empty). */
const VILLAGES = '';

/** Where each commune-file path is written on a sheet: its column, shared by every row (rows only add their number). */
export interface SheetLayout {
    readonly sheet: string;
    readonly columns: ReadonlyMap<string, HeaderColumn>;
}

export function layoutOf(sheet: string, columns: readonly HeaderColumn[]): SheetLayout {
    const paths = new Map<string, HeaderColumn>();
    const add = (path: readonly string[], column: HeaderColumn) => {
        if (!paths.has(pathKey(path))) paths.set(pathKey(path), column);
    };
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
export class CommuneBuilder {
    name?: string;
    district?: string;
    private readonly fields: Record<string, unknown> = {};
    private readonly attributes: Record<string, unknown> = {};
    private readonly facts: Facts = {};
    private readonly scores: Record<string, Record<string, unknown>> = {};
    private readonly lists: Record<string, string[]> = {};
    /** «các thôn»: each village's own facts, from the villages sheet. */
    private readonly villages: Record<string, { 'dữ kiện': Facts }> = {};
    private readonly problems: BatchProblem[] = [];
    /** For each collection: its sheet's layout and the row of each member (a commune's villages). */
    private readonly memberRows = new Map<string, { layout: SheetLayout; rows: Map<string, number> }>();

    constructor(
        private readonly file: string,
        private readonly date1904: boolean,
        private readonly sheet: string,
        private readonly row: number,
        private readonly options: SheetReadOptions,
        private readonly layout: SheetLayout
    ) {}

    readCell(column: HeaderColumn, cell: SheetCell | undefined): void {
        const at: CellLocation = { sheet: this.sheet, row: this.row, column: column.index, header: column.header };
        const binding = column.binding;
        switch (binding.kind) {
            case 'field':
                this.readField(binding.field, cell, at);
                return;
            case 'keyed': {
                const text = binding.field === 'điểm trái số liệu' || binding.field === 'thuộc tính' ? cellText(cell) : scoreText(cell);
                if (text === undefined) return;
                const field = binding.field;
                if (field === 'thuộc tính') this.attributes[binding.key] = text;
                else (this.scores[field] ??= {})[binding.key] = text;
                return;
            }
            case 'fact':
                this.readFact(binding.spec, binding.key, cell, at);
                return;
            case 'invalid':
                if (cellText(cell) !== undefined) this.error(at, `Ô không được đọc vì tên cột có lỗi (dòng 1): ${binding.message}`);
                return;
            default:
                return;
        }
    }

    readMember(from: MemberRow, member: string): void {
        const collection = from.collection!;
        const location = { sheet: from.sheet.name, row: from.index + 1 };
        const list = (this.lists[collection] ??= []);
        if (list.includes(member)) {
            this.error(location, `«${member}» có hai dòng trên trang «${collection}».`);
            return;
        }
        list.push(member);
        this.readMemberRow(from, collection, member, (spec, _key, value) => {
            ((this.facts[spec.name] ??= {}) as Facts)[member] = value;
        });
    }

    /**
     * A row of the villages sheet: the village's facts, as «các thôn».«…».«dữ kiện» of a commune file (each
     * evaluated by the village-level packs the commune pack counts). Read in its cells' forms, as a commune's.
     */
    readVillage(from: MemberRow, village: string): void {
        if (Object.hasOwn(this.villages, village)) {
            this.error({ sheet: from.sheet.name, row: from.index + 1 }, `Thôn «${village}» có hai dòng trên trang «${from.sheet.name}».`);
            return;
        }
        const facts: Facts = {};
        this.villages[village] = { 'dữ kiện': facts };
        this.readMemberRow(from, VILLAGES, village, (spec, key, value) => setFact(facts, spec, key, value));
    }

    /** Remembers where a member's row is (for `locate`), and reads each of its fact cells into `keep`. */
    private readMemberRow(from: MemberRow, key: string, member: string, keep: (spec: FactSpec, part: string | undefined, value: unknown) => void): void {
        const location = { sheet: from.sheet.name, row: from.index + 1 };
        const members = this.memberRows.get(key) ?? { layout: from.layout, rows: new Map<string, number>() };
        members.rows.set(member, location.row);
        this.memberRows.set(key, members);
        const row = from.sheet.rows[from.index] ?? [];
        for (const column of from.columns) {
            const at = { ...location, column: column.index, header: column.header };
            // A misspelt header on this sheet as on «Xã»: a member with data under it is not evaluated, never left «thiếu dữ liệu».
            if (column.binding.kind === 'invalid' && cellText(row[column.index - 1]) !== undefined) {
                this.error(at, `Ô không được đọc vì tên cột có lỗi (dòng 1): ${column.binding.message}`);
                continue;
            }
            if (column.binding.kind !== 'fact') continue;
            const value = this.accept(readFactCell(row[column.index - 1], column.binding.spec), at);
            if (value !== undefined) keep(column.binding.spec, column.binding.key, value);
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
        if (
            this.fields['ngày đánh giá'] === undefined &&
            this.options.date === undefined &&
            !this.problems.some(p => p.header === columnOf('ngày đánh giá')?.header)
        ) {
            this.error(
                at('ngày đánh giá'),
                columnOf('ngày đánh giá')
                    ? 'Thiếu ngày đánh giá (dd/mm/yyyy), hoặc chạy với --ngay cho cả đợt.'
                    : 'Thiếu cột «ngày đánh giá», hoặc chạy với --ngay cho cả đợt.'
            );
        }
    }

    fail(location: CellLocation, message: string): void {
        this.error(location, message);
    }

    finish(): CommuneRow {
        const location = { sheet: this.sheet, row: this.row };
        const { layout, memberRows, row } = this;
        const locate = (path: readonly string[]): CellLocation => {
            const at = (sheet: SheetLayout, atRow: number, column: HeaderColumn | undefined): CellLocation => ({
                sheet: sheet.sheet,
                row: atRow,
                ...(column ? { column: column.index, header: column.header } : {})
            });
            // A village's own fact: its row and column on the villages sheet.
            const villages = memberRows.get(VILLAGES);
            const villageRow = path[0] === 'các thôn' && path[1] !== undefined ? villages?.rows.get(path[1]) : undefined;
            if (villages && villageRow !== undefined) {
                const facts = path.slice(2, 5);
                const column = villages.layout.columns.get(pathKey(facts)) ?? villages.layout.columns.get(pathKey(facts.slice(0, 2)));
                return at(villages.layout, villageRow, column);
            }
            // A member's value (a village's): its row on the collection's sheet.
            for (const [collection, { layout: members, rows }] of memberRows) {
                if (collection === VILLAGES) continue;
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
        const problems = this.problems.map(p => (this.name && !p.commune ? { ...p, commune: this.name } : p));
        const base = { location, ...(this.name ? { name: this.name } : {}), problems, locate };
        const failed = this.problems.some(p => p.severity === 'error');
        const date = this.fields['ngày đánh giá'] ?? this.options.date;
        // The villages sheet lists the commune's villages unless a «thôn» sheet does: a row per village, so
        // a village left out would change the count (the runtime checks «các thôn» against the list).
        const villageNames = Object.keys(this.villages);
        const lists = villageNames.length > 0 && this.lists['thôn'] === undefined ? { ...this.lists, thôn: villageNames } : this.lists;
        const data: Record<string, unknown> = {
            ...this.fields,
            ...(date !== undefined ? { 'ngày đánh giá': date } : {}),
            ...(Object.keys(this.attributes).length > 0 ? { 'thuộc tính': this.attributes } : {}),
            'dữ kiện': this.facts,
            ...(Object.keys(lists).length > 0 ? { 'danh sách': lists } : {}),
            ...(Object.keys(this.villages).length > 0 ? { 'các thôn': this.villages } : {}),
            ...this.scores
        };
        // A row with a bad cell is not evaluated, but what its other cells give is read for their own problems.
        return failed ? { ...base, partial: data as unknown as CommuneData } : { ...base, data: data as unknown as CommuneData };
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
        if (value !== undefined) setFact(this.facts, spec, key, value);
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

/** A fact's value from one column: the whole fact, or one part or year of it (`key`). */
function setFact(facts: Facts, spec: FactSpec, key: string | undefined, value: unknown): void {
    if (key === undefined && !isKeyed(facts[spec.name], spec)) {
        facts[spec.name] = value;
        return;
    }
    // A breakdown or a year: the fact becomes { "nữ": …, "tổng": … } or { "2023": … }.
    const current = facts[spec.name];
    const object: Facts = isKeyed(current, spec) ? (current as Facts) : current === undefined ? {} : { tổng: current };
    object[key ?? 'tổng'] = value;
    facts[spec.name] = object;
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
