// `ntm batch` as district staff run it: the template workbook, one command over a workbook or a CSV,
// the workbook and report written, bad rows on stderr with the exit code saying some failed.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, tempDir } from './helpers/run-ntm.js';

const MINI = path.join(resources, 'mini.ntm');

describe('ntm batch', () => {
    it('writes the template workbook, filled with commune files when given, then evaluates it', async () => {
        const dir = tempDir();
        const template = await ntm('batch', 'template', MINI, path.join(resources, 'mini-commune.json'), '-o', path.join(dir, 'mau.xlsx'));
        expect(template.stderr).toBe('');
        expect(template.stdout).toMatch(/^Đã ghi .*mau\.xlsx \(1 xã\)\n$/);
        expect(template.code).toBe(0);

        const run = await ntm('batch', MINI, path.join(dir, 'mau.xlsx'), '-o', dir);
        expect(run.stderr).toBe(''); // piped: no progress bar
        expect(run.stdout).toContain('mau-ket-qua.xlsx');
        expect(run.stdout).toContain('mau-bao-cao.html');
        expect(run.stdout).toContain('Đã đánh giá 1 xã; 0 xã đạt công nhận.');
        expect(run.stdout).toContain('Theo tiêu chí — 4: 0 đạt, 1 chưa đạt; 10: 1 đạt, 0 chưa đạt; 17: 1 đạt, 0 chưa đạt.');
        expect(run.code).toBe(0);
        expect(existsSync(path.join(dir, 'mau-ket-qua.xlsx'))).toBe(true);

        // A second template over the filled workbook is refused: the office's data is never written over.
        const before = readFileSync(path.join(dir, 'mau.xlsx'));
        const again = await ntm('template', '--xlsx', MINI, '-o', path.join(dir, 'mau.xlsx'));
        expect(again.stderr).toMatch(/^Không ghi đè: «.*mau\.xlsx» đã có \(có thể là bảng đã điền số liệu\)/);
        expect(again.code).toBe(1);
        expect(readFileSync(path.join(dir, 'mau.xlsx')).equals(before)).toBe(true);
        const csvName = await ntm('batch', 'template', MINI, '-o', path.join(dir, 'mau.csv'));
        expect(csvName.stderr).toMatch(/không kết thúc bằng \.xlsx/);
        expect(csvName.code).toBe(1);
        expect(existsSync(path.join(dir, 'mau.csv'))).toBe(false);
    }, 120_000);

    it('lists bad rows of a CSV on stderr with sheet, cell and reason, evaluates the rest, and exits 1', async () => {
        const dir = tempDir();
        const csv = path.join(dir, 'dot-1.csv');
        writeFileSync(
            csv,
            [
                'xã;ngày đánh giá;hộ dùng điện;tổng số hộ;thu nhập;rác thải;đã đạt chuẩn NTM',
                'Một;26/11/2024;2751;2751;72,5;99;có',
                'Hai;26/11/2024;2740;2751;70 nghìn đồng;99;có',
                'Ba;26/11/2024;nhiều;2751;73;99;có',
                'Bốn;26/11/2024;100;100;73;98,5 %;không'
            ].join('\n')
        );
        const run = await ntm('batch', MINI, csv, '--no-bao-cao');
        expect(run.code).toBe(1);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(/dot-1\.csv:'dot-1'!E3 lỗi xã Hai, cột «thu nhập»: .*«nghìn đồng»/);
        expect(lines[1]).toMatch(/dot-1\.csv:'dot-1'!C4 lỗi xã Ba, cột «hộ dùng điện»: .*«nhiều»/);
        expect(run.stdout).toContain('Đã đánh giá 2 xã; 2 xã không đánh giá được (xem trang «Lỗi dữ liệu»); 1 xã đạt công nhận.');
        expect(existsSync(path.join(dir, 'dot-1-bao-cao.html'))).toBe(false);
    }, 120_000);

    it('evaluates a folder of commune files that name their pack', async () => {
        const dir = tempDir();
        const run = await ntm('batch', path.join(resources, 'mini-commune.json'), '-o', dir);
        expect(run.stdout).toContain('Đã đánh giá 1 xã');
        expect(run.code).toBe(0);
        expect(readFileSync(path.join(dir, 'mini-commune-bao-cao.html'), 'utf8')).toContain('xã Thử');
    }, 120_000);

    it('passes over JSON in a folder that is not a commune file (package.json, schemas), with a warning; never one named', async () => {
        const folder = tempDir();
        const pack = readFileSync(MINI, 'utf8');
        writeFileSync(path.join(folder, 'mini.ntm'), pack);
        const commune = JSON.parse(readFileSync(path.join(resources, 'mini-commune.json'), 'utf8')) as Record<string, unknown>;
        writeFileSync(path.join(folder, 'xa.json'), JSON.stringify({ ...commune, 'bộ tiêu chí': 'mini.ntm' }));
        writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'app', type: 'module' }));
        const run = await ntm('batch', folder, '-o', tempDir());
        expect(run.stdout).toContain('Đã đánh giá 1 xã');
        expect(run.stderr).toContain('package.json cảnh báo: Bỏ qua: không phải tệp xã');
        expect(run.code).toBe(0);
        const named = await ntm('batch', path.join(folder, 'package.json'), '-o', tempDir());
        expect(named.code).not.toBe(0);
    }, 120_000);

    it('chooses the pack in force for each row among a folder of packs, by level, province and date', async () => {
        const dir = tempDir();
        const csv = path.join(dir, 'nhieu-bo.csv');
        writeFileSync(
            csv,
            [
                'xã;tỉnh;cấp;ngày đánh giá;vùng;tổng số thôn;số thôn văn hóa;tỷ lệ suy dinh dưỡng;xã đặc biệt khó khăn;thu nhập',
                'Thử;Thử;xã nông thôn mới;01/06/2023;ĐBSH;8;6;20;có;38,6',
                'Khác;Hà Nam;xã nông thôn mới;01/03/2026;ĐBSH;;;;;80',
                'Thiếu cấp;Hà Nam;;01/06/2023;ĐBSH;8;6;20;có;38,6',
                'Mới;Thử;xã nông thôn mới;01/03/2026;ĐBSH;8;6;20;có;80'
            ].join('\n')
        );
        const run = await ntm('batch', path.join(resources, 'law-in-time'), csv, '--no-bao-cao');
        expect(run.stderr).toMatch(/nhieu-bo\.csv:'nhieu-bo'!C4 lỗi xã Thiếu cấp, cột «cấp»: .*cần ghi «cấp»/);
        // The 2026 row falls under the successor pack, which reads none of four filled columns: one warning for the row.
        expect(run.stderr).toContain(
            "nhieu-bo.csv:'nhieu-bo'!5:5 cảnh báo xã Mới: 4 cột không dùng trong bộ tiêu chí được chọn cho xã này («tổng số thôn», «số thôn văn hóa», «tỷ lệ suy dinh dưỡng», …)"
        );
        expect(run.stderr).not.toMatch(/xã Mới, cột/u);
        expect(run.stdout).toContain('Đã đánh giá 3 xã; 1 xã không đánh giá được');
        expect(run.code).toBe(1);
    }, 120_000);

    it('refuses a spreadsheet without a pack, or without a commune (usage errors)', async () => {
        const dir = tempDir();
        const csv = path.join(dir, 'x.csv');
        writeFileSync(csv, 'xã\nMột\n');
        const noPack = await ntm('batch', csv);
        expect(noPack.stderr).toContain('Bảng tính cần một bộ tiêu chí');
        expect(noPack.code).toBe(2);
        writeFileSync(csv, 'xã;ngày đánh giá\n');
        const empty = await ntm('batch', MINI, csv);
        expect(empty.stderr).toContain('không có dòng xã nào');
        expect(empty.code).toBe(2);
    });

    it('names a spreadsheet, pack or folder that is not there, or is not a workbook, and exits 2 without writing anything', async () => {
        const dir = tempDir();
        const missing = await ntm('batch', MINI, path.join(dir, 'khong-co.xlsx'), '-o', dir);
        expect(missing.stderr).toBe(`Không đọc được tệp «${path.join(dir, 'khong-co.xlsx')}»: không có tệp hay thư mục này (ENOENT).\n`);
        expect(missing.stderr).not.toContain('Unhandled');
        expect(missing.code).toBe(2);
        const noPack = await ntm('batch', path.join(dir, 'khong-co.ntm'), path.join(resources, 'mini-commune.json'), '-o', dir);
        expect(noPack.stderr).toMatch(/^Không đọc được tệp «.*khong-co\.ntm»: không có tệp hay thư mục này \(ENOENT\)\.\n$/);
        expect(noPack.code).toBe(2);
        const notWorkbook = path.join(dir, 'chu.xlsx');
        writeFileSync(notWorkbook, 'không phải bảng tính');
        const bad = await ntm('batch', MINI, notWorkbook, '-o', dir);
        expect(bad.stderr).toMatch(/^Không đọc được bảng tính «.*chu\.xlsx»: tệp không phải bảng tính \.xlsx hoặc bị hỏng\./);
        expect(bad.code).toBe(2);
        const folderAsPack = await ntm('batch', 'template', resources, '-o', path.join(dir, 'mau.xlsx'));
        expect(folderAsPack.stderr).toMatch(/là một thư mục, không phải một tệp\.\n$/);
        expect(folderAsPack.code).toBe(2);
        expect(readdirSync(dir)).toEqual(['chu.xlsx']);
    }, 120_000);

    it('leaves out of the template a commune file the pack cannot read, naming each problem, and exits 1', async () => {
        const dir = tempDir();
        const other = path.join(dir, 'xa-khac.json');
        writeFileSync(other, JSON.stringify({ xã: 'Khác', 'ngày đánh giá': '26/11/2024', 'dữ kiện': { 'số hộ dùng điện an toàn': 5 } }, undefined, 2));
        const run = await ntm('batch', 'template', MINI, path.join(resources, 'mini-commune.json'), other, '-o', path.join(dir, 'mau.xlsx'));
        expect(run.stderr).toMatch(/xa-khac\.json:5:5 lỗi dữ kiện\.số hộ dùng điện an toàn: Dữ kiện «số hộ dùng điện an toàn» không có trong bộ tiêu chí\./);
        expect(run.stdout).toMatch(/Đã ghi .*mau\.xlsx \(1 xã\)/);
        expect(run.code).toBe(1);
    }, 120_000);
});

