// Resource files of resources/evaluation/: a pack with its expected verdicts written beside each indicator or
// criterion (`// $TEST$ verdict "đạt"` over the marked label), evaluated with the facts of the `.json` file of the same
// name ({ "ngày đánh giá", "dữ kiện", "danh sách" }). Every error and warning of the pack must be expected too.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '@ntm/runtime';
import { createResourceTests, resourceTestFailures } from '../helpers/resource-tests.js';
import type { ResourceTest } from '../helpers/resource-tests.js';
import { ModuleLoader, generateModule } from './generated-module.js';

interface ResourceFacts {
    readonly 'ngày đánh giá': string;
    readonly 'dữ kiện'?: Record<string, unknown>;
    readonly 'danh sách'?: Record<string, string[]>;
}

const loader = new ModuleLoader();
afterAll(() => loader.dispose());

async function evaluateResource(test: ResourceTest): Promise<EvaluationResult> {
    const factsFile = test.file.replace(/\.ntm$/, '.json');
    if (!existsSync(factsFile)) throw new Error(`${path.basename(factsFile)} is missing: the facts to evaluate ${path.basename(test.file)} with`);
    const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as ResourceFacts;
    const module = await loader.load(await generateModule(test.resource!.text, path.basename(test.file, '.ntm')));
    return module.evaluate(facts['dữ kiện'] ?? {}, { ngàyĐánhGiá: facts['ngày đánh giá'], ...(facts['danh sách'] ? { danhSách: facts['danh sách'] } : {}) });
}

/** Every verdict or flag expectation the result does not meet, in words. */
function verdictFailures(test: ResourceTest, result: EvaluationResult): string[] {
    const failures: string[] = [];
    for (const expectation of test.expectations ?? []) {
        if (expectation.kind !== 'verdict' && expectation.kind !== 'flag') continue;
        const label = test.resource!.text.slice(expectation.range.start, expectation.range.end).trim();
        // The label of an indicator, or of a criterion (`tiêu chí »20«`) for what a pass mark decides.
        const indicator =
            result.indicators.find(i => i.label === label) ??
            result.criteria.map(c => ({ ...c, explanation: c.explanation ?? [] })).find(c => c.label === label);
        if (!indicator) {
            failures.push(`Line ${expectation.line}: no indicator or criterion «${label}» in the result`);
        } else if (expectation.kind === 'verdict' && indicator.verdict !== expectation.verdict) {
            failures.push(
                `Line ${expectation.line}: ${label} is «${indicator.verdict}», expected «${expectation.verdict}» — ${indicator.explanation.join(' ')}`
            );
        } else if (expectation.kind === 'flag' && indicator.flags.includes(expectation.flag as never) === expectation.absent) {
            failures.push(
                `Line ${expectation.line}: ${label} ${expectation.absent ? 'carries' : 'lacks'} flag ${expectation.flag} (flags: ${indicator.flags.join(', ') || 'none'})`
            );
        }
    }
    return failures;
}

describe('evaluation resources', () => {
    const tests = createResourceTests('evaluation');
    it('has resource files', () => {
        expect(tests.length).toBeGreaterThan(0);
    });
    it.each(tests)('$testName', async test => {
        if (test.error) throw test.error;
        expect(
            test.expectations?.some(e => e.kind === 'verdict'),
            'an evaluation resource expects verdicts'
        ).toBe(true);
        expect(await resourceTestFailures(test)).toEqual([]);
        expect(verdictFailures(test, await evaluateResource(test))).toEqual([]);
    });
});
