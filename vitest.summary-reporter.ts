import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends a run with one plain line, `N passed, M failed`, that any CI log reader understands.
 */
export default class SummaryReporter implements Reporter {
    onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
        let passed = 0;
        let failed = 0;
        let skipped = 0;
        for (const module of testModules) {
            for (const test of module.children.allTests()) {
                const state = test.result().state;
                if (state === 'passed') passed++;
                else if (state === 'failed') failed++;
                else skipped++;
            }
            if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
        }
        const line = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
        // Printed at exit so that it is the very last line, after vitest's own summary.
        process.once('exit', () => process.stdout.write(`\n${line}\n`));
    }
}
