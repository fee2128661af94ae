import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../src/index.js';
import { evaluateCommuneAt } from '../src/node/index.js';
import { tempFolder, writeCommune } from './helpers.js';

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

    it('refuses another unit, naming file, line, column and field', async () => {
        const evaluation = await evaluate({ 'diện tích sân thể thao': { 'giá trị': 2.5, 'đơn vị': 'ha' } });
        expect(evaluation.issues.map(show)).toEqual([
            expect.stringMatching(/^xa-\w+\.json:8:7 lỗi dữ kiện\.diện tích sân thể thao\.đơn vị: Đơn vị «ha» khác đơn vị khai báo của dữ kiện \(«m2»\)\.$/u)
        ]);
    });

    it('refuses an unknown fact and names the one meant, diacritics or not', async () => {
        const evaluation = await evaluate({ 'dien tich san the thao': 250 });
        expect(evaluation.issues.map(i => i.message)).toEqual(['Dữ kiện «dien tich san the thao» không có trong bộ tiêu chí. Có phải «diện tích sân thể thao»?']);
    });

    it('refuses a negative count and an impossible date, each at its field', async () => {
        const negative = await evaluate({ 'tổng số hộ': -5 });
        expect(negative.issues.map(show)).toEqual([expect.stringMatching(/:6:5 lỗi dữ kiện\.tổng số hộ: Giá trị âm \(-5\) không hợp lệ cho dữ kiện này\.$/u)]);
        const badDate = await evaluate({}, { 'ngày đánh giá': '31/02/2024' });
        expect(badDate.issues.map(show)).toEqual([expect.stringMatching(/:4:3 lỗi ngày đánh giá: Ngày đánh giá «31\/02\/2024» không hợp lệ: viết YYYY-MM-DD hoặc dd\/mm\/yyyy\.$/u)]);
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
        expect(evaluation.locations?.indicator('6.1')).toMatchObject({ uri: expect.stringMatching(/dien-tich\.ntm$/u), range: { start: { line: 14, character: 2 } } });
        expect(evaluation.locations?.criterion('17')?.range.start.line).toBe(15);
    });
});
