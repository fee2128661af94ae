// CSV as district offices save it: UTF-8 with or without BOM, Windows-1258 (tones as combining marks),
// UTF-16 from Excel's «Unicode text»; `;` with decimal commas, or `,` with the decimals quoted.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, guessDelimiter, runBatch } from '@ntm/evaluation/batch';
import { RESOURCES, tempFolder } from '../helpers.js';

const PACK = path.join(RESOURCES, 'batch/xa-thu.ntm');
const ROWS = [
    ['xã', 'ngày đánh giá', 'hộ dùng điện', 'tổng số hộ', 'đường xã được cứng hóa', 'rác thải', 'quy hoạch chung được phê duyệt', 'mức phổ cập'],
    ['Liêm Cần', '26/11/2024', '2751', '2751', '13,87', '97,3', 'có', 'mức độ 3'],
    ['Thọ Lợi', '26/11/2024', '900', '1000', '4,662', '89,5 %', 'không', 'mức độ 1']
];

/** Windows-1258 writes â ê ô ơ ư ă precomposed and the five tones as combining marks. */
function windows1258Form(text: string): string {
    return text
        .normalize('NFD')
        .replace(/([a-zA-Z])(\u0323?)([\u0302\u0306])/g, (_, base: string, dot: string, mark: string) => (base + mark).normalize('NFC') + dot)
        .replace(/([a-zA-Z])\u031B/g, match => match.normalize('NFC'));
}

const csv = (separator: string, quote: boolean) =>
    ROWS.map(r => r.map(f => (quote && /[,"]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(separator)).join('\r\n') + '\r\n';

describe('CSV input', () => {
    const dir = tempFolder('ntm-batch-csv-');
    const variants: Array<[string, Uint8Array]> = [
        ['utf8-bom-semicolon', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(';', false), 'utf8')])],
        ['utf8-comma-quoted', Buffer.from(csv(',', true).normalize('NFD'), 'utf8')],
        ['windows-1258-semicolon', iconv.encode(windows1258Form(csv(';', false)), 'windows-1258')],
        ['utf16-tab', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv('\t', false), 'utf16le')])]
    ];

    it.each(variants)(
        '%s reads the same two communes',
        async (name, bytes) => {
            const file = path.join(dir, `${name}.csv`);
            writeFileSync(file, bytes);
            const result = await runBatch({ inputs: [file], pack: PACK, outputDir: dir, report: 'none' });
            expect(result.problems).toEqual([]);
            expect(result.tally.evaluated).toBe(2);
            const byCriterion = Object.fromEntries(result.tally.criteria.map(c => [c.label, c.counts['đạt']]));
            // 2.1: 13,87 km and 4,662 km (a decimal comma, never thousands) against ≥ 5 km.
            expect(byCriterion).toMatchObject({ '1': 1, '2': 1, '4': 1, '5': 1, '17': 1 });
        },
        60_000
    );

    it('decodes by BOM, strict UTF-8, else Windows-1258, always to NFC', async () => {
        expect(await decodeText(iconv.encode(windows1258Form('Liêm Cần'), 'windows-1258'))).toBe('Liêm Cần');
        expect(await decodeText(Buffer.from('Liêm Cần'.normalize('NFD'), 'utf8'))).toBe('Liêm Cần');
    });

    it('keeps a quote typed inside a field, and names an unreadable CSV in Vietnamese with its line', async () => {
        const quoted = path.join(dir, 'ngoac-kep.csv');
        writeFileSync(quoted, 'xã;ngày đánh giá;rác thải;ghi chú\r\nLiêm Cần;26/11/2024;97,3;Báo cáo "số 12" ngày 5/11\r\n');
        const result = await runBatch({ inputs: [quoted], pack: PACK, outputDir: dir, report: 'none' });
        expect(result.tally.evaluated).toBe(1);
        const unclosed = path.join(dir, 'ngoac-mo.csv');
        writeFileSync(unclosed, 'xã;rác thải\r\n"Liêm Cần;97,3\r\n');
        await expect(runBatch({ inputs: [unclosed], pack: PACK, outputDir: dir, report: 'none' })).rejects.toThrow(
            /^Không đọc được tệp CSV «.*ngoac-mo\.csv»: dòng \d+: có dấu ngoặc kép " mở mà không đóng\./
        );
        const workbook = path.join(dir, 'bang.csv');
        writeFileSync(workbook, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
        await expect(runBatch({ inputs: [workbook], pack: PACK, outputDir: dir, report: 'none' })).rejects.toThrow(/là bảng tính \.xlsx mang tên \.csv/);
    });

    it('takes the separator the header line uses', () => {
        expect(guessDelimiter('xã;rác thải\r\nA;97,3')).toBe(';');
        expect(guessDelimiter('"xã, phường",rác thải\nA,"97,3"')).toBe(',');
        expect(guessDelimiter('xã\trác thải')).toBe('\t');
    });
});
