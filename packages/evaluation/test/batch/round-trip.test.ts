// Commune files → template workbook → batch reader gives back the same facts, for every form a commune file
// may give a fact in (tep-xa.md mục 4): numbers as numbers or as text with their decimals, units, every kind
// of bound, breakdown parts and their «tổng», years, villages and schools, yes/no, levels, dates. The facts
// are compared as the one reader of facts reads them (exact values, decimals, bounds), for the three
// bundled samples and, on each of their packs, for communes that give every fact in every form.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '@ntm/language';
import { readFacts } from '@ntm/runtime';
import type { FactTable } from '@ntm/runtime';
import { sheetCommuneRows } from '@ntm/evaluation';
import type { CommuneData } from '@ntm/evaluation';
import { readSpreadsheet, writeInputTemplate } from '@ntm/evaluation/batch';
import { evaluatorFor, readCommuneFile } from '@ntm/evaluation/node';
import { REPO, tempFolder } from '../helpers.js';

const SAMPLES = [
    ['rulesets/ha-nam/ntm-nang-cao.ntm', 'examples/ha-nam/liem-can-2024.json'],
    ['rulesets/ha-noi/kieu-mau.ntm', 'examples/ha-noi/lien-ninh-2023.json'],
    ['rulesets/lang-son/1494-xa-ntm.ntm', 'examples/lang-son/lien-hoi-2023.json']
] as const;

/** Every form a number may take in a commune file (counts: whole numbers only). */
function numberForms(spec: FactSpec): unknown[] {
    const whole = spec.kind === 'count' || spec.kind === 'year';
    const forms: unknown[] = whole
        ? [
              12,
              '2751',
              '1.278.435',
              0,
              123456789012345,
              { trên: 3 },
              { dưới: 5 },
              { từ: 80, đến: 110 },
              { 'ít nhất': 4 },
              { 'nhiều nhất': 70 },
              { trên: 1, dưới: 9 },
              { trên: 1, đến: 9 },
              { từ: 1, dưới: 9 },
              { 'ít nhất': 2, 'nhiều nhất': 8 },
              { từ: '1.000.000', đến: '2.000.000' }
          ]
        : [
              12,
              '86,0',
              '0,97',
              97.3,
              0.000015,
              '72,403',
              '2,50',
              0,
              '99,999999999999',
              { trên: 90.72 },
              { dưới: '0,5' },
              { từ: 80, đến: 110 },
              { 'ít nhất': 4 },
              { 'nhiều nhất': '70,25' },
              { trên: 1.5, dưới: 9 },
              { trên: 1, đến: '9,75' },
              { từ: '0,1', dưới: 9 },
              { 'ít nhất': 2, 'nhiều nhất': 8 }
          ];
    if (spec.unit !== '') {
        forms.push({ 'giá trị': whole ? 7 : '72,403', 'đơn vị': spec.unit }, { 'giá trị': { trên: whole ? 6 : '38,6' }, 'đơn vị': spec.unit });
    }
    return forms;
}

function scalarForms(spec: FactSpec): unknown[] {
    switch (spec.kind) {
        case 'boolean':
            return [true, false, 'có', 'không'];
        case 'level':
            return [...(spec.levels ?? [])];
        case 'date':
            return ['2024-11-26', '01/02/2023'];
        default:
            return numberForms(spec);
    }
}

const VILLAGES = ['Thọ Am', 'Nội Am', 'Đồng Mạ'];

/** Commune `k`'s value for `spec`: forms taken in turn, so that across the communes each fact takes each form. */
function factValue(spec: FactSpec, k: number): unknown {
    const forms = scalarForms(spec);
    const at = (i: number) => forms[(k + i) % forms.length];
    if (spec.index === 'năm') return { '2022': at(0), '2023': at(1), '2024': at(2) };
    if (spec.index !== undefined) return Object.fromEntries(VILLAGES.map((v, i) => [v, at(i)]));
    if (spec.members) {
        const members = Object.fromEntries(spec.members.map((m, i) => [m, at(i + 1)]));
        // In turn: the parts with their «tổng», the parts alone, the total alone as a plain value.
        return [{ ...members, tổng: at(0) }, members, at(0)][k % 3];
    }
    return at(0);
}

