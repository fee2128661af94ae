// Units of the same kind convert exactly in packs and commune files (`ntm check`, `ntm eval`); a unit of
// another kind stays an error that names both kinds.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, tempDir } from './helpers/run-ntm.js';

const pack = path.join(resources, 'units', 'doi-don-vi.ntm');
const commune = path.join(resources, 'units', 'lien-hoi.json');

describe('unit conversion', () => {
    it('ntm check accepts thresholds in m, ha and nghìn đồng for facts in km, m² and triệu đồng', async () => {
        const out = await ntm('check', pack);
        expect(out.code, out.stdout).toBe(0);
        expect(out.stdout).toMatch(/^1 tệp, 0 lỗi, 0 cảnh báo, /m);
    });

    it('ntm eval converts commune values given in another unit, and shows what was written', async () => {
        const out = await ntm('eval', commune, '--json');
        expect(out.code, out.stderr).toBe(0);
        const { result } = JSON.parse(out.stdout);
        const byLabel = (label: string) => result.indicators.find((i: { label: string }) => i.label === label);
        expect(byLabel('17.5').verdict).toBe('đạt');
        expect(byLabel('17.5').factsUsed).toEqual([{ fact: 'khoảng cách khu mai táng', text: '0,5 km (tệp xã ghi 500 m)' }]);
        expect(byLabel('17.5').threshold).toBe('>= 0,5 km (= 500 m)');
        expect(byLabel('6.3').verdict).toBe('đạt');
        expect(byLabel('2.2').value.text).toBe('≈ 8,0405 %');
        expect(byLabel('2.2').gap.text).toBe('còn thiếu 9.170 m');
    });

    it('ntm eval refuses a value in a unit of another kind, at its line, with both kinds named', async () => {
        const dir = tempDir();
        const file = path.join(dir, 'xa.json');
        writeFileSync(
            file,
            JSON.stringify(
                {
                    xã: 'Thử',
                    'bộ tiêu chí': path.relative(dir, pack),
                    'ngày đánh giá': '2023-06-30',
                    'dữ kiện': { 'diện tích sân thể thao': { 'giá trị': 2, 'đơn vị': 'km' } }
                },
                undefined,
                2
            )
        );
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(out.stdout + out.stderr).toContain(
            'xa.json:8:7 lỗi dữ kiện.diện tích sân thể thao.đơn vị: Đơn vị «km» khác đơn vị khai báo của dữ kiện («m2»): km là chiều dài, m2 là diện tích: không đổi được cho nhau.'
        );
    });

    it('ntm check refuses a threshold of another kind with a clear message', async () => {
        const dir = tempDir();
        const file = path.join(dir, 'sai.ntm');
        writeFileSync(
            file,
            [
                'bộ tiêu chí sai "Sai"',
                '  cấp xã nông thôn mới',
                '  địa bàn "toàn quốc"',
                '  phiên bản "1"',
                '  căn cứ 318/QĐ-TTg ngày 08/03/2022 của "Thủ tướng Chính phủ"',
                '  hiệu lực từ 08/03/2022 đến 31/12/2025',
                'dữ kiện diện tích sân: số m²',
                'tiêu chí 6 "Văn hóa"',
                '  chỉ tiêu 6.3 "Sân" diện tích sân >= 0,2 km',
                ''
            ].join('\n')
        );
        const out = await ntm('check', file);
        expect(out.code).toBe(1);
        expect(out.stdout).toContain('sai.ntm:9:39 lỗi Không thể so sánh số (m2) với số (km): m2 là diện tích, km là chiều dài: không đổi được cho nhau.');
    });
});
