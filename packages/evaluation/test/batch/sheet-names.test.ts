// Sheet names as Excel takes them: at most 31 characters, unique, a long criterion title cut at a word.
import { describe, expect, it } from 'vitest';
import { sheetName } from '@ntm/evaluation';

describe('sheet names', () => {
    it('cuts a long name after a whole word, marked «…», and keeps a short one as it is', () => {
        const taken = new Set<string>();
        expect(sheetName('TC 3 Thủy lợi và phòng, chống thiên tai', taken)).toBe('TC 3 Thủy lợi và phòng, chống…');
        expect(sheetName('TC 17 Môi trường', taken)).toBe('TC 17 Môi trường');
        expect(Array.from(sheetName('TC 7 Cơ sở hạ tầng thương mại nông thôn', taken)).length).toBeLessThanOrEqual(31);
    });

    it('makes a repeated name unique, within the length, and drops what Excel refuses', () => {
        const taken = new Set<string>();
        const first = sheetName('TC 18 Hệ thống chính trị và tiếp cận pháp luật', taken);
        const second = sheetName('TC 18 Hệ thống chính trị và tiếp cận pháp luật', taken);
        expect(second).not.toBe(first);
        expect(second.endsWith(' (2)')).toBe(true);
        expect(Array.from(second).length).toBeLessThanOrEqual(31);
        expect(sheetName('a/b:c', taken)).toBe('a b c');
    });
});
