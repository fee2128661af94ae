import { afterAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '@ntm/runtime';
import { PACK_HEADER } from '../helpers/ntm-test-services.js';
import type { EvaluatorModule } from './generated-module.js';
import { ModuleLoader, generateModule, indicatorOf, inputErrorsOf, typeCheck } from './generated-module.js';

const loader = new ModuleLoader();
afterAll(() => loader.dispose());

const HEADER = PACK_HEADER.replace('cấp xã nông thôn mới', 'cấp xã nông thôn mới kiểu mẫu').replace(
    'hiệu lực từ 08/03/2022 đến 31/12/2025',
    'hiệu lực từ 01/01/2010 đến 31/12/2030'
);

async function evaluatorOf(body: string): Promise<EvaluatorModule> {
    const module = await generateModule(`${HEADER}\n${body}`, 'points');
    expect(typeCheck(module.text)).toEqual([]);
    return loader.load(module);
}

const CRIME = `
danh sách thôn "Thôn"
dữ kiện số vụ phạm tội: đếm vụ, từng năm
dữ kiện số tệ nạn: đếm vụ, từng năm
dữ kiện trụ sở riêng: có/không
dữ kiện nhà văn hóa đạt chuẩn: có/không, từng thôn
dữ kiện số câu lạc bộ: đếm câu lạc bộ, từng thôn

tiêu chí 1 "An ninh" 20 điểm, điểm đạt >= 16
  chỉ tiêu 1.1 "Tội phạm" mỗi năm trong 11 năm { số vụ phạm tội <= 5 vụ }, 5 điểm, trừ 0.5 mỗi năm không đạt
  chỉ tiêu 1.2 "Tệ nạn" mỗi năm trong 3 năm { số tệ nạn <= giá trị năm trước của số tệ nạn × 95% }, 5 điểm, trừ tùy mức từ 0.5 đến hết điểm mỗi năm không đạt
  chỉ tiêu 1.3 "Trụ sở" có trụ sở riêng, 5 điểm, trừ tùy mức từ 1 đến hết điểm nếu không đạt
  chỉ tiêu 1.4 "Nhà văn hóa" ít nhất 5 thôn { có nhà văn hóa đạt chuẩn; số câu lạc bộ >= 1 }, 5 điểm`;

function years(failing: number): Record<string, number> {
    // 11 years ending 2023; the first `failing` of them exceed 5 cases.
    return Object.fromEntries(Array.from({ length: 11 }, (_, i) => [String(2013 + i), i < failing ? 9 : 2]));
}

describe('a computed deduction per failing year, never below zero', () => {
    let pack: EvaluatorModule;
    it.each([
        [0, 5],
        [1, 4.5],
        [3, 3.5],
        [11, 0]
    ])('%i failing years of 11 give %s points', async (failing, points) => {
        pack ??= await evaluatorOf(CRIME);
        const crime = indicatorOf(pack.evaluate({ 'số vụ phạm tội': years(failing) }, { ngàyĐánhGiá: '2023-12-22' }), '1.1');
        expect(crime.score?.awarded).toBe(points);
        expect(crime.score?.by).toBe('rule');
        if (failing === 11) expect(crime.score?.ledger[0]).toContain('vượt tối đa nên còn 0 (không âm)');
    });

    it('a missing year is missing data for that year, and the score is left open', async () => {
        pack ??= await evaluatorOf(CRIME);
        const data = years(0);
        delete data['2019'];
        const crime = indicatorOf(pack.evaluate({ 'số vụ phạm tội': data }, { ngàyĐánhGiá: '2023-12-22' }), '1.1');
        expect(crime.verdict).toBe('thiếu dữ liệu');
        expect(crime.missingFacts).toEqual(['số vụ phạm tội (năm 2019)']);
        expect(crime.score).toMatchObject({ by: 'undetermined', possible: { min: 0, max: 5 } });
    });
});

describe('discretionary deductions: the assessor enters the score, the rule bounds it', () => {
    let pack: EvaluatorModule;
    const facts = { 'số tệ nạn': { '2020': 100, '2021': 95, '2022': 96, '2023': 80 }, 'trụ sở riêng': false };
    const run = async (scores: Record<string, unknown>): Promise<EvaluationResult> => {
        pack ??= await evaluatorOf(CRIME);
        return pack.evaluate(facts, { ngàyĐánhGiá: '2023-12-22', ...scores });
    };

    it('reads the previous year for «giá trị năm trước của», and bounds the score by the failing years', async () => {
        const result = await run({ điểmThẩmTra: { '1.2': 4.5, '1.3': 3 } });
        const evils = indicatorOf(result, '1.2');
        expect(evils.verdict).toBe('chưa đạt');
        expect(evils.explanation.some(line => line.includes('không đạt năm 2022'))).toBe(true);
        expect(evils.score).toMatchObject({ awarded: 4.5, possible: { min: 0, max: 4.5 }, by: 'assessor-in-range' });
        expect(indicatorOf(result, '1.3').score).toMatchObject({ awarded: 3, possible: { min: 0, max: 4 } });
        expect(result.summary.scoresEnteredInRange).toEqual(['1.2', '1.3']);
    });

    it('a score outside the range, or above the maximum, is an input error: no verdicts', async () => {
        pack ??= await evaluatorOf(CRIME);
        const issues = inputErrorsOf(() => pack.evaluate(facts, { ngàyĐánhGiá: '2023-12-22', điểmThẩmTra: { '1.2': 5, '1.3': 7 } }));
        expect(issues).toContainEqual({
            severity: 'error',
            code: 'invalid-score',
            path: ['điểm thẩm tra', '1.2'],
            field: 'điểm thẩm tra.1.2',
            message: 'Điểm thẩm tra 5 của chỉ tiêu 1.2 nằm ngoài khoảng quy tắc cho phép (0–4,5).'
        });
        expect(issues).toContainEqual({
            severity: 'error',
            code: 'invalid-score',
            path: ['điểm thẩm tra', '1.3'],
            field: 'điểm thẩm tra.1.3',
            message: 'Điểm thẩm tra 7 vượt tối đa 5 của chỉ tiêu 1.3.'
        });
    });

    it("without an entered score the score is open within the rule's range (missing data, not an input error)", async () => {
        pack ??= await evaluatorOf(CRIME);
        const result = pack.evaluate(facts, { ngàyĐánhGiá: '2023-12-22' });
        expect(result.inputIssues).toEqual([]);
        expect(indicatorOf(result, '1.2').score).toMatchObject({ by: 'undetermined', possible: { min: 0, max: 4.5 } });
        expect(indicatorOf(result, '1.2').score?.ledger).toContain(
            'Quy tắc để thẩm định viên chấm từ 0 đến 4,5; chưa có «điểm thẩm tra» nên điểm chưa xác định.'
        );
        expect(indicatorOf(result, '1.3').score).toMatchObject({ by: 'undetermined', possible: { min: 0, max: 4 } });
    });

    it('with data missing the criterion sum is a range, and the verdict waits for it', async () => {
        const result = await run({ điểmThẩmTra: { '1.2': 4.5, '1.3': 3 } });
        const criterion = result.criteria[0]!;
        expect(criterion.score?.awarded).toBeUndefined();
        // 1.1 and 1.4 lack data (0–5 each); 1.2 and 1.3 are the assessor's 4.5 and 3.
        expect(criterion.score?.possible).toEqual({ min: 7.5, max: 17.5 });
        expect(criterion.verdict).toBe('thiếu dữ liệu');
    });

    it('a score the report gives against its own evidence is used, flagged as such and as a data contradiction', async () => {
        const result = await run({ điểmThẩmTra: { '1.2': 4.5, '1.3': 5 }, điểmTráiSốLiệu: { '1.3': 'báo cáo ghi xã chưa có trụ sở riêng nhưng chấm 5/5' } });
        const office = indicatorOf(result, '1.3');
        expect(office.score).toMatchObject({ awarded: 5, by: 'assessor-against-evidence' });
        expect(office.flags).toContain('inconsistent-data');
        expect(result.summary.scoresAgainstEvidence).toEqual(['1.3']);
    });

    it('shows the self-assessed score beside the verified one', async () => {
        const result = await run({ điểmThẩmTra: { '1.2': 4.5, '1.3': 3 }, điểmTựChấm: { '1.3': 5 } });
        expect(indicatorOf(result, '1.3').score).toMatchObject({ awarded: 3, self: 5 });
    });
});

describe('villages and the criterion sum', () => {
    const villages = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const perVillage = (passing: number) => ({
        'nhà văn hóa đạt chuẩn': Object.fromEntries(villages.map((v, i) => [v, i < passing])),
        'số câu lạc bộ': Object.fromEntries(villages.map(v => [v, 1]))
    });

    it("«ít nhất 5 thôn» reads each village's facts and reports «5/7 thôn đạt»", async () => {
        const pack = await evaluatorOf(CRIME);
        const five = indicatorOf(pack.evaluate(perVillage(5), { ngàyĐánhGiá: '2023-12-22', danhSách: { thôn: villages } }), '1.4');
        expect(five.verdict).toBe('đạt');
        expect(five.explanation).toContain('5/7 thôn đạt, yêu cầu ít nhất 5 thôn; chưa đạt: F, G → đạt.');
        const four = indicatorOf(pack.evaluate(perVillage(4), { ngàyĐánhGiá: '2023-12-22', danhSách: { thôn: villages } }), '1.4');
        expect(four.verdict).toBe('chưa đạt');
        expect(four.score?.awarded).toBe(0);
    });

    it('a village listed twice, or a fact for a village not in the list, is an input error', async () => {
        const pack = await evaluatorOf(CRIME);
        const issues = inputErrorsOf(() =>
            pack.evaluate({ 'nhà văn hóa đạt chuẩn': { A: true, Z: true } }, { ngàyĐánhGiá: '2023-12-22', danhSách: { thôn: ['A', 'B', 'A'] } })
        );
        expect(issues).toContainEqual({
            severity: 'error',
            code: 'invalid-list',
            path: ['danh sách', 'thôn'],
            field: 'danh sách.thôn',
            message: '«A» có hai lần trong danh sách.'
        });
        expect(issues).toContainEqual({
            severity: 'error',
            code: 'unknown-member',
            path: ['dữ kiện', 'nhà văn hóa đạt chuẩn', 'Z'],
            field: 'dữ kiện.nhà văn hóa đạt chuẩn.Z',
            message: '«Z» không có trong danh sách thôn của xã (A, B).'
        });
    });

    it('sums the indicators and judges the sum against the pass mark', async () => {
        const pack = await evaluatorOf(CRIME);
        const result = pack.evaluate(
            {
                ...perVillage(7),
                'số vụ phạm tội': years(3),
                'số tệ nạn': { '2020': 100, '2021': 90, '2022': 80, '2023': 70 },
                'trụ sở riêng': true
            },
            { ngàyĐánhGiá: '2023-12-22', danhSách: { thôn: villages } }
        );
        expect(result.criteria[0]?.score).toMatchObject({ awarded: 18.5, max: 20 });
        expect(result.criteria[0]?.verdict).toBe('đạt');
        expect(result.summary.points).toEqual({ max: 20, awarded: 18.5 });
        expect(result.summary.text).toBe('đạt 1/1 tiêu chí, 18,5/20 điểm');
    });
});

describe('failing years of a rule with two windows', () => {
    it('a met «ít nhất 1 năm» window adds no failing year; the «mỗi năm» window decides the count', async () => {
        const pack = await evaluatorOf(`
thang danh hiệu: chưa xếp loại < tiên tiến < quyết thắng
dữ kiện danh hiệu công an xã: mức theo danh hiệu, từng năm
tiêu chí 1 "An ninh" 5 điểm
  chỉ tiêu 1.3 "Danh hiệu" mỗi năm trong 3 năm { danh hiệu công an xã >= tiên tiến }
    và ít nhất 1 năm trong 3 năm { danh hiệu công an xã >= quyết thắng }
    5 điểm, trừ tùy mức từ 0.5 đến hết điểm mỗi năm không đạt`);
        const titles = { '2021': 'tiên tiến', '2022': 'quyết thắng', '2023': 'chưa xếp loại' };
        const result = pack.evaluate({ 'danh hiệu công an xã': titles }, { ngàyĐánhGiá: '2023-12-22', điểmThẩmTra: { '1.3': 4.5 } });
        expect(indicatorOf(result, '1.3').score).toMatchObject({ awarded: 4.5, possible: { min: 0, max: 4.5 } });
    });
});

describe('a year window with failing and missing years', () => {
    it('leaves the score open between the known failing years and all possibly failing ones', async () => {
        const pack = await evaluatorOf(CRIME);
        const data = years(1); // 2013 fails
        delete data['2020'];
        const open = indicatorOf(pack.evaluate({ 'số vụ phạm tội': data }, { ngàyĐánhGiá: '2023-12-22' }), '1.1');
        expect(open.score).toMatchObject({ by: 'undetermined', possible: { min: 4, max: 4.5 } });
        const crime = indicatorOf(pack.evaluate({ 'số vụ phạm tội': data }, { ngàyĐánhGiá: '2023-12-22', điểmThẩmTra: { '1.1': 4.5 } }), '1.1');
        expect(crime.verdict).toBe('chưa đạt');
        expect(crime.score).toMatchObject({ by: 'assessor-in-range', awarded: 4.5, possible: { min: 4, max: 4.5 } });
    });
});
