import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult, Verdict } from '@ntm/runtime';
import type { EvaluatorModule } from './generated-module.js';
import { ModuleLoader, generateModule, generateResource, indicatorOf, inputErrorsOf } from './generated-module.js';

const loader = new ModuleLoader();
let pack: EvaluatorModule;
const AS_OF = { ngàyĐánhGiá: '2024-06-30' };

beforeAll(async () => {
    pack = await loader.load(await generateResource('boundaries.ntm'));
});
afterAll(() => loader.dispose());

function run(facts: Record<string, unknown>): EvaluationResult {
    return pack.evaluate(facts, AS_OF);
}

function verdictOf(label: string, facts: Record<string, unknown>): Verdict {
    return indicatorOf(run(facts), label).verdict;
}

describe('thresholds at, just below and just above their boundary', () => {
    it.each<[string, string, unknown, Verdict]>([
        ['17.6', '>= 98%', 97.99, 'chưa đạt'],
        ['17.6', '>= 98%', 98, 'đạt'],
        ['17.6', '>= 98%', 98.01, 'đạt'],
        ['17.6', '>= 98%', 97.99999999, 'chưa đạt'],
        ['11.1', '< 1%', 1, 'chưa đạt'],
        ['11.1', '< 1%', 0.999, 'đạt'],
        ['11.1', '< 1%', 1.001, 'chưa đạt'],
        ['11.1', '< 1%', 0, 'đạt']
    ])('%s (%s) with %s is %s', (label, _rule, value, verdict) => {
        const fact = label === '17.6' ? 'rác thải' : 'hộ nghèo';
        expect(verdictOf(label, { [fact]: value })).toBe(verdict);
    });

    it.each<[unknown, Verdict]>([
        [72, 'chưa đạt'],
        [72.001, 'đạt'],
        [71.999, 'chưa đạt'],
        ['72,001', 'đạt'],
        ['72', 'chưa đạt']
    ])('10.1 (> 72 triệu đồng/người/năm) with %s is %s', (value, verdict) => {
        expect(verdictOf('10.1', { 'thu nhập': value })).toBe(verdict);
    });

    it.each<[number, Verdict]>([
        [79.99, 'chưa đạt'],
        [80, 'đạt'],
        [80.01, 'đạt'],
        [109.99, 'đạt'],
        [110, 'đạt'],
        [110.01, 'chưa đạt']
    ])('17.4 (từ 80 đến 110 lít/người/ngày) with %s is %s', (value, verdict) => {
        expect(verdictOf('17.4', { 'nước sinh hoạt': value })).toBe(verdict);
    });

    it.each<[number, Verdict]>([
        [4, 'đạt'],
        [5, 'đạt'],
        [6, 'chưa đạt']
    ])('19.1 (<= 5 vụ) with %s is %s', (value, verdict) => {
        expect(verdictOf('19.1', { 'số vụ': value })).toBe(verdict);
    });

    it.each<[string, Verdict]>([
        ['chưa đạt', 'chưa đạt'],
        ['mức độ 1', 'chưa đạt'],
        ['mức độ 2', 'đạt'],
        ['mức độ 3', 'đạt']
    ])('5.2 (từ mức độ 2 trở lên) with %s is %s', (value, verdict) => {
        expect(verdictOf('5.2', { 'mức phổ cập': value })).toBe(verdict);
    });

    it.each<[string, Verdict]>([
        ['2022-12-31', 'chưa đạt'],
        ['2023-01-01', 'đạt'],
        ['02/01/2023', 'đạt']
    ])('19.4 (>= 01/01/2023) with %s is %s', (value, verdict) => {
        expect(verdictOf('19.4', { 'ngày công nhận': value })).toBe(verdict);
    });
});

