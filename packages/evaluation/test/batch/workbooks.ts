// Test workbooks written with the spreadsheet library itself, as Excel would save them: numbers as
// doubles, %-formatted cells holding fractions, dates as date cells.
import ExcelJS from 'exceljs';

export type TestCell = string | number | boolean | Date | null | { value: number | Date; numFmt: string };

export async function writeXlsx(file: string, sheets: Record<string, readonly (readonly TestCell[])[]>): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) {
        const sheet = workbook.addWorksheet(name);
        for (const values of rows) {
            const row = sheet.addRow(values.map(v => (v !== null && typeof v === 'object' && !(v instanceof Date) ? v.value : v)));
            values.forEach((v, i) => {
                if (v !== null && typeof v === 'object' && !(v instanceof Date)) row.getCell(i + 1).numFmt = v.numFmt;
            });
        }
    }
    await workbook.xlsx.writeFile(file);
}

/** A workbook read back by the library: each sheet's rows as plain values (a formula's result, a rich text's text). */
export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    return workbook;
}

export function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
        rows[n - 1] = (row.values as unknown[]).slice(1);
    });
    return rows;
}
