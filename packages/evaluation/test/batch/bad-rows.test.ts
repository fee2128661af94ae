// A batch of 50 communes with 3 bad rows: 47 results, 3 problems named by sheet, row, column and reason;
// the output workbook opens and reads back through the spreadsheet library.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchRunResult } from '@ntm/evaluation/batch';
import { runBatch } from '@ntm/evaluation/batch';
import { RESOURCES, tempFolder } from '../helpers.js';
import type { TestCell } from './workbooks.js';
import { readXlsx, sheetValues, writeXlsx } from './workbooks.js';

const PACK = path.join(RESOURCES, 'batch/xa-thu.ntm');
const HEADER = [
    'STT',
    'xã',
    'huyện',
    'ngày đánh giá',
    'vùng',
    'hộ dùng điện',
    'tổng số hộ',
    'đường xã được cứng hóa',
    'rác thải',
    'quy hoạch chung được phê duyệt',
    'mức phổ cập',
    'tỷ lệ lao động qua đào tạo [nam]',
    'tỷ lệ lao động qua đào tạo [nữ]'
];
const ASSESSED = new Date(Date.UTC(2024, 10, 26));

function row(n: number): TestCell[] {
    return [
        n,
        `Xã ${n}`,
        'Thanh Liêm',
        { value: ASSESSED, numFmt: 'dd/mm/yyyy' },
        'ĐBSH',
        950 + n,
        1000,
        4.5 + n / 10,
        { value: 0.973, numFmt: '0.0%' },
        n % 2 === 0 ? 'có' : 'Không',
        'Mức độ 2',
        72.5,
        70
    ];
}

