// Bundles the extension client and the language server into CommonJS files for VS Code.
import * as esbuild from 'esbuild';

const minify = process.argv.includes('--minify');
await esbuild.build({
    entryPoints: { 'extension/main': 'src/extension/main.ts', 'language/main': 'src/language/main.ts' },
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
    sourcemap: !minify,
    minify,
    logLevel: 'warning'
});
