// A commune pack that counts the villages meeting a village-level pack (`đếm thôn đạt chuẩn theo "…"`): one file
// holds the commune and its seven villages, the count feeds the commune's indicators, the villages' results show
// under the commune's, and a village's official verdicts and known discrepancies are checked as a commune's.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, root, tempDir } from './helpers/run-ntm.js';

const example = path.join(root, 'examples/thu/xa-bay-thon.json');

/** A copy of the constructed example (packs and sample), changed by `edit`. */
function variant(edit: (data: any) => void = () => {}, name = 'xa-bay-thon.json'): string {
    const dir = tempDir();
    cpSync(path.join(root, 'examples/thu'), dir, { recursive: true });
    const file = path.join(dir, 'xa-bay-thon.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    edit(data);
    const target = path.join(dir, name);
    writeFileSync(target, JSON.stringify(data, null, 2));
    return target;
}

describe('a commune pack counting villages that meet a village-level pack', () => {
    it('counts 5/7 villages into the commune indicators and shows each village under the commune', async () => {
        const out = await ntm('eval', example);
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout).toMatch(/^1\.1 +≈ 71,4286 % +>= 50 % +đạt$/m);
        expect(out.stdout).toMatch(/^1\.2 +5 thôn +>= 1 thôn +đạt$/m);
        expect(out.stdout).toContain('Đánh giá từng thôn theo «Bộ thử: thôn nông thôn mới kiểu mẫu»');
        expect(out.stdout).toMatch(/^Thôn Nam +chưa đạt ≠ +đạt +đạt 1\/2 tiêu chí/m);
        expect(out.stdout).toContain('5/7 thôn đạt.');
        expect(out.stdout).toContain('• thôn Thôn Nam, chỉ tiêu 2.1: máy «chưa đạt», chính thức «đạt» — sai khác đã biết — báo cáo kết luận khác số liệu');
    });

    it('puts the villages in the result type and the comparison in --json', async () => {
        const json = JSON.parse((await ntm('eval', example, '--json')).stdout);
        expect(json.result.villages.map((v: { name: string }) => v.name)).toEqual([
            'Thôn Đông',
            'Thôn Đoài',
            'Thôn Nam',
            'Thôn Bắc',
            'Thôn Thượng',
            'Thôn Trung',
            'Thôn Hạ'
        ]);
        expect(json.result.villages[2]).toMatchObject({ pack: 'thon-kieu-mau-thu.ntm', result: { summary: { recognition: 'chưa đạt' } } });
        expect(json.villageSummary).toEqual({ villagesMet: 5, villagesTotal: 7, villagesNotMet: ['Thôn Nam', 'Thôn Hạ'], text: '5/7 thôn đạt' });
        const fact = json.result.indicators.find((i: { label: string }) => i.label === '1.2').factsUsed[0];
        expect(fact).toEqual({ fact: 'số thôn đạt chuẩn thôn kiểu mẫu', text: '5 thôn' });
        expect(json.comparison.find((c: { village?: string; label: string }) => c.village === 'Thôn Nam' && c.label === '2.1')).toMatchObject({
            level: 'indicator',
            official: 'đạt',
            computed: 'chưa đạt',
            status: 'known-difference'
        });
    });

    it("passes ntm test with the declared village-level discrepancy explaining the village's criterion and recognition", async () => {
        const out = await ntm('test', example);
        expect(out.code, out.stdout).toBe(0);
        expect(out.stdout).toContain('• thôn Thôn Nam, tiêu chí 2: máy «chưa đạt», chính thức «đạt» — sai khác đã biết (do sai khác đã biết ở chỉ tiêu 2.1)');
        expect(out.stdout).toContain('• thôn Thôn Nam: máy «chưa đạt», chính thức «đạt» — sai khác đã biết (do sai khác đã biết ở tiêu chí 2)');
        expect(out.stdout).toMatch(/^14 passed, 0 failed$/m);
    });

    it('fails ntm test when a village differs without a declaration', async () => {
        const out = await ntm(
            'test',
            variant(d => {
                d['sai khác đã biết'] = [];
            })
        );
        expect(out.code).toBe(1);
        expect(out.stdout).toContain('✗ thôn Thôn Nam, chỉ tiêu 2.1: máy «chưa đạt», chính thức «đạt» — sai khác chưa khai báo');
    });

    it('fails ntm test for a village declaration that matches nothing, naming the village', async () => {
        const out = await ntm(
            'test',
            variant(d => {
                d['sai khác đã biết'].push({ thôn: 'Thôn Đông', 'tiêu chí': '1', 'nguyên nhân': 'báo cáo tự mâu thuẫn', 'giải thích': 'thử' });
                d['sai khác đã biết'].push({ thôn: 'Thôn Không Có', 'chỉ tiêu': '1.1', 'nguyên nhân': 'báo cáo tự mâu thuẫn', 'giải thích': 'thử' });
            })
        );
        expect(out.code).toBe(1);
        expect(out.stdout).toContain('✗ thôn Thôn Đông, tiêu chí 1: máy «—», chính thức «—» — sai khác đã khai báo nhưng không còn');
        expect(out.stdout).toContain('✗ thôn Thôn Không Có, chỉ tiêu 1.1: máy «—», chính thức «—» — sai khác đã khai báo nhưng không còn');
    });

    it('refuses a village listed in «danh sách» but missing from «các thôn», at the name in the list', async () => {
        const file = variant(d => {
            delete d['các thôn']['Thôn Trung'];
        }, 'thieu-thon.json');
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(/thieu-thon\.json:14:7 lỗi danh sách\.thôn\.5: Thôn «Thôn Trung» có trong danh sách thôn nhưng không có trong «các thôn»/m);
    });

    it('refuses an entered village count: it is computed from the villages', async () => {
        const out = await ntm(
            'eval',
            variant(d => {
                d['dữ kiện']['số thôn đạt chuẩn thôn kiểu mẫu'] = 6;
            })
        );
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(
            /xa-bay-thon\.json:\d+:\d+ lỗi dữ kiện\.số thôn đạt chuẩn thôn kiểu mẫu: Dữ kiện «số thôn đạt chuẩn thôn kiểu mẫu» được tính từ kết quả các thôn/
        );
    });

    it('names a village fact the village pack does not know, with its village', async () => {
        const out = await ntm(
            'eval',
            variant(d => {
                d['các thôn']['Thôn Nam']['dữ kiện']['số hộ phân loai rác tại nguồn'] = 1;
            })
        );
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(/lỗi các thôn\.Thôn Nam\.dữ kiện\.số hộ phân loai rác tại nguồn: .*Có phải «số hộ phân loại rác tại nguồn»\?/);
    });

    it('reports a village pack that cannot be found at the line of the commune pack that names it', async () => {
        const file = variant();
        const pack = path.join(path.dirname(file), 'xa-kieu-mau-thu.ntm');
        writeFileSync(pack, readFileSync(pack, 'utf8').replace('"thon-kieu-mau-thu.ntm"', '"thon-khong-co.ntm"'));
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(/xa-kieu-mau-thu\.ntm:18:66 lỗi Không tìm thấy bộ tiêu chí cấp thôn «thon-khong-co\.ntm»/m);
    });

    it('refuses villages in a file whose pack does not assess villages', async () => {
        const file = variant();
        const data = JSON.parse(readFileSync(file, 'utf8'));
        data['bộ tiêu chí'] = path.join(root, 'rulesets/ha-nam/ntm-nang-cao.ntm');
        data['ngày đánh giá'] = '2024-08-01';
        writeFileSync(file, JSON.stringify(data, null, 2));
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(
            /xa-bay-thon\.json:\d+:\d+ lỗi các thôn: Tệp có «các thôn» nhưng bộ tiêu chí «.*» \(cấp xã nông thôn mới nâng cao\) không xét thôn/
        );
    });

    it('writes a template with the villages to fill, not the count', async () => {
        const out = await ntm('template', path.join(root, 'examples/thu/xa-kieu-mau-thu.ntm'));
        const template = JSON.parse(out.stdout);
        expect(Object.keys(template['dữ kiện'])).toEqual(['tổng số thôn', 'tổng số hộ', 'số hộ dùng nước sạch']);
        expect(template['các thôn']).toEqual({ 'Thôn 1': { 'dữ kiện': {} } });
        expect(template['danh sách']).toEqual({ thôn: ['Thôn 1'] });
        expect(template['mô tả dữ kiện']['số thôn đạt chuẩn thôn kiểu mẫu']).toMatch(/^không nhập: máy đếm từ «các thôn»/);
    });

    it('shows a count as a range while villages lack data, deciding only what the whole range decides', async () => {
        const out = await ntm(
            'eval',
            variant(d => {
                for (const name of ['Thôn Đông', 'Thôn Bắc', 'Thôn Trung']) d['các thôn'][name]['dữ kiện'] = { 'nhà văn hóa thôn đạt chuẩn': true };
            }),
            '--json'
        );
        const json = JSON.parse(out.stdout);
        const count = json.result.indicators.find((i: { label: string }) => i.label === '1.2');
        expect(count).toMatchObject({ verdict: 'đạt', factsUsed: [{ fact: 'số thôn đạt chuẩn thôn kiểu mẫu', text: 'từ 2 đến 5 thôn' }] });
        expect(json.villageSummary.text).toBe('2/7 thôn đạt (3 thôn thiếu dữ liệu)');
    });
});
