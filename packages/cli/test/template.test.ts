// `ntm template` writes a complete sample to fill: the level and attributes the pack reads, a note for
// every fact, the official results with every label, known discrepancies; the pack's path is right from
// where the file is written; facts only a dropped base rule reads are left out, with a note.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, tempDir } from './helpers/run-ntm.js';

function fixtures(): string {
    const dir = tempDir();
    cpSync(path.join(resources, 'law-in-time'), dir, { recursive: true });
    return dir;
}

describe('ntm template', () => {
    it('writes with -o a file whose pack path is relative to its own folder, with every section and label', async () => {
        const dir = fixtures();
        const target = path.join(dir, 'xa-moi', 'xa.json');
        const out = await ntm('template', path.join(dir, 'tinh-thu', 'tinh-thu.ntm'), '-o', target);
        expect(out.code, out.stderr).toBe(0);
        const template = JSON.parse(readFileSync(target, 'utf8'));
        expect(template['bộ tiêu chí']).toBe('../tinh-thu/tinh-thu.ntm');
        expect(template['cấp']).toBe('xã nông thôn mới');
        expect(template['thuộc tính']).toEqual({ vùng: null });
        expect(Object.keys(template['dữ kiện'])).toEqual(['tổng số thôn', 'số thôn văn hóa', 'tỷ lệ suy dinh dưỡng', 'xã đặc biệt khó khăn', 'thu nhập']);
        expect(Object.keys(template['ghi chú dữ kiện'])).toEqual(Object.keys(template['dữ kiện']));
        expect(template['kết quả chính thức']).toEqual({
            'trích dẫn': '',
            'chỉ tiêu': { '10': null, '15.3': null, '16': null },
            'tiêu chí': { '10': null, '15': null, '16': null },
            'công nhận': null
        });
        expect(template['sai khác đã biết']).toEqual([]);
        expect(template['mô tả dữ kiện']['thuộc tính.vùng']).toContain('TDMNPB');
        // Labels in reading order in the file itself.
        expect(readFileSync(target, 'utf8').indexOf('"15.3"')).toBeLessThan(readFileSync(target, 'utf8').indexOf('"16"'));
    });

    it('gives a file that, once the commune and date are filled in, evaluates and runs as a sample', async () => {
        const dir = fixtures();
        const target = path.join(dir, 'xa-moi', 'xa.json');
        await ntm('template', path.join(dir, 'tinh-thu', 'tinh-thu.ntm'), '-o', target);
        const unfilled = await ntm('eval', target);
        expect(unfilled.code).toBe(1);
        expect(unfilled.stderr).toMatch(/xa\.json:\d+:\d+ lỗi xã: Không được để trống\./);
        const data = JSON.parse(readFileSync(target, 'utf8'));
        data['xã'] = 'Mới';
        data['ngày đánh giá'] = '2023-06-01';
        data['dữ kiện']['tổng số thôn'] = 8;
        data['kết quả chính thức']['chỉ tiêu']['16'] = 'thiếu dữ liệu';
        writeFileSync(target, JSON.stringify(data, undefined, 2));
        const evaluated = await ntm('eval', target);
        expect(evaluated.code, evaluated.stderr).toBe(0);
        const tested = await ntm('test', target);
        expect(tested.code, tested.stdout).toBe(0);
        expect(tested.stdout).toMatch(/^1 passed, 0 failed$/m);
    });

    it('prints to stdout with the pack path relative to the working folder, and never overwrites a file', async () => {
        const dir = fixtures();
        const out = await ntm('template', path.join(dir, 'tinh-thu', 'tinh-thu.ntm'));
        expect(JSON.parse(out.stdout)['bộ tiêu chí']).toBe(path.relative(path.resolve(__dirname, '../../..'), path.join(dir, 'tinh-thu', 'tinh-thu.ntm')));
        const target = path.join(dir, 'co-san.json');
        writeFileSync(target, '{}');
        const again = await ntm('template', path.join(dir, 'tinh-thu', 'tinh-thu.ntm'), '-o', target);
        expect(again.code).toBe(1);
        expect(again.stderr).toContain('Không ghi đè: «');
        expect(readFileSync(target, 'utf8')).toBe('{}');
    });

    it('leaves out, with a note, a fact only a base rule this pack drops reads; asks for the group when a table needs it', async () => {
        const dir = fixtures();
        writeFileSync(
            path.join(dir, 'tinh-thu', 'bo-15.ntm'),
            [
                'bộ tiêu chí tỉnh bỏ "Bộ thử bỏ chỉ tiêu 15.3"',
                '  cấp xã nông thôn mới',
                '  địa bàn "tỉnh Thử"',
                '  phiên bản "thử"',
                '  dựa trên "../quoc-gia/318-thu.ntm"',
                '  căn cứ 5/2022/QĐ-UBND ngày 01/09/2022 của "UBND tỉnh Thử"',
                '  hiệu lực từ 01/09/2022',
                'không áp dụng chỉ tiêu 15.3 "thử" căn cứ 5/2022/QĐ-UBND',
                '',
                'bảng ngưỡng nhóm: phần trăm, theo nhóm',
                '  nhóm 1: 10%',
                '  còn lại: 20%',
                'dữ kiện tỷ lệ mới: phần trăm',
                'tiêu chí 20 "Thử nhóm"',
                '  chỉ tiêu 20.1 "x" tỷ lệ mới >= ngưỡng nhóm',
                ''
            ].join('\n')
        );
        const target = path.join(dir, 'xa.json');
        const out = await ntm('template', path.join(dir, 'tinh-thu', 'bo-15.ntm'), '-o', target);
        expect(out.code, out.stderr).toBe(0);
        expect(out.stderr).toContain('Bỏ qua 1 dữ kiện của bộ gốc chỉ quy tắc không áp dụng ở bộ này dùng (ghi trong «mô tả dữ kiện»): tỷ lệ suy dinh dưỡng.');
        const template = JSON.parse(readFileSync(target, 'utf8'));
        expect(template['dữ kiện']).not.toHaveProperty('tỷ lệ suy dinh dưỡng');
        expect(template['mô tả dữ kiện']['tỷ lệ suy dinh dưỡng']).toMatch(/^không cần nhập/);
        expect(template['thuộc tính']).toEqual({ vùng: null, nhóm: null });
        expect(template['kết quả chính thức']['chỉ tiêu']).not.toHaveProperty('15.3');
        expect(existsSync(target)).toBe(true);
    });
});
