import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_COMMUNE_FILE_BYTES, MAX_COMMUNE_KEYS, formatIssue, parseCommuneBytes, parseCommuneFile } from '../src/index.js';
import { JsonDocument } from '../src/commune/json-document.js';
import { evaluateCommuneAt, readCommuneFile } from '../src/node/index.js';
import { tempFolder } from './helpers.js';

// Files analysts have (Notepad's UTF-16, Excel exports, a megabyte pasted in a field), numbers beyond what is
// exact, and files far larger than any report: each gets one clear message, at once.

const dir = tempFolder();
const LIMIT = 'máy chỉ nhận số có tối đa 15 chữ số (không kể các số 0 đứng đầu), để so sánh chính xác mà không làm tròn.';
const messages = (file: { issues: readonly Parameters<typeof formatIssue>[0][] }) => file.issues.map(i => formatIssue(i));

/** A commune file whose facts are written as the given JSON text, one per line from line 6. */
function communeText(facts: readonly string[]): string {
    return `{\n  "xã": "Thử",\n  "ngày đánh giá": "2024-06-30",\n  "bộ tiêu chí": "a.ntm",\n  "dữ kiện": {\n${facts.map(f => `    ${f}`).join(',\n')}\n  }\n}`;
}

describe('numbers in a commune file are checked on their text, at their field', () => {
    it.each<[string, string]>([
        [`"tổng số hộ": ${'9'.repeat(400)}`, `Số «${'9'.repeat(20)}…» có 400 chữ số: ${LIMIT}`],
        ['"tổng số hộ": 1e400', `Số «1e400» có 401 chữ số: ${LIMIT}`],
        ['"tỷ lệ": 1e-400', `Số «1e-400» có 400 chữ số: ${LIMIT}`],
        ['"tổng số hộ": 9007199254740993', `Số «9007199254740993» có 16 chữ số: ${LIMIT}`],
        ['"tổng số hộ": 2751.00000000000000001', `Số «2751.00000000000000001» có 21 chữ số: ${LIMIT}`]
    ])('%s is refused at its line, not rounded (JSON.parse would give a double)', (fact, message) => {
        const field = /^"([^"]+)"/.exec(fact)![1]!;
        expect(messages(parseCommuneFile(communeText(['"xã khác": 1', fact]), 'xa.json'))).toEqual([`xa.json:7:5 lỗi dữ kiện.${field}: ${message}`]);
    });

    it('9007199254740993 / 9007199254740992 is never shown as exactly 100 %: both are refused', () => {
        const file = parseCommuneFile(communeText(['"hộ dùng nước sạch": 9007199254740993', '"tổng số hộ": 9007199254740992']), 'xa.json');
        expect(file.data).toBeUndefined();
        expect(file.issues.map(i => [i.path.join('.'), i.line])).toEqual([
            ['dữ kiện.hộ dùng nước sạch', 6],
            ['dữ kiện.tổng số hộ', 7]
        ]);
    });

    it('accepts 15 digits, in any field', () => {
        const file = parseCommuneFile(communeText(['"tổng số hộ": 999999999999999', '"tỷ lệ": 0.000000000000001', '"thu nhập": 1.5e-7']), 'xa.json');
        expect(file.issues).toEqual([]);
        expect(file.data?.['dữ kiện']?.['tổng số hộ']).toBe(999999999999999);
    });

    it('checks numbers outside «dữ kiện» too (scores, official scores)', () => {
        const text = communeText(['"a": 1']).replace('"dữ kiện"', `"điểm thẩm tra": { "1.1": 1${'0'.repeat(30)} },\n  "dữ kiện"`);
        expect(messages(parseCommuneFile(text, 'xa.json'))).toEqual([`xa.json:5:22 lỗi điểm thẩm tra.1.1: Số «1${'0'.repeat(19)}…» có 31 chữ số: ${LIMIT}`]);
    });
});

