import { describe, expect, it } from 'vitest';
import { communeDecorations, packDecorations } from '../../src/logic/decorations.js';
import { readCommuneFile } from '../../src/logic/sample-file.js';
import { at, check, COMMUNE_URI, PACK_URI, SAMPLE_TEXT, sampleResult } from './fixtures.js';

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
    it('puts each verdict on the line the server located for its indicator or criterion', () => {
        const byDocument = packDecorations({ samples: [sampleResult()] });
        expect([...byDocument.keys()]).toEqual([PACK_URI]);
        const decorations = byDocument.get(PACK_URI)!;
        expect(decorations.map(d => [d.line, d.kind, d.text])).toEqual([
            [4, 'known', 'máy: ≈ thiếu dữ liệu'],
            [5, 'pass', 'máy: ✓ đạt'],
            [7, 'fail', 'máy: ✗ chưa đạt']
        ]);
    });

    it('names the commune when several samples run, and shows the worst kind', () => {
        const other = sampleResult({
            commune: 'Liêm Cần',
            communeUri: 'file:///x/liem-can.json',
            checks: [check({ label: '17.5', computed: 'chưa đạt', status: 'undeclared-difference', passed: false, location: at(PACK_URI, 5) })]
        });
        const decorations = packDecorations({ samples: [sampleResult(), other] }).get(PACK_URI)!;
        const line5 = decorations.find(d => d.line === 5)!;
        expect(line5.text).toBe('máy: Liên Hội: ✓ đạt · Liêm Cần: ✗ chưa đạt');
        expect(line5.kind).toBe('fail');
    });
});

describe('packDecorations across packs', () => {
    it('decorates an indicator inherited from a base pack in the base pack, and a replaced one in the pack', () => {
        const BASE = 'file:///work/bo/quoc-gia.ntm';
        const result = {
            samples: [
                sampleResult({
                    checks: [
                        check({ label: '2.1', location: at(BASE, 30) }),
                        check({ label: '2.2', computed: 'chưa đạt', status: 'undeclared-difference', passed: false, location: at(PACK_URI, 12) }),
                        check({ label: '9.9' })
                    ]
                })
            ]
        };
        const byDocument = packDecorations(result);
        expect(byDocument.get(BASE)!.map(d => [d.line, d.text])).toEqual([[30, 'máy: ✓ đạt']]);
        expect(byDocument.get(PACK_URI)!.map(d => [d.line, d.text])).toEqual([[12, 'máy: ✗ chưa đạt']]);
    });
});
