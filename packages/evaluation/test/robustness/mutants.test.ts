// The seeded mutation suite: real packs, damaged in many small ways, through `ntm check`'s path and, when a
// mutant still has no error, through its generated module. See README.md here for the big run and seeds.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, readCorpus, withoutTestMarkers } from './corpus.js';
import type { Finding, Tally } from './findings.js';
import { INTERNAL_VALUE, count, emptyTally, findingsOf, internalValuesIn } from './findings.js';
import { runMutants } from './mutant-pool.js';
import type { Mutant } from './mutations.js';
import { createMutator, vocabularyOf } from './mutations.js';

const setting = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not ${process.env[name]}`);
    return value;
};
/** `npm test` runs a small set; `npm run test:mutants` runs 10,000. */
const MUTANTS = setting('NTM_MUTANTS', 200);
const FIRST_SEED = setting('NTM_MUTANTS_SEED', 1);
const WORKERS = Math.max(1, setting('NTM_MUTANTS_WORKERS', 1));
const TIMEOUT_MS = setting('NTM_MUTANTS_TIMEOUT_MS', 5000);

/** `NTM_MUTANTS_SEEDS=727,4830` runs exactly those seeds (to reproduce findings); otherwise a range of seeds. */
const SEEDS: readonly number[] = process.env.NTM_MUTANTS_SEEDS
    ? process.env.NTM_MUTANTS_SEEDS.split(',').map(Number).filter(Number.isInteger)
    : Array.from({ length: MUTANTS }, (_, i) => FIRST_SEED + i);

const corpus = readCorpus();
const mutator = createMutator(corpus);

describe('the mutator', () => {
    it('reads the real packs', () => {
        expect(corpus.length).toBeGreaterThan(60);
        expect(corpus.map(p => p.file)).toEqual(expect.arrayContaining(['rulesets/quoc-gia/318-xa-ntm.ntm', 'docs/examples/11-tinh-dua-tren.ntm']));
    });

    it('gives the same mutant for the same seed, and another for another seed', () => {
        expect(mutator.mutant(42)).toEqual(mutator.mutant(42));
        expect(mutator.mutant(42).text).not.toBe(mutator.mutant(43).text);
        expect(mutator.mutant(42).steps.length).toBeGreaterThan(0);
    });

    it('never inserts a word the suite looks for, and counts such a word only when the pack does not contain it', () => {
        expect(vocabularyOf(corpus).filter(word => INTERNAL_VALUE.test(word))).toEqual([]);
        expect(internalValuesIn('Số năm (đang ghi undefined).', 'mỗi năm trong năm { … }')).toEqual(['undefined']);
        expect(internalValuesIn('Dữ kiện «null hộ» không được dùng.', 'dữ kiện null hộ: đếm hộ')).toEqual([]);
    });

    it('takes the range markers out of test resources, but not out of strings and comments', () => {
        expect(withoutTestMarkers('// $TEST$ error "x"\n  chỉ tiêu 1.1 »a« >= "»b«" // »c«\n')).toBe('// $TEST$ error "x"\n  chỉ tiêu 1.1 a >= "»b«" // »c«\n');
    });
});

describe('seeded mutants of the real packs', () => {
    it(
        `${SEEDS.length} mutants from seed ${SEEDS[0]}: no crash, no hang, no internal value in a message, no module that throws`,
        async () => {
            expect(existsSync(path.join(REPO, 'packages/evaluation/out/node/index.js')), 'run `npm run build` first: the workers load the built packages').toBe(
                true
            );
            const tally = emptyTally();
            const findings: Finding[] = [];
            const failed = new Map<number, Mutant>();
            let index = 0;
            const next = () => (index < SEEDS.length ? mutator.mutant(SEEDS[index++]!) : undefined);
            const warmUp = corpus.filter(pack => pack.file.startsWith('rulesets/')).map(pack => path.join(REPO, pack.file));
            const options = { workers: WORKERS, timeoutMs: TIMEOUT_MS, recycleAfter: 500, forbidden: INTERNAL_VALUE.source, warmUp };
            await runMutants(next, options, (mutant, outcome) => {
                const found = findingsOf(mutant, outcome, TIMEOUT_MS);
                count(tally, outcome, found);
                findings.push(...found);
                if (tally.mutants % 1000 === 0) console.log(`${summary(tally)} (${Math.round(performance.now() / 1000)} s)`);
                if (found.length > 0) failed.set(mutant.seed, mutant);
            });
            console.log(summary(tally));
            // Every finding, one line each, so that a long run leaves a complete record in its log.
            for (const finding of findings) console.log(describeFinding(finding, failed.get(finding.seed)!));
            if (process.env.NTM_MUTANTS_SHOW) {
                for (const mutant of failed.values()) console.log(`--- seed ${mutant.seed}: ${mutant.source.file}\n${mutant.steps.join('\n')}\n${mutant.text}`);
            }
            expect(tally.mutants).toBe(SEEDS.length);
            expect(
                findings.map(f => `seed ${f.seed}: ${f.kind}: ${f.detail.slice(0, 200)}`),
                reproduce(failed)
            ).toEqual([]);
        },
        120_000 + SEEDS.length * 3_000
    );
});

function summary(tally: Tally): string {
    return (
        `${tally.mutants} mutants (${tally.withoutErrors} without errors): ${tally.crashes} crashes, ${tally.hangs} hangs, ` +
        `${tally.messages} messages with an internal value (in ${tally.mutantsWithMessages} mutants), ${tally.modulesThrew} modules threw, ` +
        `${tally.strangeResults} results with an internal value; slowest ${tally.slowestMs} ms`
    );
}

function describeFinding(finding: Finding, mutant: Mutant): string {
    return `seed ${finding.seed} (${mutant.source.file}; ${mutant.steps.join('; ')}): ${finding.kind}: ${finding.detail}`;
}

function reproduce(failed: ReadonlyMap<number, Mutant>): string {
    return `reproduce: NTM_MUTANTS_SEEDS=${[...failed.keys()].slice(0, 20).join(',')} NTM_MUTANTS_SHOW=1 npx vitest run packages/evaluation/test/robustness`;
}