function everyFormCommunes(specs: readonly FactSpec[]): CommuneData[] {
    const used = specs.filter(spec => !spec.unused);
    const rounds = Math.max(...used.map(spec => scalarForms(spec).length)) + 2;
    const collections = [...new Set(used.flatMap(s => (s.index && s.index !== 'năm' ? [s.index] : [])))];
    return Array.from(
        { length: rounds },
        (_, k) =>
            ({
                xã: `Xã ${k + 1}`,
                'ngày đánh giá': '26/11/2024',
                ...(collections.length > 0 ? { 'danh sách': Object.fromEntries(collections.map(c => [c, VILLAGES])) } : {}),
                'dữ kiện': Object.fromEntries(used.map(spec => [spec.name, factValue(spec, k)]))
            }) as unknown as CommuneData
    );
}

/** A fact table as plain data, for comparison: each fact's total, parts and indexed values. */
function plain(table: FactTable): unknown {
    const map = (m: ReadonlyMap<string, unknown> | undefined) => (m ? Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b))) : undefined);
    return {
        facts: Object.fromEntries(
            [...table.raw.entries()]
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([name, raw]) => [name, { total: raw.total, members: map(raw.members), indexed: map(raw.indexed) }])
        ),
        collections: map(table.collections)
    };
}

/**
 * A problem of how a value is written. The values are taken in turn, not made to add up: a breakdown's parts
 * may disagree with its «tổng», a warning about the figures (checked in fact-input.test.ts), not their form.
 */
function aboutForms(issue: { readonly code?: string }): boolean {
    return issue.code !== 'parts-total-mismatch';
}

/** Writes the communes into the pack's template, reads the workbook back: each commune's facts, before and after. */
async function roundTrip(
    pack: string,
    communes: readonly CommuneData[],
    dir: string,
    name: string
): Promise<{ before: unknown[]; after: unknown[]; problems: unknown[] }> {
    const { evaluator } = await evaluatorFor(path.join(REPO, pack));
    const specs = evaluator!.FACT_SPECS;
    const files = communes.map((data, i) => {
        const file = path.join(dir, `${name}-${String(i).padStart(3, '0')}.json`);
        writeFileSync(file, JSON.stringify(data));
        return file;
    });
    const workbook = path.join(dir, `${name}.xlsx`);
    const written = await writeInputTemplate(path.join(REPO, pack), workbook, files);
    expect(written.issues.filter(aboutForms)).toEqual([]);
    expect(written.communes).toBe(communes.length);
    const rows = sheetCommuneRows(await readSpreadsheet(workbook), specs);
    const read = [...rows.rows()];
    const problems = [...rows.problems, ...read.flatMap(row => row.problems)];
    const factsOf = (data: CommuneData | undefined) => {
        const table = readFacts(data?.['dữ kiện'], specs, data?.['danh sách']);
        expect(table.issues.filter(aboutForms)).toEqual([]);
        return plain(table);
    };
    return { before: communes.map(factsOf), after: read.map(row => factsOf(row.data)), problems };
}

describe('commune files through the template workbook and back', () => {
    const dir = tempFolder('ntm-batch-round-trip-');

    it.each(SAMPLES)(
        '%s: %s keeps every fact',
        async (pack, sample) => {
            const commune = await readCommuneFile(path.join(REPO, sample));
            const { before, after, problems } = await roundTrip(pack, [commune.data!], dir, path.basename(sample, '.json'));
            expect(problems).toEqual([]);
            expect(after).toEqual(before);
        },
        120_000
    );

    it.each(SAMPLES.map(([pack]) => pack))(
        '%s: every fact in every form a commune file allows',
        async pack => {
            const { evaluator } = await evaluatorFor(path.join(REPO, pack));
            const communes = everyFormCommunes(evaluator!.FACT_SPECS);
            const { before, after, problems } = await roundTrip(pack, communes, dir, path.basename(pack, '.ntm'));
            expect(problems).toEqual([]);
            expect(after).toHaveLength(communes.length);
            expect(after).toEqual(before);
        },
        120_000
    );
});
