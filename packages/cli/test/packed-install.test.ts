// The published packages as a user gets them (issue 12, item 7): `npm pack` each one, install the tarballs
// into an empty folder with no network (`npm install --offline`: the registry's packages come from the npm
// cache the workspace's own `npm install` filled, pinned by a lockfile made from the workspace's), then run
// `npx ntm --version`, `npx ntm check` and `npx ntm eval` on a bundled sample there.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ntm, root, tempDir } from './helpers/run-ntm.js';

const run = promisify(execFile);

/** The packages published, by folder under packages/. */
const PUBLISHED = ['runtime', 'language', 'evaluation', 'language-server', 'cli'];

interface Packed {
    readonly name: string;
    readonly version: string;
    readonly filename: string;
    readonly files: readonly { readonly path: string }[];
}
interface Manifest {
    name: string;
    version: string;
    private?: boolean;
    license?: string;
    engines?: { node?: string };
    files?: string[];
    exports?: unknown;
    types?: string;
    bin?: unknown;
    dependencies?: Record<string, string>;
}
interface LockEntry {
    readonly dev?: boolean;
    readonly link?: boolean;
    readonly [key: string]: unknown;
}

const manifest = (folder: string): Manifest => JSON.parse(readFileSync(path.join(root, 'packages', folder, 'package.json'), 'utf8')) as Manifest;

let packed: Packed[] = [];
let project: string;

/** `npx …` in the installed project, offline; never throws, so a failure shows its output. */
async function npx(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
        const { stdout, stderr } = await run('npx', ['--no-install', ...args], {
            cwd: project,
            maxBuffer: 32 * 1024 * 1024,
            // Its own cache of compiled packs: nothing the workspace's `ntm` compiled is reused.
            env: { ...process.env, npm_config_offline: 'true', NTM_CACHE_DIR: path.join(project, '.cache'), COLUMNS: '200', NO_COLOR: '1' }
        });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const e = error as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
}

/**
 * A lockfile for a project that depends on the tarballs: their own entries, and every package the
 * workspace installs for production (not `dev`), as the workspace's lockfile pins them (version, resolved,
 * integrity), so npm finds each in its cache and asks no registry. A package installed under one
 * workspace folder goes under that package in the project.
 */
function lockfileFor(dependencies: Record<string, string>): object {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
    const packages: Record<string, unknown> = { '': { name: 'ntm-packed-install', dependencies } };
    for (const [key, entry] of Object.entries(lock.packages)) {
        if (entry.dev || entry.link) continue;
        if (key.startsWith('node_modules/') && !key.startsWith('node_modules/@ntm/')) packages[key] = entry;
        const nested = /^packages\/([^/]+)\/node_modules\/(.+)$/.exec(key);
        if (nested && PUBLISHED.includes(nested[1]!)) packages[`node_modules/${manifest(nested[1]!).name}/node_modules/${nested[2]}`] = entry;
    }
    for (const folder of PUBLISHED) {
        const own = manifest(folder);
        packages[`node_modules/${own.name}`] = {
            version: own.version,
            resolved: dependencies[own.name],
            dependencies: own.dependencies ?? {},
            ...(own.bin ? { bin: own.bin } : {})
        };
    }
    return { name: 'ntm-packed-install', lockfileVersion: 3, requires: true, packages };
}

beforeAll(async () => {
    project = tempDir();
    const { stdout } = await run(
        'npm',
        ['pack', '--json', '--pack-destination', project, ...PUBLISHED.flatMap(folder => ['--workspace', `packages/${folder}`])],
        { cwd: root, maxBuffer: 32 * 1024 * 1024 }
    );
    packed = JSON.parse(stdout) as Packed[];
    const dependencies = Object.fromEntries(packed.map(p => [p.name, `file:${p.filename}`]));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'ntm-packed-install', private: true, dependencies }, null, 2));
    writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(lockfileFor(dependencies), null, 2));
    // Scripts are not needed (esbuild finds its binary through its optional platform package).
    await run('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: project, maxBuffer: 32 * 1024 * 1024 });
    // A bundled sample, laid out as in the repository so the commune file finds its pack.
    for (const file of ['rulesets/ha-nam/ntm-nang-cao.ntm', 'examples/ha-nam/liem-can-2024.json']) {
        mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
        cpSync(path.join(root, file), path.join(project, file));
    }
}, 120_000);

describe('the packed packages', () => {
    it.each(PUBLISHED)('%s is publishable: not private, MIT, node >= 20, files, exports, README and LICENSE', folder => {
        const own = manifest(folder);
        expect(own.private).toBeUndefined();
        expect(own.license).toBe('MIT');
        expect(own.engines?.node).toBe('>=20');
        expect(own.files?.length).toBeGreaterThan(0);
        expect(own.exports).toBeDefined();
        if (folder !== 'cli') expect(own.types).toMatch(/^out\/.*\.d\.ts$/);
        const files = packed.find(p => p.name === own.name)!.files.map(f => f.path);
        expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
        expect(readFileSync(path.join(root, 'packages', folder, 'LICENSE'), 'utf8')).toContain('Copyright (c) 2026 ntm contributors');
        // Only what runs, and its declarations: no sources, tests, source maps or build state.
        expect(files.filter(f => /^(src|test)\//.test(f) || /\.(map|tsbuildinfo)$/.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
    });
});

describe('ntm installed from the tarballs alone', () => {
    it('prints its version', async () => {
        const out = await npx('ntm', '--version');
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout).toBe(`${manifest('cli').version}\n`);
    });

    it('checks a bundled pack', async () => {
        const out = await npx('ntm', 'check', 'rulesets/ha-nam/ntm-nang-cao.ntm');
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout + out.stderr).toContain('1 tệp, 0 lỗi');
    });

    it('evaluates a bundled sample commune, with the verdicts the workspace gives', async () => {
        const text = await npx('ntm', 'eval', 'examples/ha-nam/liem-can-2024.json');
        expect(text.code, text.stderr).toBe(0);
        expect(text.stdout).toContain('đạt 12/19 tiêu chí');
        const installed = JSON.parse((await npx('ntm', 'eval', 'examples/ha-nam/liem-can-2024.json', '--json')).stdout) as {
            result: { indicators: { label: string; verdict: string }[] };
        };
        const workspace = JSON.parse((await ntm('eval', path.join(root, 'examples/ha-nam/liem-can-2024.json'), '--json')).stdout) as typeof installed;
        const verdicts = (r: typeof installed) => r.result.indicators.map(i => `${i.label} ${i.verdict}`);
        expect(verdicts(installed)).toEqual(verdicts(workspace));
    });
});
