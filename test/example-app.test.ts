// The example app (examples/app, issue 12 item 6) as its README says to run it: `npm run build` writes the
// evaluators with `ntm build` and type-checks the app under strict; `npm start` evaluates every sample
// commune in examples/ and prints a summary line for each, with the summary `ntm eval` gives.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const app = path.join(root, 'examples/app');
const run = promisify(execFile);

function samples(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true })
        .flatMap(entry => {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) return entry.name === 'app' ? [] : samples(full);
            return entry.name.endsWith('.json') ? [full] : [];
        })
        .sort();
}

describe('the example app', () => {
    it('is type-checked with the strict flags an app would use', () => {
        const options = (JSON.parse(readFileSync(path.join(app, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> }).compilerOptions;
        for (const flag of ['strict', 'noUnusedLocals', 'exactOptionalPropertyTypes', 'noUncheckedIndexedAccess']) expect(options[flag], flag).toBe(true);
    });

    it('builds its evaluators with ntm build, compiles, and prints for every sample commune the summary ntm eval gives', async () => {
        const env = { ...process.env, NO_COLOR: '1', COLUMNS: '200' };
        await run('npm', ['run', 'build', '--silent'], { cwd: app, env, maxBuffer: 16 * 1024 * 1024 });
        const { stdout } = await run('npm', ['start', '--silent'], { cwd: app, env, maxBuffer: 16 * 1024 * 1024 });
        const lines = stdout.trim().split('\n');
        const communes = samples(path.join(root, 'examples'));
        expect(lines).toHaveLength(communes.length);
        for (const file of communes) {
            const relative = path.relative(path.join(root, 'examples'), file);
            const line = lines.find(l => l.startsWith(`${relative} `));
            expect(line, relative).toBeDefined();
            const { stdout: json } = await run(process.execPath, [path.join(root, 'packages/cli/bin/ntm.js'), 'eval', file, '--json'], {
                cwd: root,
                env,
                maxBuffer: 16 * 1024 * 1024
            });
            const cli = JSON.parse(json) as { result: { summary: { text: string; recognition: string } } };
            expect(line).toContain(`: ${cli.result.summary.text} — công nhận: ${cli.result.summary.recognition};`);
        }
    }, 240_000);
});