describe('files analysts have: one clear message, never raw bytes', () => {
    const sample = communeText(['"tổng số hộ": 12']).replace('"dữ kiện"', '"kết quả chính thức": { "công nhận": "đạt" },\n  "dữ kiện"');
    const UTF16 = 'Tệp được lưu dạng UTF-16, máy chỉ đọc UTF-8: hãy lưu lại tệp dạng UTF-8 (trong Notepad: «Lưu thành…», mục «Mã hóa»: UTF-8).';
    const BINARY = 'Tệp không phải văn bản (có byte nhị phân: có thể là tệp Excel, Word hay ảnh): tệp xã phải là văn bản JSON lưu dạng UTF-8.';

    const utf16 = (text: string, littleEndian: boolean, bom: boolean): Uint8Array => {
        const bytes = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
        if (!littleEndian) bytes.swap16();
        return new Uint8Array(bytes);
    };

    it.each<[string, Uint8Array]>([
        ['UTF-16 LE with a byte-order mark (Notepad «Unicode»)', utf16(sample, true, true)],
        ['UTF-16 BE with a byte-order mark', utf16(sample, false, true)],
        ['UTF-16 LE without one', utf16(sample, true, false)]
    ])('%s: save as UTF-8; still known as a sample, so `ntm test` reports it', (_name, bytes) => {
        const file = parseCommuneBytes(bytes, 'xa.json');
        expect(messages(file)).toEqual([`xa.json:1:1 lỗi (tệp): ${UTF16}`]);
        expect(file.kind).toBe('sample');
    });

    it('a binary file (an image, a spreadsheet) is not text', () => {
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x01, 0x02]);
        const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xc3, 0x28, 0x9f, 0x01]);
        for (const bytes of [png, zip]) expect(messages(parseCommuneBytes(bytes, 'xa.json'))).toEqual([`xa.json:1:1 lỗi (tệp): ${BINARY}`]);
    });

    it('a file in another Vietnamese encoding (Windows-1258, TCVN3) is named, with the line of the first bad byte', () => {
        const text = Buffer.from('{\n  "xã": "Th', 'utf8');
        const windows1258 = Buffer.concat([text, Buffer.from([0xed]), Buffer.from('",\n  "ngày đánh giá": "2024-06-30"\n}', 'utf8')]);
        expect(messages(parseCommuneBytes(new Uint8Array(windows1258), 'xa.json'))).toEqual([
            'xa.json:1:1 lỗi (tệp): Tệp có ký tự không phải UTF-8 (dòng 2): có thể tệp được lưu bằng bảng mã khác (Windows-1258, TCVN3). Hãy lưu lại tệp dạng UTF-8.'
        ]);
    });

    it('text with NUL characters (UTF-16 or binary read as text, as an editor may give it) gets the same messages', () => {
        expect(messages(parseCommuneFile(new TextDecoder().decode(utf16(sample, true, true)), 'xa.json'))).toEqual([`xa.json:1:1 lỗi (tệp): ${UTF16}`]);
        expect(messages(parseCommuneFile('{"xã": "\u0001\u0002\u0003\u0000\u0004"}', 'xa.json'))).toEqual([`xa.json:1:1 lỗi (tệp): ${BINARY}`]);
    });

    it('an empty file, or one with only a byte-order mark, is empty', () => {
        for (const bytes of [new Uint8Array(), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0x20, 0x0a])]) {
            expect(messages(parseCommuneBytes(bytes, 'xa.json'))).toEqual(['xa.json:1:1 lỗi (tệp): Tệp rỗng: cần một đối tượng JSON { … }.']);
        }
    });

    it('UTF-8 with a byte-order mark, NFD and keys written twice still read as before', () => {
        const bytes = new Uint8Array(Buffer.from('\uFEFF' + sample.normalize('NFD'), 'utf8'));
        const file = parseCommuneBytes(bytes, 'xa.json');
        expect(file.issues).toEqual([]);
        expect(file.data?.['xã']).toBe('Thử');
        const twice = sample.replace('"xã": "Thử",', '"xã": "Thử",\n  "xã": "Khác",');
        expect(messages(parseCommuneFile(twice, 'xa.json'))).toEqual([
            'xa.json:3:3 lỗi xã: Trường «xã» được ghi hai lần (dòng 2 và dòng 3): giữ một lần, với giá trị đúng.'
        ]);
    });

    it('a megabyte date is quoted cut to 60 characters', async () => {
        const file = path.join(dir, 'ngay-dai.json');
        writeFileSync(file, JSON.stringify({ xã: 'Thử', 'ngày đánh giá': 'x'.repeat(1_000_000), 'bộ tiêu chí': 'a.ntm', 'dữ kiện': {} }));
        const evaluation = await evaluateCommuneAt(file);
        expect(evaluation.issues.map(i => i.message)).toEqual([
            `Ngày đánh giá «${'x'.repeat(60)}… (1.000.000 ký tự)» không hợp lệ: viết YYYY-MM-DD hoặc dd/mm/yyyy.`
        ]);
    });

    it('a megabyte key is quoted cut to 60 characters', () => {
        const key = 'k'.repeat(1_000_000);
        const cut = `${'k'.repeat(60)}… (1.000.000 ký tự)`;
        expect(messages(parseCommuneFile(communeText(['"a": 1']).replace('"xã": "Thử",', `"xã": "Thử", "${key}": 1,`), 'xa.json'))).toEqual([
            `xa.json:2:16 lỗi ${cut}: Trường «${cut}» không thuộc định dạng tệp xã (xem docs/tep-xa.md).`
        ]);
    });

    it('nesting deeper than any commune file is refused before it can overflow the stack', () => {
        const deep = `{"xã": "Thử", "dữ kiện": {"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
        // The 65th level is the 63rd «[» after the two «{».
        const column = deep.indexOf('[') + 62 + 1;
        expect(messages(parseCommuneFile(deep, 'xa.json'))).toEqual([
            `xa.json:1:${column} lỗi (tệp): Tệp lồng quá sâu (hơn 64 tầng { } hoặc [ ]): một tệp xã chỉ lồng vài tầng.`
        ]);
    });
});

describe('size limits, and time linear in the size of the file', () => {
    const manyKeys = (count: number): string =>
        JSON.stringify(
            {
                xã: 'Thử',
                'ngày đánh giá': '2024-06-30',
                'bộ tiêu chí': 'a.ntm',
                'dữ kiện': Object.fromEntries(Array.from({ length: count }, (_, i) => [`dữ kiện lạ ${i}`, i]))
            },
            undefined,
            1
        );

    it(`refuses more than ${MAX_COMMUNE_KEYS.toLocaleString('vi-VN')} keys with one message`, () => {
        const file = parseCommuneFile(manyKeys(MAX_COMMUNE_KEYS), 'xa.json');
        expect(messages(file)).toEqual([
            'xa.json:1:1 lỗi (tệp): Tệp xã có quá nhiều trường (50.004, tối đa 50.000): một tệp xã thường chỉ vài trăm trường. Kiểm tra lại đây có đúng là tệp xã không.'
        ]);
        expect(file.data).toBeUndefined();
    });

    it('refuses a file above 5 MB from its size, without parsing it', async () => {
        const file = path.join(dir, 'lon.json');
        writeFileSync(file, `{"xã": "Thử", "nguồn": "${'x'.repeat(MAX_COMMUNE_FILE_BYTES)}"}`);
        const started = Date.now();
        expect(messages(await readCommuneFile(file)).map(m => m.replace(file, 'lon.json'))).toEqual([
            'lon.json:1:1 lỗi (tệp): Tệp xã quá lớn (5,0 MB, tối đa 5 MB): một tệp xã thường chỉ vài chục KB. Kiểm tra lại đây có đúng là tệp xã không.'
        ]);
        expect(messages(parseCommuneFile('x'.repeat(MAX_COMMUNE_FILE_BYTES + 1), 'xa.json'))[0]).toContain('Tệp xã quá lớn (5,0 MB, tối đa 5 MB)');
        expect(Date.now() - started).toBeLessThan(20_000);
    });

    it('reads 20 000 keys and places each one well under a generous bound (quadratic, it took minutes)', () => {
        const text = manyKeys(20_000);
        const started = Date.now();
        const document = new JsonDocument(text);
        const lines = new Set(Array.from({ length: 20_000 }, (_, i) => document.positionOf(['dữ kiện', `dữ kiện lạ ${i}`]).line));
        expect(lines.size).toBe(20_000);
        expect(parseCommuneFile(text, 'xa.json').issues).toEqual([]);
        expect(Date.now() - started).toBeLessThan(20_000);
    });

    it('evaluates a file of 20 000 unknown facts well under a generous bound, naming each at its line', async () => {
        const file = path.join(dir, 'nhieu-khoa.json');
        writeFileSync(
            file,
            manyKeys(20_000).replace('"a.ntm"', JSON.stringify(path.join(path.dirname(new URL(import.meta.url).pathname), 'resources', 'dien-tich.ntm')))
        );
        await evaluateCommuneAt(file); // compiles the pack
        const started = Date.now();
        const evaluation = await evaluateCommuneAt(file);
        expect(Date.now() - started).toBeLessThan(20_000);
        expect(evaluation.result).toBeUndefined();
        expect(evaluation.issues).toHaveLength(20_000);
        expect(evaluation.issues[19_999]).toMatchObject({ line: 20_005, message: 'Dữ kiện «dữ kiện lạ 19999» không có trong bộ tiêu chí.' });
    });
});
