import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
        // The real-editor test needs code-server and runs on its own: `npm run test:editor`.
        exclude: [...configDefaults.exclude, 'packages/vscode-extension/test/real-editor/**'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        pool: 'forks',
        // Compiled packs are cached on disk by content (evaluation's evaluator-cache.ts): tests, and the `ntm`
        // processes they start, keep theirs in the temp folder rather than the user's cache.
        env: { NTM_CACHE_DIR: path.join(tmpdir(), 'ntm-test-cache') },
        reporters: ['default', './vitest.summary-reporter.ts']
    }
});
