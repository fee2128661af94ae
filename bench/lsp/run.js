// Benchmark of the language server as editors run it: the built `ntm lsp --stdio` in its own process,
// driven over stdio. For a generated 2,000-line pack and for every pack in rulesets/ it measures the time
// to first diagnostics, re-validation after a one-character edit, hover and completion latency (median and
// 95th percentile) and the server's memory. Latencies are also given as a ratio to a baseline measured in
// the same run: a request the server does not handle (a bare JSON-RPC round trip) for hover and completion,
// and the compiler's own parse + link + validate of the same text, in this process, for re-validation.
//
//   node bench/lsp/run.js [--check] [--quick]
//
// --check  exit 1 when a figure misses its target (bench/lsp/targets.json)
// --quick  fewer samples (a smoke run)

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { syntheticPack } from '../lib/synthetic.js';
import { LspServer } from './client.js';
import { toggledThreshold, typedCharacter } from './edits.js';
import { haNamDerivedPack } from './ha-nam-derived.js';
import { percentile, timed, median } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'packages/cli/bin/ntm.js');
const args = process.argv.slice(2);
const CHECK = args.includes('--check');
const SAMPLES = args.includes('--quick') ? 15 : 60;
const TARGETS = JSON.parse(readFileSync(path.join(ROOT, 'bench/lsp/targets.json'), 'utf8')).targets;
const log = text => process.stderr.write(`${text}\n`);

const { createNtmCoreServices, loadPackText } = await import('@ntm/language');
const compiler = createNtmCoreServices().Ntm;

function packsUnder(folder) {
    return readdirSync(folder)
        .flatMap(name => {
            const file = path.join(folder, name);
            return statSync(file).isDirectory() ? packsUnder(file) : name.endsWith('.ntm') ? [file] : [];
        })
        .sort();
}

