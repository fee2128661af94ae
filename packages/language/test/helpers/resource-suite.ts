import { describe, expect, it } from 'vitest';
import type { ResourceTest } from './resource-tests.js';
import { resourceTestFailures } from './resource-tests.js';

/**
 * One vitest test per resource file; unreadable ones fail as INVALID TEST FILE. A `skip-` file records a known
 * bug: it runs as `it.fails`, so it goes red once the bug is fixed and the prefix should be dropped.
 */
export function describeResourceTests(title: string, tests: readonly ResourceTest[]): void {
    describe(title, () => {
        it('has resource files', () => {
            expect(tests.length).toBeGreaterThan(0);
        });
        const active = tests.filter(test => !test.skip);
        const skipped = tests.filter(test => test.skip);
        if (active.length > 0) {
            it.each(active)('$testName', async test => {
                if (test.error) {
                    throw test.error;
                }
                expect(await resourceTestFailures(test)).toEqual([]);
            });
        }
        if (skipped.length > 0) {
            it.fails.each(skipped)('$testName (known bug)', async test => {
                if (test.error) {
                    return; // an unreadable file must not pass as a known failure
                }
                expect(await resourceTestFailures(test)).toEqual([]);
            });
        }
    });
}
