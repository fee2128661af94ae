import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, tempDir } from './helpers/run-ntm.js';

// Fixtures (not real law): a national pack valid to 14/02/2026, its successor from 15/02/2026, and a
// provincial pack building on the first with an amendment from 01/01/2024.
const fixtures = path.join(resources, 'law-in-time');
const commune = path.join(fixtures, 'xa-thu.json');

async function evalJson(...args: string[]): Promise<{ result: any; code: number; stderr: string }> {
    const out = await ntm('eval', commune, '--json', ...args);
    return { result: out.code === 0 ? JSON.parse(out.stdout).result : undefined, code: out.code, stderr: out.stderr };
}

describe('choosing the pack in force from a folder', () => {
    it('evaluates before and after a provincial amendment with each version of the rule', async () => {
        const before = await evalJson('--ngay', '31/12/2023');
        const after = await evalJson('--ngày', '2024-01-01');
        const culture = (r: any) => r.indicators.find((i: any) => i.label === '16');
        expect(before.result.pack.id).toBe('tỉnh thử');
        expect(culture(before.result)).toMatchObject({ verdict: 'đạt', threshold: '>= 70 %' });
        expect(culture(before.result).source.text).toBe('thay theo 12/2022/QĐ-UBND (bộ «tỉnh thử»)');
        expect(culture(after.result)).toMatchObject({ verdict: 'chưa đạt', threshold: '>= 80 %' });
        expect(culture(after.result).source.text).toBe('thay theo 99/2023/QĐ-UBND của UBND tỉnh Thử từ 2024-01-01 (bộ «tỉnh thử»)');
        expect(culture(after.result).gap.text).toBe('còn thiếu 1 thôn');
    });

    it('moves from the 318-based pack on 14/02/2026 to its successor on 15/02/2026', async () => {
        const last = await evalJson('--ngay', '2026-02-14');
        const first = await evalJson('--ngay', '2026-02-15');
        expect(last.result.pack.id).toBe('tỉnh thử');
        expect(last.result.pack.validTo).toBe('2026-02-14');
        expect(first.result.pack.id).toBe('quốc gia thử mới');
        expect(first.stderr).toContain('Dữ kiện «tổng số thôn» không dùng trong bộ tiêu chí được chọn cho ngày đánh giá.');
    });

    it('takes the folder of packs on the command line as well as in the file', async () => {
        const out = await ntm('eval', fixtures, commune, '--json', '--ngay', '2026-02-15');
        expect(out.code, out.stderr).toBe(0);
        expect(JSON.parse(out.stdout).result.pack.id).toBe('quốc gia thử mới');
    });

    it('fails clearly when no pack is in force on the date', async () => {
        const out = await ntm('eval', commune, '--ngay', '2020-01-01');
        expect(out.code).toBe(1);
        expect(out.stderr).toContain(
            'lỗi ngày đánh giá: không có bộ tiêu chí nào cấp «xã nông thôn mới» cho tỉnh Thử hoặc toàn quốc có hiệu lực ngày 2020-01-01. Đã xét:'
        );
        expect(out.stderr).toContain('quoc-gia/318-thu.ntm (toàn quốc, từ 2022-03-08 đến 2026-02-14)');
    });

    it('fails clearly when two packs for the same level and place are in force on the same day', async () => {
        const dir = tempDir();
        cpSync(fixtures, dir, { recursive: true });
        const copy = readFileSync(path.join(dir, 'tinh-thu', 'tinh-thu.ntm'), 'utf8').replace('bộ tiêu chí tỉnh thử', 'bộ tiêu chí tỉnh thử hai');
        writeFileSync(path.join(dir, 'tinh-thu', 'tinh-thu-hai.ntm'), copy);
        const out = await ntm('eval', path.join(dir, 'xa-thu.json'));
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(
            /có 2 bộ tiêu chí cùng cấp «xã nông thôn mới», cùng địa bàn «tỉnh Thử» cùng có hiệu lực ngày 2023-06-01: .*tinh-thu-hai\.ntm.*; .*tinh-thu\.ntm.*\. Sửa thời gian hiệu lực để chỉ một bộ áp dụng\./
        );
    });

    it('needs the level when «bộ tiêu chí» is a folder', async () => {
        const dir = tempDir();
        cpSync(fixtures, dir, { recursive: true });
        const data = JSON.parse(readFileSync(path.join(dir, 'xa-thu.json'), 'utf8'));
        delete data['cấp'];
        writeFileSync(path.join(dir, 'xa-thu.json'), JSON.stringify(data, undefined, 2));
        const out = await ntm('eval', path.join(dir, 'xa-thu.json'));
        expect(out.code).toBe(1);
        expect(out.stderr).toContain('cần ghi «cấp» (vd. "xã nông thôn mới") để chọn bộ tiêu chí.');
    });

    it('rejects a region that does not exist, naming the file and field', async () => {
        const dir = tempDir();
        cpSync(fixtures, dir, { recursive: true });
        const file = path.join(dir, 'xa-thu.json');
        writeFileSync(file, readFileSync(file, 'utf8').replace('"vùng": "ĐBSH"', '"vùng": "Tây Bắc"'));
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(/xa-thu\.json:\d+:\d+ lỗi thuộc tính\.vùng: /);
    });
});

