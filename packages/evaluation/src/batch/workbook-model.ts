import type { Verdict } from '@ntm/language';

/** How a cell is shown: a verdict's colour, a failed commune, a header. */
export type CellStyle = Verdict | 'lỗi' | 'cảnh báo';

/** A date (ISO `YYYY-MM-DD`), written as a date cell shown dd/mm/yyyy: Excel sorts and filters it as a date. */
export interface DateCell {
    readonly date: string;
}

export type ModelCell = string | number | undefined | DateCell | { readonly value: string | number; readonly style: CellStyle };

export interface ColumnModel {
    readonly header: string;
    /** Width in characters. */
    readonly width: number;
    /** A comment on the header cell: the requirement, the fact's type and unit. */
    readonly note?: string;
}

/**
 * One sheet of an output workbook, written by any spreadsheet library: its columns, its rows (produced
 * on demand, so a batch of ten thousand communes is never held twice), frozen header and filters.
 */
export interface SheetModel {
    readonly name: string;
    readonly columns: readonly ColumnModel[];
    readonly rowCount: number;
    rows(): Iterable<readonly ModelCell[]>;
    /** Rows and columns kept in view when scrolling. */
    readonly frozen: { readonly rows: number; readonly columns: number };
    readonly filter: boolean;
}

export interface WorkbookModel {
    readonly sheets: readonly SheetModel[];
}

/** The fill and font colours of each style (Excel's own «good», «bad», «neutral» palette). */
export const STYLE_COLOURS: Readonly<Record<CellStyle, { readonly fill: string; readonly font: string }>> = {
    đạt: { fill: 'C6EFCE', font: '006100' },
    'chưa đạt': { fill: 'FFC7CE', font: '9C0006' },
    'thiếu dữ liệu': { fill: 'FFEB9C', font: '9C5700' },
    'không áp dụng': { fill: 'EDEDED', font: '595959' },
    lỗi: { fill: 'C00000', font: 'FFFFFF' },
    'cảnh báo': { fill: 'FFEB9C', font: '9C5700' }
};

/** The header row's fill. */
export const HEADER_FILL = 'DDEBF7';

const FORBIDDEN_IN_SHEET_NAMES = /[\\/?*[\]:]/g;

/** Excel's limit on a sheet name's length. */
const SHEET_NAME_LENGTH = 31;

/**
 * A sheet name Excel accepts: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. A longer
 * name is cut at a word and marked «…» («TC 3 Thủy lợi và phòng, chống…»), never in the middle of a word.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
    const clean = wanted.replace(FORBIDDEN_IN_SHEET_NAMES, ' ').replace(/\s+/g, ' ').trim().replace(/^'|'$/g, '') || 'Trang';
    for (let n = 1; ; n++) {
        const suffix = n === 1 ? '' : ` (${n})`;
        const name = shortened(clean, SHEET_NAME_LENGTH - suffix.length) + suffix;
        if (!taken.has(name.toLocaleLowerCase('vi'))) {
            taken.add(name.toLocaleLowerCase('vi'));
            return name;
        }
    }
}

/** The text in at most `length` characters: whole, or cut after a word with «…». */
function shortened(text: string, length: number): string {
    const chars = Array.from(text);
    if (chars.length <= length) return text;
    const kept = chars.slice(0, length - 1).join('');
    const space = kept.lastIndexOf(' ');
    // A name of one long word is cut where it must be.
    const cut = space > kept.length / 2 ? kept.slice(0, space) : kept;
    return `${cut.replace(/[\s,;.-]+$/u, '')}…`;
}