describe('exact arithmetic', () => {
    it('4662/4662 is exactly 100 %', () => {
        const result = indicatorOf(run({ 'hộ dùng nước sạch': 4662, 'tổng số hộ': 4662 }), '17.1');
        expect(result.verdict).toBe('đạt');
        expect(result.value).toEqual({ value: 100, unit: '%', text: '100 %' });
        expect(result.flags).toEqual([]);
    });

    it('4661/4662 misses = 100 % by one household', () => {
        const result = indicatorOf(run({ 'hộ dùng nước sạch': 4661, 'tổng số hộ': 4662 }), '17.1');
        expect(result.verdict).toBe('chưa đạt');
        expect(result.gap).toEqual({ amount: 1, unit: 'hộ', text: 'còn thiếu 1 hộ', relative: expect.closeTo(1 / 4662, 9) });
    });

    it('4179/4662 = 89,6396…% fails >= 89.64 % and passes >= 89,63 %', () => {
        const result = run({ 'hộ dùng nước sạch': 4179, 'tổng số hộ': 4662 });
        expect(indicatorOf(result, '17.2').verdict).toBe('chưa đạt');
        expect(indicatorOf(result, '17.2').value?.text).toBe('≈ 89,6396 %');
        expect(indicatorOf(result, '17.2').gap).toMatchObject({ amount: 1, unit: 'hộ', text: 'còn thiếu 1 hộ' });
        expect(indicatorOf(result, '17.3').verdict).toBe('đạt');
    });

    it('0.1 + 0.2 is exactly 0.3, although not in floating point', () => {
        expect(0.1 + 0.2 === 0.3).toBe(false);
        const result = indicatorOf(run({ 'diện tích khu a': 0.1, 'diện tích khu b': 0.2 }), '17.5');
        expect(result.verdict).toBe('đạt');
        expect(result.value?.text).toBe('0,3 ha');
    });

    it('110 % × 3 is exactly 3.3, although 1.1 * 3 is not', () => {
        expect(1.1 * 3 === 3.3).toBe(false);
        expect(verdictOf('10.2', { 'thu nhập': 3.3, 'thu nhập chuẩn': 3 })).toBe('đạt');
        expect(verdictOf('10.2', { 'thu nhập': 3.29, 'thu nhập chuẩn': 3 })).toBe('chưa đạt');
    });

    it('a number with float noise is refused, never rounded: more than 15 digits is not what a report writes', () => {
        // 0.1 + 0.2 prints as 0.30000000000000004, 33.3 × 3 as 99.89999999999999: an app's arithmetic, not data.
        expect(inputErrorsOf(() => run({ 'tổng diện tích': 0.1 + 0.2 })).map(i => i.message)).toEqual([
            'Số «0.30000000000000004» có 17 chữ số: máy chỉ nhận số có tối đa 15 chữ số (không kể các số 0 đứng đầu), để so sánh chính xác mà không làm tròn.'
        ]);
        expect(inputErrorsOf(() => run({ 'rác thải': 33.3 * 3 })).map(i => i.message)).toEqual([
            'Số «99.89999999999999» có 16 chữ số: máy chỉ nhận số có tối đa 15 chữ số (không kể các số 0 đứng đầu), để so sánh chính xác mà không làm tròn.'
        ]);
    });

    it('a number of 15 digits is exact, as a number or as text', () => {
        expect(verdictOf('17.6', { 'rác thải': 97.9999999999999 })).toBe('chưa đạt');
        expect(verdictOf('17.6', { 'rác thải': '97,9999999999999' })).toBe('chưa đạt');
        expect(verdictOf('17.6', { 'rác thải': '98,0000000000000' })).toBe('đạt');
    });

    it('a number beyond 15 digits is refused whatever its form: no Infinity, no RangeError, no silent rounding', () => {
        const digits400 = '9'.repeat(400);
        const cases: Array<[unknown, string]> = [
            [digits400, `Số «${'9'.repeat(20)}…» có 400 chữ số`],
            [Number(digits400), 'Cần một số hữu hạn, nhận được Infinity.'],
            ['2751.00000000000000001', 'Số «2751.00000000000000001» có 21 chữ số'],
            ['9007199254740993', 'Số «9007199254740993» có 16 chữ số'],
            // biome-ignore lint/correctness/noPrecisionLoss: a number a double cannot hold is the input under test
            [9007199254740993, 'Số «9007199254740992» có 16 chữ số'],
            [1e21, 'Số «1e+21» có 22 chữ số']
        ];
        for (const [value, start] of cases) {
            const issues = inputErrorsOf(() => run({ 'tổng số hộ': value }));
            expect(issues).toHaveLength(1);
            expect(issues[0]).toMatchObject({ code: 'invalid-value', path: ['dữ kiện', 'tổng số hộ'] });
            expect(issues[0]!.message.startsWith(start)).toBe(true);
        }
    });

    it('a ratio of two numbers of 16 digits is never shown as exactly 100 %: they are refused', () => {
        const issues = inputErrorsOf(() => run({ 'hộ dùng nước sạch': '9007199254740993', 'tổng số hộ': '9007199254740992' }));
        expect(issues.map(i => i.field)).toEqual(['dữ kiện.hộ dùng nước sạch', 'dữ kiện.tổng số hộ']);
    });
});

