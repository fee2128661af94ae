import type { PackInfo } from '@ntm/language';
import type { InputSheet } from '../../batch/input-sheets.js';
import { HEADER_FILL } from '../../batch/workbook-model.js';
import { columnLetter } from '../../batch/problems.js';
import { instructionRows } from '../../batch/instructions.js';

/** Rows of the template kept under data validation (a district follows a few hundred communes). */
const VALIDATED_ROWS = 1000;

/**
 * The input workbook as bytes: the instructions sheet in Vietnamese, the communes sheet and a sheet per
 * collection. Each header carries the fact's type, unit and description as a comment; yes/no and level
 * columns offer their values in a list; date columns are formatted as dates.
 */
export async function inputWorkbookBytes(sheets: readonly InputSheet[], pack: PackInfo, packPath: string): Promise<Uint8Array> {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'ntm';
    const guide = workbook.addWorksheet('Hướng dẫn');
    guide.columns = [{ width: 120 }];
    for (const [i, line] of instructionRows(pack, packPath, sheets).entries()) {
        const row = guide.addRow([line]);
        row.alignment = { wrapText: true, vertical: 'top' };
        if (i === 0) row.font = { bold: true, size: 14 };
    }
    for (const sheet of sheets) {
        const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
        worksheet.columns = sheet.columns.map(c => ({ width: c.width, ...(c.format === 'date' ? { style: { numFmt: 'dd/mm/yyyy' } } : {}) }));
        const header = worksheet.addRow(sheet.columns.map(c => c.header));
        header.font = { bold: true };
        header.alignment = { wrapText: true, vertical: 'top' };
        header.height = 60;
        sheet.columns.forEach((column, i) => {
            const cell = header.getCell(i + 1);
            cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${HEADER_FILL}` } };
            if (column.note) cell.note = column.note;
            // An inline list holds at most 255 characters and no comma inside a value.
            if (column.list && column.list.join(',').length < 250 && !column.list.some(v => v.includes(','))) {
                const range = `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${Math.max(VALIDATED_ROWS, sheet.rows.length + 1)}`;
                (worksheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add(range, {
                    type: 'list',
                    allowBlank: true,
                    showErrorMessage: true,
                    errorStyle: 'warning',
                    formulae: [`"${column.list.map(v => v.replace(/"/g, '""')).join(',')}"`],
                    errorTitle: 'Giá trị không có trong danh sách',
                    error: `Chọn một trong: ${column.list.join(', ')}.`
                });
            }
        });
        for (const values of sheet.rows) worksheet.addRow([...values]);
        worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, sheet.columns.length) } };
    }
    return new Uint8Array(await workbook.xlsx.writeBuffer());
}
