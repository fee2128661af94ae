// Issue 13, items 1 and 2, through the CLI: a range decided against = and ≠ and against an unknown threshold
// with bounds (and then the plan does not ask for that threshold); `chưa biết` as a level of a scale, a count
// of villages, of years, of conditions.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, tempDir } from './helpers/run-ntm.js';

const HEADER = [
    'cấp xã nông thôn mới',
    'địa bàn "toàn quốc"',
    'phiên bản "thử"',
    'căn cứ 1/HD-THU ngày 01/01/2023 của "Cơ quan thử"',
    'hiệu lực từ 01/01/2023'
].map(line => `  ${line}`);

function write(dir: string, name: string, lines: readonly string[]): string {
    const file = path.join(dir, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
}

function verdicts(stdout: string): Record<string, string> {
    return Object.fromEntries((JSON.parse(stdout).result.indicators as { label: string; verdict: string }[]).map(i => [i.label, i.verdict]));
}

describe('a range against every comparison', () => {
    const dir = tempDir();
    write(dir, 'khoang.ntm', [
        'bộ tiêu chí khoảng "Khoảng"',
        ...HEADER,
        'dữ kiện hộ mất sóng: đếm hộ',
        'dữ kiện hộ nghèo: phần trăm',
        'dữ kiện số vụ: đếm vụ',
        'tiêu chí 8 "Viễn thông"',
        '  chỉ tiêu 8.1 "Không còn hộ mất sóng" hộ mất sóng = 0 hộ',
        '  chỉ tiêu 8.2 "≠" hộ mất sóng ≠ 0 hộ',
        'tiêu chí 11 "Hộ nghèo"',
        '  chỉ tiêu 11.1 ">= ngưỡng chưa biết" hộ nghèo >= chưa biết (<= 33.11%; suy từ "thử")',
        '  chỉ tiêu 11.2 "= ngưỡng chưa biết" hộ nghèo = chưa biết (<= 33.11%; suy từ "thử")',
        'tiêu chí 19 "An ninh"',
        '  chỉ tiêu 19.1 "Đúng 3 vụ" số vụ = 3 vụ'
    ]);
    const commune = write(dir, 'xa.json', [
        JSON.stringify(
            {
                xã: 'Liên Hội',
                'bộ tiêu chí': 'khoang.ntm',
                'ngày đánh giá': '2023-11-30',
                // «trên 200 hộ không sử dụng được dịch vụ 2G, 3G, 4G» (plan for Liên Hội 2023, UBND huyện Văn Quan)
                'dữ kiện': { 'hộ mất sóng': { trên: 200 }, 'hộ nghèo': { 'ít nhất': 45 }, 'số vụ': { từ: 3, đến: 3 } }
            },
            null,
            2
        )
    ]);

    it('decides = and ≠ when the whole range agrees, and against an unknown threshold with bounds', async () => {
        const out = await ntm('eval', commune, '--json');
        expect(out.code, out.stderr).toBe(0);
        expect(verdicts(out.stdout)).toEqual({ '8.1': 'chưa đạt', '8.2': 'đạt', '11.1': 'đạt', '11.2': 'chưa đạt', '19.1': 'đạt' });
    });

    it('does not ask, in the plan, for a threshold every possible value of which gives the same verdict', async () => {
        const out = await ntm('eval', commune, '--kế-hoạch');
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout).toContain('[khắc phục] tiêu chí 8, chỉ tiêu 8.1');
        expect(out.stdout).not.toContain('[tìm văn bản quy định ngưỡng]');
        expect(out.stdout).toContain('0 ngưỡng cần tìm trong văn bản');
    });
});