describe('gaps', () => {
    it.each<[number, Verdict, string | undefined]>([
        [968, 'chưa đạt', 'còn thiếu 12 hộ'],
        [979, 'chưa đạt', 'còn thiếu 1 hộ'],
        [980, 'đạt', undefined]
    ])('a ratio of counts gives the gap in households: %s/1000 against >= 98%% is %s', (households, verdict, gap) => {
        const result = indicatorOf(run({ 'hộ dùng nước sạch': households, 'tổng số hộ': 1000 }), '17.8');
        expect(result.verdict).toBe(verdict);
        expect(result.gap?.text).toBe(gap);
        expect(result.gap?.unit).toBe(gap ? 'hộ' : undefined);
    });

    it('17.6-style gap of a percentage fact is in percentage points', () => {
        const result = indicatorOf(run({ 'rác thải': 97.5 }), '17.6');
        // Also as a fraction of the threshold, to rank shortfalls of any unit: 0,5 / 98.
        expect(result.gap).toEqual({ amount: 0.5, unit: 'điểm phần trăm', text: 'còn thiếu 0,5 điểm phần trăm', relative: expect.closeTo(0.5 / 98, 9) });
    });

    it('a value a hair below its threshold is shown with the digits that tell it apart, and so is its gap', () => {
        // Four decimals would show «≈ 98 %» beside «chưa đạt» and «còn thiếu ≈ 0 điểm phần trăm».
        const result = indicatorOf(run({ 'rác thải': 97.99999999999 }), '17.6');
        expect(result.verdict).toBe('chưa đạt');
        expect(result.value?.text).toBe('97,99999999999 %');
        expect(result.clauses).toEqual([{ value: '97,99999999999 %', requirement: '>= 98 %' }]);
        expect(result.gap?.text).toBe('còn thiếu 0,00000000001 điểm phần trăm');
        // The verdicts-only path words the same gap.
        const quiet = indicatorOf(pack.evaluate({ 'rác thải': 97.99999999999 }, { ...AS_OF, giảiThích: false }), '17.6');
        expect(quiet.gap?.text).toBe('còn thiếu 0,00000000001 điểm phần trăm');
    });

    it('an upper bound gives how much to reduce', () => {
        const result = indicatorOf(run({ 'số vụ': 8 }), '19.1');
        expect(result.gap).toMatchObject({ amount: 3, unit: 'vụ', text: 'vượt 3 vụ' });
    });
});

