import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvaluationResult, InputIssue } from '@ntm/language';
import type { EvaluatorModule } from '../src/index.js';
import { evaluateCommuneFile, formatIssue, parseCommuneFile } from '../src/index.js';
import { evaluateCommuneAt, evaluatorFor } from '../src/node/index.js';
import { RESOURCES, tempFolder, writeCommune } from './helpers.js';

const dir = tempFolder();
const show = (issue: Parameters<typeof formatIssue>[0]) => formatIssue(issue, path.basename(issue.file));

async function evaluate(facts: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    return evaluateCommuneAt(writeCommune(dir, `xa-${Math.random().toString(36).slice(2)}.json`, facts, extra));
}

describe('evaluating a commune file', () => {
    it('reads `{ "giá trị", "đơn vị": "m²" }` for a fact declared in m² (the same unit as m2)', async () => {
        for (const unit of ['m²', 'm2', ' m2 ']) {
            const evaluation = await evaluate({ 'diện tích sân thể thao': { 'giá trị': 250, 'đơn vị': unit } });
            expect(evaluation.issues.filter(i => i.severity === 'error')).toEqual([]);
            expect(evaluation.result?.indicators.find(i => i.label === '6.1')?.verdict).toBe('đạt');
        }
    });

    it('refuses a unit of another kind, naming file, line, column and field', async () => {
        const evaluation = await evaluate({ 'diện tích sân thể thao': { 'giá trị': 2.5, 'đơn vị': 'km' } });
        expect(evaluation.result).toBeUndefined();
        expect(evaluation.issues.map(show)).toEqual([
            expect.stringMatching(
                /^xa-\w+\.json:8:7 lỗi dữ kiện\.diện tích sân thể thao\.đơn vị: Đơn vị «km» khác đơn vị khai báo của dữ kiện \(«m2»\): km là chiều dài, m2 là diện tích: không đổi được cho nhau\.$/u
            )
        ]);
    });

    it('warns at a percentage entered as a fraction (0,98 for 98 %) far below its threshold; the verdict stands', async () => {
        const fraction = await evaluate({ 'tỷ lệ hộ dùng nước sạch': 0.98 });
        expect(fraction.result?.indicators.find(i => i.label === '17.1')?.verdict).toBe('chưa đạt');
        expect(fraction.issues.map(show)).toEqual([
            expect.stringMatching(
                /^xa-\w+\.json:\d+:\d+ cảnh báo dữ kiện\.tỷ lệ hộ dùng nước sạch: Dữ kiện «tỷ lệ hộ dùng nước sạch» = 0,98 %, rất nhỏ so với yêu cầu >= 60 % của chỉ tiêu 17\.1: nếu báo cáo ghi 98 %, nhập 98 \(tỷ lệ ghi bằng số phần trăm, không phải phân số\)\.$/u
            )
        ]);
        // A rate computed from its parts may be that small: no warning.
        const computed = await evaluate({ 'hộ dùng nước sạch': 1, 'tổng số hộ': 1000 });
        expect(computed.result?.indicators.find(i => i.label === '17.1')?.verdict).toBe('chưa đạt');
        expect(computed.issues).toEqual([]);
        const met = await evaluate({ 'tỷ lệ hộ dùng nước sạch': 98 });
        expect(met.issues).toEqual([]);
    });

    it('warns when the file names another level or province than the pack has, and evaluates as asked', async () => {
        const other = await evaluate({ 'diện tích sân thể thao': 250 }, { cấp: 'xã nông thôn mới kiểu mẫu', tỉnh: 'Lạng Sơn' });
        expect(other.result).toBeDefined();
        expect(other.issues.map(i => [i.severity, i.path.join('.'), i.message.replace(/«[^»]*» (là|dành)/u, '… $1')])).toEqual([
            // A national pack («toàn quốc») takes a commune of any province: only the level is at odds.
            ['warning', 'cấp', expect.stringMatching(/^Tệp ghi cấp «xã nông thôn mới kiểu mẫu» nhưng bộ tiêu chí … là cấp «xã nông thôn mới»/u)]
        ]);
        const same = await evaluate({ 'diện tích sân thể thao': 250 }, { cấp: other.result!.pack.level.toUpperCase() });
        expect(same.issues).toEqual([]);
    });

    it('converts a unit of the same kind exactly (ha to m²)', async () => {
        const evaluation = await evaluate({ 'diện tích sân thể thao': { 'giá trị': 0.025, 'đơn vị': 'ha' } });
        expect(evaluation.issues.filter(i => i.severity === 'error')).toEqual([]);
        expect(evaluation.result?.indicators.find(i => i.label === '6.1')?.factsUsed[0]?.text).toBe('250 m2 (tệp xã ghi 0,025 ha)');
    });

    it('refuses an unknown fact and names the one meant, diacritics or not', async () => {
        const evaluation = await evaluate({ 'dien tich san the thao': 250 });
        expect(evaluation.issues.map(i => i.message)).toEqual([
            'Dữ kiện «dien tich san the thao» không có trong bộ tiêu chí. Có phải «diện tích sân thể thao»?'
        ]);
        // The evaluator's stable code comes with it, for an app to branch on.
        expect(evaluation.issues.map(i => i.code)).toEqual(['unknown-fact']);
    });

    it('refuses a negative count and an impossible date, each at its field', async () => {
        const negative = await evaluate({ 'tổng số hộ': -5 });
        expect(negative.issues.map(show)).toEqual([expect.stringMatching(/:6:5 lỗi dữ kiện\.tổng số hộ: Giá trị âm \(-5\) không hợp lệ cho dữ kiện này\.$/u)]);
        const badDate = await evaluate({}, { 'ngày đánh giá': '31/02/2024' });
        expect(badDate.issues.map(show)).toEqual([
            expect.stringMatching(/:4:3 lỗi ngày đánh giá: Ngày đánh giá «31\/02\/2024» không hợp lệ: tháng 2\/2024 chỉ có 29 ngày\.$/u)
        ]);
    });

    it('warns when the data contradict themselves (a numerator above its denominator), and still evaluates', async () => {
        const evaluation = await evaluate({ 'hộ dùng nước sạch': 120, 'tổng số hộ': 100 });
        expect(evaluation.result).toBeDefined();
        expect(evaluation.issues.map(i => [i.severity, i.message])).toEqual([
            ['warning', 'chỉ tiêu 17.1: Dữ liệu không nhất quán: tử số 120 hộ lớn hơn mẫu số 100 hộ']
        ]);
    });

    it('gives every indicator and criterion the place it is written, from the syntax tree', async () => {
        const evaluation = await evaluate({ 'diện tích sân thể thao': 250 });
        expect(evaluation.locations?.indicator('6.1')).toMatchObject({
            uri: expect.stringMatching(/dien-tich\.ntm$/u),
            range: { start: { line: 14, character: 2 } }
        });
        expect(evaluation.locations?.criterion('17')?.range.start.line).toBe(15);
    });
});

