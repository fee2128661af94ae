// Builds the playground into one static folder (default: dist/playground at the repository root): the page,
// Monaco, the language server and the evaluator in Web Workers, @ntm/runtime for the generated modules, the
// bundled packs and sample communes (files.js) and the fonts. Serve the folder with serve.mjs.
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { AstUtils, GrammarAST } from 'langium';
import { createNtmCoreServices, languageKeywords } from '@ntm/language';

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '../..');
const require = createRequire(import.meta.url);

/** The repository's files under `folder` ending with `extension`, by path from the repository root. */
function filesUnder(folder, extension) {
    return readdirSync(path.join(repository, folder), { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith(extension))
        .sort()
        .map(name => {
            const relative = `${folder}/${name.split(path.sep).join('/')}`;
            return { path: relative, text: readFileSync(path.join(repository, relative), 'utf8') };
        });
}

/** The grammar's keywords, and those the grammar also takes as words of a name (rule `Word`), left plain. */
function keywordLists() {
    const grammar = createNtmCoreServices().Ntm.Grammar;
    const word = grammar.rules.find(rule => rule.name === 'Word');
    const softKeywords = word
        ? AstUtils.streamAllContents(word)
              .filter(GrammarAST.isKeyword)
              .map(k => k.value)
              .toArray()
        : [];
    return { keywords: languageKeywords(grammar), softKeywords };
}

/** Builds into `outdir`; returns it. */
export async function buildPlayground(outdir = path.join(repository, 'dist/playground')) {
    await rm(outdir, { recursive: true, force: true });
    await mkdir(outdir, { recursive: true });
    const common = { bundle: true, minify: true, platform: 'browser', target: 'es2022', format: 'iife', charset: 'utf8', logLevel: 'warning', outdir };
    // The Node entry of the server is reachable from @ntm/language/lsp but never started here; jsonc-parser's
    // UMD build hides its modules from the bundler.
    const alias = { 'langium/node': path.join(here, 'web/node-stub.ts'), 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };
    await esbuild.build({
        ...common,
        alias,
        entryPoints: { 'language-worker': path.join(here, 'web/language-worker.ts'), 'evaluation-worker': path.join(here, 'web/evaluation-worker.ts') }
    });
    await esbuild.build({
        ...common,
        entryPoints: { main: path.join(here, 'web/main.ts'), 'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js') },
        loader: { '.ttf': 'file' }
    });
    await esbuild.build({
        ...common,
        entryPoints: { style: path.join(here, 'web/style.css') },
        loader: { '.woff2': 'file', '.woff': 'file' },
        assetNames: 'fonts/[name]'
    });
    // What generated modules import (`from '@ntm/runtime'`, linked to this file's URL by the evaluation worker).
    await esbuild.build({ ...common, format: 'esm', entryPoints: { 'ntm-runtime': '@ntm/runtime' } });
    const files = { packs: filesUnder('rulesets', '.ntm'), communes: filesUnder('examples', '.json'), ...keywordLists() };
    await writeFile(path.join(outdir, 'files.js'), `globalThis.NTM_FILES = ${JSON.stringify(files)};\n`);
    await copyFile(path.join(here, 'web/index.html'), path.join(outdir, 'index.html'));
    return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const outdir = await buildPlayground(process.argv[2] && path.resolve(process.argv[2]));
    // npm runs this script in its package's folder; INIT_CWD is where the analyst typed the command.
    const shown = path.relative(process.env.INIT_CWD ?? process.cwd(), outdir) || '.';
    console.log(`Đã dựng trang thử vào ${shown}. Mở bằng: ${process.argv[2] ? `node packages/playground/serve.mjs ${shown}` : 'npm run playground:serve'}`);
}