describe('missing and not applicable', () => {
    it('a missing fact gives thiếu dữ liệu naming it, never a pass or a fail', () => {
        const result = indicatorOf(run({}), '17.6');
        expect(result.verdict).toBe('thiếu dữ liệu');
        expect(result.missingFacts).toEqual(['rác thải']);
    });

    it('a ratio with one part missing names the missing part', () => {
        const result = indicatorOf(run({ 'tổng số hộ': 4662 }), '17.1');
        expect(result.verdict).toBe('thiếu dữ liệu');
        expect(result.missingFacts).toEqual(['hộ dùng nước sạch']);
    });

    it('null counts as missing, not as zero', () => {
        expect(indicatorOf(run({ 'rác thải': null }), '17.6').verdict).toBe('thiếu dữ liệu');
    });

    it('«cho cả nam và nữ» with only a total is thiếu dữ liệu for each part', () => {
        const result = indicatorOf(run({ 'lao động qua đào tạo': 90 }), '5.1');
        expect(result.verdict).toBe('thiếu dữ liệu');
        expect(result.missingFacts).toEqual(['lao động qua đào tạo (nam)', 'lao động qua đào tạo (nữ)']);
        const withTotal = indicatorOf(run({ 'lao động qua đào tạo': { tổng: 90, nam: 95 } }), '5.1');
        expect(withTotal.missingFacts).toEqual(['lao động qua đào tạo (nữ)']);
    });

    it('a stated total rate never stands in for each part of a derived breakdown ratio', () => {
        const result = indicatorOf(run({ 'tỷ lệ người đã đào tạo': 90 }), '5.3');
        expect(result.verdict).toBe('thiếu dữ liệu');
        expect(result.missingFacts).toEqual(['người đã đào tạo (nam)', 'người lao động (nam)', 'người đã đào tạo (nữ)', 'người lao động (nữ)']);
        const split = indicatorOf(run({ 'người đã đào tạo': { nam: 85, nữ: 84 }, 'người lao động': { nam: 100, nữ: 100 } }), '5.3');
        expect(split.verdict).toBe('chưa đạt');
        expect(split.gap?.text).toBe('còn thiếu 1 người');
    });

    it('parts that do not add up to their total are a warning of the result, on both paths, and the verdict stands', () => {
        const facts = { 'người đã đào tạo': { nam: 85, nữ: 84, tổng: 196 }, 'người lao động': { nam: 100, nữ: 100, tổng: 200 } };
        for (const giảiThích of [true, false]) {
            const result = pack.evaluate(facts, { ...AS_OF, giảiThích });
            expect(result.inputIssues.map(i => [i.severity, i.code, i.field])).toEqual([['warning', 'parts-total-mismatch', 'dữ kiện.người đã đào tạo.tổng']]);
            expect(indicatorOf(result, '5.3').verdict).toBe('chưa đạt');
        }
    });

    it.each<[number, number, Verdict]>([
        [85, 85, 'đạt'],
        [95, 84.99, 'chưa đạt'],
        [84.99, 95, 'chưa đạt']
    ])('«cho cả nam và nữ» with nam %s and nữ %s is %s', (nam, nu, verdict) => {
        expect(verdictOf('5.1', { 'lao động qua đào tạo': { nam, nữ: nu } })).toBe(verdict);
    });

    it('(nếu có chăn nuôi tập trung) is không áp dụng when there is none', () => {
        const result = indicatorOf(run({ 'chăn nuôi tập trung': false }), '17.7');
        expect(result.verdict).toBe('không áp dụng');
        expect(result.missingFacts).toEqual([]);
        // The commune's value beside what the condition asks: no «chưa đạt» or gap that would read as work to do.
        expect(result.notes.map(n => n.text)).toEqual(['Không áp dụng: điều kiện áp dụng không thỏa — chăn nuôi tập trung: không, cần có.']);
    });

    it('an applicability condition that is itself missing is thiếu dữ liệu', () => {
        const result = indicatorOf(run({ 'cơ sở chăn nuôi': 4, 'cơ sở đạt chuẩn': 3 }), '17.7');
        expect(result.verdict).toBe('thiếu dữ liệu');
        expect(result.missingFacts).toEqual(['chăn nuôi tập trung']);
    });

    it('a ratio with a zero denominator is không áp dụng', () => {
        const result = indicatorOf(run({ 'chăn nuôi tập trung': true, 'cơ sở chăn nuôi': 0, 'cơ sở đạt chuẩn': 0 }), '17.7');
        expect(result.verdict).toBe('không áp dụng');
        expect(result.notes).toEqual([{ code: 'not-applicable', text: 'Không áp dụng: mẫu số bằng 0 (0 cơ sở)' }]);
    });

    it('the same indicator is met with real data', () => {
        expect(verdictOf('17.7', { 'chăn nuôi tập trung': true, 'cơ sở chăn nuôi': 4, 'cơ sở đạt chuẩn': 2 })).toBe('đạt');
        expect(verdictOf('17.7', { 'chăn nuôi tập trung': true, 'cơ sở chăn nuôi': 4, 'cơ sở đạt chuẩn': 1 })).toBe('chưa đạt');
    });
});