describe('chưa biết wherever a threshold can stand', () => {
    const dir = tempDir();
    const pack = write(dir, 'an.ntm', [
        'bộ tiêu chí ẩn "Ngưỡng chưa biết"',
        ...HEADER,
        'thang phổ cập: chưa đạt < mức độ 1 < mức độ 2 < mức độ 3',
        'dữ kiện phổ cập tiểu học: mức theo phổ cập',
        'dữ kiện phổ cập trung học: mức theo phổ cập',
        'danh sách thôn',
        'dữ kiện hạ tầng viễn thông: có/không, từng thôn',
        'dữ kiện số vụ: đếm vụ, từng năm',
        'tiêu chí 5 "Giáo dục"',
        '  chỉ tiêu 5.1 "Tiểu học" phổ cập tiểu học >= chưa biết "văn bản chưa có"',
        '  chỉ tiêu 5.2 "Trung học" phổ cập trung học >= chưa biết "văn bản chưa có"',
        'tiêu chí 8 "Thôn"',
        '  chỉ tiêu 8.1 "Số thôn có hạ tầng" ít nhất chưa biết (>= 5; suy từ "thử") thôn { có hạ tầng viễn thông }',
        'tiêu chí 19 "Năm"',
        '  chỉ tiêu 19.1 "Số năm" ít nhất chưa biết năm trong 3 năm { số vụ <= 5 vụ }'
    ]);
    const villages = ['Nà Pá', 'Khòn Duông', 'Phiêng Phúc', 'Bản Thẳm', 'Nà Riềng', 'Pò Khao', 'Nà Lầu', 'Bản Chu', 'Kéo Càng'];
    const commune = write(dir, 'xa.json', [
        JSON.stringify(
            {
                xã: 'Liên Hội',
                'bộ tiêu chí': 'an.ntm',
                'ngày đánh giá': '2023-11-30',
                'danh sách': { thôn: villages },
                'dữ kiện': {
                    'phổ cập tiểu học': 'mức độ 3',
                    'phổ cập trung học': 'mức độ 2',
                    // «04/9 thôn có hạ tầng BRDD» (plan for Liên Hội 2023)
                    'hạ tầng viễn thông': Object.fromEntries(villages.map((v, i) => [v, i < 4])),
                    'số vụ': { '2021': 1, '2022': 0, '2023': 2 }
                }
            },
            null,
            2
        )
    ]);

    it('checks without error and lists each unknown', async () => {
        const out = await ntm('check', pack);
        expect(out.code, out.stdout).toBe(0);
        expect(out.stdout).toMatch(/an\.ntm:\d+:\d+ chưa biết chỉ tiêu 5\.1: văn bản chưa có; không có cận/u);
        expect(out.stdout).toMatch(/an\.ntm:\d+:\d+ chưa biết chỉ tiêu 8\.1: \(không ghi chú\); cận suy ra: >= 5 \(suy từ thử\)/u);
        expect(out.stdout).toContain('1 tệp, 0 lỗi, 0 cảnh báo, 4 ngưỡng chưa biết hoặc chưa kiểm chứng.');
    });

    it('decides when every possible threshold gives one verdict, else names the threshold as missing', async () => {
        const json = await ntm('eval', commune, '--json');
        expect(json.code, json.stderr).toBe(0);
        expect(verdicts(json.stdout)).toEqual({ '5.1': 'đạt', '5.2': 'thiếu dữ liệu', '8.1': 'chưa đạt', '19.1': 'đạt' });
        const text = await ntm('eval', commune);
        expect(text.stdout).toMatch(/5\.2 +mức độ 2 +>= chưa biết \(một mức từ chưa đạt đến +thiếu dữ liệu/u);
        expect(text.stdout).toContain('thiếu: ngưỡng của «phổ cập trung học» (chưa biết: một mức từ chưa đạt đến mức độ 3; văn bản');
        expect(text.stdout).toContain('[dựa trên cận suy ra]');
    });
});

describe('a percentage typed as a fraction against a minimum the documents do not give', () => {
    it('is warned of at the fact, with the value shown beside the unknown threshold; a maximum is not', async () => {
        const dir = tempDir();
        write(dir, 'chua-biet.ntm', [
            'bộ tiêu chí thử ngưỡng "Ngưỡng chưa có"',
            ...HEADER,
            'dữ kiện tỷ lệ đường thôn được cứng hóa: phần trăm',
            'dữ kiện tỷ lệ hộ nghèo: phần trăm',
            'tiêu chí 2 "Giao thông"',
            '  chỉ tiêu 2.1 "x" tỷ lệ đường thôn được cứng hóa >= chưa biết "văn bản chưa có"',
            '  chỉ tiêu 2.2 "y" tỷ lệ hộ nghèo <= chưa biết "văn bản chưa có"'
        ]);
        const commune = write(dir, 'xa.json', [
            JSON.stringify({
                xã: 'Thử',
                'bộ tiêu chí': 'chua-biet.ntm',
                'ngày đánh giá': '2024-11-26',
                'dữ kiện': { 'tỷ lệ đường thôn được cứng hóa': '0,95', 'tỷ lệ hộ nghèo': 0.5 }
            })
        ]);
        const out = await ntm('eval', commune, '--json');
        expect(out.code, out.stderr).toBe(0);
        const result = JSON.parse(out.stdout).result;
        expect(result.indicators.map((i: { verdict: string; value?: { text: string } }) => [i.verdict, i.value?.text])).toEqual([
            ['thiếu dữ liệu', '0,95 %'],
            ['thiếu dữ liệu', '0,5 %']
        ]);
        expect(result.inputIssues.map((i: { field: string; message: string }) => [i.field, i.message])).toEqual([
            [
                'dữ kiện.tỷ lệ đường thôn được cứng hóa',
                'Dữ kiện «tỷ lệ đường thôn được cứng hóa» = 0,95 %, trong khi chỉ tiêu 2.1 đòi một mức tối thiểu (>= chưa biết): nếu báo cáo ghi 95 %, nhập 95 (tỷ lệ ghi bằng số phần trăm, không phải phân số).'
            ]
        ]);
    });
});