describe("the module's contract: with an input error, no verdicts at all", () => {
    const LIMIT = 'máy chỉ nhận số có tối đa 15 chữ số (không kể các số 0 đứng đầu), để so sánh chính xác mà không làm tròn.';

    it('a value of the wrong type gives its error and no result, even when other facts would decide verdicts', async () => {
        const evaluation = await evaluate({ 'diện tích sân thể thao': 250, 'tổng số hộ': 'một trăm', 'hộ dùng nước sạch': 90 });
        expect(evaluation.result).toBeUndefined();
        expect(evaluation.issues.map(show)).toEqual([expect.stringMatching(/:7:5 lỗi dữ kiện\.tổng số hộ: Không đọc được «một trăm» thành số\.$/u)]);
    });

    it('a number of 400 digits written as text is an error at its field, not «ngày đánh giá» and not a RangeError', async () => {
        const evaluation = await evaluate({ 'tổng số hộ': '9'.repeat(400) });
        expect(evaluation.issues.map(show)).toEqual([
            expect.stringMatching(new RegExp(`:6:5 lỗi dữ kiện\\.tổng số hộ: Số «${'9'.repeat(20)}…» có 400 chữ số: `, 'u'))
        ]);
        expect(evaluation.issues[0]?.message.endsWith(LIMIT)).toBe(true);
    });

    it('a pack chosen by date makes an unknown fact a warning beside a complete result', async () => {
        const { evaluator } = await evaluatorFor(path.join(RESOURCES, 'dien-tich.ntm'));
        const text = JSON.stringify(
            { xã: 'Thử', 'ngày đánh giá': '2024-06-30', 'dữ kiện': { 'diện tích sân thể thao': 250, 'dữ kiện luật cũ': 1 } },
            undefined,
            2
        );
        const evaluation = evaluateCommuneFile(parseCommuneFile(text, 'xa.json'), evaluator!, { packChosenByDate: true });
        expect(evaluation.result?.indicators.find(i => i.label === '6.1')?.verdict).toBe('đạt');
        expect(evaluation.issues.map(i => [i.severity, i.message])).toEqual([
            ['warning', 'Dữ kiện «dữ kiện luật cũ» không dùng trong bộ tiêu chí được chọn cho ngày đánh giá.']
        ]);
    });

    const villageFile = parseCommuneFile(
        JSON.stringify(
            {
                xã: 'Thử',
                'ngày đánh giá': '2024-06-30',
                'dữ kiện': {},
                'các thôn': { 'Thôn A': { 'dữ kiện': { x: 1 } }, 'Thôn B': { 'dữ kiện': { x: 2 } }, 'Thôn C': { 'dữ kiện': { x: 3 } } }
            },
            undefined,
            2
        ),
        'thon.json'
    );

    /** A village-level module whose evaluate answers or throws as `behave` says for each village's facts. */
    const fakeModule = (behave: (facts: Record<string, unknown>) => void): EvaluatorModule => ({
        PACK: { level: 'thôn nông thôn mới kiểu mẫu' } as EvaluatorModule['PACK'],
        FACT_SPECS: [],
        evaluate: facts => {
            behave(facts as Record<string, unknown>);
            return { indicators: [], criteria: [], inputIssues: [], summary: {} } as unknown as EvaluationResult;
        }
    });

    it('a village with input errors stops neither the others nor the report: every error, each at its village, and no result', () => {
        const inputError = (issues: InputIssue[]) => Object.assign(new Error('…'), { name: 'NtmInputError', issues });
        const module = fakeModule(facts => {
            if (facts['x'] === 1 || facts['x'] === 3) {
                throw inputError([
                    { severity: 'error', code: 'invalid-value', path: ['dữ kiện', 'x'], field: 'dữ kiện.x', message: `sai ${String(facts['x'])}` }
                ]);
            }
        });
        const evaluation = evaluateCommuneFile(villageFile, module);
        expect(evaluation.result).toBeUndefined();
        expect(evaluation.villages).toBeUndefined();
        expect(evaluation.issues.map(i => `${i.path.join('.')}:${i.line}: ${i.message}`)).toEqual([
            'các thôn.Thôn A.dữ kiện.x:8: sai 1',
            'các thôn.Thôn C.dữ kiện.x:18: sai 3'
        ]);
    });

    it('a fault of the machine (an exception that is not an input error) is reported, never thrown', () => {
        const module = fakeModule(facts => {
            if (facts['x'] === 2) throw new RangeError('Cannot convert Infinity to a BigInt');
        });
        const evaluation = evaluateCommuneFile(villageFile, module);
        expect(evaluation.result).toBeUndefined();
        expect(evaluation.issues.map(i => [i.path, i.message])).toEqual([
            [[], 'Lỗi của máy khi đánh giá tệp này (Cannot convert Infinity to a BigInt). Hãy báo lỗi kèm tệp xã.']
        ]);
    });

    it('an assessment date the pack refuses is reported at «ngày đánh giá»', () => {
        const module = fakeModule(() => {
            throw Object.assign(new Error('Ngày đánh giá 2030-01-01 nằm ngoài thời gian hiệu lực'), { name: 'NtmEvaluationError' });
        });
        expect(evaluateCommuneFile(villageFile, module).issues.map(i => [i.path.join('.'), i.line])).toEqual([
            ['ngày đánh giá', 3],
            ['ngày đánh giá', 3],
            ['ngày đánh giá', 3],
            ['ngày đánh giá', 3]
        ]);
    });
});
