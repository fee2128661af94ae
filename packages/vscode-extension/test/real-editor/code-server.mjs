// One code-server for one test run: a scratch profile (XDG folders, user data, extensions), the .vsix installed
// into it, the server bound to 127.0.0.1 on a free port, and its whole process group stopped at the end.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { node24Env } from './install.mjs';

/** User settings that keep the workbench quiet and deterministic (no tours, no auto-save, no network). */
const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'update.mode': 'none',
    // The test edits, undoes and asks for saves itself.
    'files.autoSave': 'off',
    // Renders Vietnamese letters with two marks (ố, ề) correctly; DejaVu Sans Mono detaches the accent.
    'editor.fontFamily': "'Noto Sans Mono', monospace"
};

/** Scratch folders for one run, all under `scratch`. */
export function createProfile(scratch) {
    const profile = {
        scratch,
        xdg: { data: path.join(scratch, 'xdg', 'data'), config: path.join(scratch, 'xdg', 'config'), cache: path.join(scratch, 'xdg', 'cache') },
        userData: path.join(scratch, 'user-data'),
        extensions: path.join(scratch, 'extensions'),
        config: path.join(scratch, 'code-server.yaml'),
        log: path.join(scratch, 'code-server.log')
    };
    for (const dir of [...Object.values(profile.xdg), profile.extensions, path.join(profile.userData, 'User')]) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(profile.userData, 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 4)}\n`);
    // Without --config, code-server writes a config with a generated password into XDG_CONFIG_HOME.
    writeFileSync(profile.config, 'auth: none\ncert: false\n');
    return profile;
}

function baseArgs(profile) {
    return ['--config', profile.config, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

function serverEnv(install, profile) {
    return {
        ...node24Env(install.nodeDir),
        XDG_DATA_HOME: profile.xdg.data,
        XDG_CONFIG_HOME: profile.xdg.config,
        XDG_CACHE_HOME: profile.xdg.cache,
        // No extension marketplace: the workbench's gallery queries fail here at once instead of going online.
        EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery' })
    };
}

/** `code-server --install-extension`: the packaged .vsix, as a user would install it. */
export async function installExtension(install, profile, vsix) {
    const output = await new Promise((resolve, reject) => {
        const child = spawn(install.node, [install.codeServer, ...baseArgs(profile), '--install-extension', vsix],
            { env: serverEnv(install, profile), stdio: ['ignore', 'pipe', 'pipe'] });
        let text = '';
        child.stdout.on('data', chunk => (text += chunk));
        child.stderr.on('data', chunk => (text += chunk));
        child.on('error', reject);
        child.on('close', code => (code === 0 ? resolve(text) : reject(new Error(`--install-extension exited with ${code}: ${text.trim()}`))));
    });
    if (!/successfully installed/.test(output)) throw new Error(`code-server did not install ${path.basename(vsix)}: ${output.trim()}`);
}

/**
 * Starts code-server in its own process group (the extension host and the language server are its children)
 * and waits for `/healthz`. Returns `{ url, stop }`; `stop` ends the whole group.
 */
export async function startCodeServer(install, profile, { timeoutMs = 120_000 } = {}) {
    const port = await freePort();
    const out = openSync(profile.log, 'a');
    const child = spawn(install.node, [
        install.codeServer, ...baseArgs(profile),
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
        // `trace` shows, among others, each code lens command the extension host creates, runs and disposes.
        ...(process.env.NTM_EDITOR_LOG_LEVEL ? ['--log', process.env.NTM_EDITOR_LOG_LEVEL] : [])
    ], { env: serverEnv(install, profile), stdio: ['ignore', out, out], detached: true });
    let exited = false;
    const exit = new Promise(resolve => child.once('exit', () => {
        exited = true;
        resolve();
    }));
    const group = child.pid;
    const kill = signal => {
        try {
            process.kill(-group, signal);
        } catch {
            // the group is gone
        }
    };
    const stop = async () => {
        kill('SIGTERM');
        await Promise.race([exit, new Promise(resolve => setTimeout(resolve, 10_000))]);
        // Children that ignored SIGTERM (or outlived the server) go with the group.
        kill('SIGKILL');
    };
    const url = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + timeoutMs;
    while (!(await healthy(`${url}healthz`))) {
        if (exited || Date.now() > deadline) {
            await stop();
            throw new Error(`code-server did not come up on ${url} (${exited ? 'it exited' : 'timed out'}): ${tail(profile.log)}`);
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    return { url, stop, killNow: () => kill('SIGKILL') };
}

function healthy(url) {
    return new Promise(resolve => {
        const request = get(url, response => {
            response.resume();
            resolve(response.statusCode === 200);
        });
        request.on('error', () => resolve(false));
        request.setTimeout(2_000, () => request.destroy());
    });
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

function tail(file) {
    try {
        return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join(' | ');
    } catch {
        return '(no log)';
    }
}
