import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
        // The real-editor test needs code-server and runs on its own: `npm run test:editor`.
        exclude: [...configDefaults.exclude, 'packages/vscode-extension/test/real-editor/**'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        pool: 'forks',
        reporters: ['default', './vitest.summary-reporter.ts']
    }
});
