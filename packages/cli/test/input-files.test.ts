import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, tempDir } from './helpers/run-ntm.js';

// Numbers beyond what is exact, files analysts have, and files far larger than any report, through the
// built `ntm` as a user runs it: one clear Vietnamese message each, at the field, and never a crash.

const LIMIT = 'máy chỉ nhận số có tối đa 15 chữ số (không kể các số 0 đứng đầu), để so sánh chính xác mà không làm tròn.';
const REFUSED = 'Không đánh giá được: sửa các lỗi trên rồi chạy lại.';
const pack = readFileSync(path.join(resources, 'mini.ntm'), 'utf8');

/** A folder with mini.ntm (or the given pack text) and a commune file for it with `facts` (or the given text). */
function commune(facts: Record<string, unknown> | string, packText = pack): { dir: string; file: string } {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'mini.ntm'), packText);
    const file = path.join(dir, 'xa.json');
    const text =
        typeof facts === 'string'
            ? facts
            : JSON.stringify({ xã: 'Thử', 'bộ tiêu chí': 'mini.ntm', 'ngày đánh giá': '2024-11-26', 'dữ kiện': facts }, undefined, 2);
    writeFileSync(file, text);
    return { dir, file };
}

/** Output lines with the temporary folder cut off. */
const lines = (text: string, dir: string): string[] =>
    text
        .split('\n')
        .filter(Boolean)
        .map(line => line.split(dir + path.sep).join(''));

describe('numbers beyond 15 digits', () => {
    const digits400 = '9'.repeat(400);

    it('ntm check refuses a threshold of 400 digits at the literal, and ntm build writes nothing', async () => {
        const { dir } = commune({}, pack.replace('thu nhập > 72 triệu', `thu nhập > ${digits400} triệu`));
        const check = await ntm('check', path.join(dir, 'mini.ntm'));
        expect(check.code).toBe(1);
        expect(lines(check.stdout, dir)[0]).toBe(`mini.ntm:19:82 lỗi Số «${'9'.repeat(20)}…» có 400 chữ số: ${LIMIT}`);
        const out = path.join(dir, 'out');
        const build = await ntm('build', path.join(dir, 'mini.ntm'), '-o', out);
        expect(build.code).toBe(1);
        expect(build.stderr + build.stdout).toContain('Không sinh mã');
    });

    it('ntm eval refuses a 400-digit number in a commune file at its field, not at «ngày đánh giá»', async () => {
        const { dir, file } = commune({ 'hộ dùng điện': 2740, 'tổng số hộ': 1 });
        writeFileSync(file, readFileSync(file, 'utf8').replace('"tổng số hộ": 1', `"tổng số hộ": ${digits400}`));
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(lines(out.stdout + out.stderr, dir)).toEqual([`xa.json:7:5 lỗi dữ kiện.tổng số hộ: Số «${'9'.repeat(20)}…» có 400 chữ số: ${LIMIT}`, REFUSED]);
    });

    it('ntm eval refuses "2751.00000000000000001" as a count, and 9007199254740993/9007199254740992 instead of showing 100 %', async () => {
        const noisy = commune({ 'hộ dùng điện': '2751.00000000000000001', 'tổng số hộ': 2751 });
        const out = await ntm('eval', noisy.file);
        expect(lines(out.stdout + out.stderr, noisy.dir)).toEqual([
            `xa.json:6:5 lỗi dữ kiện.hộ dùng điện: Số «2751.00000000000000001» có 21 chữ số: ${LIMIT}`,
            REFUSED
        ]);
        const { dir, file } = commune({ 'hộ dùng điện': 1, 'tổng số hộ': 2 });
        writeFileSync(
            file,
            readFileSync(file, 'utf8')
                .replace('"hộ dùng điện": 1', '"hộ dùng điện": 9007199254740993')
                .replace('"tổng số hộ": 2', '"tổng số hộ": 9007199254740992')
        );
        const ratio = await ntm('eval', file);
        expect(ratio.code).toBe(1);
        expect(lines(ratio.stdout + ratio.stderr, dir)).toEqual([
            `xa.json:6:5 lỗi dữ kiện.hộ dùng điện: Số «9007199254740993» có 16 chữ số: ${LIMIT}`,
            `xa.json:7:5 lỗi dữ kiện.tổng số hộ: Số «9007199254740992» có 16 chữ số: ${LIMIT}`,
            REFUSED
        ]);
    });

    it('a built module refuses them through its API with NtmInputError, never a RangeError, and gives no verdicts', async () => {
        const dir = tempDir();
        expect((await ntm('build', path.join(resources, 'mini.ntm'), '-o', dir, '--bundle')).code).toBe(0);
        const module = await import(path.join(dir, 'thu-cli.js'));
        // biome-ignore lint/correctness/noPrecisionLoss: a number a double cannot hold is the input under test
        for (const value of [digits400, '2751.00000000000000001', 9007199254740993]) {
            let thrown: { name?: string; issues?: Array<{ field: string; message: string }> } | undefined;
            try {
                module.evaluate({ 'tổng số hộ': value, 'rác thải': 99 }, { ngàyĐánhGiá: '2024-11-26' });
            } catch (error) {
                thrown = error as typeof thrown;
            }
            expect(thrown?.name).toBe('NtmInputError');
            expect(thrown?.issues?.map(i => i.field)).toEqual(['dữ kiện.tổng số hộ']);
            expect(thrown?.issues?.[0]?.message).toMatch(/^Số «.+» có \d+ chữ số: /u);
        }
    });
});

