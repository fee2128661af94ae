import { afterAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '@ntm/runtime';
import { PACK_HEADER } from '../helpers/ntm-test-services.js';
import type { EvaluatorModule } from './generated-module.js';
import { ModuleLoader, generateModule, indicatorOf, inputErrorsOf, typeCheck } from './generated-module.js';

const loader = new ModuleLoader();
afterAll(() => loader.dispose());

async function evaluatorOf(body: string, header = PACK_HEADER): Promise<EvaluatorModule> {
    const module = await generateModule(`${header}\n${body}`, 'law-in-time');
    expect(typeCheck(module.text)).toEqual([]);
    return loader.load(module);
}

describe('rounding before comparison', () => {
    const body = (rounding: string) => `
dữ kiện số hộ dùng nước sạch: đếm hộ
dữ kiện tổng số hộ: đếm hộ
tiêu chí 17 "Môi trường"
  chỉ tiêu 17.1 "Nước sạch" tỷ số số hộ dùng nước sạch / tổng số hộ >= 89.64% ${rounding}
  chỉ tiêu 17.2 "Nước sạch đủ" tỷ số số hộ dùng nước sạch / tổng số hộ = 100%`;
    const facts = (used: number) => ({ 'số hộ dùng nước sạch': used, 'tổng số hộ': 4662 });
    const at = { ngàyĐánhGiá: '2024-01-01' };

    it('truncates as the documents do: 4179/4662 = 89,6396… is compared as 89,63', async () => {
        const pack = await evaluatorOf(body('làm tròn cắt đến 2 chữ số thập phân'));
        const result = indicatorOf(pack.evaluate(facts(4179), at), '17.1');
        expect(result.verdict).toBe('chưa đạt');
        expect(result.explanation.join(' ')).toContain('làm tròn cắt đến 2 chữ số thập phân → 89,63');
    });

    it('rounds up when the indicator says so, and compares exactly without a rounding rule', async () => {
        expect(indicatorOf((await evaluatorOf(body('làm tròn lên đến 2 chữ số thập phân'))).evaluate(facts(4179), at), '17.1').verdict).toBe('đạt');
        expect(indicatorOf((await evaluatorOf(body(''))).evaluate(facts(4179), at), '17.1').verdict).toBe('chưa đạt');
    });

    it('never lets float noise decide: 4662/4662 is exactly 100%, 4661/4662 is not', async () => {
        const pack = await evaluatorOf(body('làm tròn gần nhất đến 2 chữ số thập phân'));
        expect(indicatorOf(pack.evaluate(facts(4662), at), '17.2').verdict).toBe('đạt');
        expect(indicatorOf(pack.evaluate(facts(4661), at), '17.2').verdict).toBe('chưa đạt');
    });

    it('the pack-level rule applies to every comparison', async () => {
        const header = PACK_HEADER.replace('  hiệu lực', '  làm tròn cắt đến 2 chữ số thập phân\n  hiệu lực');
        const pack = await evaluatorOf(body(''), header);
        expect(indicatorOf(pack.evaluate(facts(4179), at), '17.1').verdict).toBe('chưa đạt');
        expect(indicatorOf(pack.evaluate(facts(4180), at), '17.1').verdict).toBe('đạt');
    });
});

describe('unknown thresholds and the bounds verdicts imply', () => {
    const body = `
dữ kiện tỷ lệ điện: phần trăm
dữ kiện tỷ lệ nghèo: phần trăm
dữ kiện thu nhập: tiền triệu đồng/người/năm
tiêu chí 4 "Điện"
  chỉ tiêu 4.2 "Điện" tỷ lệ điện >= chưa biết (<= 96%; suy từ "kết luận: 96% là đạt") "318 chưa có"
tiêu chí 10 "Thu nhập"
  chỉ tiêu 10.1 "Thu nhập" thu nhập >= chưa biết (> 38.6 triệu đồng/người/năm; suy từ "kết luận: 38,6 là chưa đạt")
tiêu chí 11 "Nghèo"
  chỉ tiêu 11.1 "Nghèo" tỷ lệ nghèo <= chưa biết "không có cận"`;
    const at = { ngàyĐánhGiá: '2023-02-09' };
    let pack: EvaluatorModule;
    const run = async (facts: Record<string, unknown>): Promise<EvaluationResult> => {
        pack ??= await evaluatorOf(body);
        return pack.evaluate(facts, at);
    };

    it('decides a pass only through the implied bound, and says so', async () => {
        const result = await run({ 'tỷ lệ điện': 96 });
        const electricity = indicatorOf(result, '4.2');
        expect(electricity.verdict).toBe('đạt');
        expect(electricity.flags).toEqual(['unverified-threshold', 'implied-bounds']);
        expect(electricity.unknownThresholds[0]).toMatchObject({ range: '>= 0 %, <= 96 %', decidedByImpliedBounds: true, basis: 'kết luận: 96% là đạt' });
        expect(result.summary.indicatorsOnImpliedBounds).toEqual(['4.2']);
        expect(result.summary.criteriaOnImpliedBounds).toEqual(['4']);
    });

    it('a value that passes every possible threshold is decided without the implied bound', async () => {
        const electricity = indicatorOf(await run({ 'tỷ lệ điện': 100 }), '4.2');
        expect(electricity.verdict).toBe('đạt');
        expect(electricity.flags).toEqual(['unverified-threshold']);
        expect(electricity.unknownThresholds[0]?.decidedByImpliedBounds).toBe(false);
    });

    it('a value inside the possible range cannot be judged: thiếu dữ liệu, naming the threshold', async () => {
        const electricity = indicatorOf(await run({ 'tỷ lệ điện': 90 }), '4.2');
        expect(electricity.verdict).toBe('thiếu dữ liệu');
        expect(electricity.missingFacts).toEqual(['ngưỡng của «tỷ lệ điện» (chưa biết; chỉ biết ngưỡng >= 0 %, <= 96 %)']);
    });

    it('a failure at the bound gives the least gap, marked as resting on an unknown threshold', async () => {
        const income = indicatorOf(await run({ 'thu nhập': 38.6 }), '10.1');
        expect(income.verdict).toBe('chưa đạt');
        expect(income.flags).toContain('implied-bounds');
        expect(income.gap?.text).toBe(
            'cần cao hơn mức hiện tại (đang bằng đúng 38,6 triệu đồng/người/năm) (ngưỡng chưa biết, chỉ biết > 38,6 triệu đồng/người/năm)'
        );
        expect(indicatorOf(await run({ 'thu nhập': 30 }), '10.1').gap?.text).toBe(
            'cần vượt thêm hơn 8,6 triệu đồng/người/năm (ngưỡng chưa biết, chỉ biết > 38,6 triệu đồng/người/năm)'
        );
    });

    it('without bounds only the natural limits decide: a rate of 0% meets any ceiling', async () => {
        expect(indicatorOf(await run({ 'tỷ lệ nghèo': 0 }), '11.1').verdict).toBe('đạt');
        expect(indicatorOf(await run({ 'tỷ lệ nghèo': 5 }), '11.1').verdict).toBe('thiếu dữ liệu');
    });
});

describe('reference tables by region, group and year, and the region rule', () => {
    const body = `
dữ kiện tỷ lệ thấp còi: phần trăm
dữ kiện tỷ lệ sổ sức khỏe: phần trăm
dữ kiện xã đặc biệt khó khăn: có/không
dữ kiện tỷ lệ hộ dùng internet: phần trăm

áp dụng vùng TDMNPB nếu có xã đặc biệt khó khăn căn cứ 318/QĐ-TTg "Điều 1"

bảng thấp còi tối đa theo vùng: phần trăm
  TDMNPB: 24%
  ĐBSH: 16.5%
  ĐNB, ĐBSCL: không áp dụng "thử: không áp dụng"
  còn lại: chưa biết "chưa có"
bảng sổ sức khỏe tối thiểu theo vùng, năm: phần trăm
  TDMNPB, năm 2022 đến 2023: 50%
  TDMNPB, năm 2024 đến 2025: 60%
  còn lại: chưa biết "chưa có"
bảng mạng tối thiểu theo nhóm: phần trăm
  nhóm 1: 90%
  nhóm 2: 80%
  nhóm 3: 70%

tiêu chí 15 "Y tế"
  chỉ tiêu 15.3 "Thấp còi" tỷ lệ thấp còi <= thấp còi tối đa
  chỉ tiêu 15.4 "Sổ" tỷ lệ sổ sức khỏe >= sổ sức khỏe tối thiểu
tiêu chí 8 "Thông tin"
  chỉ tiêu 8.1 "Mạng" tỷ lệ hộ dùng internet >= mạng tối thiểu`;
    let pack: EvaluatorModule;
    const run = async (facts: Record<string, unknown>, options: Record<string, unknown>): Promise<EvaluationResult> => {
        pack ??= await evaluatorOf(body);
        return pack.evaluate(facts, { ngàyĐánhGiá: '2023-06-30', ...options });
    };

    it('looks up the commune region, and reports which cell it used', async () => {
        const result = await run({ 'tỷ lệ thấp còi': 20, 'xã đặc biệt khó khăn': false }, { vùng: 'ĐBSH' });
        const stunting = indicatorOf(result, '15.3');
        expect(stunting.verdict).toBe('chưa đạt');
        expect(stunting.threshold).toBe('<= 16,5 %');
        expect(stunting.factsUsed.map(u => u.fact)).toContain('bảng «thấp còi tối đa», vùng ĐBSH (vùng của xã: ĐBSH)');
    });

    it('applies 318 Điều 1: an extremely difficult commune uses the TDMNPB column', async () => {
        const result = await run({ 'tỷ lệ thấp còi': 20, 'xã đặc biệt khó khăn': true }, { vùng: 'ĐBSH' });
        expect(indicatorOf(result, '15.3').verdict).toBe('đạt');
        expect(result.context.region).toBe('TDMNPB');
        expect(result.context.regionNote).toBe('áp dụng vùng TDMNPB theo 318/QĐ-TTg (Điều 1) vì có xã đặc biệt khó khăn');
    });

    it('cannot pick a column when the rule lacks its fact and the region differs', async () => {
        const result = await run({ 'tỷ lệ thấp còi': 20 }, { vùng: 'ĐBSH' });
        expect(indicatorOf(result, '15.3').verdict).toBe('thiếu dữ liệu');
        expect(indicatorOf(result, '15.3').missingFacts).toEqual(['xã đặc biệt khó khăn']);
    });

    it('a cell declared not applicable makes the indicator not applicable, with the reason', async () => {
        const result = await run({ 'tỷ lệ thấp còi': 20, 'xã đặc biệt khó khăn': false }, { vùng: 'ĐNB' });
        expect(indicatorOf(result, '15.3').verdict).toBe('không áp dụng');
        expect(indicatorOf(result, '15.3').notes).toEqual([{ code: 'not-applicable', text: 'Không áp dụng: thử: không áp dụng' }]);
    });

    it('a region that does not exist is an input error: no verdicts', async () => {
        pack ??= await evaluatorOf(body);
        const issues = inputErrorsOf(() =>
            pack.evaluate({ 'tỷ lệ thấp còi': 20, 'xã đặc biệt khó khăn': false }, { ngàyĐánhGiá: '2023-06-30', vùng: 'Tây Bắc' })
        );
        expect(issues).toContainEqual({
            severity: 'error',
            code: 'unknown-region',
            path: ['thuộc tính', 'vùng'],
            field: 'thuộc tính.vùng',
            message: 'Vùng «Tây Bắc» không có; dùng một trong: TDMNPB, ĐBSH, BTB, DHNTB, TN, ĐNB, ĐBSCL.'
        });
    });

    it('selects the year cell from the assessment date', async () => {
        pack ??= await evaluatorOf(body);
        const facts = { 'tỷ lệ sổ sức khỏe': 55, 'xã đặc biệt khó khăn': false };
        expect(indicatorOf(pack.evaluate(facts, { ngàyĐánhGiá: '2023-12-31', vùng: 'TDMNPB' }), '15.4').verdict).toBe('đạt');
        expect(indicatorOf(pack.evaluate(facts, { ngàyĐánhGiá: '2024-01-01', vùng: 'TDMNPB' }), '15.4').verdict).toBe('chưa đạt');
    });

    it('looks up by commune group, and rejects a group that does not exist', async () => {
        expect(indicatorOf(await run({ 'tỷ lệ hộ dùng internet': 75 }, { nhóm: 3 }), '8.1').verdict).toBe('đạt');
        expect(indicatorOf(await run({ 'tỷ lệ hộ dùng internet': 75 }, { nhóm: '1' }), '8.1').verdict).toBe('chưa đạt');
        const bad = inputErrorsOf(() => pack.evaluate({ 'tỷ lệ hộ dùng internet': 75 }, { ngàyĐánhGiá: '2023-06-30', nhóm: 4 }));
        expect(bad).toContainEqual({
            severity: 'error',
            code: 'unknown-group',
            path: ['thuộc tính', 'nhóm'],
            field: 'thuộc tính.nhóm',
            message: 'Nhóm xã «4» không có; chỉ có nhóm 1, 2, 3 (51/2025/QĐ-TTg).'
        });
    });
});

describe('amendments inside a pack', () => {
    const header = PACK_HEADER.replace('  hiệu lực', '  căn cứ 99/2023/QĐ-UBND ngày 15/12/2023 của "UBND tỉnh Thử"\n  hiệu lực');
    const body = `
dữ kiện tỷ lệ: phần trăm
dữ kiện trạm đạt chuẩn: có/không
tiêu chí 1 "Thử"
  chỉ tiêu 1.1 "Thử" tỷ lệ >= 50%
  chỉ tiêu 1.2 "Trạm" có trạm đạt chuẩn
sửa đổi theo 99/2023/QĐ-UBND từ 01/01/2024 {
  thay chỉ tiêu 1.1 "Thử (sửa đổi)" tỷ lệ >= 60%
  không áp dụng chỉ tiêu 1.2 "bãi bỏ từ 2024"
  thêm vào tiêu chí 1 chỉ tiêu 1.3 "Mới" tỷ lệ >= 10%
}`;

    it('gives each version its verdict, and says which text set the rule', async () => {
        const pack = await evaluatorOf(body, header);
        const facts = { 'tỷ lệ': 55, 'trạm đạt chuẩn': false };
        const before = pack.evaluate(facts, { ngàyĐánhGiá: '2023-12-31' });
        const after = pack.evaluate(facts, { ngàyĐánhGiá: '2024-01-01' });
        expect(indicatorOf(before, '1.1').verdict).toBe('đạt');
        expect(indicatorOf(before, '1.1').source?.kind).toBe('original');
        expect(indicatorOf(after, '1.1').verdict).toBe('chưa đạt');
        expect(indicatorOf(after, '1.1').source?.text).toBe('thay theo 99/2023/QĐ-UBND của UBND tỉnh Thử từ 2024-01-01 (bộ «thử»)');
        expect(indicatorOf(before, '1.2').verdict).toBe('chưa đạt');
        expect(indicatorOf(after, '1.2').verdict).toBe('không áp dụng');
        expect(before.indicators.map(i => i.label)).toEqual(['1.1', '1.2']);
        expect(after.indicators.map(i => i.label)).toEqual(['1.1', '1.2', '1.3']);
        expect(after.pack.amendments).toEqual([{ number: '99/2023/QĐ-UBND', issuer: 'UBND tỉnh Thử', date: '2023-12-15', from: '2024-01-01' }]);
    });
});

describe('gaps in the natural unit', () => {
    it('a ratio of lengths gives the length still to build: «còn thiếu 2,49 km»', async () => {
        const pack = await evaluatorOf(`
dữ kiện đường trục thôn được cứng hóa: số km
dữ kiện tổng chiều dài đường trục thôn: số km
tiêu chí 2 "Giao thông"
  chỉ tiêu 2.2 "Đường trục thôn" tỷ số đường trục thôn được cứng hóa / tổng chiều dài đường trục thôn >= 70%`);
        const roads = indicatorOf(
            pack.evaluate({ 'đường trục thôn được cứng hóa': 7.87, 'tổng chiều dài đường trục thôn': 14.8 }, { ngàyĐánhGiá: '2024-01-01' }),
            '2.2'
        );
        // The distance as a fraction of the threshold ranks shortfalls of any unit in a plan.
        expect(roads.gap).toEqual({ amount: 2.49, unit: 'km', text: 'còn thiếu 2,49 km', relative: expect.closeTo(1 - ((7.87 / 14.8) * 100) / 70, 9) });
    });
});

describe('arithmetic with an unknown threshold', () => {
    it('carries the bounds through `110% ×`, never the placeholder value', async () => {
        const pack = await evaluatorOf(`
dữ kiện thu nhập: tiền triệu đồng/người/năm
dữ kiện mức nâng cao: tiền triệu đồng/người/năm
tiêu chí 4 "Thu nhập"
  chỉ tiêu 4.1 "Thu nhập" thu nhập >= 110% × chưa biết (<= 68.45 triệu đồng/người/năm; suy từ "thử")
  chỉ tiêu 4.2 "Thu nhập" thu nhập >= mức nâng cao + chưa biết (<= 5 triệu đồng/người/năm; suy từ "thử")`);
        const at = { ngàyĐánhGiá: '2024-01-01' };
        const high = indicatorOf(pack.evaluate({ 'thu nhập': 75.34 }, at), '4.1');
        expect(high.verdict).toBe('đạt');
        expect(high.threshold).toBe('>= chưa biết (>= 0 triệu đồng/người/năm, <= 75,295 triệu đồng/người/năm)');
        expect(high.flags).toContain('implied-bounds');
        expect(indicatorOf(pack.evaluate({ 'thu nhập': 70 }, at), '4.1').verdict).toBe('thiếu dữ liệu');
        expect(indicatorOf(pack.evaluate({ 'thu nhập': 80, 'mức nâng cao': 70 }, at), '4.2').verdict).toBe('đạt');
        expect(indicatorOf(pack.evaluate({ 'thu nhập': 60, 'mức nâng cao': 70 }, at), '4.2').verdict).toBe('chưa đạt');
    });
});
