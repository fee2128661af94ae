import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/logic/command-ids.js';
import type { FakeEditor } from './helpers/fake-vscode.js';
import { createFakeVscode, fakeEditor } from './helpers/fake-vscode.js';

/**
 * Activates the bundled extension (out/extension/main.cjs, what the .vsix ships) in Node against a
 * recording fake of the `vscode` module, with the real bundled server or a server that crashes.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDir = path.resolve(here, '..');
const run = promisify(execFile);

let work: string;

beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'ntm-activate-'));
});

afterAll(() => {
    rmSync(work, { recursive: true, force: true });
});

/** A copy of the extension bundle whose `require('vscode')` returns `fake`. */
function installExtension(name: string, fake: unknown, server: (dir: string) => void): { extension: any; root: string } {
    const root = path.join(work, name);
    mkdirSync(path.join(root, 'out/extension'), { recursive: true });
    mkdirSync(path.join(root, 'out/language'), { recursive: true });
    copyFileSync(path.join(extensionDir, 'out/extension/main.cjs'), path.join(root, 'out/extension/main.cjs'));
    server(path.join(root, 'out/language'));
    mkdirSync(path.join(root, 'node_modules/vscode'), { recursive: true });
    const key = `__ntmFakeVscode_${name}`;
    (globalThis as Record<string, unknown>)[key] = fake;
    writeFileSync(path.join(root, 'node_modules/vscode/index.js'), `module.exports = globalThis[${JSON.stringify(key)}];\n`);
    return { extension: createRequire(path.join(root, 'index.js'))('./out/extension/main.cjs'), root };
}

function context(root: string) {
    return { subscriptions: [] as { dispose(): void }[], asAbsolutePath: (relative: string) => path.join(root, relative) };
}

describe('activating the bundled extension', () => {
    const repository = path.resolve(extensionDir, '../..');
    const workspace = mkdtempSync(path.join(tmpdir(), 'ntm-workspace-'));
    const sampleFile = path.join(workspace, 'examples/ha-nam/liem-can-2024.json');
    const sampleUri = pathToFileURL(sampleFile).toString();
    cpSync(path.join(repository, 'examples/ha-nam/liem-can-2024.json'), sampleFile);
    cpSync(path.join(repository, 'rulesets'), path.join(workspace, 'rulesets'), { recursive: true });
    const sampleText = readFileSync(sampleFile, 'utf8');
    const packFile = path.join(workspace, 'rulesets/ha-nam/ntm-nang-cao.ntm');
    const packUri = pathToFileURL(packFile).toString();
    const packText = readFileSync(packFile, 'utf8');
    const sampleEditor = fakeEditor(sampleUri, sampleText);
    const packEditor = fakeEditor(packUri, packText);
    const fake = createFakeVscode({ [sampleUri]: sampleText, [packUri]: packText }, [sampleEditor, packEditor]);
    let activated: { extension: any; root: string };
    let ctx: ReturnType<typeof context>;

    beforeAll(() => {
        activated = installExtension('healthy', fake.module, dir => {
            copyFileSync(path.join(extensionDir, 'out/language/main.cjs'), path.join(dir, 'main.cjs'));
            copyFileSync(path.join(extensionDir, 'out/language/sample-worker.cjs'), path.join(dir, 'sample-worker.cjs'));
            copyFileSync(path.join(extensionDir, 'out/language/ntm-runtime.mjs'), path.join(dir, 'ntm-runtime.mjs'));
        });
        ctx = context(activated.root);
        activated.extension.activate(ctx);
    });

    afterAll(async () => {
        await activated.extension.deactivate();
        ctx.subscriptions.forEach(s => s.dispose());
        rmSync(workspace, { recursive: true, force: true });
    });

    it('registers the lens commands and shows «Chạy kiểm thử» on a pack, «Đánh giá» on a sample', () => {
        expect([...fake.commands.keys()]).toEqual(expect.arrayContaining(Object.values(COMMANDS)));
        const [registration] = fake.codeLensProviders;
        expect(registration!.selector).toEqual([{ language: 'ntm' }, { language: 'json', pattern: '**/*.json' }]);
        const lens = (uri: string, languageId: string, text: string) =>
            registration!.provider.provideCodeLenses({ uri: { toString: () => uri }, languageId, getText: () => text });
        expect(lens('file:///bo.ntm', 'ntm', 'bộ tiêu chí x "X"\n').map(l => [l.range.start.line, l.command!.title, l.command!.command])).toEqual([
            [0, '▶ Chạy kiểm thử', COMMANDS.runPackSamples]
        ]);
        expect(lens(sampleUri, 'json', sampleText).map(l => [l.command!.title, l.command!.arguments])).toEqual([['▶ Đánh giá', undefined]]);
        expect(lens(sampleUri, 'json', '{ "name": "x" }')).toEqual([]);
    });

    it('fills the Test Explorer with each sample commune and its official verdicts', async () => {
        const [controller] = fake.controllers;
        expect(controller!.profiles.map(p => [p.label, p.supportsContinuousRun])).toEqual([['Chạy kiểm thử', true]]);
        await controller!.resolveHandler!();
        const item = controller!.items.get(sampleUri)!;
        expect(item.label).toBe('Xã Liêm Cần');
        const official = JSON.parse(sampleText)['kết quả chính thức'];
        const children: string[] = [];
        item.children.forEach(child => children.push(child.label));
        expect(children).toHaveLength(Object.keys(official['chỉ tiêu']).length + Object.keys(official['tiêu chí']).length + 1);
        expect(children).toEqual(expect.arrayContaining(['chỉ tiêu 17.5', 'tiêu chí 19', 'công nhận']));
    });

    it('runs the sample through the bundled server and reports a result on every verdict', async () => {
        const [controller] = fake.controllers;
        const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
        await controller!.profiles[0]!.runHandler({ include: undefined, exclude: [] }, token);
        const run = controller!.runs.at(-1)!;
        expect(run.ended).toBe(true);
        const finals = run.results.filter(r => r.state !== 'started');
        const sampleResult = finals.find(r => r.id === sampleUri);
        expect(['passed', 'failed'], JSON.stringify(sampleResult)).toContain(sampleResult?.state);
        const item = controller!.items.get(sampleUri)!;
        item.children.forEach(child => {
            expect(['passed', 'failed'], child.label).toContain(finals.find(r => r.id === child.id)?.state);
        });
        for (const failure of finals.filter(r => r.state === 'failed' && r.id !== sampleUri)) {
            expect(failure.message).toMatch(/chính thức «.+», máy «.+» — /);
        }
        expect(run.output.join('')).toContain('── xã Liêm Cần (liem-can-2024.json) ──');
        const ntm = fake.channels.find(c => c.name === 'NTM')!;
        expect(ntm.lines.filter(l => /Không khởi động được|dừng đột ngột/.test(l))).toEqual([]);
    });

    it('re-runs a continuous run when the pack is saved', async () => {
        const [controller] = fake.controllers;
        const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
        await controller!.profiles[0]!.runHandler({ include: undefined, exclude: [], continuous: true }, token);
        const runs = controller!.runs.length;
        fake.save(packUri);
        await until(() => (controller!.runs.length > runs && controller!.runs.at(-1)!.ended ? true : undefined));
        expect(controller!.runs.at(-1)!.results.some(r => r.id === sampleUri && r.state !== 'started')).toBe(true);
        token.isCancellationRequested = true;
        fake.save(packUri);
        await new Promise(r => setTimeout(r, 300));
        expect(controller!.runs.length).toBe(runs + 1);
    });

    it('«Đánh giá» writes the result to the NTM channel and puts the computed verdict beside each official one', async () => {
        const ntm = fake.channels.find(c => c.name === 'NTM')!;
        const before = ntm.lines.length;
        await fake.commands.get(COMMANDS.evaluateCommune)!(sampleUri);
        const written = ntm.lines.slice(before);
        expect(written).toContain('── xã Liêm Cần (liem-can-2024.json) ──');
        expect(written.some(l => /^Máy đánh giá: /.test(l))).toBe(true);
        const official = JSON.parse(sampleText)['kết quả chính thức'];
        const verdicts = Object.keys(official['chỉ tiêu']).length + Object.keys(official['tiêu chí']).length + 1;
        const shown = decorationTexts(sampleEditor);
        expect(shown).toHaveLength(verdicts);
        shown.forEach(text => expect(text).toMatch(/^[✓≈✗] máy: /));
    });

    it("«Chạy kiểm thử» on the pack puts each sample's verdict on the indicator lines", async () => {
        await fake.commands.get(COMMANDS.runPackSamples)!(packUri);
        const shown = decorationTexts(packEditor);
        expect(shown.length).toBeGreaterThan(50);
        shown.forEach(text => expect(text).toMatch(/^máy: /));
    });
});

