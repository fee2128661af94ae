// The table renderer on its own: widths are display widths, so Vietnamese text in decomposed form (NFD,
// as PDFs give it) and wide characters line up; a `whole` column is never cut.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Column } from '../src/index.js';
import { plainText, renderTable } from '../src/index.js';

const columns: Column[] = [
    { header: 'Chỉ tiêu', fit: 'whole' },
    { header: 'Giá trị', fit: 'wrap' },
    { header: 'Kết quả', fit: 'whole' },
    { header: 'Ghi chú', fit: 'notes' }
];

describe('renderTable', () => {
    it('aligns columns by display width whatever the Unicode form', () => {
        const rows = [
            ['1.1', 'mức độ 3'.normalize('NFD'), 'thiếu dữ liệu ≠'.normalize('NFD'), 'ghi chú'],
            ['1.2', 'mức độ 3', 'đạt', '漢字 rộng']
        ];
        const lines = renderTable(columns, rows, 120).map(plainText);
        const starts = lines.slice(2).map(line => stringWidth(line.slice(0, line.indexOf('ghi chú') >= 0 ? line.indexOf('ghi chú') : line.indexOf('漢字'))));
        expect(starts[0]).toBe(starts[1]);
        expect(lines[2]).toContain('thiếu dữ liệu ≠');
    });

    it('never cuts a whole column, wraps the others and moves notes under the row when narrow', () => {
        const rows = [['12.1', 'một giá trị rất dài cần được ngắt thành nhiều dòng cho vừa', 'không áp dụng ≠', 'một ghi chú dài '.repeat(8)]];
        const lines = renderTable(columns, rows, 40).map(plainText);
        expect(lines.some(line => line.includes('không áp dụng ≠'))).toBe(true);
        expect(lines.every(line => stringWidth(line) <= 40)).toBe(true);
        expect(lines[0]).not.toContain('Ghi chú');
        expect(lines.at(-1)).toMatch(/^ {4}.*một ghi chú dài/);
    });
});
