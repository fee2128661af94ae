import { describe, expect, it } from 'vitest';
import { readCommuneFile } from '../../src/logic/sample-file.js';
import { COMMUNE_URI, SAMPLE_TEXT } from './fixtures.js';

describe('readCommuneFile', () => {
    it('lists every official verdict of a sample with the line it is written on', () => {
        const file = readCommuneFile(COMMUNE_URI, SAMPLE_TEXT);
        expect(file.kind).toBe('sample');
        expect(file.commune).toBe('Liên Hội');
        expect(file.pack).toBe('../bo/lang-son.ntm');
        expect(file.problems).toEqual([]);
        expect(file.expected.map(e => [e.level, e.label, e.official, e.position.line])).toEqual([
            ['indicator', '17.5', 'đạt', 7],
            ['indicator', '17.6', 'đạt', 8],
            ['criterion', '17', 'đạt', 10],
            ['recognition', 'công nhận', 'chưa đạt', 11]
        ]);
    });

    it('reads field names saved in NFD as the same fields', () => {
        const file = readCommuneFile(COMMUNE_URI, SAMPLE_TEXT.normalize('NFD'));
        expect(file.kind).toBe('sample');
        expect(file.commune).toBe('Liên Hội');
        expect(file.expected).toHaveLength(4);
    });

    it('tells a commune without official results from a sample, and ignores other JSON', () => {
        expect(readCommuneFile(COMMUNE_URI, '{ "xã": "A", "bộ tiêu chí": "a.ntm", "dữ kiện": {} }').kind).toBe('commune');
        expect(readCommuneFile('file:///p/package.json', '{ "name": "x", "version": "1.0.0" }').kind).toBe('other');
    });

    it('names file, line, column and field of a verdict that is not a verdict, as `ntm eval` does', () => {
        const text = SAMPLE_TEXT.replace('"17.6": "đạt"', '"17.6": 1');
        const file = readCommuneFile(COMMUNE_URI, text);
        expect(file.kind).toBe('sample');
        expect(file.problems.map(p => p.message)).toEqual([
            'lien-hoi-2023.json:9:7 lỗi kết quả chính thức.chỉ tiêu.17.6: Giá trị phải là một trong: «đạt», «chưa đạt», «không áp dụng», «thiếu dữ liệu», «chưa đánh giá».'
        ]);
        expect(file.problems[0]!.field).toBe('kết quả chính thức.chỉ tiêu.17.6');
        expect(file.problems[0]!.position).toEqual({ line: 8, character: 6 });
    });

    it('reports broken JSON with file, line and column, and still knows it is a sample', () => {
        const text = SAMPLE_TEXT.replace('"17.5": "đạt",', '"17.5": "đạt"');
        const file = readCommuneFile(COMMUNE_URI, text);
        expect(file.kind).toBe('sample');
        expect(file.problems[0]!.message).toBe('lien-hoi-2023.json:9:7 lỗi (tệp): JSON không hợp lệ: thiếu dấu phẩy.');
    });

    it('reports missing fields and a malformed official block', () => {
        const noDate = readCommuneFile(COMMUNE_URI, '{ "xã": "A", "dữ kiện": {}, "kết quả chính thức": { "công nhận": "đạt" } }');
        expect(noDate.problems.map(p => p.message)).toEqual(['lien-hoi-2023.json:1:1 lỗi (gốc): Thiếu trường «ngày đánh giá».']);
        const badOfficial = readCommuneFile(COMMUNE_URI, '{ "xã": "A", "ngày đánh giá": "2023-12-31", "dữ kiện": {},\n  "kết quả chính thức": ["đạt"] }');
        expect(badOfficial.problems.map(p => p.message)).toEqual(['lien-hoi-2023.json:2:3 lỗi kết quả chính thức: Cần kiểu đối tượng { … }.']);
    });
});
