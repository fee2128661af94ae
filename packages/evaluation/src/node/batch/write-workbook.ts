import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Style, Worksheet } from 'exceljs';
import type { CellStyle, ModelCell, SheetModel, WorkbookModel } from '../../batch/workbook-model.js';
import { HEADER_FILL, STYLE_COLOURS } from '../../batch/workbook-model.js';

const CHECK_EVERY_ROWS = 100;

/**
 * Committed rows go to the sheet's zip entry, whose compressor is slower than rows are made, and exceljs
 * writes into it without waiting: a sheet's whole XML would pile up in memory (hundreds of megabytes for
 * ten thousand communes). So this waits for the compressor (exceljs 4.4 pipes the sheet's `stream` into
 * it, `stream.pipes[0]`) to drain before going on.
 */
async function zipCaughtUp(worksheet: unknown): Promise<void> {
    // The entry's stream comes from readable-stream 2, which has no `writableNeedDrain`: its state says it.
    const entry = (worksheet as { stream?: { pipes?: Array<Writable & { _writableState?: { needDrain?: boolean } }> } }).stream?.pipes?.[0];
    if (entry?._writableState?.needDrain) await once(entry, 'drain');
}

type Fill = { type: 'pattern'; pattern: 'solid'; fgColor: { argb: string } };

const fillOf = (rgb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } });

/**
 * Writes a workbook model through exceljs's streaming writer, one sheet after the other (each row is
 * committed as it is made, so memory stays flat however many communes there are): bold coloured
 * headers with their comments, frozen panes, filters, verdict cells coloured. `afterSheet` runs between sheets
 * (the batch keeps its memory in bounds there, see collect-garbage.ts).
 */
export async function writeWorkbook(model: WorkbookModel, stream: Writable, options: { readonly afterSheet?: () => void } = {}): Promise<void> {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = 'ntm';
    for (const sheet of model.sheets) {
        options.afterSheet?.();
        await writeSheet(
            workbook.addWorksheet(sheet.name, {
                views: [{ state: 'frozen', xSplit: sheet.frozen.columns, ySplit: sheet.frozen.rows }]
            }) as unknown as Worksheet & { commit(): Promise<void> },
            sheet
        );
    }
    await workbook.commit();
}

async function writeSheet(worksheet: Worksheet & { commit(): Promise<void> }, sheet: SheetModel): Promise<void> {
    worksheet.columns = sheet.columns.map(c => ({ width: c.width }));
    if (sheet.filter && sheet.columns.length > 0) {
        worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rowCount + 1), column: sheet.columns.length } };
    }
    const header = worksheet.addRow(sheet.columns.map(c => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    sheet.columns.forEach((column, i) => {
        const cell = header.getCell(i + 1);
        cell.fill = fillOf(HEADER_FILL);
        if (column.note) cell.note = column.note;
    });
    header.commit();
    let count = 0;
    for (const cells of sheet.rows()) {
        const row = worksheet.addRow(cells.map(plainValue));
        // Each cell gets one of a few shared style objects: exceljs then finds the style by identity, where a
        // cell's own object (what setting `cell.fill` makes) costs a rendering and a lookup per cell.
        row.eachCell((cell, column) => {
            const model = cells[column - 1];
            cell.style = (model !== undefined && typeof model === 'object' ? ('date' in model ? DATE : STYLES.get(model.style)) : undefined) ?? PLAIN;
        });
        row.commit();
        if (++count % CHECK_EVERY_ROWS === 0) await zipCaughtUp(worksheet);
    }
    await worksheet.commit();
}

function plainValue(cell: ModelCell): string | number | Date | null {
    if (cell === undefined) return null;
    if (typeof cell !== 'object') return cell;
    // A calendar day: midnight UTC, which Excel shows as that day whatever the machine's time zone.
    return 'date' in cell ? new Date(`${cell.date}T00:00:00Z`) : cell.value;
}

/** The style of a cell without colour, shared by every such cell (never changed: exceljs only reads it). */
const PLAIN: Partial<Style> = {};

/** A date cell, shown as Vietnamese write dates. */
const DATE: Partial<Style> = { numFmt: 'dd/mm/yyyy' };

const STYLES = new Map<CellStyle, Partial<Style>>(
    Object.entries(STYLE_COLOURS).map(([style, colours]) => [
        style as CellStyle,
        { fill: fillOf(colours.fill), font: { color: { argb: `FF${colours.font}` } } }
    ])
);