describe('ntm batch over commune files of different packs', () => {
    const SAMPLES = ['examples/ha-nam/liem-can-2024.json', 'examples/ha-noi/lien-ninh-2023.json', 'examples/lang-son/lien-hoi-2023.json'];

    it('reads every .json path as a commune file (the first is not a pack), and keeps criteria of different packs apart', async () => {
        const dir = tempDir();
        const repo = path.resolve(resources, '../../../..');
        const run = await ntm('batch', ...SAMPLES.map(s => path.join(repo, s)), '-o', dir, '--no-bao-cao');
        expect(run.stdout).toContain('Đã đánh giá 3 xã;');
        // «4» is «Điện» in the Hà Nam pack and «Về thu nhập bình quân đầu người» in the Hà Nội one: two criteria, each named.
        expect(run.stdout).toContain('4 «Điện»: 2 đạt, 0 chưa đạt; 4 «Về thu nhập bình quân đầu người»: 1 đạt, 0 chưa đạt;');
        // The same criterion worded with other capitals or commas stays one («Thủy lợi và phòng, chống thiên tai»).
        expect(run.stdout).toMatch(/Theo tiêu chí — 1: 2 đạt, 0 chưa đạt; 2: [^;]+; 3: [^«;]+; 4 «/);
        // Label order whatever pack came first: «6 …» before «6.1» before «7».
        const order = [...run.stdout.matchAll(/(?:— |; )([0-9.]+)(?: «[^»]*»)?:/g)].map(m => m[1]);
        expect(order.indexOf('6.1')).toBeGreaterThan(order.lastIndexOf('6'));
        expect(order.indexOf('7')).toBeGreaterThan(order.lastIndexOf('6.6'));

        const ExcelJS = (await import('exceljs')).default;
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(dir, 'liem-can-2024-ket-qua.xlsx'));
        const [header, ...rows] = workbook.getWorksheet('Tổng hợp')!.getSheetValues().slice(1) as unknown[][];
        const electricity = header!.indexOf('4. Điện');
        const income = header!.indexOf('4. Về thu nhập bình quân đầu người');
        expect(electricity).toBeGreaterThan(0);
        expect(income).toBe(electricity + 1);
        // Rows as the library gives them: one-based, column B is the commune.
        const byName = Object.fromEntries(rows.map(r => [r[2], r]));
        expect(byName['Liên Ninh']![electricity]).toBeUndefined();
        expect(byName['Liên Ninh']![income]).toBe('đạt');
        expect(byName['Liêm Cần']![income]).toBeUndefined();
    }, 120_000);
});
