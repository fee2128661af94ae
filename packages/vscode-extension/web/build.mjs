// Builds the browser page (Monaco + the .ntm language server in a Web Worker) into a folder.
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Builds into `outdir` (default out/web); returns it. */
export async function buildWebPage(outdir = path.join(here, '../out/web')) {
    await mkdir(outdir, { recursive: true });
    const common = { bundle: true, platform: 'browser', target: 'es2022', logLevel: 'warning', outdir };
    await esbuild.build({
        ...common,
        entryPoints: { 'language-worker': path.join(here, 'language-worker.ts') },
        format: 'iife',
        // The Node entry of the server is reachable from @ntm/language/lsp but never started here.
        alias: { 'langium/node': path.join(here, 'node-stub.ts') }
    });
    await esbuild.build({
        ...common,
        entryPoints: {
            editor: path.join(here, 'editor.ts'),
            'editor.worker': createRequire(import.meta.url).resolve('monaco-editor/esm/vs/editor/editor.worker.js')
        },
        format: 'iife',
        loader: { '.ttf': 'file' }
    });
    await copyFile(path.join(here, 'index.html'), path.join(outdir, 'index.html'));
    // The extension's TextMate grammar and the Oniguruma engine that runs it.
    const grammar = path.join(here, '../syntaxes/ntm.tmLanguage.json');
    if (!existsSync(grammar)) await import('../scripts/generate-textmate.mjs');
    await copyFile(grammar, path.join(outdir, 'ntm.tmLanguage.json'));
    await copyFile(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'), path.join(outdir, 'onig.wasm'));
    return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    console.log(await buildWebPage(process.argv[2]));
}
