// CLI conventions: help and the parser's messages in Vietnamese; --json on every reporting command, with
// errors as JSON too; no message ever names a file «».
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, root, tempDir } from './helpers/run-ntm.js';

describe('help and parser messages in Vietnamese', () => {
    it('writes --help in Vietnamese', async () => {
        const out = await ntm('--help');
        expect(out.code).toBe(0);
        expect(out.stdout).toMatch(/^Cách dùng: ntm \[tùy-chọn\] \[lệnh\]$/m);
        expect(out.stdout).toContain('Tùy chọn:');
        expect(out.stdout).toContain('Lệnh:');
        expect(out.stdout).toMatch(/help \[lệnh\] +in hướng dẫn của một lệnh/);
        expect(out.stdout).not.toMatch(/Usage|Options|Commands|display help|\[options\]/);
        const evalHelp = await ntm('help', 'eval');
        expect(evalHelp.stdout).toContain('Cách dùng: ntm eval [tùy-chọn] <bộ-tiêu-chí-hoặc-tệp-xã> [tệp-xã]');
        expect(evalHelp.stdout).toContain('Tham số:');
    });

    it.each([
        [['kiemtra'], 'lỗi: không có lệnh «kiemtra». Xem «ntm --help».'],
        [['evl'], 'lỗi: không có lệnh «evl». Có phải «eval»? Xem «ntm --help».'],
        [['eval'], 'lỗi: thiếu tham số bắt buộc «bộ-tiêu-chí-hoặc-tệp-xã». Xem «ntm --help».'],
        [['eval', 'a', 'b', 'c'], 'lỗi: thừa tham số cho lệnh «eval»: cần nhiều nhất 2, nhận 3. Xem «ntm --help».'],
        [['eval', 'x.json', '--nhanh'], 'lỗi: không có tùy chọn «--nhanh». Xem «ntm --help».'],
        [['build', 'x.ntm'], 'lỗi: thiếu tùy chọn bắt buộc «-o, --output <thư-mục>». Xem «ntm --help».']
    ])('ntm %j says it in Vietnamese, exit 2', async (args, message) => {
        const out = await ntm(...args);
        expect(out.code).toBe(2);
        expect(out.stderr.trim()).toBe(message);
    });
});

describe('--json everywhere, errors included', () => {
    it('check --json', async () => {
        const out = await ntm('check', path.join(resources, 'unit-mismatch.ntm'), '--json');
        expect(out.code).toBe(1);
        const json = JSON.parse(out.stdout);
        expect(json.ok).toBe(false);
        expect(json.packs[0].issues[0]).toMatchObject({ line: 9, severity: 'error' });
        expect(json.packs[0].issues[0].message).toContain('Không thể so sánh số (km) với phần trăm (%)');
        expect(json.summary).toMatchObject({ files: 1, errors: 1 });
    });

    it('test --json', async () => {
        const out = await ntm('test', path.join(resources, 'mini-commune.json'), '--json');
        expect(out.code, out.stdout).toBe(0);
        const json = JSON.parse(out.stdout);
        expect(json.summary).toEqual({ samples: 1, passed: 7, failed: 0 });
        expect(json.samples[0].checks.find((c: { label: string }) => c.label === '4.1')).toMatchObject({ status: 'known-difference', passed: true });
        expect(json.coverage[0]).toMatchObject({ exercised: 3, indicators: 3, samples: { xã: 1 } });
    });

    it("eval --json reports a commune file's errors as JSON with their place", async () => {
        const dir = tempDir();
        writeFileSync(path.join(dir, 'mini.ntm'), readFileSync(path.join(resources, 'mini.ntm')));
        const data = JSON.parse(readFileSync(path.join(resources, 'mini-commune.json'), 'utf8'));
        data['dữ kiện']['tổng số hộ'] = -5;
        writeFileSync(path.join(dir, 'xa.json'), JSON.stringify(data, undefined, 2));
        const out = await ntm('eval', path.join(dir, 'xa.json'), '--json');
        expect(out.code).toBe(1);
        const json = JSON.parse(out.stdout);
        expect(json.ok).toBe(false);
        expect(json.errors[0]).toMatchObject({ field: 'dữ kiện.tổng số hộ', severity: 'error' });
        expect(json.errors[0].line).toBeGreaterThan(1);
        expect(json.errors[0].text).toMatch(/xa\.json:\d+:\d+ lỗi dữ kiện\.tổng số hộ: Giá trị âm/);
    });

    it('a wrong command line in --json mode is JSON too', async () => {
        const out = await ntm('evl', '--json');
        expect(out.code).toBe(2);
        expect(JSON.parse(out.stdout)).toMatchObject({ ok: false, errors: [{ code: 'commander.unknownCommand' }] });
        expect(out.stderr).toBe('');
    });
});

describe('file names in messages', () => {
    it('names a folder given where a file is expected', async () => {
        const out = await ntm('eval', path.join(root, 'examples'));
        expect(out.code).toBe(2);
        expect(out.stderr.trim()).toBe('«examples» là một thư mục, không phải một tệp.');
        const json = await ntm('eval', path.join(root, 'examples'), '--json');
        expect(JSON.parse(json.stdout).errors[0].message).toBe('«examples» là một thư mục, không phải một tệp.');
    });

    it.each([
        [['eval', ''], 'Thiếu tên tệp xã: tham số để trống.'],
        [['eval', '', 'xa.json'], 'Thiếu tên bộ tiêu chí: tham số để trống.'],
        [['check', ''], 'Thiếu tên tệp hoặc thư mục: tham số để trống.'],
        [['test', ''], 'Thiếu tên tệp hoặc thư mục: tham số để trống.'],
        [['template', ''], 'Thiếu tên tệp .ntm: tham số để trống.'],
        [['build', '', '-o', 'ra'], 'Thiếu tên tệp .ntm: tham số để trống.']
    ])('ntm %j names what is missing instead of «»', async (args, message) => {
        const out = await ntm(...args);
        expect(out.code).toBe(2);
        expect(out.stderr.trim()).toBe(message);
        expect(out.stderr).not.toContain('«»');
    });
});
