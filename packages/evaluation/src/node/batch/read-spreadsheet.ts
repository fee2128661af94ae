import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SheetCell } from '../../batch/cells.js';
import type { SheetRows, SpreadsheetInput } from '../../batch/sheet-communes.js';
import { OutputError, relativeToCwd } from '../files.js';

/** Spreadsheet files `ntm batch` reads. */
export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.csv'] as const;

export function isSpreadsheet(file: string): boolean {
    return SPREADSHEET_EXTENSIONS.some(ext => file.toLowerCase().endsWith(ext));
}

/** Reads an `.xlsx` workbook or a `.csv` file into rows of cells; the spreadsheet library is loaded only here. */
export async function readSpreadsheet(file: string): Promise<SpreadsheetInput> {
    return file.toLowerCase().endsWith('.csv') ? readCsv(file) : readXlsx(file);
}

type ExcelValue =
    | null
    | undefined
    | string
    | number
    | boolean
    | Date
    | { formula?: string; result?: unknown; richText?: { text: string }[]; text?: string; hyperlink?: string; error?: string; sharedString?: number };

/**
 * `.xlsx` through exceljs's streaming reader (rows as they come, styles kept for number formats, so a
 * %-formatted cell and a date cell are known as such). A formula cell counts by its cached result.
 */
async function readXlsx(file: string): Promise<SpreadsheetInput> {
    const ExcelJS = (await import('exceljs')).default;
    // Given a path, exceljs opens the file itself and an error (no such file, a folder) escapes as an
    // unhandled stream event that kills the process: the file is opened here, its errors rejected.
    const handle = await fs.open(file, 'r');
    if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: 'EISDIR', path: file });
    }
    const input = handle.createReadStream();
    let failure: unknown;
    input.on('error', error => {
        failure = error;
    });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'ignore'
    });
    const sheets: SheetRows[] = [];
    try {
        for await (const worksheet of reader) {
            const rows: (SheetCell | undefined)[][] = [];
            for await (const row of worksheet as AsyncIterable<{
                number: number;
                eachCell(options: { includeEmpty: boolean }, callback: (cell: { col: number; value: ExcelValue; numFmt?: string }) => void): void;
            }>) {
                const cells: (SheetCell | undefined)[] = [];
                row.eachCell({ includeEmpty: false }, cell => {
                    cells[cell.col - 1] = sheetCell(cell.value, cell.numFmt);
                });
                rows[row.number - 1] = cells;
            }
            sheets.push({ name: (worksheet as unknown as { name: string }).name, rows });
        }
    } catch {
        // Not a zip, or a cut-off one (exceljs says so in English): the file is not a workbook Excel saved whole.
        throw (
            failure ??
            new OutputError(
                `Không đọc được bảng tính «${relativeToCwd(file)}»: tệp không phải bảng tính .xlsx hoặc bị hỏng. Mở tệp bằng Excel và lưu lại dạng .xlsx.`
            )
        );
    } finally {
        input.destroy();
    }
    if (failure) throw failure;
    const properties = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
    return { file, sheets, ...(properties?.model?.date1904 ? { date1904: true } : {}) };
}

function sheetCell(value: ExcelValue, numFmt: string | undefined): SheetCell | undefined {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'object' || value instanceof Date) return numFmt && typeof value === 'number' ? { value, numFmt } : { value };
    if (value.error) return { value: value.error, error: value.error };
    if ('formula' in value || 'result' in value) {
        const result = value.result as ExcelValue;
        if (result && typeof result === 'object' && !(result instanceof Date) && 'error' in result)
            return { value: String(result.error), error: String(result.error) };
        return sheetCell(result, numFmt);
    }
    if (value.richText) return { value: value.richText.map(part => part.text).join('') };
    if (value.text !== undefined) return { value: String(value.text) };
    return undefined;
}

/**
 * CSV as district offices save it: UTF-8 with or without BOM, UTF-16 (Excel's «Unicode text»), or
 * Windows-1258 (Excel on a Vietnamese Windows); fields separated by `,`, `;` or tabs, whichever the header
 * line uses. Every field is text: numbers keep the analyst's decimal comma.
 */
async function readCsv(file: string): Promise<SpreadsheetInput> {
    const bytes = await fs.readFile(file);
    // A zip's signature: a workbook saved (or renamed) with a .csv name.
    if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
        throw new OutputError(`Tệp «${relativeToCwd(file)}» là bảng tính .xlsx mang tên .csv: đổi tên cho kết thúc bằng .xlsx rồi chạy lại.`);
    }
    const text = await decodeText(bytes);
    const delimiter = guessDelimiter(text);
    const { parse } = await import('csv-parse/sync');
    let records: string[][];
    try {
        // A quote inside a field not written in quotes («Báo cáo "số 12"») is kept as typed, as Excel shows it.
        records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
    } catch (error) {
        throw new OutputError(csvProblem(file, error));
    }
    const rows = records.map(record => record.map(field => (field.trim() === '' ? undefined : ({ value: field } as SheetCell))));
    return { file, sheets: [{ name: path.basename(file).replace(/\.csv$/i, ''), rows }] };
}

/** Why a CSV file cannot be read, in the analyst's words, with the line (csv-parse says it in English). */
function csvProblem(file: string, error: unknown): string {
    const { code, lines } = (error ?? {}) as { code?: string; lines?: number };
    const where = typeof lines === 'number' ? `dòng ${lines}: ` : '';
    const why =
        code === 'CSV_QUOTE_NOT_CLOSED'
            ? 'có dấu ngoặc kép " mở mà không đóng'
            : code === 'INVALID_CLOSING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE'
              ? 'có chữ ngay sau dấu ngoặc kép " đóng một ô'
              : 'không đúng dạng CSV';
    return `Không đọc được tệp CSV «${relativeToCwd(file)}»: ${where}${why}. Mở tệp bằng Excel rồi lưu lại dạng CSV (hay lưu .xlsx và chạy với tệp .xlsx).`;
}

/** Decodes by BOM, then as strict UTF-8, else as Windows-1258; always to NFC (1258 writes tones as combining marks). */
export async function decodeText(bytes: Uint8Array): Promise<string> {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3)).normalize('NFC');
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2)).normalize('NFC');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2)).normalize('NFC');
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
    } catch {
        const iconv = (await import('iconv-lite')).default;
        return iconv.decode(Buffer.from(bytes), 'windows-1258').normalize('NFC');
    }
}

/** The separator the header line uses most, outside quotes: `;` (Vietnamese Excel), `,` or a tab. */
export function guessDelimiter(text: string): string {
    const counts = new Map<string, number>([
        [';', 0],
        [',', 0],
        ['\t', 0]
    ]);
    let quoted = false;
    for (const char of text) {
        if (char === '"') quoted = !quoted;
        else if (!quoted && (char === '\n' || char === '\r')) break;
        else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![1] > 0 ? [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0] : ',';
}