describe('flags', () => {
    it('a numerator above its denominator is flagged as inconsistent data', () => {
        const result = indicatorOf(run({ 'hộ dùng nước sạch': 5000, 'tổng số hộ': 4662 }), '17.2');
        expect(result.flags).toEqual(['inconsistent-data']);
        expect(result.notes).toEqual([{ code: 'inconsistent-data', text: 'Dữ liệu không nhất quán: tử số 5.000 hộ lớn hơn mẫu số 4.662 hộ' }]);
    });

    it('a consistent ratio has no flag', () => {
        expect(indicatorOf(run({ 'hộ dùng nước sạch': 4662, 'tổng số hộ': 4662 }), '17.2').flags).toEqual([]);
    });

    it('a stated rate that the counts do not support (34/37 printed as 90 %) is flagged', () => {
        const result = indicatorOf(run({ 'hộ dùng nước sạch': 34, 'tổng số hộ': 37, 'tỷ lệ nước sạch': 90 }), '17.2');
        expect(result.verdict).toBe('đạt');
        expect(result.flags).toEqual(['inconsistent-data']);
        expect(result.notes).toEqual([
            { code: 'inconsistent-data', text: 'Dữ liệu không nhất quán: tỷ lệ nước sạch: báo cáo ghi 90 % nhưng tính từ số liệu được ≈ 91,8919 %' }
        ]);
    });

    it('a stated rate that is the computed one truncated (4179/4662 printed 89,63 %) is consistent', () => {
        const result = indicatorOf(run({ 'hộ dùng nước sạch': 4179, 'tổng số hộ': 4662, 'tỷ lệ nước sạch': '89,63' }), '17.2');
        expect(result.flags).toEqual([]);
        expect(result.verdict).toBe('chưa đạt');
    });

    it('a stated rate is used when the counts behind it are missing', () => {
        const result = indicatorOf(run({ 'tỷ lệ nước sạch': 99 }), '17.8');
        expect(result.verdict).toBe('đạt');
        expect(result.factsUsed).toEqual([{ fact: 'tỷ lệ nước sạch', text: '99 % (số liệu báo cáo)' }]);
    });

    it('an unverified threshold is flagged, with its note, whatever the verdict', () => {
        for (const value of [3, 9]) {
            const result = indicatorOf(run({ 'số vụ': value }), '19.1');
            expect(result.flags).toEqual(['unverified-threshold']);
            expect(result.notes).toEqual([{ code: 'unverified-threshold', text: 'Ngưỡng chưa kiểm chứng: ngưỡng theo dự thảo' }]);
        }
        expect(indicatorOf(run({ 'số vụ': 3 }), '19.1').verdict).toBe('đạt');
    });
});