describe('a batch with bad rows', () => {
    const dir = tempFolder('ntm-batch-bad-');
    const input = path.join(dir, 'so-lieu.xlsx');
    let result: BatchRunResult;

    beforeAll(async () => {
        const rows = Array.from({ length: 50 }, (_, i) => row(i + 1));
        rows[9]![5] = 'nhiều'; // wrong type: a count written in words (sheet row 11)
        rows[21]![7] = '5 dặm'; // unknown unit for a length in km (sheet row 23)
        rows[35]![3] = null; // missing attribute: no assessment date (sheet row 37)
        await writeXlsx(input, { Xã: [HEADER, ...rows] });
        result = await runBatch({ inputs: [input], pack: PACK, outputDir: dir });
    }, 120_000);

    it('evaluates 47 communes and lists 3 failures', () => {
        expect(result.tally.evaluated).toBe(47);
        expect(result.tally.failed).toBe(3);
    });

    it('names each bad row by sheet, row, column and reason', () => {
        const errors = result.problems.filter(p => p.severity === 'error');
        expect(errors.map(p => [p.sheet, p.row, p.header, p.commune])).toEqual([
            ['Xã', 11, 'hộ dùng điện', 'Xã 10'],
            ['Xã', 23, 'đường xã được cứng hóa', 'Xã 22'],
            ['Xã', 37, 'ngày đánh giá', 'Xã 36']
        ]);
        expect(errors[0]!.column).toBe(6);
        expect(errors[0]!.message).toContain('«nhiều»');
        expect(errors[1]!.message).toContain('«dặm»');
        expect(errors[2]!.message).toContain('ngày đánh giá');
    });

    it('writes a workbook that opens: summary, a sheet per criterion, the problems', async () => {
        const workbook = await readXlsx(path.join(dir, 'so-lieu-ket-qua.xlsx'));
        const names = workbook.worksheets.map(s => s.name);
        expect(names[0]).toBe('Tổng hợp');
        expect(names).toContain('TC 17 Môi trường');
        expect(names[names.length - 1]).toBe('Lỗi dữ liệu');
        const summary = workbook.getWorksheet('Tổng hợp')!;
        const values = sheetValues(summary);
        expect(values).toHaveLength(51);
        expect(values[0]).toEqual(expect.arrayContaining(['Xã', 'Kết quả', '17. Môi trường']));
        expect(values.filter(r => r[5] === 'không đánh giá được')).toHaveLength(3);
        // Colours, frozen header, filters.
        const verdictColumn = (values[0] as string[]).indexOf('1. Quy hoạch') + 1;
        const quyHoach = summary.getRow(2).getCell(verdictColumn);
        expect(quyHoach.value).toBe('chưa đạt'); // Xã 1 wrote «Không»
        expect((quyHoach.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
        expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        // The assessment date is a date cell shown as Vietnamese write it (sorted and filtered as a date).
        const dateCell = summary.getRow(2).getCell((values[0] as string[]).indexOf('Ngày đánh giá') + 1);
        expect(dateCell.value).toEqual(ASSESSED);
        expect(dateCell.numFmt).toBe('dd/mm/yyyy');
        // A commune that could not be evaluated still shows the date and district its row gives (the office filters by them).
        expect(summary.getRow(11).getCell((values[0] as string[]).indexOf('Ngày đánh giá') + 1).value).toEqual(ASSESSED);
        expect([11, 23, 37].map(n => values[n - 1]![(values[0] as string[]).indexOf('Huyện')])).toEqual(['Thanh Liêm', 'Thanh Liêm', 'Thanh Liêm']);
        expect(summary.autoFilter).toBeDefined();
        const problems = sheetValues(workbook.getWorksheet('Lỗi dữ liệu')!);
        expect(problems).toHaveLength(4);
        expect(problems.slice(1).map(p => [p[2], p[3], p[4]])).toEqual([
            ['Xã', 11, 'F'],
            ['Xã', 23, 'H'],
            ['Xã', 37, 'D']
        ]);
    });

    it("reads a %-formatted cell as a percentage and keeps the analyst's decimal", async () => {
        const workbook = await readXlsx(path.join(dir, 'so-lieu-ket-qua.xlsx'));
        const sheet = sheetValues(workbook.getWorksheet('TC 17 Môi trường')!);
        expect(sheet[0]).toContain('17.3 giá trị');
        const column = (sheet[0] as string[]).indexOf('17.3 giá trị');
        expect(sheet[1]![column]).toBe('97,3 %');
        expect(sheet[1]![column + 2]).toBe('đạt');
    });

    it('numbers each commune as «Tổng hợp» does on every sheet and on the report cover, failed ones in their place', async () => {
        const workbook = await readXlsx(path.join(dir, 'so-lieu-ket-qua.xlsx'));
        const numbers = (name: string) =>
            new Map(
                sheetValues(workbook.getWorksheet(name)!)
                    .slice(1)
                    .map(r => [r[1], r[0]])
            );
        const summary = numbers('Tổng hợp');
        const criterion = numbers('TC 17 Môi trường');
        expect(criterion.size).toBe(47);
        for (const [commune, n] of criterion) expect(n).toBe(summary.get(commune));
        expect(criterion.get('Xã 12')).toBe(12);
        const cover = readFileSync(path.join(dir, 'so-lieu-bao-cao.html'), 'utf8').split('<section class="page"')[0]!;
        const order = [...cover.matchAll(/<tr><td>(\d+)<\/td>/g)].map(m => Number(m[1]));
        expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('leaves no temporary file behind and writes the combined report', () => {
        expect(readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([]);
        expect(existsSync(path.join(dir, 'so-lieu-bao-cao.html'))).toBe(true);
    });
});

describe('a row with several mistakes', () => {
    const dir = tempFolder('ntm-batch-several-');
    const input = path.join(dir, 'so-lieu.xlsx');
    let result: BatchRunResult;

    beforeAll(async () => {
        const bad = row(2);
        bad[5] = 'nhiều'; // a cell that cannot be read (the builder's error)
        bad[4] = 'ĐBSHH'; // a region that does not exist (the commune reader's error)
        bad[10] = 'Mức độ 9'; // a level the pack does not have (the evaluator's error)
        await writeXlsx(input, { Xã: [HEADER, row(1), bad] });
        result = await runBatch({ inputs: [input], pack: PACK, outputDir: dir, report: 'none' });
    }, 120_000);

    it('names every mistake of the row in one run, each at its own cell, and still does not evaluate it', () => {
        expect(result.tally.evaluated).toBe(1);
        expect(result.tally.failed).toBe(1);
        const errors = result.problems.filter(p => p.severity === 'error');
        expect(errors.map(p => [p.row, p.header]).sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
            [3, 'hộ dùng điện'],
            [3, 'mức phổ cập'],
            [3, 'vùng']
        ]);
        expect(errors.every(p => p.commune === 'Xã 2')).toBe(true);
    });

    it('says on «Tổng hợp» why the commune was not evaluated: the first mistake at its column, and how many more', async () => {
        const summary = sheetValues((await readXlsx(path.join(dir, 'so-lieu-ket-qua.xlsx'))).getWorksheet('Tổng hợp')!);
        const reason = String(summary[2]![(summary[0] as string[]).indexOf('Tiêu chí')]);
        expect(reason).toMatch(/^cột «[^»]+»: .+ \(và 2 lỗi khác: xem trang «Lỗi dữ liệu»\)$/u);
    });
});
