// `--kế-hoạch` ranks the shortfalls: by the gap as a fraction of a non-zero threshold, then by the count
// to bring to a zero threshold, then by levels, then by criterion; what has no number comes after.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, tempDir } from './helpers/run-ntm.js';

function planFixture(): string {
    const dir = tempDir();
    writeFileSync(
        path.join(dir, 'ke-hoach.ntm'),
        [
            'bộ tiêu chí kế hoạch thử "Bộ thử kế hoạch"',
            '  cấp xã nông thôn mới',
            '  địa bàn "toàn quốc"',
            '  phiên bản "thử"',
            '  căn cứ 1/HD-THU ngày 01/01/2023 của "Cơ quan thử"',
            '  hiệu lực từ 01/01/2023',
            'thang phổ cập: chưa đạt < mức độ 1 < mức độ 2 < mức độ 3',
            'dữ kiện số hộ đạt: đếm hộ',
            'dữ kiện tổng số hộ: đếm hộ',
            'dữ kiện tỷ lệ hộ đạt = tỷ số số hộ đạt / tổng số hộ',
            'dữ kiện tỷ lệ thôn văn hóa: phần trăm',
            'dữ kiện số vụ cháy: đếm vụ',
            'dữ kiện mức phổ cập: mức theo phổ cập',
            'dữ kiện tỷ lệ thiếu số liệu: phần trăm',
            'tiêu chí 2 "Hai"',
            '  chỉ tiêu 2.1 "tỷ lệ hộ đạt ≥ 80%" tỷ lệ hộ đạt >= 80%',
            'tiêu chí 3 "Ba"',
            '  chỉ tiêu 3.1 "không để xảy ra cháy" số vụ cháy = 0 vụ',
            'tiêu chí 5 "Năm"',
            '  chỉ tiêu 5.1 "phổ cập mức độ 3" mức phổ cập >= mức độ 3',
            'tiêu chí 10 "Mười"',
            '  chỉ tiêu 10.1 "tỷ lệ thôn văn hóa ≥ 50%" tỷ lệ thôn văn hóa >= 50%',
            '  chỉ tiêu 10.2 "chưa có số" tỷ lệ thiếu số liệu >= 50%',
            ''
        ].join('\n')
    );
    writeFileSync(
        path.join(dir, 'xa.json'),
        JSON.stringify({
            xã: 'Thử',
            'bộ tiêu chí': 'ke-hoach.ntm',
            'ngày đánh giá': '2024-01-01',
            'dữ kiện': { 'số hộ đạt': 70, 'tổng số hộ': 100, 'tỷ lệ thôn văn hóa': 45, 'số vụ cháy': 3, 'mức phổ cập': 'mức độ 1' }
        })
    );
    return path.join(dir, 'xa.json');
}

describe('the plan ranks shortfalls', () => {
    it('orders by relative gap, then zero thresholds, then levels, then items without a number', async () => {
        const out = await ntm('eval', planFixture(), '--kế-hoạch');
        expect(out.code, out.stderr).toBe(0);
        const items = out.stdout.split('\n').filter(line => /^ {2}\d+\. /.test(line));
        expect(items).toEqual([
            '  1. [khắc phục] tiêu chí 10, chỉ tiêu 10.1 «tỷ lệ thôn văn hóa ≥ 50%»: hiện 45 %; yêu cầu >= 50 %; còn thiếu 5 điểm phần trăm (cách ngưỡng 10 %)',
            '  2. [khắc phục] tiêu chí 2, chỉ tiêu 2.1 «tỷ lệ hộ đạt ≥ 80%»: hiện 70 %; yêu cầu >= 80 %; còn thiếu 10 hộ (cách ngưỡng 12,5 %)',
            '  3. [khắc phục] tiêu chí 3, chỉ tiêu 3.1 «không để xảy ra cháy»: hiện 3 vụ; yêu cầu = 0 vụ; vượt 3 vụ',
            '  4. [khắc phục] tiêu chí 5, chỉ tiêu 5.1 «phổ cập mức độ 3»: hiện mức độ 1; yêu cầu >= mức độ 3; còn thiếu 2 mức',
            '  5. [bổ sung dữ liệu] tiêu chí 10, chỉ tiêu 10.2 «chưa có số»: yêu cầu >= 50 %'
        ]);
    });

    it('gives each gap as numbers in --json', async () => {
        const plan = JSON.parse((await ntm('eval', planFixture(), '--kế-hoạch', '--json')).stdout);
        expect(plan.items.map((i: { indicator: string }) => i.indicator)).toEqual(['10.1', '2.1', '3.1', '5.1', '10.2']);
        expect(plan.items[0].gapValue).toEqual({ amount: 5, unit: 'điểm phần trăm', relative: 0.1 });
        expect(plan.items[1].gapValue).toEqual({ amount: 10, unit: 'hộ', relative: 0.125 });
        expect(plan.items[2].gapValue).toEqual({ amount: 3, unit: 'vụ' });
        expect(plan.items[3].gapValue).toEqual({ amount: 2, unit: 'mức', steps: 2 });
        expect(plan.items[4].gapValue).toBeUndefined();
        expect(plan.criteria.map((c: { label: string }) => c.label)).toEqual(['2', '3', '5', '10']);
    });
});
