// A second `ntm eval` of the same pack takes the compiled pack from the disk cache: it loads neither the
// compiler nor Langium, and prints the same.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bin, root, tempDir } from './helpers/run-ntm.js';

const run = promisify(execFile);
const TRACE = fileURLToPath(new URL('./helpers/trace-imports.mjs', import.meta.url));

/** `ntm eval` with its own cache folder; the modules it imported. */
async function tracedEval(cache: string, trace: string): Promise<{ stdout: string; modules: string[] }> {
    const { stdout } = await run(
        process.execPath,
        ['--import', TRACE, bin, 'eval', 'rulesets/ha-nam/ntm-nang-cao.ntm', 'examples/ha-nam/liem-can-2024.json', '--json'],
        {
            cwd: root,
            env: { ...process.env, NTM_CACHE_DIR: cache, NTM_TRACE_FILE: trace },
            maxBuffer: 32 * 1024 * 1024
        }
    );
    return {
        stdout,
        modules: readFileSync(trace, 'utf8')
            .split('\n')
            .filter(line => line !== '')
    };
}

const compiler = (url: string) => /\/(langium|chevrotain)\/|packages\/language\/|@ntm\/language\//u.test(url);

describe('ntm eval with a pack compiled before', () => {
    it('decides the cache hit without loading Langium or the compiler, and prints the same result', async () => {
        const dir = tempDir();
        const cache = path.join(dir, 'cache');
        const first = await tracedEval(cache, path.join(dir, 'first.txt'));
        expect(first.modules.some(compiler), 'the first run compiles the pack').toBe(true);
        expect(readdirSync(path.join(cache, 'packs'))).toHaveLength(1);
        const second = await tracedEval(cache, path.join(dir, 'second.txt'));
        expect(second.modules.filter(compiler)).toEqual([]);
        expect(second.modules.some(url => url.includes('packages/runtime/'))).toBe(true);
        expect(second.stdout).toBe(first.stdout);
    });
});
