// Outputs are written atomically: a run that fails before its end (here: the PDF printer dies) leaves
// the previous workbook and report exactly as they were, and no temporary file.
import { chmodSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '@ntm/evaluation/batch';
import { RESOURCES, tempFolder } from '../helpers.js';
import { writeXlsx } from './workbooks.js';

const PACK = path.join(RESOURCES, 'batch/xa-thu.ntm');

describe('atomic outputs', () => {
    const dir = tempFolder('ntm-batch-atomic-');

    it('keeps the old files when a run fails while writing', async () => {
        const input = path.join(dir, 'dot.xlsx');
        await writeXlsx(input, {
            Xã: [
                ['xã', 'ngày đánh giá', 'rác thải'],
                ['Một', '26/11/2024', 95]
            ]
        });
        await runBatch({ inputs: [input], pack: PACK, outputDir: dir });
        const before = readFileSync(path.join(dir, 'dot-ket-qua.xlsx'));
        const html = readFileSync(path.join(dir, 'dot-bao-cao.html'), 'utf8');

        await writeXlsx(input, {
            Xã: [
                ['xã', 'ngày đánh giá', 'rác thải'],
                ['Một', '26/11/2024', 80],
                ['Hai', '26/11/2024', 99]
            ]
        });
        const broken = path.join(dir, 'chromium-hong.sh');
        writeFileSync(broken, '#!/bin/sh\necho "chromium crashed" >&2\nexit 3\n');
        chmodSync(broken, 0o755);
        process.env['NTM_CHROMIUM'] = broken;
        try {
            await expect(runBatch({ inputs: [input], pack: PACK, outputDir: dir, pdf: true })).rejects.toThrow();
        } finally {
            delete process.env['NTM_CHROMIUM'];
        }
        expect(readFileSync(path.join(dir, 'dot-ket-qua.xlsx')).equals(before)).toBe(true);
        expect(readFileSync(path.join(dir, 'dot-bao-cao.html'), 'utf8')).toBe(html);
        expect(readdirSync(dir).filter(f => f.startsWith('.') || f.endsWith('.tmp') || f.endsWith('.pdf'))).toEqual([]);
    }, 60_000);
});
