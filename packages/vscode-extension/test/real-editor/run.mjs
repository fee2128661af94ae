// `npm run test:editor`: the packaged extension in a real VS Code (code-server), driven by Playwright in
// Debian's Chromium. Installs what it needs (cached), packages the .vsix, starts code-server on a copy of the
// repository, runs editor.test.ts with vitest, and ends with one line: passed/failed with timings, or
// skipped with the reason when something cannot be installed here.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProfile, installExtension, startCodeServer } from './code-server.mjs';
import { ensureInstalled, InstallUnavailable, VERSIONS } from './install.mjs';
import { copyRepository } from './workspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '../../../..');
const extensionDir = path.join(repository, 'packages', 'vscode-extension');
const artefacts = path.join(extensionDir, 'out', 'real-editor');
const cacheDir = path.join(repository, '.cache', 'real-editor');
const CHROMIUM = process.env.NTM_EDITOR_CHROMIUM ?? '/usr/bin/chromium';

const started = Date.now();
const timings = {};
const seconds = ms => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);
const say = line => console.log(`[real editor] ${line}`);

/** Cleanups to run however the process ends (each at most once), and the child running now. */
const cleanups = [];
let current;
async function cleanUp() {
    while (cleanups.length > 0) await cleanups.pop()();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
        say(`${signal}: stopping`);
        current?.kill(signal);
        void cleanUp().finally(() => process.exit(130));
    });
}

function finish(line, code) {
    console.log(`\n${line}`);
    process.exitCode = code;
}

/** Skipped, never passed; `NTM_EDITOR_REQUIRED=1` (a CI that must run it) turns a skip into a failure. */
function skip(reason) {
    if (process.env.NTM_EDITOR_REQUIRED) return finish(`real editor: FAILED — could not run: ${reason}`, 1);
    return finish(`real editor: skipped — ${reason}`, 0);
}

async function timed(name, work) {
    const start = Date.now();
    try {
        return await work();
    } finally {
        timings[name] = Date.now() - start;
    }
}

/** Runs a command to its end; `quiet` keeps its output and prints it only if it fails. */
function run(command, args, { quiet = false, ...options } = {}) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...options });
        current = child;
        let output = '';
        child.stdout?.on('data', chunk => (output += chunk));
        child.stderr?.on('data', chunk => (output += chunk));
        child.on('error', reject);
        child.on('close', code => {
            current = undefined;
            if (quiet && code !== 0) process.stderr.write(output);
            resolve(code ?? 1);
        });
    });
}

async function packageVsix() {
    const explicit = process.env.NTM_EDITOR_VSIX;
    if (explicit) return path.resolve(explicit);
    const { version } = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
    const code = await run('npm', ['run', 'package:vsix', '--silent'], { cwd: repository, quiet: true });
    const vsix = path.join(extensionDir, `ntm-vscode-${version}.vsix`);
    if (code !== 0 || !existsSync(vsix)) throw new Error(`npm run package:vsix failed (exit ${code})`);
    return vsix;
}

async function main() {
    rmSync(artefacts, { recursive: true, force: true });
    mkdirSync(artefacts, { recursive: true });
    if (!existsSync(CHROMIUM)) return skip(`no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`);

    let install;
    try {
        install = await timed('install', () => ensureInstalled(cacheDir, what => say(`installing ${what} into ${path.relative(repository, cacheDir)}/`)));
    } catch (error) {
        if (error instanceof InstallUnavailable) return skip(`could not install code-server ${VERSIONS.codeServer} and Node ${VERSIONS.node} from npm: ${error.message}`);
        throw error;
    }
    say(`code-server ${VERSIONS.codeServer} on Node ${VERSIONS.node}: ${install.cached ? 'cached' : 'installed'} in ${seconds(timings.install)}`);

    const vsix = await timed('vsix', packageVsix);
    say(`packaged ${path.relative(repository, vsix)} in ${seconds(timings.vsix)}`);

    const scratch = mkdtempSync(path.join(tmpdir(), 'ntm-real-editor-'));
    cleanups.push(async () => {
        if (process.env.NTM_EDITOR_KEEP) say(`scratch folder kept: ${scratch}`);
        else rmSync(scratch, { recursive: true, force: true });
    });
    const profile = createProfile(scratch);
    const workspace = copyRepository(repository, path.join(scratch, 'ntm'));
    await installExtension(install, profile, vsix);
    const server = await timed('start', () => startCodeServer(install, profile));
    // Also on a hard exit: the group must not outlive this process.
    process.once('exit', server.killNow);
    cleanups.push(async () => {
        await server.stop();
        const logs = path.join(artefacts, 'logs');
        if (existsSync(path.join(profile.userData, 'logs'))) cpSync(path.join(profile.userData, 'logs'), logs, { recursive: true });
        if (existsSync(profile.log)) cpSync(profile.log, path.join(logs, 'code-server.log'));
    });
    say(`code-server at ${server.url} (started in ${seconds(timings.start)}), opening a copy of the repository`);

    const session = { url: server.url, workspace, logs: path.join(profile.userData, 'logs'), artefacts, chromium: CHROMIUM };
    const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
    const results = path.join(artefacts, 'results.json');
    const code = await timed('editor', () => run(process.execPath, [vitest, 'run', '--config', path.join(here, 'vitest.config.ts'), `--outputFile.json=${results}`],
        { cwd: repository, env: { ...process.env, NTM_REAL_EDITOR: JSON.stringify(session) } }));
    await cleanUp();

    const counts = readCounts(results);
    timings.total = Date.now() - started;
    writeFileSync(path.join(artefacts, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    const steps = readSteps(path.join(artefacts, 'steps.json'));
    if (steps) say(`in the editor: ${steps}`);
    const summary = counts ? `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}` : 'no results (vitest did not finish)';
    const failed = code !== 0 || !counts || counts.failed > 0 || counts.passed === 0;
    finish(`real editor (code-server ${VERSIONS.codeServer}): ${failed ? 'FAILED — ' : ''}${summary} in ${seconds(timings.total)} ` +
        `(install ${seconds(timings.install)}${install.cached ? ', cached' : ''}; .vsix ${seconds(timings.vsix)}; editor session ${seconds(timings.editor)}); ` +
        `screenshots and logs: ${path.relative(repository, artefacts)}/`, failed ? 1 : 0);
}

function readCounts(file) {
    try {
        const report = JSON.parse(readFileSync(file, 'utf8'));
        return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
    } catch {
        return undefined;
    }
}

/** What editor.test.ts measured (seconds per step), on one line. */
function readSteps(file) {
    try {
        const steps = JSON.parse(readFileSync(file, 'utf8'));
        return Object.entries(steps).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ');
    } catch {
        return undefined;
    }
}

main().catch(async error => {
    await cleanUp();
    finish(`real editor: FAILED — ${error instanceof Error ? error.message : String(error)}`, 1);
});
