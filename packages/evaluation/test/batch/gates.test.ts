// A batch over a pack with recognition conditions (`điều kiện công nhận`): a commune that meets every
// criterion but falls short on a condition is not told «không còn việc phải làm». The workbook has the
// conditions' columns and sheet, the report their figures, gap and unverified threshold, the plan the work.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '@ntm/evaluation/batch';
import { closingLines } from '@ntm/evaluation';
import type { BatchRunResult } from '@ntm/evaluation/batch';
import { RESOURCES, tempFolder } from '../helpers.js';
import { readXlsx, sheetValues, writeXlsx } from './workbooks.js';

const PACK = path.join(RESOURCES, 'batch/kieu-mau.ntm');
const INCOME = 'Thu nhập cao hơn từ 10% trở lên so với mức của xã nông thôn mới nâng cao';

describe('a batch over a pack with recognition conditions', () => {
    const dir = tempFolder('ntm-batch-gates-');
    let run: BatchRunResult;
    let html: string;

    beforeAll(async () => {
        const input = path.join(dir, 'kieu-mau.xlsx');
        await writeXlsx(input, {
            Xã: [
                ['xã', 'huyện', 'tỉnh', 'ngày đánh giá', 'rác thải', 'đạt nâng cao', 'thu nhập', 'mức thu nhập nâng cao'],
                ['Thu Đạt', 'Huyện A', 'Hà Nam', '15/11/2024', 95, 'có', 80.5, 72],
                ['Thu Thiếu', 'Huyện A', 'Hà Nam', '15/11/2024', 95, 'có', 78.9, 72]
            ]
        });
        run = await runBatch({ inputs: [input], pack: PACK, outputDir: dir });
        html = readFileSync(path.join(dir, 'kieu-mau-bao-cao.html'), 'utf8');
    }, 60_000);

    it('counts the conditions in the tally and the closing lines', () => {
        expect(run.tally).toMatchObject({ evaluated: 2, recognised: 1 });
        expect(run.tally.gates.map(g => [g.text, g.counts['đạt'], g.counts['chưa đạt']])).toEqual([
            ['Đạt chuẩn nông thôn mới nâng cao', 2, 0],
            [INCOME, 1, 1]
        ]);
        expect(closingLines(run.tally).at(-1)).toBe(
            'Theo điều kiện công nhận — ĐK1: 2 đạt, 0 chưa đạt; ĐK2: 1 đạt, 1 chưa đạt (ĐK theo thứ tự trên trang «Điều kiện công nhận»).'
        );
    });

    it('gives each condition a verdict column on the summary sheet and its figures on a sheet of its own', async () => {
        const workbook = await readXlsx(path.join(dir, 'kieu-mau-ket-qua.xlsx'));
        const summary = sheetValues(workbook.worksheets[0]!);
        const header = summary[0]!.map(String);
        const gate = header.findIndex(h => h.startsWith('ĐK2. Thu nhập cao hơn từ 10%'));
        expect(gate).toBeGreaterThan(header.indexOf('17. Môi trường'));
        expect(summary.slice(1).map(row => [row[1], row[5], row[gate]])).toEqual([
            ['Thu Đạt', 'đạt', 'đạt'],
            ['Thu Thiếu', 'chưa đạt', 'chưa đạt']
        ]);
        const sheet = workbook.getWorksheet('Điều kiện công nhận');
        expect(sheet).toBeDefined();
        const rows = sheetValues(sheet!);
        expect(rows[0]).toEqual([
            'STT',
            'Xã',
            'Huyện',
            'Công nhận',
            'ĐK1 giá trị',
            'ĐK1 ngưỡng',
            'ĐK1 kết quả',
            'ĐK1 còn thiếu',
            'ĐK2 giá trị',
            'ĐK2 ngưỡng',
            'ĐK2 kết quả',
            'ĐK2 còn thiếu'
        ]);
        // The yes/no condition shows the fact it read (no threshold «có»); the income one its figure, threshold and gap.
        expect(rows[2]).toEqual([
            2,
            'Thu Thiếu',
            'Huyện A',
            'chưa đạt',
            'có',
            undefined,
            'đạt',
            undefined,
            '78,9 triệu đồng/người/năm',
            '>= 79,2 triệu đồng/người/năm',
            'chưa đạt',
            'còn thiếu 0,3 triệu đồng/người/năm'
        ]);
    });

    it('prints the failed condition with its figures, gap and unverified threshold, and plans the work', () => {
        const page = html.slice(html.indexOf('id="xa-2"'));
        expect(page).toContain('Xã đạt 1/1 tiêu chí, 1/2 điều kiện công nhận');
        expect(page).toContain('III. Điều kiện công nhận');
        expect(page).toContain('Ngưỡng áp dụng: &gt;&#x3D; 79,2 triệu đồng/người/năm');
        expect(page).toContain('<td>còn thiếu 0,3 triệu đồng/người/năm</td>');
        expect(page).toContain(`Điều kiện công nhận «${INCOME}»: Ngưỡng chưa kiểm chứng: trích qua báo chí`);
        expect(page).toContain('Điều kiện công nhận chưa thỏa');
        expect(page).toContain('1 điều kiện công nhận chưa thỏa.');
        expect(page).not.toContain('không còn việc phải làm');
        const met = html.slice(html.indexOf('id="xa-1"'), html.indexOf('id="xa-2"'));
        expect(met).toContain('Xã đạt mọi tiêu chí và mọi điều kiện công nhận của bộ tiêu chí: không còn việc phải làm.');
    });
});
