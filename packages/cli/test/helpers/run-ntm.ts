import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../../../..');
export const bin = path.join(root, 'packages/cli/bin/ntm.js');
export const resources = path.resolve(here, '..', 'resources');
const run = promisify(execFile);

export interface Outcome {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * Spawns the built `ntm` binary, as a user would, its output piped. Tables are laid out for `COLUMNS`
 * (200 unless a test sets it) and colour follows `NO_COLOR`/`FORCE_COLOR` only when a test sets them.
 */
export async function ntm(...args: string[]): Promise<Outcome> {
    return ntmWith({}, ...args);
}

/** `ntm` with environment variables set (`COLUMNS`, `NO_COLOR`, `FORCE_COLOR`) or removed (undefined). */
export async function ntmWith(env: Readonly<Record<string, string | undefined>>, ...args: string[]): Promise<Outcome> {
    const environment: Record<string, string | undefined> = { ...process.env, COLUMNS: '200', NO_COLOR: undefined, FORCE_COLOR: undefined, ...env };
    for (const key of Object.keys(environment)) if (environment[key] === undefined) delete environment[key];
    try {
        const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, env: environment, maxBuffer: 32 * 1024 * 1024 });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const e = error as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
}

const made: string[] = [];
// Registered when a test file imports this helper: its folders go when the file's tests are done.
afterAll(() => made.splice(0).forEach(dir => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder, removed after the test file. */
export function tempDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'ntm-cli-'));
    made.push(dir);
    return dir;
}