describe('files analysts have', () => {
    const text = JSON.stringify({ xã: 'Thử', 'bộ tiêu chí': 'mini.ntm', 'ngày đánh giá': '2024-11-26', 'dữ kiện': { 'rác thải': 99 } }, undefined, 2);

    it.each<[string, Buffer, string]>([
        ['an empty file', Buffer.alloc(0), 'Tệp rỗng: cần một đối tượng JSON { … }.'],
        [
            'a binary file',
            Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xc3, 0x28, 0x9f, 0x01, 0x7b, 0x22]),
            'Tệp không phải văn bản (có byte nhị phân: có thể là tệp Excel, Word hay ảnh): tệp xã phải là văn bản JSON lưu dạng UTF-8.'
        ],
        [
            'a UTF-16 file (Notepad «Unicode»)',
            Buffer.from('\uFEFF' + text, 'utf16le'),
            'Tệp được lưu dạng UTF-16, máy chỉ đọc UTF-8: hãy lưu lại tệp dạng UTF-8 (trong Notepad: «Lưu thành…», mục «Mã hóa»: UTF-8).'
        ]
    ])('%s gives one message and echoes no byte of it', async (_name, bytes, message) => {
        const { dir, file } = commune('');
        writeFileSync(file, bytes);
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(lines(out.stdout + out.stderr, dir)).toEqual([`xa.json:1:1 lỗi (tệp): ${message}`, REFUSED]);
    });

    it('a pack argument that is not a pack, or not there, is named as such before the commune file is read', async () => {
        const { dir, file } = commune(text);
        const notPack = path.join(dir, 'ghi-chu.txt');
        writeFileSync(notPack, 'không phải bộ tiêu chí');
        const wrong = await ntm('eval', notPack, file);
        expect(wrong.stderr).toMatch(/^«.*ghi-chu\.txt» không phải tệp bộ tiêu chí: bộ tiêu chí là tệp \.ntm/u);
        expect(wrong.code).toBe(2);
        const missing = await ntm('eval', path.join(dir, 'khong-co.ntm'), file);
        expect(missing.stderr).toMatch(/^Không đọc được tệp «.*khong-co\.ntm»: không có tệp hay thư mục này \(ENOENT\)\./u);
        expect(missing.code).toBe(2);
    });

    it('a UTF-8 file with a byte-order mark still runs', async () => {
        const { file } = commune('\uFEFF' + text);
        const out = await ntm('eval', file);
        expect(out.code, out.stdout + out.stderr).toBe(0);
    });

    it('a megabyte date is quoted cut to 60 characters', async () => {
        const { dir, file } = commune(text.replace('"2024-11-26"', `"${'x'.repeat(1_000_000)}"`));
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(lines(out.stdout + out.stderr, dir)).toEqual([
            `xa.json:4:3 lỗi ngày đánh giá: Ngày đánh giá «${'x'.repeat(60)}… (1.000.000 ký tự)» không hợp lệ: viết YYYY-MM-DD hoặc dd/mm/yyyy.`,
            REFUSED
        ]);
    });
});