describe('input checking', () => {
    it.each<[string, Record<string, unknown>, string, string]>([
        ['NaN', { 'rác thải': Number.NaN }, 'rác thải', 'Cần một số hữu hạn, nhận được NaN.'],
        ['Infinity', { 'rác thải': Number.POSITIVE_INFINITY }, 'rác thải', 'Cần một số hữu hạn, nhận được Infinity.'],
        ['a negative count', { 'số vụ': -1 }, 'số vụ', 'Giá trị âm (-1) không hợp lệ cho dữ kiện này.'],
        ['a fractional count', { 'số vụ': 2.5 }, 'số vụ', 'Số đếm phải là số nguyên, nhận được 2,5.'],
        ['a boolean for a number', { 'rác thải': true }, 'rác thải', 'Cần một số, nhận được true.'],
        ['a list for a number', { 'rác thải': [98] }, 'rác thải', 'Cần một số, nhận được một danh sách.'],
        ['a word for yes/no', { 'trụ sở riêng': 'yes' }, 'trụ sở riêng', 'Cần «có» hoặc «không» (hay true/false), nhận được «yes».'],
        ['an unknown level', { 'mức phổ cập': 'mức độ 9' }, 'mức phổ cập', 'Cần một mức trong: chưa đạt, mức độ 1, mức độ 2, mức độ 3; nhận được «mức độ 9».'],
        [
            '"4.662", which may mean 4662 or 4,662',
            { 'tổng số hộ': '4.662' },
            'tổng số hộ',
            '«4.662» mơ hồ: dấu chấm là phân cách hàng nghìn hay dấu thập phân? Viết 4662 hoặc 4,662.'
        ],
        ['text that is no number', { 'rác thải': 'chín mươi tám' }, 'rác thải', 'Không đọc được «chín mươi tám» thành số.']
    ])('refuses %s: an NtmInputError with the issue, and no verdicts', (_name, facts, field, message) => {
        expect(inputErrorsOf(() => run(facts))).toEqual([
            { severity: 'error', code: 'invalid-value', path: ['dữ kiện', field], field: `dữ kiện.${field}`, message }
        ]);
    });

    it('an input error returns no verdicts at all: the error names every issue, and its message the first ones', () => {
        let thrown: unknown;
        try {
            run({ 'rác thải': 99, 'số vụ': -1, 'trụ sở riêng': 'yes' });
        } catch (error) {
            thrown = error;
        }
        expect(thrown).toBeInstanceOf(pack.NtmInputError);
        expect(thrown).toBeInstanceOf(pack.NtmEvaluationError);
        expect((thrown as Error).message).toBe(
            'Dữ liệu đầu vào có 2 lỗi, không đánh giá: dữ kiện.số vụ: Giá trị âm (-1) không hợp lệ cho dữ kiện này.; ' +
                'dữ kiện.trụ sở riêng: Cần «có» hoặc «không» (hay true/false), nhận được «yes».'
        );
        expect((thrown as { issues: unknown[] }).issues).toHaveLength(2);
    });

    it('refuses an unknown fact (a typo would read as missing data): no verdict from the rest', () => {
        expect(inputErrorsOf(() => run({ 'rác thải sinh hoạt': 99, 'rác thải': 97 }))).toEqual([
            {
                severity: 'error',
                code: 'unknown-fact',
                path: ['dữ kiện', 'rác thải sinh hoạt'],
                field: 'dữ kiện.rác thải sinh hoạt',
                message: 'Dữ kiện «rác thải sinh hoạt» không có trong bộ tiêu chí.'
            }
        ]);
    });

    it('with unknownFacts: "warning" (a pack chosen by date), an unknown fact is a warning beside complete verdicts', () => {
        const result = pack.evaluate({ 'rác thải sinh hoạt': 99, 'rác thải': 97 }, { ...AS_OF, unknownFacts: 'warning' });
        expect(result.inputIssues).toEqual([expect.objectContaining({ severity: 'warning', code: 'unknown-fact' })]);
        expect(indicatorOf(result, '17.6').verdict).toBe('chưa đạt');
    });

    it('refuses a part that is not in the breakdown', () => {
        expect(inputErrorsOf(() => run({ 'lao động qua đào tạo': { nam: 90, 'trẻ em': 90 } }))).toEqual([
            {
                severity: 'error',
                code: 'unknown-member',
                path: ['dữ kiện', 'lao động qua đào tạo', 'trẻ em'],
                field: 'dữ kiện.lao động qua đào tạo.trẻ em',
                message: '«trẻ em» không phải một phần của phân tổ; dùng: nam, nữ, tổng.'
            }
        ]);
    });

    it('reads "72,403" as 72.403 (decimal comma)', () => {
        const result = run({ 'thu nhập': '72,403' });
        expect(result.inputIssues).toEqual([]);
        expect(indicatorOf(result, '10.1').verdict).toBe('đạt');
        expect(indicatorOf(result, '10.1').value).toEqual({ value: 72.403, unit: 'triệu đồng/người/năm', text: '72,403 triệu đồng/người/năm' });
    });

    it('reads "1.004.662" with several thousands dots as 1004662', () => {
        const result = run({ 'hộ dùng nước sạch': '1.004.662', 'tổng số hộ': 1004662 });
        expect(result.inputIssues).toEqual([]);
        expect(indicatorOf(result, '17.1').verdict).toBe('đạt');
    });

    it('reads facts whose names are written in NFD or with extra spaces', () => {
        const result = run({ ['rác  thải'.normalize('NFD')]: 99 });
        expect(result.inputIssues).toEqual([]);
        expect(indicatorOf(result, '17.6').verdict).toBe('đạt');
    });

    it('accepts a range when it decides the verdict, and asks for a number when it does not', () => {
        expect(verdictOf('17.6', { 'rác thải': { trên: 98.5 } })).toBe('đạt');
        expect(verdictOf('17.6', { 'rác thải': { dưới: 98 } })).toBe('chưa đạt');
        expect(verdictOf('17.6', { 'rác thải': { từ: 90, đến: 99 } })).toBe('thiếu dữ liệu');
    });

    it('refuses facts that are not an object', () => {
        expect(inputErrorsOf(() => pack.evaluate('rác thải = 98', AS_OF))).toEqual([
            {
                severity: 'error',
                code: 'invalid-value',
                path: ['dữ kiện'],
                field: 'dữ kiện',
                message: 'Dữ kiện phải là một đối tượng { "tên dữ kiện": giá trị }.'
            }
        ]);
    });
});

