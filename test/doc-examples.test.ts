// The documentation agrees with the tool. Every runnable example of docs/*.md is run through the built
// `ntm` in a copy of the repository's sample folders, and must print what the documentation shows:
// - a block of `$ ntm …` lines, each followed by the output the documentation shows for it («…» stands
//   for lines left out, or for the rest of a line), with the exit code written after the block
//   («Mã thoát: 1.», «Mã thoát lần lượt: 0, 1.»);
// - a ```sh block's `ntm …` lines must succeed;
// - an ```ntm block that is a whole pack (it starts with «bộ tiêu chí» and leaves nothing out with «…») must
//   check without error, read from docs/examples/ (where the packs it builds on are);
// - a ```json block after `<!-- tệp: <đường dẫn> -->` must be that file of the repository;
// and no line of any block may show an issue in an old format (`tệp:dòng` without a column).
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'packages/cli/bin/ntm.js');
const run = promisify(execFile);
/** What the examples may read, copied where the documentation's relative paths find them. */
const COPIED = ['docs/examples', 'docs/vi-du-loi', 'examples', 'rulesets', 'packages/cli/test/resources/law-in-time', 'packages/cli/test/resources/points'];

interface Block {
    readonly lang: string;
    readonly lines: readonly string[];
    readonly line: number;
    readonly before: string;
    readonly after: string;
}

/** Fenced blocks of a Markdown file, indented ones (in lists) included, with the text around them. */
function blocks(text: string): Block[] {
    const lines = text.split('\n');
    const out: Block[] = [];
    for (let i = 0; i < lines.length; i++) {
        const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]!);
        if (!open) continue;
        const indent = open[1]!.length;
        const start = i;
        const body: string[] = [];
        for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!.slice(Math.min(indent, /^\s*/.exec(lines[i]!)![0].length)));
        out.push({ lang: open[2]!, lines: body, line: start + 1, before: lines[start - 1] ?? '', after: lines.slice(i + 1, i + 4).join(' ') });
    }
    return out;
}

/** `ntm eval "a b.json" --json` → ['eval', 'a b.json', '--json'], and a `> file` redirection. */
function commandOf(line: string): { args: string[]; redirect?: string } | undefined {
    const text = line.replace(/\s+#.*$/, '').trim();
    const match = /^(?:npx ntm|ntm|node packages\/cli\/bin\/ntm\.js)(?:\s+(.*))?$/.exec(text);
    if (!match) return undefined;
    const words = [...(match[1] ?? '').matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(m => m[1] ?? m[2] ?? m[3]!);
    const at = words.indexOf('>');
    return at >= 0 ? { args: words.slice(0, at), redirect: words[at + 1] } : { args: words };
}

/** Expected lines against actual ones: a line «…» skips any number of lines; «…» inside a line skips text. */
function agrees(expected: readonly string[], actual: readonly string[]): boolean {
    const pattern = (line: string) =>
        new RegExp(
            `^${line
                .split('…')
                .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
                .join('.*')}$`,
            'u'
        );
    const patterns = expected.map(line => (line.trim() === '…' ? undefined : pattern(line.trimEnd())));
    const memo = new Map<string, boolean>();
    const from = (e: number, a: number): boolean => {
        const key = `${e},${a}`;
        if (memo.has(key)) return memo.get(key)!;
        let ok: boolean;
        if (e === patterns.length) ok = a === actual.length;
        else if (patterns[e] === undefined) ok = from(e + 1, a) || (a < actual.length && from(e, a + 1));
        else ok = a < actual.length && patterns[e]!.test(actual[a]!.trimEnd()) && from(e + 1, a + 1);
        memo.set(key, ok);
        return ok;
    };
    return from(0, 0);
}

/** The exit codes written after a block: «Mã thoát: 1.» for its last command, or one per command. */
function exitCodes(after: string, commands: number): (number | undefined)[] {
    const each = /Mã thoát lần lượt: ([\d, ]+)/.exec(after);
    if (each) return each[1]!.split(',').map(n => Number(n.trim()));
    const one = /Mã thoát: (\d)/.exec(after);
    return Array.from({ length: commands }, (_, i) => (i === commands - 1 && one ? Number(one[1]) : undefined));
}

const OLD_ISSUE = /^\S+\.(ntm|json)(:\d+)?:? (lỗi|cảnh báo|thông tin|chưa biết|chưa kiểm chứng) /u;
const ISSUE = /^\S+\.(ntm|json):\d+:\d+ (lỗi|cảnh báo|thông tin|chưa biết|chưa kiểm chứng) /u;

const made: string[] = [];
afterAll(() => made.forEach(dir => rmSync(dir, { recursive: true, force: true })));

function workspace(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'ntm-docs-'));
    made.push(dir);
    for (const folder of COPIED) cpSync(path.join(root, folder), path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
    return dir;
}

async function ntmIn(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
        const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
            cwd,
            env: { ...process.env, COLUMNS: '80', NO_COLOR: '1', FORCE_COLOR: undefined },
            maxBuffer: 32 << 20
        });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const e = error as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
}

