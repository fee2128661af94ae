// What an app adopting a pack pays before evaluating anything: the size of the module `ntm build --bundle`
// writes, and the CPU time of `ntm eval` with the pack already in the compiled-pack cache, against the
// CPU time of a bare `node -e 0`. Both measured by running the built `ntm` as a user would.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './measure.js';

/** The Hà Nam module as the issue measured it before the runtime moved out: 329 KB, runtime pasted in. */
export const BEFORE_BYTES = 329 * 1024;

/** `ntm build` of a pack, plain (importing @ntm/runtime) and `--bundle`d: bytes and gzip bytes of each .js. */
export function moduleSizes(root, packFile) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-size-'));
    try {
        const sizes = {};
        for (const [kind, flags] of [
            ['plain', []],
            ['bundled', ['--bundle']],
            ['typescript', ['--ts']]
        ]) {
            const out = path.join(dir, kind);
            execFileSync(process.execPath, [path.join(root, 'packages/cli/bin/ntm.js'), 'build', packFile, '-o', out, ...flags], { cwd: root, stdio: 'pipe' });
            const file = readdirSync(out).find(f => f.endsWith(kind === 'typescript' ? '.ts' : '.js') && !f.endsWith('.d.ts'));
            const bytes = readFileSync(path.join(out, file));
            sizes[kind] = { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, lines: bytes.toString('utf8').split('\n').length };
        }
        return sizes;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/**
 * CPU time (user + system) of one process, read by a module imported first that writes
 * `process.cpuUsage()` when the process exits: the same instrument on both sides.
 */
function cpuOf(args, env, probe) {
    const file = path.join(probe.dir, `cpu-${probe.count++}.json`);
    execFileSync(process.execPath, ['--import', probe.module, ...args], {
        env: { ...process.env, ...env, NTM_BENCH_CPU_FILE: file },
        stdio: 'pipe',
        maxBuffer: 64 * 1024 * 1024
    });
    const { user, system } = JSON.parse(readFileSync(file, 'utf8'));
    return (user + system) / 1000;
}

/**
 * `ntm eval <pack> <commune>` with the pack in a warm cache, against `node -e 0`, in interleaved runs.
 * Returns medians in ms (CPU) and their ratio; also the first, compiling run for information.
 */
export function cliCpu(root, packFile, communeFile, runs) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-cpu-'));
    const module = path.join(dir, 'cpu.mjs');
    writeFileSync(
        module,
        "import fs from 'node:fs';\n" + "process.on('exit', () => fs.writeFileSync(process.env.NTM_BENCH_CPU_FILE, JSON.stringify(process.cpuUsage())));\n"
    );
    const probe = { dir, module, count: 0 };
    const env = { NTM_CACHE_DIR: path.join(dir, 'cache') };
    const evalArgs = [path.join(root, 'packages/cli/bin/ntm.js'), 'eval', packFile, communeFile, '--json'];
    try {
        const compiling = cpuOf(evalArgs, env, probe);
        const cached = [];
        const bare = [];
        for (let i = 0; i < runs; i++) {
            if (i % 2 === 0) {
                cached.push(cpuOf(evalArgs, env, probe));
                bare.push(cpuOf(['-e', '0'], env, probe));
            } else {
                bare.push(cpuOf(['-e', '0'], env, probe));
                cached.push(cpuOf(evalArgs, env, probe));
            }
        }
        const ratios = cached.map((c, i) => c / bare[i]);
        return {
            compilingMs: compiling,
            cachedMs: median(cached),
            nodeMs: median(bare),
            ratio: median(cached) / median(bare),
            min: Math.min(...ratios),
            max: Math.max(...ratios)
        };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/**
 * CPU of `ntm <args>` (e.g. `--version`) against `node -e 0`, interleaved; medians in ms and their ratio.
 */
export function commandCpu(root, args, runs) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-cmd-'));
    const module = path.join(dir, 'cpu.mjs');
    writeFileSync(
        module,
        "import fs from 'node:fs';\n" + "process.on('exit', () => fs.writeFileSync(process.env.NTM_BENCH_CPU_FILE, JSON.stringify(process.cpuUsage())));\n"
    );
    const probe = { dir, module, count: 0 };
    const command = [path.join(root, 'packages/cli/bin/ntm.js'), ...args];
    try {
        const ntm = [];
        const bare = [];
        for (let i = 0; i < runs; i++) {
            const pair = [() => ntm.push(cpuOf(command, {}, probe)), () => bare.push(cpuOf(['-e', '0'], {}, probe))];
            if (i % 2 === 1) pair.reverse();
            pair.forEach(run => run());
        }
        const ratios = ntm.map((c, i) => c / bare[i]);
        return { ntmMs: median(ntm), nodeMs: median(bare), ratio: median(ntm) / median(bare), min: Math.min(...ratios), max: Math.max(...ratios) };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** `--version` when this `ntm` has it (exit 0), else `--help`: the cheapest command that prints and exits. */
export function cheapestCommand(root) {
    try {
        execFileSync(process.execPath, [path.join(root, 'packages/cli/bin/ntm.js'), '--version'], { stdio: 'pipe' });
        return ['--version'];
    } catch {
        return ['--help'];
    }
}
