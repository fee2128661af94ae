import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '@ntm/runtime';
import type { EvaluatorModule } from './generated-module.js';
import { ModuleLoader, generateResource, indicatorOf, inputErrorsOf } from './generated-module.js';

// Units of the same kind convert exactly, in packs (resources/generation/unit-conversion.ntm) and in commune
// files; different kinds stay an error.

const loader = new ModuleLoader();
let pack: EvaluatorModule;
beforeAll(async () => {
    pack = await loader.load(await generateResource('unit-conversion.ntm'));
});
afterAll(() => loader.dispose());

const run = (facts: Record<string, unknown>): EvaluationResult => pack.evaluate(facts, { ngàyĐánhGiá: '2023-06-30' });

describe('a threshold in another unit than its fact', () => {
    it.each<[number, string]>([
        [0.5, 'đạt'],
        [0.499, 'chưa đạt'],
        [0.4999999, 'chưa đạt']
    ])('%s km against >= 500 m is %s, exactly', (km, verdict) => {
        const indicator = indicatorOf(run({ 'khoảng cách khu mai táng': km }), '17.5');
        expect(indicator.verdict).toBe(verdict);
        expect(indicator.threshold).toBe('>= 0,5 km (= 500 m)');
    });

    it('compares m² with ha, and a yearly income in triệu đồng with a monthly threshold in nghìn đồng', () => {
        expect(indicatorOf(run({ 'diện tích sân thể thao': 200 }), '6.3').verdict).toBe('đạt');
        expect(indicatorOf(run({ 'diện tích sân thể thao': 199.99 }), '6.3').verdict).toBe('chưa đạt');
        // 6000 nghìn đồng/người/tháng is 72 triệu đồng/người/năm: > is strict.
        expect(indicatorOf(run({ 'thu nhập': 72 }), '10.1').verdict).toBe('chưa đạt');
        expect(indicatorOf(run({ 'thu nhập': 72.001 }), '10.1').verdict).toBe('đạt');
    });

    it('computes a ratio of m over km and a sum of m and km in the left unit', () => {
        // 1.190 m of 14,8 km: 8,04 %.
        const ratio = indicatorOf(run({ 'đường trục thôn đã cứng hóa': 1190, 'tổng chiều dài đường trục thôn': 14.8 }), '2.2');
        expect(ratio.verdict).toBe('chưa đạt');
        expect(ratio.value?.text).toBe('≈ 8,0405 %');
        expect(indicatorOf(run({ 'đường trục thôn đã cứng hóa': 9000 }), '2.3').verdict).toBe('đạt');
        expect(indicatorOf(run({ 'đường trục thôn đã cứng hóa': 8999 }), '2.3').verdict).toBe('chưa đạt');
    });
});

describe('a commune file value in another unit than its fact', () => {
    it('converts m to km exactly and says what the file wrote', () => {
        const indicator = indicatorOf(run({ 'khoảng cách khu mai táng': { 'giá trị': 500, 'đơn vị': 'm' } }), '17.5');
        expect(indicator.verdict).toBe('đạt');
        expect(indicator.factsUsed).toEqual([{ fact: 'khoảng cách khu mai táng', text: '0,5 km (tệp xã ghi 500 m)' }]);
    });

    it('converts ha to m² and a range with its bounds', () => {
        expect(indicatorOf(run({ 'diện tích sân thể thao': { 'giá trị': 0.02, 'đơn vị': 'ha' } }), '6.3').verdict).toBe('đạt');
        expect(indicatorOf(run({ 'diện tích sân thể thao': { 'giá trị': { từ: 0.03, đến: 0.05 }, 'đơn vị': 'ha' } }), '6.3').verdict).toBe('đạt');
        expect(indicatorOf(run({ 'thu nhập': { 'giá trị': '72.403,5', 'đơn vị': 'nghìn đồng/người/năm' } }), '10.1').verdict).toBe('đạt');
    });

    it('refuses a unit of another kind, naming both kinds', () => {
        const issues = inputErrorsOf(() => run({ 'diện tích sân thể thao': { 'giá trị': 2, 'đơn vị': 'km' } }));
        expect(issues.map(i => [i.field, i.message])).toEqual([
            [
                'dữ kiện.diện tích sân thể thao.đơn vị',
                'Đơn vị «km» khác đơn vị khai báo của dữ kiện («m2»): km là chiều dài, m2 là diện tích: không đổi được cho nhau.'
            ]
        ]);
    });
});
