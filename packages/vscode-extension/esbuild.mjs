// Bundles the extension client and the language server into self-contained CommonJS files for VS Code:
// the .vsix ships these two files and no node_modules.
import * as esbuild from 'esbuild';

/**
 * The language server's entries: `out/language/main.cjs` is what the client starts with `--stdio`; it runs
 * sample communes in `out/language/sample-worker.cjs`, beside it.
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