describe('size limits', () => {
    const manyKeys = (count: number): Record<string, number> => Object.fromEntries(Array.from({ length: count }, (_, i) => [`hộ lạ số ${i}`, i]));

    it('a file above 5 MB is refused from its size, with one message', async () => {
        const { dir, file } = commune('');
        writeFileSync(file, `{ "xã": "Thử", "nguồn": "${'x'.repeat(6 * 1024 * 1024)}" }`);
        const out = await ntm('eval', file);
        expect(lines(out.stdout + out.stderr, dir)).toEqual([
            'xa.json:1:1 lỗi (tệp): Tệp xã quá lớn (6,0 MB, tối đa 5 MB): một tệp xã thường chỉ vài chục KB. Kiểm tra lại đây có đúng là tệp xã không.',
            REFUSED
        ]);
    });

    it('80 000 keys are refused with one message', async () => {
        const { dir, file } = commune(manyKeys(80_000));
        const out = await ntm('eval', file);
        expect(lines(out.stdout + out.stderr, dir)).toEqual([
            'xa.json:1:1 lỗi (tệp): Tệp xã có quá nhiều trường (80.004, tối đa 50.000): một tệp xã thường chỉ vài trăm trường. Kiểm tra lại đây có đúng là tệp xã không.',
            REFUSED
        ]);
    });

    it('20 000 unknown facts are each named at their line; only the first ones get a suggestion', async () => {
        const { dir, file } = commune({ 'rác thải': 99, ...manyKeys(20_000), 'rac thai nhieu': 1 });
        const out = await ntm('eval', file);
        const shown = lines(out.stdout + out.stderr, dir);
        expect(shown).toHaveLength(20_002);
        expect(shown[0]).toBe('xa.json:7:5 lỗi dữ kiện.hộ lạ số 0: Dữ kiện «hộ lạ số 0» không có trong bộ tiêu chí.');
        expect(shown[20_000]).toBe('xa.json:20007:5 lỗi dữ kiện.rac thai nhieu: Dữ kiện «rac thai nhieu» không có trong bộ tiêu chí.');
    }, 120_000);
});

describe('ntm test over files that cannot run', () => {
    it('a village with a 400-digit number, and a UTF-16 sample, are each «không chạy được»; the other samples still run', async () => {
        const dir = tempDir();
        cpSync(path.join(resources, 'points'), dir, { recursive: true });
        const villages = path.join(dir, 'thon-7.json');
        const data = JSON.parse(readFileSync(villages, 'utf8'));
        data['các thôn']['Thôn Nam']['dữ kiện']['số hộ của thôn'] = '9'.repeat(400);
        writeFileSync(villages, JSON.stringify(data, undefined, 2));
        const sample = readFileSync(path.join(dir, 'xa-0-nam.json'), 'utf8');
        writeFileSync(path.join(dir, 'xa-utf16.json'), Buffer.from('\uFEFF' + sample, 'utf16le'));
        const out = await ntm('test', dir);
        expect(out.code).toBe(1);
        const shown = lines(out.stdout, dir);
        expect(shown).toContain('✗ thon-7.json: không chạy được');
        expect(shown.find(line => line.includes('Thôn Nam'))).toMatch(
            /^ {4}thon-7\.json:\d+:\d+ lỗi các thôn\.Thôn Nam\.dữ kiện\.số hộ của thôn: Số «9{20}…» có 400 chữ số: /u
        );
        expect(shown).toContain('✗ xa-utf16.json: không chạy được');
        expect(shown.filter(line => /^✓ xa-\d+-nam\.json/u.test(line))).toHaveLength(readdirSync(dir).filter(f => /^xa-\d+-nam\.json$/u.test(f)).length);
        expect(shown[shown.length - 1]).toMatch(/^\d+ passed, 2 failed$/u);
    });
});
