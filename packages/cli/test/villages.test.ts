// A village-level pack gets the same care as a commune: unverified thresholds flagged and listed, a
// comparison and the k/n count in --json, a plan per village that has not met the standard, coverage
// counted in villages.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, tempDir } from './helpers/run-ntm.js';

/** The village fixtures, with the 60 % threshold of 2.1 declared not verified. */
function villageFixtures(): string {
    const dir = tempDir();
    cpSync(path.join(resources, 'points'), dir, { recursive: true });
    const pack = path.join(dir, 'thon-kieu-mau.ntm');
    writeFileSync(
        pack,
        readFileSync(pack, 'utf8').replace(
            'tỷ lệ hộ phân loại rác tại nguồn >= 60%',
            'tỷ lệ hộ phân loại rác tại nguồn >= 60% (chưa kiểm chứng "thử: ngưỡng giả định")'
        )
    );
    return path.join(dir, 'thon-7.json');
}

describe('a village-level pack', () => {
    it('flags the villages whose verdict rests on an unverified threshold, and lists them under the table', async () => {
        const out = await ntm('eval', villageFixtures());
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout).toMatch(/^Thôn Nam +chưa đạt +chưa đạt +đạt 1\/2 tiêu chí +2 \(chưa đạt\); \[ngưỡng chưa kiểm chứng: 2\.1\]$/m);
        expect(out.stdout).toContain('5/7 thôn đạt.');
        expect(out.stdout).toContain('Kết quả dựa trên ngưỡng chưa kiểm chứng (7/7 thôn):');
        expect(out.stdout).toMatch(/^ {2}- Thôn Hạ: 2\.1$/m);
    });

    it('gives the comparison with the official verdicts and the k/n count in --json', async () => {
        const out = await ntm('eval', villageFixtures(), '--json');
        const json = JSON.parse(out.stdout);
        expect(json.summary).toEqual({ villagesMet: 5, villagesTotal: 7, villagesNotMet: ['Thôn Nam', 'Thôn Hạ'], text: '5/7 thôn đạt' });
        expect(json.comparison).toHaveLength(7);
        expect(json.comparison.find((c: { label: string }) => c.label === 'Thôn Nam')).toMatchObject({
            level: 'village',
            official: 'chưa đạt',
            computed: 'chưa đạt',
            status: 'match'
        });
        expect(json.villages.map((v: { name: string }) => v.name)).toContain('Thôn Đông');
    });

    it('marks a village whose computed verdict differs from the official one', async () => {
        const file = villageFixtures();
        const data = JSON.parse(readFileSync(file, 'utf8'));
        data['kết quả chính thức']['các thôn']['Thôn Nam'] = 'đạt';
        writeFileSync(file, JSON.stringify(data));
        const out = await ntm('eval', file);
        expect(out.stdout).toMatch(/^Thôn Nam +chưa đạt ≠ +đạt /m);
        expect(out.stdout).toContain('✗ thôn Thôn Nam: máy «chưa đạt», chính thức «đạt» — sai khác chưa khai báo');
    });

    it("checks a village's indicator verdicts and a discrepancy declared for that village («thôn»)", async () => {
        const file = villageFixtures();
        const data = JSON.parse(readFileSync(file, 'utf8'));
        data['kết quả chính thức']['các thôn']['Thôn Nam'] = { 'công nhận': 'đạt', 'tiêu chí': { '2': 'đạt' }, 'chỉ tiêu': { '2.1': 'đạt' } };
        data['sai khác đã biết'] = [
            {
                thôn: 'Thôn Nam',
                'chỉ tiêu': '2.1',
                'kết quả máy': 'chưa đạt',
                'nguyên nhân': 'báo cáo kết luận khác số liệu',
                'giải thích': 'thử: 80/150 < 60%'
            }
        ];
        writeFileSync(file, JSON.stringify(data));
        const out = await ntm('test', file);
        expect(out.code, out.stdout).toBe(0);
        expect(out.stdout).toContain(
            '• thôn Thôn Nam, chỉ tiêu 2.1: máy «chưa đạt», chính thức «đạt» — sai khác đã biết — báo cáo kết luận khác số liệu: thử: 80/150 < 60%'
        );
        expect(out.stdout).toContain('• thôn Thôn Nam: máy «chưa đạt», chính thức «đạt» — sai khác đã biết (do sai khác đã biết ở tiêu chí 2)');
    });

    it('fails a declaration without «thôn» in a file of a village-level pack instead of ignoring it', async () => {
        const file = villageFixtures();
        const data = JSON.parse(readFileSync(file, 'utf8'));
        data['sai khác đã biết'] = [{ 'tiêu chí': '2', 'nguyên nhân': 'báo cáo tự mâu thuẫn', 'giải thích': 'thử' }];
        writeFileSync(file, JSON.stringify(data));
        const out = await ntm('test', file);
        expect(out.code).toBe(1);
        expect(out.stdout).toContain('✗ tiêu chí 2: máy «—», chính thức «—» — sai khác đã khai báo nhưng không còn');
        expect(out.stdout).toContain('tệp đánh giá từng thôn theo bộ cấp thôn: khai báo sai khác cần trường «thôn»');
    });

    it('writes a plan for each village that has not met the standard', async () => {
        const out = await ntm('eval', villageFixtures(), '--kế-hoạch');
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout).toContain('5/7 thôn đạt; kế hoạch cho 2 thôn chưa đạt:');
        expect(out.stdout).toContain('KẾ HOẠCH — thôn Thôn Nam đạt «Bộ thử: thôn nông thôn mới kiểu mẫu»');
        expect(out.stdout).toMatch(/1\. \[khắc phục\] tiêu chí 2, chỉ tiêu 2\.1 .*: hiện ≈ 53,3333 %; yêu cầu >= 60 %; còn thiếu 10 hộ/);
        expect(out.stdout).toContain('KẾ HOẠCH — thôn Thôn Hạ');
        expect(out.stdout).not.toContain('KẾ HOẠCH — thôn Thôn Đông');
        const json = JSON.parse((await ntm('eval', villageFixtures(), '--kế-hoạch', '--json')).stdout);
        expect(json.plans.map((p: { village: string }) => p.village)).toEqual(['Thôn Nam', 'Thôn Hạ']);
    });

    it('words coverage in villages', async () => {
        const out = await ntm('test', villageFixtures());
        expect(out.code, out.stdout).toBe(0);
        expect(out.stdout).toMatch(/3\/3 chỉ tiêu được ít nhất một thôn mẫu kiểm \(7 thôn mẫu\)\./);
        expect(out.stdout).not.toContain('xã mẫu');
    });
});
