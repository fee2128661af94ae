import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '@ntm/runtime';
import { withoutExplanations } from '@ntm/runtime';
import type { EvaluatorModule } from './generated-module.js';
import { ModuleLoader, generateResource } from './generated-module.js';

// A recognition condition that compares figures is decided like an indicator's requirement: a failed one
// carries its value, threshold and gap, and the unverified threshold it rests on is flagged, noted and
// counted in the summary. The verdicts-only path gives the same verdicts, flags and gaps.

const loader = new ModuleLoader();
let pack: EvaluatorModule;
const AS_OF = { ngàyĐánhGiá: '2024-11-15' };
const PASSING = { 'đạt nâng cao': true, 'thu nhập': 80.5, 'mức thu nhập nâng cao': 72, 'số thôn thông minh': 1 };

let javascript: string;

beforeAll(async () => {
    const module = await generateResource('gates.ntm');
    javascript = module.javascript;
    pack = await loader.load(module);
});
afterAll(() => loader.dispose());

function run(facts: Record<string, unknown>, verdictsOnly = false): EvaluationResult {
    return pack.evaluate(facts, { ...AS_OF, ...(verdictsOnly ? { giảiThích: false } : {}) });
}

describe('a recognition condition that compares figures', () => {
    it('gives its value, threshold and gap when not met, flagged on its unverified threshold', () => {
        const result = run({ ...PASSING, 'thu nhập': 78.9 });
        const income = result.gates[1]!;
        expect(income.verdict).toBe('chưa đạt');
        expect(income.value?.text).toBe('78,9 triệu đồng/người/năm');
        expect(income.threshold).toBe('>= 79,2 triệu đồng/người/năm');
        expect(income.gap?.text).toBe('còn thiếu 0,3 triệu đồng/người/năm');
        expect(income.flags).toEqual(['unverified-threshold']);
        expect(income.notes).toEqual([{ code: 'unverified-threshold', text: 'Ngưỡng chưa kiểm chứng: trích qua báo chí' }]);
        expect(income.explanation.at(-1)).toBe('Kết luận này dựa trên ngưỡng chưa kiểm chứng: trích qua báo chí.');
        expect(result.summary.gatesOnUnverifiedThresholds).toEqual([income.text]);
        expect(result.summary.text).toBe('đạt 1/1 tiêu chí, 2/3 điều kiện công nhận');
        expect(result.summary.recognition).toBe('chưa đạt');
    });

    it('has no gap when met, and a condition on a count says how many are missing', () => {
        const met = run(PASSING);
        expect(met.gates.map(g => g.verdict)).toEqual(['đạt', 'đạt', 'đạt']);
        expect(met.gates.map(g => g.gap)).toEqual([undefined, undefined, undefined]);
        expect(met.summary.text).toBe('đạt 1/1 tiêu chí, 3/3 điều kiện công nhận');
        expect(met.summary.recognition).toBe('đạt');
        const noVillage = run({ ...PASSING, 'số thôn thông minh': 0 }).gates[2]!;
        expect(noVillage).toMatchObject({ verdict: 'chưa đạt', flags: [], notes: [], threshold: '>= 1 thôn' });
        expect(noVillage.gap?.text).toBe('còn thiếu 1 thôn');
    });

    it('lacks data when a figure is missing, naming it', () => {
        const gate = run({ ...PASSING, 'mức thu nhập nâng cao': undefined }).gates[1]!;
        expect(gate.verdict).toBe('thiếu dữ liệu');
        expect(gate.missingFacts).toEqual(['mức thu nhập nâng cao']);
    });

    it('is compiled for the verdicts-only path when its figures are plain (not the one on an unverified threshold)', () => {
        expect(javascript).toContain('function verdict_gate_co_it_nhat_mot_mo_hinh(v)');
        expect(javascript).toContain('function verdict_gate_dat_chuan_nong_thon_moi_nang(v)');
        expect(javascript).not.toContain('function verdict_gate_thu_nhap');
    });

    it.each([
        ['all met', PASSING],
        ['income short', { ...PASSING, 'thu nhập': 78.9 }],
        ['no smart village', { ...PASSING, 'số thôn thông minh': 0 }],
        ['not nâng cao', { ...PASSING, 'đạt nâng cao': false }],
        ['income missing', { ...PASSING, 'thu nhập': undefined }]
    ])('gives the same verdicts, flags and gaps without explanations (%s)', (_case, facts) => {
        const fast = run(facts, true);
        expect(fast).toEqual(withoutExplanations(run(facts)));
        for (const gate of fast.gates) expect(gate.explanation).toEqual([]);
    });
});
