// «tính đến»: a figure may carry the date it refers to (issue 13, item 8). Older than the year the rule reads,
// the verdict is flagged «số liệu cũ»; after the assessment date, it is a data error at its line and field.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, tempDir } from './helpers/run-ntm.js';

const PACK = [
    'bộ tiêu chí ngày số liệu "Ngày của số liệu"',
    '  cấp xã nông thôn mới',
    '  địa bàn "toàn quốc"',
    '  phiên bản "thử"',
    '  căn cứ 1/HD-THU ngày 01/01/2023 của "Cơ quan thử"',
    '  hiệu lực từ 01/01/2023',
    'dữ kiện thu nhập: tiền triệu đồng/người/năm',
    'dữ kiện hồ sơ trực tuyến: phần trăm',
    'tiêu chí 10 "Thu nhập"',
    '  chỉ tiêu 10.1 "Thu nhập >= 38" thu nhập >= 38 triệu đồng/người/năm',
    'tiêu chí 18 "Hành chính công"',
    '  chỉ tiêu 18.1 "Hồ sơ trực tuyến >= 30%" hồ sơ trực tuyến >= 30%',
    ''
].join('\n');

// As the plan for Liên Hội 2023 (UBND huyện Văn Quan) reports them: income for 2022, online files at 31/01/2023.
function commune(assessed: string): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ngay.ntm'), PACK);
    const file = path.join(dir, 'xa.json');
    writeFileSync(
        file,
        [
            '{',
            '  "xã": "Liên Hội", "bộ tiêu chí": "ngay.ntm",',
            `  "ngày đánh giá": "${assessed}",`,
            '  "dữ kiện": {',
            '    "thu nhập": { "giá trị": "38,6", "tính đến": "2022-12-31" },',
            '    "hồ sơ trực tuyến": { "giá trị": 69, "tính đến": "31/01/2023" }',
            '  }',
            '}',
            ''
        ].join('\n')
    );
    return file;
}

describe('a figure with the date it refers to', () => {
    it('is flagged «số liệu cũ» when older than the assessment year, and the verdict stands', async () => {
        const out = await ntm('eval', commune('2023-11-30'));
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout).toMatch(/10\.1 +38,6 triệu đồng\/người\/năm +>= 38 triệu đồng\/người\/năm +đạt/u);
        expect(out.stdout).toContain('[số liệu cũ]; Số liệu cũ: thu nhập tính đến 2022-12-31, trước năm 2023 mà quy tắc xét');
        expect(out.stdout).not.toMatch(/18\.1[^\n]*\n[^\n]*số liệu cũ/u);
    });

    it('carries the date and the stable flag code in JSON', async () => {
        const out = await ntm('eval', commune('2023-11-30'), '--json');
        const indicators = JSON.parse(out.stdout).result.indicators as { label: string; flags: string[]; factsUsed: object[] }[];
        const income = indicators.find(i => i.label === '10.1')!;
        expect(income.flags).toEqual(['stale-data']);
        expect(income.factsUsed).toEqual([
            { fact: 'thu nhập', text: '38,6 triệu đồng/người/năm (tính đến 2022-12-31)', asOf: '2022-12-31', olderThanYear: 2023 }
        ]);
        expect(indicators.find(i => i.label === '18.1')!.flags).toEqual([]);
    });

    it('is a data error naming file, line and field when dated after the assessment', async () => {
        const file = commune('2023-01-15');
        const out = await ntm('eval', file);
        expect(out.code).toBe(1);
        expect(out.stderr).toContain(
            `${file}:6:42 lỗi dữ kiện.hồ sơ trực tuyến.tính đến: Số liệu tính đến 2023-01-31, sau ngày đánh giá 2023-01-15: ngày «tính đến» không thể ở tương lai so với lúc đánh giá.`
        );
        expect(out.stdout).not.toContain('KẾT QUẢ TÍNH');
    });
});
