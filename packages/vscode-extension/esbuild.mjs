// Bundles the extension client and the language server into self-contained CommonJS files for VS Code:
// the .vsix ships these two files and no node_modules.
import * as esbuild from 'esbuild';

/**
 * The language server's entries: `out/language/main.cjs` is what the client starts with `--stdio`; it runs
 * sample communes in `out/language/sample-worker.cjs`, beside it, which loads evaluators that import
 * `out/language/ntm-runtime.mjs`.
 */
const SERVER = { 'language/main': 'src/language/main.ts', 'language/sample-worker': 'src/language/sample-worker.ts' };

const minify = process.argv.includes('--minify');
await esbuild.build({
    entryPoints: { 'extension/main': 'src/extension/main.ts', ...SERVER },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    // Langium is ESM; `import.meta.url` has no meaning in a CJS bundle.
    define: { 'import.meta.url': '__ntm_import_meta_url' },
    banner: { js: "const __ntm_import_meta_url = require('url').pathToFileURL(__filename).href;" },
    // jsonc-parser's UMD build hides its modules from the bundler; take its ESM build.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    sourcemap: !minify,
    minify,
    logLevel: 'warning'
});

// The runtime that generated evaluators import, as one ES module beside the worker: a test run loads each
// pack's module from a `data:` URL, which imports it from there (evaluation's `runtimeUrl`).
await esbuild.build({
    entryPoints: { 'language/ntm-runtime': '@ntm/runtime' },
    outdir: 'out',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'node20',
    charset: 'utf8',
    minify,
    logLevel: 'warning'
});
