// What the documentation promises, run through the CLI: a value given as a range is decided whenever the
// whole range gives one verdict (ngon-ngu.md §15, tep-xa.md §4); an amendment a pack knows of but cannot
// encode warns every evaluation from its date on; what eval shows of the bundled samples cites no file a
// reader cannot open.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, tempDir } from './helpers/run-ntm.js';

describe('a value the report gives as a range', () => {
    it('is decided when every value of the range gives the same verdict, else thiếu dữ liệu', async () => {
        const dir = tempDir();
        writeFileSync(
            path.join(dir, 'khoang.ntm'),
            [
                'bộ tiêu chí khoảng "Khoảng"',
                '  cấp xã nông thôn mới',
                '  địa bàn "toàn quốc"',
                '  phiên bản "thử"',
                '  căn cứ 1/HD-THU ngày 01/01/2023 của "Cơ quan thử"',
                '  hiệu lực từ 01/01/2023',
                'dữ kiện a: phần trăm',
                'dữ kiện b: phần trăm',
                'dữ kiện c: phần trăm',
                'dữ kiện d: phần trăm',
                'dữ kiện e: đếm hộ',
                'dữ kiện f: đếm hộ',
                'dữ kiện g = tỷ số e / f',
                'tiêu chí 1 "x"',
                '  chỉ tiêu 1.1 "x" a >= 80%',
                '  chỉ tiêu 1.2 "x" b = 100%',
                '  chỉ tiêu 1.3 "x" c ≠ 100%',
                '  chỉ tiêu 1.4 "x" d >= chưa biết (<= 50; suy từ "thử")',
                '  chỉ tiêu 1.5 "x" a > 95%',
                '  chỉ tiêu 1.6 "x" g >= 50%',
                ''
            ].join('\n')
        );
        writeFileSync(
            path.join(dir, 'xa.json'),
            JSON.stringify({
                xã: 'Thử',
                'bộ tiêu chí': 'khoang.ntm',
                'ngày đánh giá': '2024-01-01',
                'dữ kiện': { a: { trên: 90.72 }, b: { dưới: 90 }, c: { dưới: 90 }, d: { trên: 60 }, e: { 'ít nhất': 81 }, f: 100 }
            })
        );
        const out = await ntm('eval', path.join(dir, 'xa.json'), '--json');
        expect(out.code, out.stderr).toBe(0);
        const verdicts = Object.fromEntries((JSON.parse(out.stdout).result.indicators as { label: string; verdict: string }[]).map(i => [i.label, i.verdict]));
        expect(verdicts).toEqual({
            '1.1': 'đạt',
            '1.2': 'chưa đạt',
            '1.3': 'đạt',
            '1.4': 'đạt',
            '1.5': 'thiếu dữ liệu', // «trên 90,72» may or may not exceed 95
            '1.6': 'thiếu dữ liệu' // a range is not used to compute
        });
    });
});

describe('an amendment known but not encoded', () => {
    it('warns every evaluation on or after its date, and says so at the top of the report', async () => {
        const after = await ntm('eval', 'examples/lang-son/lien-hoi-2023.json', '--ngày', '2024-06-01');
        expect(after.code, after.stderr).toBe(0);
        expect(after.stderr).toMatch(
            /lien-hoi-2023\.json:\d+:\d+ cảnh báo ngày đánh giá: Văn bản sửa đổi 211\/QĐ-TTg của Thủ tướng Chính phủ áp dụng từ 2024-03-01 nhưng bộ tiêu chí chưa mã hóa nội dung của nó: kết quả ở ngày đánh giá 2024-06-01 có thể sai ở những chỉ tiêu văn bản này sửa\./
        );
        expect(after.stdout).toContain(
            'Sửa đổi chưa mã hóa: 211/QĐ-TTg của Thủ tướng Chính phủ, từ 2024-03-01: bộ tiêu chí chưa có nội dung của văn bản này; kết quả ở ngày đánh giá có thể sai ở những chỉ tiêu nó sửa.'
        );
        const before = await ntm('eval', 'examples/lang-son/lien-hoi-2023.json');
        expect(before.stderr).not.toContain('211/QĐ-TTg');
        expect(before.stdout).toContain(
            'Sửa đổi chưa mã hóa: 211/QĐ-TTg của Thủ tướng Chính phủ, từ 2024-03-01: bộ tiêu chí chưa có nội dung của văn bản này (sau ngày đánh giá).'
        );
        const json = JSON.parse((await ntm('eval', 'examples/lang-son/lien-hoi-2023.json', '--ngày', '2024-06-01', '--json')).stdout);
        expect(json.result.pack.amendments).toEqual([expect.objectContaining({ number: '211/QĐ-TTg', from: '2024-03-01', notEncoded: true })]);
        expect(json.warnings.map((w: { message: string }) => w.message).join(' ')).toContain('211/QĐ-TTg');
    });
});

describe('sources a reader can find', () => {
    it('shows no research-note path or seed file in what eval prints of the bundled samples', async () => {
        for (const sample of ['examples/ha-noi/lien-ninh-2023.json', 'examples/lang-son/lien-hoi-2023.json']) {
            const out = await ntm('eval', sample, '--json');
            expect(out.stdout).not.toMatch(/shared\/|criteria\.md|extracts?[ /]\d{3}|seed \d{3}|\d{3}_[0-9a-f]{16}\.txt/u);
        }
    });
});