const docs = readdirSync(path.join(root, 'docs'))
    .filter(name => name.endsWith('.md'))
    .sort();

describe.each(docs)('docs/%s', doc => {
    const text = readFileSync(path.join(root, 'docs', doc), 'utf8');
    const found = blocks(text);

    it('shows issues in the current format (tệp:dòng:cột mức …)', () => {
        const old = found
            .flatMap(block => block.lines.map((line, i) => ({ line: line.replace(/^\$ .*/, ''), at: block.line + 1 + i })))
            .filter(({ line }) => OLD_ISSUE.test(line) && !ISSUE.test(line))
            .map(({ line, at }) => `docs/${doc}:${at}: ${line}`);
        expect(old).toEqual([]);
    });

    const runnable = found.filter(
        b =>
            b.lines.some(l => l.startsWith('$ ntm ')) ||
            (b.lang === 'sh' && b.lines.some(l => commandOf(l))) ||
            (b.lang === 'ntm' && b.lines[0]?.startsWith('bộ tiêu chí') && !b.lines.some(l => l.includes('…'))) ||
            (b.lang === 'json' && /<!-- tệp: /.test(b.before))
    );
    if (runnable.length === 0) return;

    it('runs every example as shown', async () => {
        const cwd = workspace();
        const problems: string[] = [];
        for (const block of runnable) {
            const where = `docs/${doc}:${block.line}`;
            if (block.lang === 'ntm') {
                const file = path.join(cwd, 'docs/examples', `khoi-${block.line}.ntm`);
                writeFileSync(file, block.lines.join('\n') + '\n');
                const out = await ntmIn(cwd, ['check', file]);
                if (out.code !== 0) problems.push(`${where}: khối .ntm có lỗi:\n${out.stdout}${out.stderr}`);
                continue;
            }
            if (block.lang === 'json') {
                const file = /<!-- tệp: (\S+) -->/.exec(block.before)![1]!;
                const same = JSON.stringify(JSON.parse(block.lines.join('\n'))) === JSON.stringify(JSON.parse(readFileSync(path.join(root, file), 'utf8')));
                if (!same) problems.push(`${where}: khối JSON khác tệp ${file}`);
                continue;
            }
            if (!block.lines.some(l => l.startsWith('$ '))) {
                for (const line of block.lines) {
                    const command = commandOf(line);
                    if (!command) continue;
                    const out = await ntmIn(cwd, command.args);
                    if (command.redirect) writeFileSync(path.join(cwd, command.redirect), out.stdout);
                    if (out.code !== 0) problems.push(`${where}: «${line}» thoát với mã ${out.code}:\n${out.stderr}`);
                }
                continue;
            }
            // A transcript: `$ ntm …` and the output shown for it.
            const steps: { command: string; expected: string[] }[] = [];
            for (const line of block.lines) {
                if (line.startsWith('$ ')) steps.push({ command: line.slice(2), expected: [] });
                else steps[steps.length - 1]?.expected.push(line);
            }
            const codes = exitCodes(block.after, steps.length);
            for (const [i, step] of steps.entries()) {
                const command = commandOf(step.command);
                if (!command) {
                    problems.push(`${where}: không chạy được «${step.command}»`);
                    continue;
                }
                const out = await ntmIn(cwd, command.args);
                if (command.redirect) writeFileSync(path.join(cwd, command.redirect), out.stdout);
                while (step.expected.length > 0 && step.expected[step.expected.length - 1]!.trim() === '') step.expected.pop();
                const lines = (s: string) => (s === '' ? [] : s.replace(/\n$/, '').split('\n'));
                const shown = command.redirect ? lines(out.stderr) : [...lines(out.stderr), ...lines(out.stdout)];
                const other = command.redirect ? shown : [...lines(out.stdout), ...lines(out.stderr)];
                if (!agrees(step.expected, shown) && !agrees(step.expected, other)) {
                    problems.push(
                        `${where}: «$ ${step.command}» in ra khác tài liệu:\n--- tài liệu\n${step.expected.join('\n')}\n--- máy\n${shown.join('\n')}`
                    );
                }
                const code = codes[i];
                if (code !== undefined && out.code !== code) problems.push(`${where}: «$ ${step.command}» thoát với mã ${out.code}, tài liệu ghi ${code}`);
            }
        }
        expect(problems.join('\n\n')).toBe('');
    }, 600_000);
});
