// Text pasted from Word or a PDF is read as the analyst meant: a pack with capitalised keywords at line start,
// curly quotes and non-breaking spaces, and a commune file saved in NFD with a non-breaking space in its keys.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, tempDir } from './helpers/run-ntm.js';

const pack = path.join(resources, 'pasted', 'dan-tu-word.ntm');
const commune = path.join(resources, 'pasted', 'xa-nfd.json');

describe('ntm eval: text pasted from Word', () => {
    it('evaluates a pasted pack and an NFD commune file as if they were typed', async () => {
        const out = await ntm('eval', pack, commune, '--json');
        expect(out.code, out.stdout + out.stderr).toBe(0);
        const { result } = JSON.parse(out.stdout);
        expect(result.assessedAt).toBe('2024-11-26');
        expect(result.indicators.map((i: { label: string; verdict: string }) => [i.label, i.verdict])).toEqual([['17.3', 'đạt']]);
        expect(result.pack.title).toBe('Bộ tiêu chí dán từ Word');
    });

    it('names the curly quote of a commune file written in Word, with line and column, and exits 1', async () => {
        const file = path.join(tempDir(), 'xa.json');
        writeFileSync(file, '{\n  "xã": “Thử”,\n  "ngày đánh giá": "2024-11-26",\n  "dữ kiện": {}\n}\n');
        const out = await ntm('eval', pack, file);
        expect(out.code).toBe(1);
        expect(out.stdout + out.stderr).toContain('xa.json:2:9 lỗi (tệp): JSON không hợp lệ: dấu ngoặc kép cong «“» (chép từ Word)');
    });
});
