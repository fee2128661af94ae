import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Only the real-editor test, run by `run.mjs` (`npm run test:editor`) once code-server is up; the root
 * config leaves this folder out of `npm test`. One file, its steps in order on one workbench page, with
 * timeouts for a loaded 2-core machine.
 */
export default defineConfig({
    test: {
        root: path.resolve(here, '../../../..'),
        include: ['packages/vscode-extension/test/real-editor/**/*.test.ts'],
        testTimeout: 300_000,
        hookTimeout: 300_000,
        pool: 'forks',
        fileParallelism: false,
        reporters: ['default', 'json']
    }
});
