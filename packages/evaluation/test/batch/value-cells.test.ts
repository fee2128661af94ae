// The «giá trị» cell of a criterion sheet is the commune's own value, clause by clause, as `ntm eval` shows it:
// both parts of a breakdown (the failing one too), «—» where the file gives none — never another fact the rule
// read, such as the denominator of a rate whose numerator is missing (found by a district-staff trial).
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '@ntm/evaluation/batch';
import { RESOURCES, tempFolder } from '../helpers.js';
import { readXlsx, sheetValues, writeXlsx } from './workbooks.js';

const PACK = path.join(RESOURCES, 'batch/xa-thu.ntm');

describe('the value cells of the criterion sheets', () => {
    const dir = tempFolder('ntm-batch-values-');
    let sheets: Map<string, unknown[][]>;

    beforeAll(async () => {
        const input = path.join(dir, 'gia-tri.xlsx');
        await writeXlsx(input, {
            Xã: [
                ['xã', 'ngày đánh giá', 'tỷ lệ lao động qua đào tạo [nam]', 'tỷ lệ lao động qua đào tạo [nữ]', 'hộ dùng điện', 'tổng số hộ'],
                ['Một', '26/11/2024', 80, 60, 990, 1000],
                ['Hai', '26/11/2024', null, null, null, 1500]
            ]
        });
        await runBatch({ inputs: [input], pack: PACK, outputDir: dir, report: 'none' });
        const workbook = await readXlsx(path.join(dir, 'gia-tri-ket-qua.xlsx'));
        sheets = new Map(workbook.worksheets.map(ws => [ws.name, sheetValues(ws)]));
    }, 60_000);

    const cells = (sheet: string, label: string) => {
        const rows = [...sheets.entries()].find(([name]) => name.startsWith(sheet))![1];
        const at = rows[0]!.indexOf(`${label} giá trị`);
        return rows.slice(1).map(row => [row[1], row[at], row[at + 1], row[at + 2]]);
    };

    it('shows both parts of a breakdown, and the requirement once', () => {
        expect(cells('TC 12', '12.1')).toEqual([
            ['Một', 'nam: 80 %; nữ: 60 %', '>= 70 %', 'chưa đạt'],
            ['Hai', 'nam: —; nữ: —', '>= 70 %', 'thiếu dữ liệu']
        ]);
    });

    it('shows «—» for a rate whose numerator is missing, not its denominator', () => {
        expect(cells('TC 4', '4.1')).toEqual([
            ['Một', '99 %', '>= 95 %', 'đạt'],
            ['Hai', '—', '>= 95 %', 'thiếu dữ liệu']
        ]);
    });
});
