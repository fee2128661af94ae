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
            ['chỉ tiêu', '17.5', 'đạt', 7],
            ['chỉ tiêu', '17.6', 'đạt', 8],
            ['tiêu chí', '17', 'đạt', 10],
            ['công nhận', 'công nhận', 'chưa đạt', 11]
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

    it('names file, field and line of a verdict that is not a string, and keeps the others', () => {
        const text = SAMPLE_TEXT.replace('"17.6": "đạt"', '"17.6": 1');
        const file = readCommuneFile(COMMUNE_URI, text);
        expect(file.problems.map(p => p.message)).toEqual([
            'lien-hoi-2023.json, trường «kết quả chính thức › chỉ tiêu › 17.6» (dòng 9): kết quả phải là chuỗi như "đạt" hoặc "chưa đạt", không phải số 1.'
        ]);
        expect(file.problems[0]!.field).toBe('kết quả chính thức › chỉ tiêu › 17.6');
        expect(file.expected.map(e => e.label)).toEqual(['17.5', '17', 'công nhận']);
    });

    it('reports broken JSON with file, line and column, and still knows it is a sample', () => {
        const text = SAMPLE_TEXT.replace('"17.5": "đạt",', '"17.5": "đạt"');
        const file = readCommuneFile(COMMUNE_URI, text);
        expect(file.kind).toBe('sample');
        expect(file.problems[0]!.message).toBe('lien-hoi-2023.json, dòng 9, cột 7: JSON không hợp lệ (thiếu dấu phẩy).');
    });

    it('reports a missing or malformed pack path and a malformed official block', () => {
        const noPack = readCommuneFile(COMMUNE_URI, '{ "xã": "A", "kết quả chính thức": { "công nhận": "đạt" } }');
        expect(noPack.problems.map(p => p.field)).toEqual(['bộ tiêu chí']);
        const badOfficial = readCommuneFile(COMMUNE_URI, '{ "bộ tiêu chí": "a.ntm", "kết quả chính thức": ["đạt"] }');
        expect(badOfficial.problems.map(p => p.message)).toEqual([
            'lien-hoi-2023.json, trường «kết quả chính thức» (dòng 1): phải là một đối tượng { "chỉ tiêu": …, "tiêu chí": …, "công nhận": … }.'
        ]);
    });
});
