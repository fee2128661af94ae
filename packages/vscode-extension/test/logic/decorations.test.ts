import { describe, expect, it } from 'vitest';
import { communeDecorations, packDecorations } from '../../src/logic/decorations.js';
import { readCommuneFile } from '../../src/logic/sample-file.js';
import { check, COMMUNE_URI, PACK_TEXT, SAMPLE_TEXT, sampleResult } from './fixtures.js';

describe('communeDecorations', () => {
    it('puts the computed verdict next to each official one', () => {
        const decorations = communeDecorations(readCommuneFile(COMMUNE_URI, SAMPLE_TEXT), sampleResult());
        expect(decorations.map(d => [d.line, d.kind, d.text])).toEqual([
            [7, 'pass', '✓ máy: đạt'],
            [8, 'fail', '✗ máy: chưa đạt (sai khác chưa khai báo)'],
            [10, 'known', '≈ máy: thiếu dữ liệu (sai khác đã biết)'],
            [11, 'pass', '✓ máy: chưa đạt']
        ]);
        expect(decorations[2]!.hover).toContain('Nguyên nhân: thiếu dữ liệu trong báo cáo');
    });
});

describe('packDecorations', () => {
    it('puts each verdict on the line declaring its indicator or criterion', () => {
        const decorations = packDecorations(PACK_TEXT, { samples: [sampleResult()] });
        expect(decorations.map(d => [d.line, d.kind, d.text])).toEqual([
            [4, 'known', 'máy: ≈ thiếu dữ liệu'],
            [5, 'pass', 'máy: ✓ đạt'],
            [7, 'fail', 'máy: ✗ chưa đạt']
        ]);
    });

    it('names the commune when several samples run, and shows the worst kind', () => {
        const other = sampleResult({ commune: 'Liêm Cần', communeUri: 'file:///x/liem-can.json', checks: [check({ label: '17.5', computed: 'chưa đạt', status: 'sai khác chưa khai báo', passed: false })] });
        const decorations = packDecorations(PACK_TEXT, { samples: [sampleResult(), other] });
        const line5 = decorations.find(d => d.line === 5)!;
        expect(line5.text).toBe('máy: Liên Hội: ✓ đạt · Liêm Cần: ✗ chưa đạt');
        expect(line5.kind).toBe('fail');
    });
});
