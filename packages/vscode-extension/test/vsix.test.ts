import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/logic/command-ids.js';
import { isRunSamplesResult } from '../src/logic/run-result-guard.js';
import type { RunSamplesResult } from '../src/protocol.js';
import { RUN_SAMPLES_METHOD } from '../src/protocol.js';
import type { ServerSession } from './helpers/lsp-process.js';
import { startServer } from './helpers/lsp-process.js';
import { unzip } from './helpers/unzip.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDir = path.resolve(here, '..');
const repository = path.resolve(extensionDir, '../..');
const run = promisify(execFile);

/** The vsce arguments of the package's own `package` script, so the test builds the .vsix as users do. */
function vsceArguments(): string[] {
    const script: string = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8')).scripts.package;
    const match = /\bvsce (package[^&|;]*)/.exec(script);
    if (!match) throw new Error(`no vsce call in the package script: ${script}`);
    return match[1]!.trim().split(/\s+/);
}

/**
 * `require` calls that the bundles contain but never execute: TypeScript's optional source-map-support
 * (inside try/catch), and the text of ajv's standalone code generator (strings, not calls).
 */
const NEVER_LOADED = [/^source-map-support$/, /^ajv\/dist\/runtime\//];

let work: string;
let entries: string[];
let unpacked: string;
let manifest: any;

beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'ntm-vsix-'));
    if (!existsSync(path.join(extensionDir, 'out/language/main.cjs')) || !existsSync(path.join(extensionDir, 'syntaxes/ntm.tmLanguage.json'))) {
        await run('npm', ['run', 'bundle'], { cwd: extensionDir });
    }
    const vsix = path.join(work, 'ntm.vsix');
    const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
    await run(process.execPath, [vsce, ...vsceArguments(), '-o', vsix], { cwd: extensionDir, maxBuffer: 16 * 1024 * 1024 });
    unpacked = path.join(work, 'unpacked');
    entries = await unzip(vsix, unpacked);
    manifest = JSON.parse(readFileSync(path.join(unpacked, 'extension/package.json'), 'utf8'));
}, 180_000);

afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
});

function shipped(relative: string): string {
    return path.join(unpacked, 'extension', relative);
}

