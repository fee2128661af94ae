import { describe, expect, it } from 'vitest';
import { rat } from '../src/exact-numbers.js';
import type { EvaluationResult, FactSpec, Verdict, VillageOutcome } from '../src/result-types.js';
import { readFacts } from '../src/fact-input.js';
import { countVillages, withVillages } from '../src/villages.js';
import { arith, fact, lit } from '../src/values.js';
import { compare } from '../src/conditions.js';

const specs: FactSpec[] = [
    { name: 'số thôn đạt chuẩn thôn kiểu mẫu', kind: 'count', unit: 'thôn', villagePack: 'thon.ntm' },
    { name: 'tổng số thôn', kind: 'count', unit: 'thôn' }
];

/** A village's result reduced to what the count reads: its recognition. */
function village(name: string, recognition: Verdict, pack = 'thon.ntm'): VillageOutcome {
    return { name, pack, result: { summary: { recognition } } as unknown as EvaluationResult };
}

describe('counting the villages that meet a village-level pack', () => {
    it('counts the villages whose recognition is «đạt», exactly', () => {
        const t = readFacts({ 'tổng số thôn': 3 }, specs);
        countVillages(t, [village('A', 'đạt'), village('B', 'chưa đạt'), village('C', 'đạt'), village('D', 'đạt', 'khac.ntm')]);
        expect(t.raw.get('số thôn đạt chuẩn thôn kiểu mẫu')?.total).toEqual({ t: 'num', r: rat(2n), isBound: false, decimals: 0 });
    });

    it('gives a range while villages lack data: from those known to meet it to those plus the undecided', () => {
        const t = readFacts({}, specs);
        countVillages(t, [village('A', 'đạt'), village('B', 'thiếu dữ liệu'), village('C', 'thiếu dữ liệu'), village('D', 'chưa đạt')]);
        expect(t.raw.get('số thôn đạt chuẩn thôn kiểu mẫu')?.total).toMatchObject({ isBound: true, lo: rat(1n), hi: rat(3n) });
    });

    it('says a range of villages comes from villages without data, not from the report', () => {
        const t = readFacts({ 'tổng số thôn': 4 }, specs);
        countVillages(t, [village('A', 'đạt'), village('B', 'thiếu dữ liệu'), village('C', 'thiếu dữ liệu'), village('D', 'chưa đạt')]);
        const count = fact(t, 'số thôn đạt chuẩn thôn kiểu mẫu');
        expect(compare('số thôn đạt >= 2', count, '>=', lit('2', 'thôn')).missing).toEqual([
            'số thôn đạt chuẩn thôn kiểu mẫu (2 thôn chưa đủ dữ liệu, số thôn đạt chuẩn từ 1 đến 3 thôn không đủ để so với >= 2 thôn)'
        ]);
        const share = arith('/', count, fact(t, 'tổng số thôn'), '%', rat(100n));
        expect(share.k === 'missing' && share.names).toEqual([
            'số thôn đạt chuẩn thôn kiểu mẫu (2 thôn chưa đủ dữ liệu, số thôn đạt chuẩn chỉ biết trong khoảng từ 1 đến 3 thôn, cần số cụ thể để tính)'
        ]);
    });

    it('leaves the count missing without village results: never a silent zero', () => {
        const t = readFacts({}, specs);
        countVillages(t, undefined);
        expect(t.raw.has('số thôn đạt chuẩn thôn kiểu mẫu')).toBe(false);
    });

    it('refuses an entered count, at its field', () => {
        const t = readFacts({ 'số thôn đạt chuẩn thôn kiểu mẫu': 5 }, specs);
        expect(t.issues).toEqual([
            expect.objectContaining({ severity: 'error', code: 'computed-from-villages', path: ['dữ kiện', 'số thôn đạt chuẩn thôn kiểu mẫu'] })
        ]);
    });

    it('returns the villages of the packs it counts under the commune result', () => {
        const t = readFacts({}, specs);
        const result = { summary: {} } as unknown as EvaluationResult;
        const outcomes = [village('A', 'đạt'), village('B', 'đạt', 'khac.ntm')];
        expect(withVillages(result, outcomes, t).villages?.map(v => v.name)).toEqual(['A']);
        expect(withVillages(result, [], t)).toBe(result);
    });
});