describe('assessment date', () => {
    it('is required: a missing date throws instead of assuming today', () => {
        expect(() => pack.evaluate({ 'rác thải': 99 }, {})).toThrow(pack.NtmEvaluationError);
        expect(() => pack.evaluate({ 'rác thải': 99 })).toThrow(
            'Thiếu ngày đánh giá (ngàyĐánhGiá): kết quả phụ thuộc thời điểm xét, không mặc định là hôm nay.'
        );
    });

    it.each(['2022-03-07', '2026-01-01', '01/01/2026'])('outside the validity (%s) throws', date => {
        expect(() => pack.evaluate({}, { ngàyĐánhGiá: date })).toThrow(
            /nằm ngoài thời gian hiệu lực của bộ tiêu chí «Ranh giới ngưỡng» \(từ 2022-03-08 đến 2025-12-31\)/
        );
    });

    it.each(['2022-03-08', '2025-12-31', '31/12/2025'])('at the edge of the validity (%s) is accepted', date => {
        expect(pack.evaluate({}, { asOf: date }).assessedAt).toBe(date.includes('/') ? '2025-12-31' : date);
    });

    it('an impossible date throws', () => {
        expect(() => pack.evaluate({}, { ngàyĐánhGiá: '2024-02-30' })).toThrow('Ngày đánh giá «2024-02-30» không hợp lệ: tháng 2/2024 chỉ có 29 ngày.');
    });
});