describe('the .vsix', () => {
    it('holds the bundles, grammar, language configuration, icon and README, and nothing else', () => {
        const files = entries.filter(e => !e.endsWith('/')).sort();
        expect(files).toEqual([
            '[Content_Types].xml',
            'extension.vsixmanifest',
            'extension/icons/ntm-file.svg',
            'extension/language-configuration.json',
            'extension/out/extension/main.cjs',
            'extension/out/language/main.cjs',
            'extension/out/language/ntm-runtime.mjs',
            'extension/out/language/sample-worker.cjs',
            'extension/package.json',
            'extension/readme.md',
            'extension/syntaxes/ntm.tmLanguage.json'
        ]);
    });

    it('declares the extension in its vsixmanifest', () => {
        const xml = readFileSync(path.join(unpacked, 'extension.vsixmanifest'), 'utf8');
        expect(xml).toMatch(/<Identity [^>]*Id="ntm-vscode"[^>]*Publisher="ntm"/);
        expect(xml).toContain('Microsoft.VisualStudio.Code');
    });

    it('contributes the ntm language with its configuration, icon and grammar, all present in the package', () => {
        expect(existsSync(shipped(manifest.main))).toBe(true);
        const [language] = manifest.contributes.languages;
        expect(language).toMatchObject({ id: 'ntm', extensions: ['.ntm'] });
        const configuration = JSON.parse(readFileSync(shipped(language.configuration), 'utf8'));
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.brackets).toEqual([
            ['{', '}'],
            ['(', ')']
        ]);
        expect(new RegExp(configuration.indentationRules.increaseIndentPattern.pattern, 'u').test('  chỉ tiêu 17.5 "x"')).toBe(true);
        expect(existsSync(shipped(language.icon.light))).toBe(true);
        const [grammar] = manifest.contributes.grammars;
        expect(grammar).toMatchObject({ language: 'ntm', scopeName: 'source.ntm' });
        const shippedGrammar = JSON.parse(readFileSync(shipped(grammar.path), 'utf8'));
        expect(shippedGrammar.scopeName).toBe('source.ntm');
        // The very grammar the TextMate tests (textmate-grammar.test.ts) tokenize with.
        expect(shippedGrammar).toEqual(JSON.parse(readFileSync(path.join(extensionDir, 'syntaxes/ntm.tmLanguage.json'), 'utf8')));
    });

    it('activates on .ntm files and contributes the run and evaluate commands with Vietnamese titles', () => {
        // Opening a .ntm file activates it through the contributed language (VS Code ≥ 1.74 adds `onLanguage:ntm`
        // itself and flags it as redundant in the manifest); a folder with packs activates it at startup.
        expect(manifest.activationEvents).toEqual(['workspaceContains:**/*.ntm']);
        expect(manifest.contributes.languages.map((l: { id: string }) => l.id)).toContain('ntm');
        expect(manifest.contributes.commands.map((c: { command: string }) => c.command).sort()).toEqual(Object.values(COMMANDS).sort());
        for (const command of manifest.contributes.commands) expect(command.title).toMatch(/[ạảãáàâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/u);
        expect(manifest.categories).toContain('Testing');
        expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    });

    it('has bundles that need no node_modules: every require is a Node built-in or vscode', () => {
        for (const bundle of ['out/extension/main.cjs', 'out/language/main.cjs', 'out/language/sample-worker.cjs', 'out/language/ntm-runtime.mjs']) {
            const text = readFileSync(shipped(bundle), 'utf8');
            const required = [...text.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map(m => m[1]!);
            const foreign = required.filter(name => name !== 'vscode' && !isBuiltin(name) && !NEVER_LOADED.some(p => p.test(name)));
            expect(foreign, bundle).toEqual([]);
        }
    });
});

describe('the language server inside the .vsix', () => {
    let session: ServerSession;
    let folder: string;

    let liemCan: string;
    let pack: string;

    beforeAll(async () => {
        folder = path.join(work, 'xa-mau');
        mkdirSync(folder, { recursive: true });
        // A copy of the real sample and its pack, at the same relative places as in the repository.
        liemCan = path.join(folder, 'examples/ha-nam/liem-can-2024.json');
        pack = path.join(folder, 'rulesets/ha-nam/ntm-nang-cao.ntm');
        cpSync(path.join(repository, 'examples/ha-nam/liem-can-2024.json'), liemCan);
        cpSync(path.join(repository, 'rulesets'), path.join(folder, 'rulesets'), { recursive: true });
        session = await startServer(shipped('out/language/main.cjs'), pathToFileURL(folder).toString(), work);
    }, 60_000);

    afterAll(async () => {
        await session?.close();
    });

    it('starts over stdio outside the repository and reports a broken pack in Vietnamese', async () => {
        const file = path.join(folder, 'hong.ntm');
        const text = 'bộ tiêu chí thử "Thử"\n  cấp xã nông thôn mới\n\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B"\n    tỷ lệ chưa khai báo >= 50%\n';
        writeFileSync(file, text);
        const uri = pathToFileURL(file).toString();
        await session.open(uri, text);
        const diagnostics = await session.diagnostics(uri);
        const undeclared = diagnostics.find(d => d.message.includes('«tỷ lệ chưa khai báo»'));
        expect(undeclared, JSON.stringify(diagnostics)).toBeDefined();
        expect(undeclared!.severity).toBe(DiagnosticSeverity.Error);
        expect(undeclared!.range.start).toEqual({ line: 5, character: 4 });
        expect(undeclared!.message).toContain('chưa được khai báo');
    });

    it('runs a real sample commune through ntm/chayKiemThu and compares every official verdict', async () => {
        const result: RunSamplesResult = await session.connection.sendRequest(RUN_SAMPLES_METHOD, { communeUri: pathToFileURL(liemCan).toString() });
        expect(isRunSamplesResult(result)).toBe(true);
        const [sample] = result.samples;
        expect(sample).toMatchObject({ commune: 'Liêm Cần', ran: true, problems: [] });
        const official = JSON.parse(readFileSync(liemCan, 'utf8'))['kết quả chính thức'];
        const expected = Object.keys(official['chỉ tiêu']).length + Object.keys(official['tiêu chí']).length + 1;
        expect(sample!.checks.filter(c => c.official !== undefined)).toHaveLength(expected);
        expect(sample!.summary).toMatch(/\d+\/\d+ tiêu chí/);
    });

    it("reports a malformed sample with file and field, and still runs the pack's other samples", async () => {
        const broken = path.join(path.dirname(liemCan), 'hong-2024.json');
        const data = JSON.parse(readFileSync(liemCan, 'utf8'));
        data['ngày đánh giá'] = 'hôm qua';
        writeFileSync(broken, JSON.stringify(data, undefined, 2));
        const result: RunSamplesResult = await session.connection.sendRequest(RUN_SAMPLES_METHOD, { packUri: pathToFileURL(pack).toString() });
        const byFile = new Map(result.samples.map(s => [path.basename(fileURLToPath(s.communeUri)), s]));
        expect(byFile.get('liem-can-2024.json')).toMatchObject({ ran: true });
        const bad = byFile.get('hong-2024.json')!;
        expect(bad.ran).toBe(false);
        expect(bad.problems.join('\n')).toMatch(/hong-2024\.json/);
        expect(bad.problems.join('\n')).toMatch(/ngày đánh giá/);
    });
});
