import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ntm, resources, root, tempDir } from './helpers/run-ntm.js';

const _here = path.dirname(fileURLToPath(import.meta.url));

/** A copy of the mini commune with some fields replaced, written next to a copy of the mini pack. */
function communeVariant(change: (data: Record<string, any>) => void): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'mini.ntm'), readFileSync(path.join(resources, 'mini.ntm')));
    const data = JSON.parse(readFileSync(path.join(resources, 'mini-commune.json'), 'utf8'));
    change(data);
    const file = path.join(dir, 'xa.json');
    writeFileSync(file, JSON.stringify(data, undefined, 2));
    return file;
}

describe('ntm check', () => {
    it('prints a Vietnamese unit-mismatch diagnostic with line:col and exits 1', async () => {
        const out = await ntm('check', path.join(resources, 'unit-mismatch.ntm'));
        expect(out.code).toBe(1);
        expect(out.stdout).toMatch(/unit-mismatch\.ntm:9:\d+ lỗi Không thể so sánh số \(km\) với phần trăm \(%\)\./);
    });

    it('accepts a correct pack with exit 0', async () => {
        const out = await ntm('check', path.join(resources, 'mini.ntm'));
        expect(out.code).toBe(0);
        expect(out.stdout).toContain('1 tệp, 0 lỗi');
    });

    it('reports an empty file, binary garbage and a huge file with one clear diagnostic each', async () => {
        const dir = tempDir();
        writeFileSync(path.join(dir, 'rong.ntm'), '');
        writeFileSync(path.join(dir, 'nhi-phan.ntm'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37) % 256)));
        writeFileSync(path.join(dir, 'lon.ntm'), '// dòng chú thích\n'.repeat(200_000));
        const out = await ntm('check', dir);
        expect(out.code).toBe(1);
        expect(out.stdout).toMatch(/rong\.ntm:1:1 lỗi Tệp rỗng/);
        expect(out.stdout).toMatch(/nhi-phan\.ntm:1:1 lỗi Tệp không phải văn bản/);
        expect(out.stdout).toMatch(/lon\.ntm:1:1 lỗi Tệp quá lớn/);
        expect(out.stdout.split('\n').filter(l => /:\d+:\d+ lỗi /.test(l)).length).toBe(3);
        expect(out.stderr).not.toMatch(/at .*\.js:\d+/);
    });

    it('lists unverified thresholds with their notes', async () => {
        const out = await ntm('check', path.join(root, 'packages/language/test/resources/examples/tour.ntm'));
        expect(out.stdout).toMatch(/tour\.ntm:\d+:\d+ chưa kiểm chứng chỉ tiêu 5\.5: thử/);
    });

    it('exits 2 on a path that does not exist', async () => {
        const out = await ntm('check', path.join(resources, 'khong-co.ntm'));
        expect(out.code).toBe(2);
        expect(out.stderr).toContain('Không đọc được tệp');
    });
});

