// The pack a provincial decision builds on the national one: verdicts go where each indicator is written,
// found from the syntax tree — the province's `thay chỉ tiêu …` lines, the national pack for the rest.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSamples } from '@ntm/evaluation/node';
import { packDecorations } from '../../src/logic/decorations.js';
import { normalizeUri } from '../../src/logic/uris.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const LANG_SON = path.join(ROOT, 'rulesets/lang-son/1494-xa-ntm.ntm');
const NATIONAL = path.join(ROOT, 'rulesets/quoc-gia/318-xa-ntm.ntm');
const LIEN_HOI = path.join(ROOT, 'examples/lang-son/lien-hoi-2023.json');

describe('verdict decorations on the Lạng Sơn pack (Liên Hội 2023)', () => {
    it('decorates every indicator the official results cover, replaced ones on their `thay chỉ tiêu` line', async () => {
        const result = await runSamples({ communeUri: pathToFileURL(LIEN_HOI).toString(), packUri: pathToFileURL(LANG_SON).toString() });
        expect(result.samples[0]!.ran).toBe(true);
        const decorations = packDecorations(result);
        const official = Object.keys(
            (JSON.parse(readFileSync(LIEN_HOI, 'utf8')) as { 'kết quả chính thức': { 'chỉ tiêu': Record<string, string> } })['kết quả chính thức']['chỉ tiêu']
        );
        const langSonLines = readFileSync(LANG_SON, 'utf8').split('\n');
        const replacedAt = new Map(
            langSonLines.flatMap((line, index) => {
                const match = /^thay chỉ tiêu (\S+) /u.exec(line);
                return match ? [[match[1]!, index] as const] : [];
            })
        );
        const covered = official.filter(label => replacedAt.has(label));
        expect(covered.length).toBe(13); // of the 15 replaced indicators, 6.3 and 8.4 have no official verdict
        const onLangSon = decorations.get(normalizeUri(pathToFileURL(LANG_SON).toString())) ?? [];
        const onNational = decorations.get(normalizeUri(pathToFileURL(NATIONAL).toString())) ?? [];
        for (const label of covered) {
            expect(
                onLangSon.some(d => d.line === replacedAt.get(label)),
                `chỉ tiêu ${label}`
            ).toBe(true);
        }
        const checks = result.samples[0]!.checks.filter(c => c.level === 'indicator');
        expect(checks.map(c => c.label).sort()).toEqual([...official].sort());
        for (const check of checks) {
            expect(check.location, `chỉ tiêu ${check.label}`).toBeDefined();
            const where = replacedAt.has(check.label) ? onLangSon : onNational;
            expect(
                where.some(d => d.line === check.location!.range.start.line),
                `chỉ tiêu ${check.label}`
            ).toBe(true);
        }
    });
});