describe('the text report', () => {
    it('shows the base pack, the amendment in force, the region rule and the implied-bound verdicts', async () => {
        const out = await ntm('eval', commune);
        expect(out.code).toBe(0);
        expect(out.stdout).toContain('Dựa trên: «Bộ tiêu chí quốc gia thử (giai đoạn 1)».');
        expect(out.stdout).toContain('Sửa đổi: 99/2023/QĐ-UBND của UBND tỉnh Thử, áp dụng từ 2024-01-01 (chưa áp dụng ở ngày đánh giá).');
        expect(out.stdout).toContain('Vùng: áp dụng vùng TDMNPB theo 318/QĐ-TTg (Điều 1) vì có xã đặc biệt khó khăn.');
        expect(out.stdout).toContain(
            'Kết luận CHỈ dựa trên cận suy ra từ chính kết luận đã biết (vòng tròn, chưa kiểm chứng): 1/3 tiêu chí đã kết luận (10); 1 chỉ tiêu (10).'
        );
    });

    it('--kế-hoạch lists the shortfalls with their gaps, ranked', async () => {
        const out = await ntm('eval', commune, '--ngay', '2024-06-01', '--kế-hoạch');
        expect(out.code).toBe(0);
        expect(out.stdout).toContain(
            'KẾ HOẠCH — xã Thử đạt «Bộ tiêu chí xã nông thôn mới tỉnh Thử» (xã nông thôn mới): hiện đạt 1/3 tiêu chí, còn 2 tiêu chí.'
        );
        expect(out.stdout).toContain(
            '1. [khắc phục] tiêu chí 16, chỉ tiêu 16 «Tỷ lệ thôn đạt chuẩn văn hóa»: hiện 75 %; yêu cầu >= 80 %; còn thiếu 1 thôn (cách ngưỡng 6,25 %)'
        );
        expect(out.stdout).toContain('2. [tìm văn bản quy định ngưỡng] tiêu chí 10, chỉ tiêu 10 «Thu nhập bình quân đầu người»');
    });
});

describe('ntm check', () => {
    it('lists every unknown threshold with its bounds and every unverified one', async () => {
        const out = await ntm('check', fixtures);
        expect(out.code).toBe(0);
        expect(out.stdout).toMatch(
            /318-thu\.ntm:\d+:\d+ chưa biết bảng «thu nhập tối thiểu», TDMNPB, năm 2023: \(không ghi chú\); cận suy ra: > 38\.6 \(suy từ kết luận thử: 38,6 là chưa đạt\)/
        );
        expect(out.stdout).toMatch(/318-thu\.ntm:\d+:\d+ chưa biết chỉ tiêu 16: thử: ngưỡng quốc gia chưa có; không có cận/);
        expect(out.stdout).toMatch(/3 tệp, 0 lỗi, \d+ cảnh báo, 5 ngưỡng chưa biết hoặc chưa kiểm chứng\./);
    });
});