describe('ntm eval', () => {
    it('prints a Vietnamese table with values, requirements, verdicts and gaps', async () => {
        const out = await ntm('eval', path.join(resources, 'mini.ntm'), path.join(resources, 'mini-commune.json'));
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout).toMatch(/4\.1\s+≈ 99,6001 %\s+= 100 %\s+chưa đạt ≠\s+đạt\s+còn thiếu 11 hộ/);
        expect(out.stdout).toMatch(/10\.1\s+72,403 triệu đồng\/người\/năm\s+> 72 triệu đồng\/người\/năm\s+đạt/);
        expect(out.stdout).toContain('KẾT QUẢ TÍNH: đạt 2/3 tiêu chí');
        expect(out.stdout).toContain('KẾT QUẢ CHÍNH THỨC: đạt 3/3 tiêu chí');
        expect(out.stdout).toMatch(/chỉ tiêu 4\.1: máy «chưa đạt», chính thức «đạt» — sai khác đã biết — báo cáo kết luận khác số liệu/);
    });

    it('gives machine-readable JSON with --json', async () => {
        const out = await ntm('eval', path.join(resources, 'mini-commune.json'), '--json');
        expect(out.code, out.stderr).toBe(0);
        const parsed = JSON.parse(out.stdout);
        expect(parsed.result.resultFormat).toBe('ntm-result/3');
        expect(parsed.result.pack.id).toBe('thử_cli');
        expect(parsed.result.summary.criteriaMet).toBe(2);
        const indicator = parsed.result.indicators.find((i: { label: string }) => i.label === '4.1');
        expect(indicator.gap).toMatchObject({ amount: 11, unit: 'hộ', text: 'còn thiếu 11 hộ' });
        expect(indicator.gap.relative).toBeCloseTo(1 - 2740 / 2751, 9);
        expect(indicator.citations[0]).toMatchObject({ number: '43/2022/QĐ-UBND', issuer: 'UBND tỉnh Hà Nam', date: '2022-09-16' });
    });

    it('names missing facts as thiếu dữ liệu, never zero', async () => {
        const file = communeVariant(d => {
            delete d['dữ kiện']['rác thải'];
        });
        const out = await ntm('eval', file, '--json');
        const indicator = JSON.parse(out.stdout).result.indicators.find((i: { label: string }) => i.label === '17.3');
        expect(indicator.verdict).toBe('thiếu dữ liệu');
        expect(indicator.missingFacts).toEqual(['rác thải']);
    });

    it.each([
        [
            'a negative count',
            (d: any) => {
                d['dữ kiện']['tổng số hộ'] = -5;
            },
            /xa\.json:\d+:\d+ lỗi dữ kiện\.tổng số hộ: Giá trị âm/
        ],
        [
            'a fractional count',
            (d: any) => {
                d['dữ kiện']['tổng số hộ'] = 2751.5;
            },
            /lỗi dữ kiện\.tổng số hộ: Số đếm phải là số nguyên/
        ],
        [
            'a wrong type',
            (d: any) => {
                d['dữ kiện']['rác thải'] = 'nhiều';
            },
            /lỗi dữ kiện\.rác thải: Không đọc được «nhiều» thành số/
        ],
        [
            'an ambiguous thousands dot',
            (d: any) => {
                d['dữ kiện']['tổng số hộ'] = '2.751';
            },
            /lỗi dữ kiện\.tổng số hộ: «2\.751» mơ hồ/
        ],
        [
            'an unknown fact',
            (d: any) => {
                d['dữ kiện']['rac thai'] = 3;
            },
            /xa\.json:\d+:\d+ lỗi dữ kiện\.rac thai: Dữ kiện «rac thai» không có trong bộ tiêu chí\. Có phải «rác thải»\?/
        ],
        [
            'a wrong unit',
            (d: any) => {
                d['dữ kiện']['thu nhập'] = { 'giá trị': 72403, 'đơn vị': 'nghìn đồng/hộ/năm' };
            },
            /lỗi dữ kiện\.thu nhập\.đơn vị: Đơn vị «nghìn đồng\/hộ\/năm» khác đơn vị khai báo/
        ],
        [
            'a missing assessment date',
            (d: any) => {
                delete d['ngày đánh giá'];
            },
            /lỗi \(gốc\): Thiếu trường «ngày đánh giá»/
        ],
        [
            'a date outside validity',
            (d: any) => {
                d['ngày đánh giá'] = '2026-03-01';
            },
            /lỗi ngày đánh giá: Ngày đánh giá 2026-03-01 nằm ngoài thời gian hiệu lực/
        ],
        [
            'an unknown top-level field',
            (d: any) => {
                d['ghi chu'] = 'x';
            },
            /lỗi ghi chu: Trường «ghi chu» không thuộc định dạng tệp xã/
        ],
        [
            'an invalid official verdict',
            (d: any) => {
                d['kết quả chính thức']['chỉ tiêu']['4.1'] = 'dat';
            },
            /lỗi kết quả chính thức\.chỉ tiêu\.4\.1: Giá trị phải là một trong/
        ]
    ])('refuses %s with file, line and field, exit 1', async (_name, change, expected) => {
        const file = communeVariant(change);
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(expected);
        expect(out.stdout).toBe('');
    });

    it('points at the line of broken JSON', async () => {
        const dir = tempDir();
        const file = path.join(dir, 'hong.json');
        writeFileSync(file, '{\n  "xã": "A",\n  "dữ kiện": { "x": 1, }\n}\n');
        const out = await ntm('eval', path.join(resources, 'mini.ntm'), file);
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(/hong\.json:3:\d+ lỗi \(tệp\): JSON không hợp lệ/);
    });

    it('says the order when the commune file comes before its pack, instead of reading the pack as JSON', async () => {
        const pack = path.join(resources, 'mini.ntm');
        const commune = path.join(resources, 'mini-commune.json');
        const out = await ntm('eval', commune, pack);
        expect(out.code).toBe(2);
        expect(out.stderr).toBe(`Thứ tự tham số: bộ tiêu chí trước, tệp xã sau — ntm eval ${pack} ${commune}\n`);
    });
});