describe('aggregation', () => {
    it('a criterion is met when all its applicable indicators are, and recognition needs the gates', () => {
        const facts = {
            'số vụ': 2,
            'trụ sở riêng': true,
            'mô hình a': true,
            'mô hình b': false,
            'mô hình c': true,
            'ngày công nhận': '2023-05-01'
        };
        const result = run({ ...facts, 'nợ đọng': false });
        const security = result.criteria.find(c => c.label === '19');
        expect(security).toMatchObject({ verdict: 'đạt', indicatorsMet: 4, indicatorsApplicable: 4, flags: ['unverified-threshold'] });
        expect(result.gates.map(g => g.verdict)).toEqual(['đạt']);
        expect(result.summary.criteriaMet).toBe(1);
        expect(result.summary.text).toBe(`đạt 1/${result.criteria.length} tiêu chí, 1/1 điều kiện công nhận`);
        const indebted = run({ ...facts, 'nợ đọng': true });
        expect(indebted.gates.map(g => g.verdict)).toEqual(['chưa đạt']);
        expect(indebted.summary.text).toBe(`đạt 1/${result.criteria.length} tiêu chí, 0/1 điều kiện công nhận`);
        expect(indebted.summary.recognition).toBe('chưa đạt');
    });

    it('ít nhất 2 trong 3 is đạt with two, chưa đạt with one, thiếu dữ liệu when the rest is unknown', () => {
        expect(verdictOf('19.3', { 'mô hình a': true, 'mô hình b': true, 'mô hình c': false })).toBe('đạt');
        expect(verdictOf('19.3', { 'mô hình a': true, 'mô hình b': false, 'mô hình c': false })).toBe('chưa đạt');
        expect(verdictOf('19.3', { 'mô hình a': true, 'mô hình b': false })).toBe('thiếu dữ liệu');
    });
});

describe('a requirement met by one of its branches', () => {
    const BRANCHES = `bộ tiêu chí nhánh "Hai nhánh"
  cấp xã nông thôn mới
  địa bàn "toàn quốc"
  phiên bản "1"
  căn cứ 318/QĐ-TTg ngày 08/03/2022 của "Thủ tướng Chính phủ"
  hiệu lực từ 08/03/2022 đến 31/12/2025

dữ kiện số trường: đếm trường
dữ kiện tỷ lệ trường chuẩn: phần trăm

tiêu chí 5 "Giáo dục"
  chỉ tiêu 5.1 "Trường đạt chuẩn"
    (số trường <= 3 trường và tỷ lệ trường chuẩn >= 50%) hoặc (số trường > 3 trường và tỷ lệ trường chuẩn >= 70%)
    căn cứ 318/QĐ-TTg "Phụ lục"
`;

    it('shows as applied only the thresholds of the branch that decided; a failure shows every branch', async () => {
        const module = await loader.load(await generateModule(BRANCHES));
        const met = indicatorOf(module.evaluate({ 'số trường': 3, 'tỷ lệ trường chuẩn': 60 }, AS_OF), '5.1');
        expect(met.verdict).toBe('đạt');
        expect(met.threshold).toBe('<= 3 trường; >= 50 %');
        expect(met.clauses.map(c => c.requirement)).toEqual(['<= 3 trường', '>= 50 %']);
        expect(met.explanation.length).toBeGreaterThan(3); // the explanation still says every part
        const failed = indicatorOf(module.evaluate({ 'số trường': 5, 'tỷ lệ trường chuẩn': 60 }, AS_OF), '5.1');
        expect(failed.verdict).toBe('chưa đạt');
        expect(failed.threshold).toBe('<= 3 trường; >= 50 %; > 3 trường; >= 70 %');
    });
});

describe('a percentage entered as a fraction', () => {
    it('is warned about in evaluate() too, at the fact, with the number probably meant; the verdict stands', () => {
        const result = run({ 'rác thải': 0.98 });
        expect(indicatorOf(result, '17.6').verdict).toBe('chưa đạt');
        expect(result.inputIssues).toEqual([
            expect.objectContaining({ severity: 'warning', code: 'invalid-value', path: ['dữ kiện', 'rác thải'], message: expect.stringContaining('nhập 98') })
        ]);
        expect(run({ 'rác thải': 98 }).inputIssues).toEqual([]);
    });
});
