// The printable report: pack and commune texts never become markup (hostile text in every field), the
// template escapes everything, and a page renders to PNG and PDF in headless Chromium where it is installed.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium, htmlToPdf, htmlToPng, runBatch } from '@ntm/evaluation/batch';
import { RESOURCES, tempFolder } from '../helpers.js';
import { writeXlsx } from './workbooks.js';

const HOSTILE_PACK = path.join(RESOURCES, 'batch/hostile.ntm');
const PACK = path.join(RESOURCES, 'batch/xa-thu.ntm');
const TEMPLATE_SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/node/batch/report-template.ts');
const chromium = findChromium();

describe('the printable report', () => {
    const dir = tempFolder('ntm-batch-report-');
    let html: string;

    beforeAll(async () => {
        const input = path.join(dir, 'doc-hai.xlsx');
        await writeXlsx(input, {
            Xã: [
                ['xã', 'huyện', 'tỉnh', 'ngày đánh giá', 'nguồn', 'rác thải'],
                ['<img src=z onerror=alert(4)>', '"><script>alert(5)</script>', 'Hà & Nam', '26/11/2024', '<iframe src=//x>', 85]
            ]
        });
        await runBatch({ inputs: [input], pack: HOSTILE_PACK, outputDir: dir });
        html = readFileSync(path.join(dir, 'doc-hai-bao-cao.html'), 'utf8');
    }, 60_000);

    it('shows hostile pack and commune text as text, never as markup', () => {
        for (const tag of ['<script', '<img', '<iframe', '<b>', '<i>', '<u>', '<em>', 'onclick=', '<td onclick']) {
            expect(html).not.toContain(tag);
        }
        expect(html).toContain('&lt;img src&#x3D;z onerror&#x3D;alert(4)&gt;');
        expect(html).toContain('&lt;script&gt;alert(&#x27;bộ&#x27;)&lt;/script&gt;');
        expect(html).toContain('Hà &amp; Nam');
        expect(html).toContain('&lt;/td&gt;&lt;img src&#x3D;y onerror&#x3D;alert(2)&gt;');
    });

    it('has the shape of a district report: requirement, figures, verdict, gap, citation, unverified thresholds, plan', () => {
        expect(html).toContain('I. Kết quả chung');
        expect(html).toContain('<th>Yêu cầu</th><th>Số liệu của xã</th><th>Kết quả</th><th>Còn thiếu</th><th>Căn cứ</th>');
        expect(html).toContain('rác thải: 85 %');
        expect(html).toMatch(/class="verdict chua-dat">chưa đạt/);
        expect(html).toContain('<td>còn thiếu 5 điểm phần trăm</td>');
        expect(html).toContain('II. Kết quả từng tiêu chí');
        expect(html).toContain('III. Ngưỡng chưa kiểm chứng');
        expect(html).toContain('IV. Kế hoạch');
        expect(html).toContain('@page { size: A4');
    });

    it('escapes every value: the template has no unescaped output', () => {
        expect(readFileSync(TEMPLATE_SOURCE, 'utf8')).not.toMatch(/\{\{\{|\{\{&/);
    });

    it.skipIf(!chromium)(
        'renders a page to PNG in headless Chromium (skipped where Chromium is not installed)',
        async () => {
            const png = await htmlToPng(chromium!, html, 900, 1200);
            writeFileSync(path.join(dir, 'trang.png'), png);
            expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
            expect(png.length).toBeGreaterThan(10_000);
        },
        120_000
    );

    it.skipIf(!chromium)(
        'prints the combined report to PDF with --pdf (skipped where Chromium is not installed)',
        async () => {
            const input = path.join(dir, 'hai-xa.xlsx');
            await writeXlsx(input, {
                Xã: [
                    ['xã', 'ngày đánh giá', 'rác thải'],
                    ['Một', '26/11/2024', 95],
                    ['Hai', '26/11/2024', 80]
                ]
            });
            const result = await runBatch({ inputs: [input], pack: PACK, outputDir: dir, pdf: true });
            expect(result.outputs.map(o => path.basename(o))).toEqual(['hai-xa-ket-qua.xlsx', 'hai-xa-bao-cao.html', 'hai-xa-bao-cao.pdf']);
            expect(readFileSync(path.join(dir, 'hai-xa-bao-cao.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
        },
        120_000
    );

    it('writes one file per commune on request', async () => {
        const input = path.join(dir, 'rieng.xlsx');
        await writeXlsx(input, {
            Xã: [
                ['xã', 'ngày đánh giá', 'rác thải'],
                ['Liêm Cần', '26/11/2024', 95],
                ['Thọ Am', '26/11/2024', 80]
            ]
        });
        const result = await runBatch({ inputs: [input], pack: PACK, outputDir: dir, report: 'per-commune' });
        expect(result.outputs.map(o => path.relative(dir, o))).toEqual([
            'rieng-ket-qua.xlsx',
            path.join('rieng-bao-cao', '001-liem-can.html'),
            path.join('rieng-bao-cao', '002-tho-am.html')
        ]);
    }, 60_000);
});

describe('Chromium', () => {
    it.runIf(!chromium)('is not installed here: the PNG and PDF tests above are skipped (apt-get install chromium)', () => {
        expect(chromium).toBeUndefined();
    });

    it.runIf(chromium !== undefined)('is found for the rendering tests', () => {
        expect(chromium).toBeDefined();
    });

    it('renders nothing without Chromium: --pdf is refused before any work', async () => {
        const saved = process.env['NTM_CHROMIUM'];
        process.env['NTM_CHROMIUM'] = '/nonexistent/chromium';
        try {
            await expect(runBatch({ inputs: ['x.xlsx'], pack: PACK, pdf: true })).rejects.toThrow('Không tìm thấy Chromium');
        } finally {
            if (saved === undefined) delete process.env['NTM_CHROMIUM'];
            else process.env['NTM_CHROMIUM'] = saved;
        }
    });

    it.skipIf(!chromium)(
        'htmlToPdf gives a PDF',
        async () => {
            const pdf = await htmlToPdf(chromium!, '<p>Xin chào</p>');
            expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
        },
        60_000
    );
});