function decorationTexts(editor: FakeEditor): string[] {
    return [...editor.decorations.values()].flat().map(d => d.renderOptions?.after?.contentText ?? '');
}

async function until<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
        const value = probe();
        if (value !== undefined) return value;
        if (Date.now() > end) throw new Error('timed out');
        await new Promise(r => setTimeout(r, 50));
    }
}

describe('a language server that crashes at start', () => {
    it('is restarted at most a few times, then reported once in Vietnamese in the NTM channel', async () => {
        const script = path.join(work, 'crashing-server.mjs');
        await esbuild.build({
            entryPoints: [path.join(here, 'scenarios/crashing-server.ts')],
            bundle: true,
            platform: 'node',
            format: 'esm',
            target: 'node20',
            outfile: script,
            logLevel: 'warning',
            banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" }
        });
        const root = path.join(work, 'crashing');
        const { stdout } = await run(process.execPath, ['--unhandled-rejections=warn', script, path.join(extensionDir, 'out/extension/main.cjs'), root]);
        const seen = JSON.parse(stdout);
        expect(seen.beforeRequest).toEqual([expect.stringMatching(/^Không khởi động được máy chủ ngôn ngữ NTM: máy chủ dừng ngay khi vừa khởi động\. /)]);
        // One pop-up, the same message; none of the client library's own (English) ones.
        expect(seen.notificationsBeforeRequest).toEqual(seen.beforeRequest);
        expect(seen.starts).toBeGreaterThanOrEqual(1);
        expect(seen.starts).toBeLessThanOrEqual(4);
        // A later request gets one clear message, not a hang.
        expect(seen.afterRequest).toContain('Máy chủ ngôn ngữ NTM không chạy nên không chạy được kiểm thử. Xem kênh «NTM» trong bảng Output.');
    });
});
