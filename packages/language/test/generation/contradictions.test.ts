import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '@ntm/runtime';
import type { EvaluatorModule } from './generated-module.js';
import { ModuleLoader, generateResource, indicatorOf, inputErrorsOf } from './generated-module.js';

// A report that states a fact two ways (resources/generation/contradictions.ntm): the runtime decides the rule
// once per reported value. The example is the trained-labour figure of the Liêm Cần 2024 verification report
// (UBND huyện Thanh Liêm): «Trong đó có 3230 người đã qua các lớp đào tạo» and «số lao động qua đào tạo là 4274
// người đạt 86,0 %», over 4969 people of working age.

const loader = new ModuleLoader();
let pack: EvaluatorModule;
const AS_OF = { ngàyĐánhGiá: '2024-11-26' };
beforeAll(async () => {
    pack = await loader.load(await generateResource('contradictions.ntm'));
});
afterAll(() => loader.dispose());

const run = (facts: Record<string, unknown>): EvaluationResult => pack.evaluate(facts, AS_OF);
const both = (a: unknown, qa: string, b: unknown, qb: string) => ({
    'báo cáo mâu thuẫn': [
        { 'giá trị': a, trích: qa },
        { 'giá trị': b, trích: qb }
    ]
});
const TRAINED = both(4274, 'số lao động qua đào tạo là 4274 người đạt 86,0 %', 3230, 'Trong đó có 3230 người đã qua các lớp đào tạo');

describe('a fact the report states two ways', () => {
    it('makes the indicator «thiếu dữ liệu» when the readings give different verdicts, naming both values', () => {
        const indicator = indicatorOf(run({ 'số người độ tuổi lao động': 4969, 'số lao động qua đào tạo': TRAINED }), '12.1');
        expect(indicator.verdict).toBe('thiếu dữ liệu');
        expect(indicator.flags).toEqual(['self-contradictory-report']);
        expect(indicator.missingFacts).toContain('số lao động qua đào tạo (báo cáo tự mâu thuẫn: 4.274 người; 3.230 người)');
        expect(indicator.notes.filter(n => n.code === 'self-contradictory-report').map(n => n.text)).toEqual([
            'Báo cáo tự mâu thuẫn: số lao động qua đào tạo = 4.274 người («số lao động qua đào tạo là 4274 người đạt 86,0 %») → đạt',
            'Báo cáo tự mâu thuẫn: số lao động qua đào tạo = 3.230 người («Trong đó có 3230 người đã qua các lớp đào tạo») → chưa đạt'
        ]);
        expect(indicator.value).toBeUndefined();
        expect(indicator.gap).toBeUndefined();
    });

    it('keeps the verdict, flagged and listed, when every reading gives the same one', () => {
        const indicator = indicatorOf(run({ 'thu nhập': both(72.403, 'đạt 72,403 triệu đồng/người/năm', 73, 'khoảng 73 triệu đồng') }), '10.1');
        expect(indicator.verdict).toBe('đạt');
        expect(indicator.flags).toEqual(['self-contradictory-report']);
        expect(indicator.notes.map(n => n.text)).toEqual([
            'Báo cáo tự mâu thuẫn: thu nhập = 72,403 triệu đồng/người/năm («đạt 72,403 triệu đồng/người/năm») → đạt',
            'Báo cáo tự mâu thuẫn: thu nhập = 73 triệu đồng/người/năm («khoảng 73 triệu đồng») → đạt'
        ]);
        expect(indicator.explanation.some(line => line.startsWith('Báo cáo tự mâu thuẫn, nhưng mọi cách đọc cho cùng kết luận'))).toBe(true);
    });

    it('decides each part of a breakdown with its own reported values', () => {
        const indicator = indicatorOf(run({ 'tỷ lệ tham gia bảo hiểm y tế': { nam: both(96, '96%', 94, '94%'), nữ: 97 } }), '15.1');
        expect(indicator.verdict).toBe('thiếu dữ liệu');
        expect(indicator.missingFacts).toContain('tỷ lệ tham gia bảo hiểm y tế (nam) (báo cáo tự mâu thuẫn: 96 %; 94 %)');
    });

    it('leaves a gate that reads a contradicted fact undecided, saying why', () => {
        const result = run({ 'đã đạt chuẩn NTM': both(true, 'đã đạt chuẩn năm 2017', false, 'chưa được công nhận') });
        expect(result.gates[0]?.verdict).toBe('thiếu dữ liệu');
        expect(result.gates[0]?.missingFacts).toEqual(['đã đạt chuẩn NTM (báo cáo tự mâu thuẫn: có; không)']);
    });

    it('does not flag indicators that read no contradicted fact', () => {
        const result = run({ 'thu nhập': 80, 'số người độ tuổi lao động': 4969, 'số lao động qua đào tạo': TRAINED });
        expect(indicatorOf(result, '10.1').flags).toEqual([]);
    });

    it.each<[string, unknown, string]>([
        [
            'one value',
            { 'báo cáo mâu thuẫn': [{ 'giá trị': 4274, trích: 'x' }] },
            'Báo cáo mâu thuẫn cần ít nhất hai giá trị khác nhau; ở đây có 1. Một giá trị thì ghi thẳng: "số lao động qua đào tạo": <giá trị>.'
        ],
        ['equal values', both(4274, 'a', 4274, 'b'), 'Các giá trị báo cáo đều bằng nhau: không phải mâu thuẫn. Ghi thẳng một giá trị.'],
        [
            'a value without its quote',
            { 'báo cáo mâu thuẫn': [{ 'giá trị': 4274, trích: 'a' }, { 'giá trị': 3230 }] },
            'Thiếu «trích»: câu của báo cáo nêu giá trị này, để người đọc kiểm lại được.'
        ],
        [
            'not a list',
            { 'báo cáo mâu thuẫn': 4274 },
            'Cần một danh sách các giá trị báo cáo. Ghi «báo cáo mâu thuẫn»: [{ "giá trị": …, "trích": "câu báo cáo" }, { "giá trị": …, "trích": "…" }].'
        ],
        ['a value the fact cannot take', both(4274, 'a', 32.5, 'b'), 'Số đếm phải là số nguyên, nhận được 32,5.']
    ])('refuses %s, at the field', (_name, value, message) => {
        const issues = inputErrorsOf(() => run({ 'số người độ tuổi lao động': 4969, 'số lao động qua đào tạo': value }));
        expect(issues.map(i => i.message)).toEqual([message]);
        expect(issues[0]!.path.slice(0, 3)).toEqual(['dữ kiện', 'số lao động qua đào tạo', 'báo cáo mâu thuẫn']);
    });
});
