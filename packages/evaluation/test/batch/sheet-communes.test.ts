// Rows to commune data, before any evaluation: where each value came from, headers that cannot be read,
// villages on their own sheet, rows that lack what a commune needs.
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '@ntm/language';
import type { SheetCell } from '@ntm/evaluation';
import { communesFromSheets } from '@ntm/evaluation';

const specs: FactSpec[] = [
    { name: 'tổng số hộ', kind: 'count', unit: 'hộ' },
    { name: 'tỷ lệ lao động qua đào tạo', kind: 'percent', unit: '%', members: ['nam', 'nữ'] },
    { name: 'số vụ phạm tội', kind: 'count', unit: 'vụ', index: 'năm' },
    { name: 'nhà văn hóa đạt chuẩn', kind: 'boolean', unit: '', index: 'thôn' }
];
const cells = (...values: SheetCell['value'][]) => values.map(value => (value === null ? undefined : { value }));

describe('rows to commune data', () => {
    it('builds breakdowns, years and villages, and locates every value', () => {
        const { communes, problems } = communesFromSheets(
            {
                file: 'x.xlsx',
                sheets: [
                    {
                        name: 'Xã',
                        rows: [
                            cells(
                                'xã',
                                'ngày đánh giá',
                                'vùng',
                                'tổng số hộ',
                                'tỷ lệ lao động qua đào tạo',
                                'tỷ lệ lao động qua đào tạo [nữ]',
                                'số vụ phạm tội [2023]'
                            ),
                            cells('Liên Ninh', '22/12/2023', 'ĐBSH', 4662, 86, 84.5, 2)
                        ]
                    },
                    {
                        name: 'thôn',
                        rows: [cells('xã', 'thôn', 'nhà văn hóa đạt chuẩn'), cells('Liên Ninh', 'Thọ Am', 'có'), cells('liên ninh', 'Nội Am', 'không')]
                    }
                ]
            },
            specs
        );
        expect(problems).toEqual([]);
        expect(communes[0]!.data).toEqual({
            xã: 'Liên Ninh',
            'ngày đánh giá': '2023-12-22',
            'thuộc tính': { vùng: 'ĐBSH' },
            'dữ kiện': {
                'tổng số hộ': 4662,
                'tỷ lệ lao động qua đào tạo': { tổng: 86, nữ: 84.5 },
                'số vụ phạm tội': { '2023': 2 },
                'nhà văn hóa đạt chuẩn': { 'Thọ Am': 'có', 'Nội Am': 'không' }
            },
            'danh sách': { thôn: ['Thọ Am', 'Nội Am'] }
        });
        const locate = communes[0]!.locate;
        expect(locate(['dữ kiện', 'tỷ lệ lao động qua đào tạo', 'nữ'])).toMatchObject({ sheet: 'Xã', row: 2, column: 6 });
        expect(locate(['dữ kiện', 'nhà văn hóa đạt chuẩn', 'Nội Am'])).toMatchObject({ sheet: 'thôn', row: 3, column: 3 });
        expect(locate(['thuộc tính', 'vùng'])).toMatchObject({ column: 3, header: 'vùng' });
    });

    it('warns once about a header it cannot read, and fails the rows with a value under it', () => {
        const { communes, problems } = communesFromSheets(
            {
                file: 'x.xlsx',
                sheets: [{ name: 'Xã', rows: [cells('xã', 'ngày đánh giá', 'tong so hoo'), cells('A', '2024-01-01', 5), cells('B', '2024-01-01', null)] }]
            },
            specs
        );
        expect(problems).toEqual([
            expect.objectContaining({ severity: 'warning', row: 1, column: 3, message: expect.stringContaining('Có phải «tổng số hộ»?') })
        ]);
        expect(communes[0]!.data).toBeUndefined();
        expect(communes[0]!.problems[0]).toMatchObject({ severity: 'error', row: 2, column: 3, commune: 'A' });
        expect(communes[1]!.data).toBeDefined();
    });

    it('names a missing commune name and date at their columns, and a village of no commune', () => {
        const { communes, problems } = communesFromSheets(
            {
                file: 'x.xlsx',
                sheets: [
                    { name: 'Xã', rows: [cells('xã', 'ngày đánh giá', 'tổng số hộ'), cells(null, '2024-01-01', 5), cells('B', null, 7)] },
                    { name: 'Thôn', rows: [cells('xã', 'thôn', 'nhà văn hóa đạt chuẩn'), cells('Không Có', 'Thọ Am', 'có')] }
                ]
            },
            specs
        );
        expect(communes[0]!.problems).toEqual([expect.objectContaining({ column: 1, message: 'Thiếu tên xã.' })]);
        expect(communes[1]!.problems).toEqual([expect.objectContaining({ column: 2, commune: 'B', message: expect.stringContaining('Thiếu ngày đánh giá') })]);
        expect(problems).toEqual([
            expect.objectContaining({ severity: 'error', sheet: 'Thôn', row: 2, message: expect.stringContaining('Không có xã «Không Có»') })
        ]);
    });

    it('uses the batch date for rows without one', () => {
        const { communes } = communesFromSheets({ file: 'x.csv', sheets: [{ name: 'x', rows: [cells('xã'), cells('A')] }] }, specs, { date: '2024-06-30' });
        expect(communes[0]!.data).toMatchObject({ 'ngày đánh giá': '2024-06-30' });
    });
});
