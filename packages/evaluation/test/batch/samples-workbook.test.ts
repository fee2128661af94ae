// The three bundled samples exported to a workbook, read back and evaluated give the verdicts of their
// JSON files: the workbook carries breakdowns, years, villages and schools, bounds, units and scores, and
// each village's own facts for a pack that counts villages by a village-level pack.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spreadsheetInput, writeInputTemplate } from '@ntm/evaluation/batch';
import { evaluateCommuneAt } from '@ntm/evaluation/node';
import { REPO, tempFolder } from '../helpers.js';
import { readXlsx } from './workbooks.js';

const SAMPLES = [
    ['rulesets/ha-nam/ntm-nang-cao.ntm', 'examples/ha-nam/liem-can-2024.json'],
    ['rulesets/ha-noi/kieu-mau.ntm', 'examples/ha-noi/lien-ninh-2023.json'],
    ['rulesets/lang-son/1494-xa-ntm.ntm', 'examples/lang-son/lien-hoi-2023.json'],
    // Villages counted by a village-level pack: «các thôn» goes through the sheet «Các thôn».
    ['examples/thu/xa-kieu-mau-thu.ntm', 'examples/thu/xa-bay-thon.json']
] as const;

describe('bundled samples through a workbook', () => {
    const dir = tempFolder('ntm-batch-samples-');

    it.each(SAMPLES)(
        '%s: %s gives the same verdicts from the workbook',
        async (pack, sample) => {
            const workbookFile = path.join(dir, `${path.basename(sample, '.json')}.xlsx`);
            const written = await writeInputTemplate(path.join(REPO, pack), workbookFile, [path.join(REPO, sample)]);
            expect(written.communes).toBe(1);
            const workbook = await readXlsx(workbookFile);
            expect(workbook.worksheets.map(s => s.name).slice(0, 2)).toEqual(['Hướng dẫn', 'Xã']);

            const direct = await evaluateCommuneAt(path.join(REPO, sample));
            expect(direct.result).toBeDefined();
            const input = await spreadsheetInput(workbookFile, path.join(REPO, pack));
            expect(input.problems).toEqual([]);
            const outcomes = [];
            for await (const outcome of input.communes()) outcomes.push(outcome);
            expect(outcomes).toHaveLength(1);
            const result = outcomes[0]!.result;
            expect(outcomes[0]!.problems.filter(p => p.severity === 'error')).toEqual([]);
            expect(result).toBeDefined();
            const verdicts = (r: NonNullable<typeof result>) => ({
                indicators: r.indicators.map(i => [i.label, i.verdict, i.flags]),
                criteria: r.criteria.map(c => [c.label, c.verdict]),
                gates: r.gates.map(g => [g.text, g.verdict]),
                recognition: r.summary.recognition,
                points: r.summary.points
            });
            expect(verdicts(result!)).toEqual(verdicts(direct.result!));
        },
        120_000
    );
});