describe('ntm template', () => {
    it('lists every input fact with type, unit and description', async () => {
        const out = await ntm('template', path.join(resources, 'mini.ntm'));
        expect(out.code).toBe(0);
        const template = JSON.parse(out.stdout);
        expect(Object.keys(template['dữ kiện'])).toEqual(['hộ dùng điện', 'tổng số hộ', 'thu nhập', 'rác thải', 'đã đạt chuẩn NTM']);
        expect(template['mô tả dữ kiện']['hộ dùng điện']).toBe('số đếm (số nguyên ≥ 0), đơn vị hộ — Số hộ đăng ký trực tiếp và sử dụng điện an toàn');
        expect(template['mô tả dữ kiện']['tỷ lệ hộ dùng điện']).toContain('dữ kiện tính toán');
    });
});

describe('ntm test', () => {
    it('passes when every difference is declared, with a closing "N passed, M failed" line', async () => {
        const out = await ntm('test', path.join(resources, 'mini-commune.json'));
        expect(out.code, out.stdout).toBe(0);
        expect(out.stdout).toMatch(/^7 passed, 0 failed$/m);
    });

    it('fails with a readable difference when an official verdict is flipped', async () => {
        const file = communeVariant(d => {
            d['kết quả chính thức']['chỉ tiêu']['17.3'] = 'chưa đạt';
        });
        const out = await ntm('test', file);
        expect(out.code).toBe(1);
        expect(out.stdout).toMatch(/✗ chỉ tiêu 17\.3: máy «đạt», chính thức «chưa đạt» — sai khác chưa khai báo/);
        expect(out.stdout).toMatch(/rác thải >= 98%: 100 %, yêu cầu >= 98 % → đạt\./);
        // Criterion 17 is still officially «đạt»: the flipped file contradicts itself, which is flagged too.
        expect(out.stdout).toMatch(/✗ tiêu chí 17: máy «đạt», chính thức «đạt» — kết quả chính thức tự mâu thuẫn/);
        expect(out.stdout).toMatch(/^\d+ passed, 2 failed$/m);
    });

    it('fails when a declared discrepancy no longer occurs', async () => {
        const file = communeVariant(d => {
            d['dữ kiện']['hộ dùng điện'] = 2751;
        });
        const out = await ntm('test', file);
        expect(out.code).toBe(1);
        expect(out.stdout).toMatch(/✗ chỉ tiêu 4\.1: máy «đạt», chính thức «đạt» — sai khác đã khai báo nhưng không còn/);
    });

    it('runs the bundled Liêm Cần sample green', async () => {
        const out = await ntm('test', path.join(root, 'examples'));
        expect(out.code, out.stdout).toBe(0);
        expect(out.stdout).toMatch(/liem-can-2024\.json — xã Liêm Cần/);
        expect(out.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    });
});