/** Offsets worth hovering: fact names in rules and indicator labels, spread over the whole file. */
function hoverTargets(text) {
    const offsets = [];
    for (const match of text.matchAll(/^ {2}chỉ tiêu (\S+)/gmu)) offsets.push(match.index + 11);
    for (const match of text.matchAll(/^ {4}(?:có |không có )?([^\s"(][^\n]*?) (?:>=|<=|>|<|=|từ)/gmu)) offsets.push(match.index + 5);
    if (offsets.length === 0) offsets.push(Math.max(0, text.indexOf('bộ tiêu chí')) + 2);
    const step = Math.max(1, Math.floor(offsets.length / 40));
    return offsets.filter((_, i) => i % step === 0);
}

function positionAt(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before.at(-1).length };
}

async function measurePack(server, file, text, name) {
    const uri = pathToFileURL(file).toString();
    const result = { pack: name, lines: text.split('\n').length };
    result.firstDiagnosticsMs = await timed(() => server.open(uri, text));
    const edits = Math.max(10, Math.round((SAMPLES * 2) / 3));
    const revalidate = [];
    const cpuBefore = server.cpuMs();
    for (let round = 1; round <= edits; round++) {
        revalidate.push(await timed(() => server.change(uri, toggledThreshold(text, round))));
    }
    const revalidateCpuMs = (server.cpuMs() - cpuBefore) / edits;
    // Typing: a character inserted, then deleted (every later offset moves, unlike a digit replaced).
    const typing = [];
    for (let round = 1; round <= edits; round++) {
        typing.push(await timed(() => server.change(uri, typedCharacter(text, round))));
    }
    await server.change(uri, text);
    const compile = [];
    for (let round = 1; round <= Math.max(10, SAMPLES / 3); round++) {
        const variant = toggledThreshold(text, round);
        compile.push(await timed(() => loadPackText(compiler, variant, `memory:///bench/${encodeURIComponent(path.basename(file))}`)));
    }
    const hovers = hoverTargets(text).map(offset => ({ textDocument: { uri }, position: positionAt(text, offset) }));
    const hover = [];
    const ping = [];
    let hits = 0;
    for (let i = 0; i < SAMPLES; i++) {
        const params = hovers[i % hovers.length];
        hover.push(
            await timed(async () => {
                if (await server.request('textDocument/hover', params)) hits++;
            })
        );
        ping.push(await timed(() => server.request('ntm/benchPing', {}).catch(() => undefined)));
    }
    // Completion where an analyst types a fact name without diacritics on a new indicator line.
    const typed = `${text.trimEnd()}\n\ntiêu chí 9999 "Thử"\n  chỉ tiêu 9999.1 "Thử" ${typedPrefix(text)}`;
    await server.change(uri, typed);
    const at = { textDocument: { uri }, position: positionAt(typed, typed.length) };
    const completion = [];
    let items = 0;
    for (let i = 0; i < SAMPLES; i++) {
        completion.push(
            await timed(async () => {
                items = (await server.request('textDocument/completion', at))?.items?.length ?? 0;
            })
        );
    }
    await server.change(uri, text);
    return {
        ...result,
        revalidateMs: summary(revalidate),
        revalidateCpuMs,
        typingMs: summary(typing),
        compilerRevalidateMs: summary(compile),
        revalidateRatioVsCompiler: median(revalidate) / median(compile),
        hoverMs: summary(hover),
        hoverAnswered: `${hits}/${SAMPLES}`,
        pingMs: summary(ping),
        hoverRatioVsPing: median(hover) / median(ping),
        completionMs: summary(completion),
        completionItems: items,
        completionRatioVsPing: median(completion) / median(ping),
        memory: server.memory()
    };
}

/** The first two words of the pack's last fact, without diacritics, as an analyst might type them. */
function typedPrefix(text) {
    const names = [...text.matchAll(/^dữ kiện ([^:=,"\n]+)/gmu)].map(m => m[1].trim());
    const words = (names.at(-1) ?? 'rác thải').split(/\s+/u).slice(0, 2).join(' ');
    return words.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
}

function summary(values) {
    return { median: median(values), p95: percentile(values, 95) };
}

const workspace = mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-lsp-'));
const generated = path.join(workspace, 'tong-hop-2000.ntm');
writeFileSync(generated, syntheticPack(74));
const derived = path.join(workspace, 'tu-ha-nam-2000.ntm');
writeFileSync(derived, haNamDerivedPack());
const packs = [
    [generated, 'tổng hợp (sinh tự động)'],
    [derived, 'từ bộ Hà Nam (sinh tự động)'],
    ...packsUnder(path.join(ROOT, 'rulesets')).map(file => [file, path.relative(ROOT, file)])
];
const started = Date.now();
const loadAtStart = os.loadavg();
const server = new LspServer(BIN, ROOT);
const results = [];
try {
    const startMs = await timed(() => server.initialize(workspace));
    log(`server started and initialised in ${startMs.toFixed(0)} ms (${SAMPLES} samples per latency)`);
    for (const [file, name] of packs) {
        log(`measuring ${name} …`);
        results.push(await measurePack(server, file, readFileSync(file, 'utf8'), name));
    }
    const memory = server.memory();
    report(startMs, memory);
} finally {
    await server.dispose();
    rmSync(workspace, { recursive: true, force: true });
}

function report(startMs, memory) {
    const ms = value => `${value.toFixed(1)} ms`;
    const rows = results.map(r => [
        `${r.pack} (${r.lines} dòng)`,
        ms(r.firstDiagnosticsMs),
        `${ms(r.revalidateMs.median)} / ${ms(r.revalidateMs.p95)} (CPU ${ms(r.revalidateCpuMs)}; ×${r.revalidateRatioVsCompiler.toFixed(2)} trình biên dịch)`,
        `${ms(r.typingMs.median)} / ${ms(r.typingMs.p95)}`,
        `${ms(r.hoverMs.median)} / ${ms(r.hoverMs.p95)} (×${r.hoverRatioVsPing.toFixed(1)} ping)`,
        `${ms(r.completionMs.median)} / ${ms(r.completionMs.p95)} (×${r.completionRatioVsPing.toFixed(1)} ping, ${r.completionItems} mục)`,
        `${r.memory.rssMiB.toFixed(0)} MiB`
    ]);
    const header = [
        'pack',
        'first diagnostics',
        're-validation median / p95',
        'typing median / p95',
        'hover median / p95',
        'completion median / p95',
        'server RSS'
    ];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
    const line = cells => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
    console.log(line(header));
    console.log(widths.map(w => '-'.repeat(w)).join('-|-'));
    for (const row of rows) console.log(line(row));
    const load = values => values.map(v => v.toFixed(2)).join(' ');
    console.log(
        `load average (1, 5, 15 min) at start ${load(loadAtStart)}, at the end ${load(os.loadavg())} on ${os.cpus().length} CPUs; CPU = the server's own CPU time per edit (/proc), less sensitive to other load than the wall-clock figures`
    );
    console.log(
        `server start to initialised: ${ms(startMs)}; RSS at the end ${memory.rssMiB.toFixed(0)} MiB, peak ${memory.peakRssMiB.toFixed(0)} MiB; ping median ${ms(median(results.map(r => r.pingMs.median)))}`
    );
    const misses = [];
    for (const r of results) {
        const checked = [
            ['hover.p95Ms', r.hoverMs.p95],
            ['completion.p95Ms', r.completionMs.p95],
            ['revalidate.medianMs', r.revalidateMs.median],
            ['revalidate.p95Ms', r.revalidateMs.p95],
            ['typing.medianMs', r.typingMs.median],
            ['typing.p95Ms', r.typingMs.p95],
            ['memory.rssMiB', r.memory.rssMiB]
        ];
        for (const [key, value] of checked) {
            const target = TARGETS[key];
            if (target && value > target.max) misses.push(`${r.pack}: ${key} = ${value.toFixed(1)} > ${target.max}`);
        }
    }
    console.log(misses.length === 0 ? 'All targets met.' : `Targets missed:\n  ${misses.join('\n  ')}`);
    const resultsDir = path.join(ROOT, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
        path.join(resultsDir, 'lsp-latest.json'),
        JSON.stringify(
            {
                date: new Date().toISOString(),
                node: process.version,
                cpus: os.cpus().length,
                loadAverage: { start: loadAtStart, end: os.loadavg() },
                startMs,
                memory,
                results,
                misses
            },
            null,
            2
        )
    );
    log(`Written bench/results/lsp-latest.json (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (CHECK && misses.length > 0) process.exitCode = 1;
}
