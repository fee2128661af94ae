// A report that contradicts itself: a fact stated two ways is evaluated each way (`ntm eval`), and official
// verdicts that cannot all be true are flagged by `ntm test`.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, tempDir } from './helpers/run-ntm.js';

const sample = path.join(resources, 'contradictions', 'lao-dong.json');

describe('self-contradicting reports', () => {
    it('ntm eval: an indicator whose readings disagree is «thiếu dữ liệu», flagged, naming both values', async () => {
        const out = await ntm('eval', sample, '--json');
        expect(out.code, out.stderr).toBe(0);
        const indicator = JSON.parse(out.stdout).result.indicators.find((i: { label: string }) => i.label === '12.1');
        expect(indicator.verdict).toBe('thiếu dữ liệu');
        expect(indicator.flags).toEqual(['self-contradictory-report']);
        expect(indicator.missingFacts).toContain('số lao động qua đào tạo (báo cáo tự mâu thuẫn: 4.274 người; 3.230 người)');
        const text = await ntm('eval', sample);
        expect(text.stdout).toContain('[báo cáo tự mâu thuẫn]');
    });

    it('ntm test: a criterion «đạt» with an indicator officially «chưa đạt» fails, with the reason', async () => {
        const out = await ntm('test', sample);
        expect(out.code).toBe(1);
        expect(out.stdout).toContain('✗ tiêu chí 15: máy «đạt», chính thức «đạt» — kết quả chính thức tự mâu thuẫn');
        expect(out.stdout).toContain('kết quả chính thức ghi tiêu chí 15 «đạt» nhưng chỉ tiêu 15.1 «chưa đạt»');
        expect(out.stdout).toMatch(/^4 passed, 1 failed$/m);
    });

    it('ntm eval: a contradiction with one value is a data error at its line, exit 1', async () => {
        const dir = tempDir();
        const file = path.join(dir, 'xa.json');
        writeFileSync(
            file,
            JSON.stringify(
                {
                    xã: 'Thử',
                    'bộ tiêu chí': path.relative(dir, path.join(resources, 'contradictions', 'mau-thuan.ntm')),
                    'ngày đánh giá': '2024-11-26',
                    'dữ kiện': { 'thu nhập': { 'báo cáo mâu thuẫn': [{ 'giá trị': 73, trích: '73 triệu' }] } }
                },
                undefined,
                2
            )
        );
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(out.stdout + out.stderr).toMatch(
            /xa\.json:\d+:\d+ lỗi dữ kiện\.thu nhập\.báo cáo mâu thuẫn: Báo cáo mâu thuẫn cần ít nhất hai giá trị khác nhau; ở đây có 1\./
        );
    });
});
