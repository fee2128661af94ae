import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommuneFile, readCommuneValue } from '../src/index.js';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLES = [
    'examples/ha-nam/liem-can-2024.json',
    'examples/ha-noi/lien-ninh-2023.json',
    'examples/lang-son/lien-hoi-2023.json',
    'examples/thu/xa-bay-thon.json'
];

/** What the file reader makes of a value written out as JSON: the reference `readCommuneValue` must equal. */
const BASE = { xã: 'Thử', 'ngày đánh giá': '2024-06-30', 'dữ kiện': {} };

function throughText(value: unknown) {
    const file = parseCommuneFile(JSON.stringify(value), 'x.json');
    return { data: file.data, problems: file.issues.map(i => ({ path: i.path, message: i.message })) };
}

function inMemory(value: unknown) {
    const read = readCommuneValue(value);
    return { data: read.data, problems: read.problems.map(p => ({ path: p.path, message: p.message })) };
}

describe('readCommuneValue, the one reader for content already in memory (a spreadsheet row)', () => {
    it.each(SAMPLES)('reads %s as the file reader reads its text', sample => {
        const value: unknown = JSON.parse(readFileSync(path.join(ROOT, sample), 'utf8'));
        const read = inMemory(value);
        expect(read.problems).toEqual([]);
        expect(read).toEqual(throughText(value));
    });

    it('reads keys and texts in NFD (or with a non-breaking space) as the NFC an analyst meant', () => {
        const value = { xã: 'Thử'.normalize('NFD'), 'ngày đánh giá': '2024-06-30', ['dữ\u00A0kiện'.normalize('NFD')]: { ['số hộ'.normalize('NFD')]: 12 } };
        const read = inMemory(value);
        expect(read.data?.['xã']).toBe('Thử');
        expect(read.data?.['dữ kiện']).toEqual({ 'số hộ': 12 });
        expect(read).toEqual(throughText(value));
    });

    it('leaves out what JSON cannot write (undefined), and reads a non-finite number as JSON would (null)', () => {
        const value = { xã: 'Thử', huyện: undefined, 'dữ kiện': { 'số hộ': Number.NaN, 'danh sách': [1, undefined] } };
        expect(inMemory(value)).toEqual(throughText(value));
    });

    it.each([
        ['a wrong type', { ...BASE, xã: 12 }, 1],
        ['an unknown field', { ...BASE, 'dữ kiên': {} }, 1],
        ['a missing field', { xã: 'Thử', 'dữ kiện': {} }, 1],
        ['a number with too many digits', { ...BASE, 'dữ kiện': { 'số hộ': 1.2345678901234567e300 } }, 1],
        ['not an object', [1, 2], 1],
        ['a blank region (a template left empty)', { ...BASE, 'thuộc tính': { vùng: null } }, 0]
    ])('gives the file reader’s problems, at the same paths, for %s', (_, value, problems) => {
        const read = inMemory(value);
        expect(read.problems).toHaveLength(problems);
        expect(read).toEqual(throughText(value));
    });

    it('refuses more keys than a commune file may have, with the same message', () => {
        const facts = Object.fromEntries(Array.from({ length: 50_001 }, (_, i) => [`dữ kiện ${i}`, i]));
        const read = inMemory({ xã: 'Thử', 'dữ kiện': facts });
        expect(read.data).toBeUndefined();
        expect(read.problems).toEqual(throughText({ xã: 'Thử', 'dữ kiện': facts }).problems);
        expect(read.problems[0]?.message).toMatch(/quá nhiều trường/);
    });
});
