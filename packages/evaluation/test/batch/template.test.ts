// The blank input workbook of a pack: instructions in Vietnamese, one column per fact with its type, unit
// and description in the header's comment, lists for yes/no and levels, a column per breakdown member.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeInputTemplate } from '@ntm/evaluation/batch';
import { RESOURCES, tempFolder } from '../helpers.js';
import { readXlsx, sheetValues } from './workbooks.js';

describe('the template workbook', () => {
    const dir = tempFolder('ntm-batch-template-');

    it('has instructions, a communes sheet with commented headers and validation lists', async () => {
        const file = path.join(dir, 'mau.xlsx');
        const written = await writeInputTemplate(path.join(RESOURCES, 'batch/xa-thu.ntm'), file);
        expect(written.communes).toBe(0);
        const workbook = await readXlsx(file);
        expect(workbook.worksheets.map(s => s.name)).toEqual(['Hướng dẫn', 'Xã']);
        const guide = sheetValues(workbook.getWorksheet('Hướng dẫn')!).map(r => String(r?.[0] ?? ''));
        expect(guide[0]).toContain('Bảng nhập số liệu các xã');
        expect(guide.join('\n')).toContain('Ô để trống nghĩa là thiếu số liệu');

        const sheet = workbook.getWorksheet('Xã')!;
        const headers = sheetValues(sheet)[0] as string[];
        expect(headers.slice(0, 8)).toEqual(['xã', 'huyện', 'tỉnh', 'cấp', 'ngày đánh giá', 'vùng', 'nhóm', 'nguồn']);
        expect(headers).toEqual(
            expect.arrayContaining([
                'hộ dùng điện',
                'tỷ lệ hộ dùng điện',
                'tỷ lệ lao động qua đào tạo',
                'tỷ lệ lao động qua đào tạo [nam]',
                'tỷ lệ lao động qua đào tạo [nữ]',
                'mức phổ cập'
            ])
        );
        const note = (header: string) => {
            const cell = sheet.getRow(1).getCell(headers.indexOf(header) + 1);
            const value = cell.note as unknown;
            return typeof value === 'string' ? value : (value as { texts: { text: string }[] }).texts.map(t => t.text).join('');
        };
        expect(note('hộ dùng điện')).toBe('số đếm (số nguyên ≥ 0), đơn vị hộ — Số hộ sử dụng điện an toàn');
        expect(note('đường xã được cứng hóa')).toContain('đơn vị km');
        expect(note('tỷ lệ hộ dùng điện')).toContain('dữ kiện tính toán');
        // Words for a spreadsheet, not for JSON: «có/không» without «true/false», a breakdown's parts as columns.
        expect(note('quy hoạch chung được phê duyệt')).toBe('có/không');
        expect(note('tỷ lệ lao động qua đào tạo [nữ]')).toBe('phần trăm — có phân tổ: mỗi phần một cột («… [nam]», «… [nữ]»)');
        const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
        const listOf = (header: string) =>
            Object.entries(validations).find(([range]) => range.startsWith(`${String.fromCharCode(64 + headers.indexOf(header) + 1)}2`))?.[1];
        expect(listOf('quy hoạch chung được phê duyệt')).toMatchObject({ type: 'list', formulae: ['"có,không"'] });
        expect(listOf('mức phổ cập')).toMatchObject({ type: 'list', formulae: ['"chưa đạt,mức độ 1,mức độ 2,mức độ 3"'] });
        expect(listOf('vùng')).toMatchObject({ type: 'list' });
    }, 60_000);
});
