import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/logic/command-ids.js';
import { lensesFor } from '../../src/logic/lenses.js';
import { COMMUNE_URI, PACK_TEXT, PACK_URI, SAMPLE_TEXT } from './fixtures.js';

describe('lensesFor', () => {
    it.each([
        { name: 'a pack', uri: PACK_URI, languageId: 'ntm', text: PACK_TEXT, expected: [[0, '▶ Chạy kiểm thử', COMMANDS.runPackSamples]] },
        { name: 'a sample commune', uri: COMMUNE_URI, languageId: 'json', text: SAMPLE_TEXT, expected: [[0, '▶ Đánh giá', COMMANDS.evaluateCommune]] },
        { name: 'a commune without official results', uri: COMMUNE_URI, languageId: 'json', text: '{ "bộ tiêu chí": "a.ntm", "dữ kiện": {} }', expected: [] },
        { name: 'another JSON file', uri: 'file:///p/package.json', languageId: 'json', text: '{ "name": "x" }', expected: [] },
        { name: 'a TypeScript file', uri: 'file:///p/a.ts', languageId: 'typescript', text: 'bộ tiêu chí', expected: [] }
    ])('on $name', ({ uri, languageId, text, expected }) => {
        const lenses = lensesFor({ uri, languageId, text });
        expect(lenses.map(l => [l.line, l.title, l.command])).toEqual(expected);
        // No arguments: the commands act on the active editor (see LensSpec).
        lenses.forEach(lens => expect(lens).not.toHaveProperty('arguments'));
    });

    it('puts the pack lens at the top of the file, whatever comes before the header (no text search)', () => {
        const text = `// chú thích\n\nbộ  tiêu chí x "X"\n`.normalize('NFD');
        expect(lensesFor({ uri: PACK_URI, languageId: 'ntm', text }).map(l => l.line)).toEqual([0]);
    });
});
