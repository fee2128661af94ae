// Benchmark of `ntm batch`: 10 000 synthetic communes from one .xlsx through evaluation to the output
// workbook, against the spreadsheet library alone reading the same input and writing a workbook of the
// same shape, in the same run; peak resident memory of each. See docs/benchmarks.md («Đánh giá hàng loạt»).
//
//   node bench/batch.js [--communes 10000] [--pack rulesets/ha-nam/ntm-nang-cao.ntm] [--runs 1] [--check]
//
// --check  exit 1 when end to end takes more than 1.5× the library alone, or peaks above 500 MiB (the targets)
// --bound  also run the batch's own steps with evaluation at the verdicts-only path's cost (no values, thresholds or
//          clauses: what compiled explanations could at best cost), to say what the target needs
//
// Each side runs in its own child process (so peak RSS is its own); the children are this script with
// --child. The input workbook is generated once (seeded) in bench/results/ and reused.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
};
const COMMUNES = Number(option('--communes', '10000'));
const PACK = path.resolve(ROOT, option('--pack', 'rulesets/ha-nam/ntm-nang-cao.ntm'));
const RUNS = Number(option('--runs', '1'));
const SEED = 20241126;
const log = text => process.stderr.write(`${text}\n`);
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;
const mib = kib => `${Math.round(kib / 1024)} MiB`;

/** Output cells' fills back to their styles (the baseline writes the same styles). */
const STYLE_OF_FILL = new Map([
    ['FFC6EFCE', 'đạt'],
    ['FFFFC7CE', 'chưa đạt'],
    ['FFFFEB9C', 'thiếu dữ liệu'],
    ['FFEDEDED', 'không áp dụng'],
    ['FFC00000', 'lỗi']
]);

/** Rows of each output sheet the baseline keeps; it writes them over and over up to the sheet's row count. */
const SAMPLE_ROWS = 500;

const child = option('--child');
if (child) {
    const result = await runChild(child, option('--input'), option('--out'));
    result.maxRssKiB = process.resourceUsage().maxRSS;
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------
// Parent: the input, then subject and baseline alternately, each in a fresh process.

const results = path.join(ROOT, 'bench/results');
mkdirSync(results, { recursive: true });
const input = path.join(results, `batch-${COMMUNES}-${path.basename(PACK, '.ntm')}.xlsx`);
if (!existsSync(input)) {
    log(`Generating ${COMMUNES} synthetic communes for ${path.relative(ROOT, PACK)} → ${path.relative(ROOT, input)} …`);
    await generateInput(input);
}
const work = mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-batch-'));
const runs = { e2e: [], baseline: [], phases: [], steps: [], bound: [] };
try {
    // The first end-to-end run's output gives the baseline the shape of the workbook to write.
    for (let r = 0; r < RUNS; r++) {
        for (const side of r % 2 === 0 || r === 0 ? ['e2e', 'baseline'] : ['baseline', 'e2e']) {
            log(`run ${r + 1}/${RUNS}: ${side} …`);
            runs[side].push(spawnChild(side));
        }
    }
    log('phases (where the time goes) …');
    runs.phases.push(spawnChild('phases'));
    if (args.includes('--bound')) {
        for (let r = 0; r < RUNS; r++) {
            for (const side of ['steps', 'bound']) {
                log(`run ${r + 1}/${RUNS}: ${side} …`);
                runs[side].push(spawnChild(side));
            }
        }
    }
} finally {
    rmSync(work, { recursive: true, force: true });
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const e2eMs = median(runs.e2e.map(r => r.ms));
const baseMs = median(runs.baseline.map(r => r.ms));
const phases = runs.phases[0];
const summary = {
    communes: COMMUNES,
    pack: path.relative(ROOT, PACK),
    node: process.version,
    cpus: os.cpus().length,
    e2eMs,
    baselineMs: baseMs,
    ratio: e2eMs / baseMs,
    e2ePeakRssMiB: Math.max(...runs.e2e.map(r => r.maxRssKiB)) / 1024,
    baselinePeakRssMiB: Math.max(...runs.baseline.map(r => r.maxRssKiB)) / 1024,
    evaluated: runs.e2e[0].evaluated,
    failed: runs.e2e[0].failed,
    phases,
    runs
};
writeFileSync(path.join(results, 'batch-latest.json'), JSON.stringify(summary, undefined, 2));
const rows = [
    ['end to end (compile, read, match, evaluate, write workbook)', seconds(e2eMs), mib(summary.e2ePeakRssMiB * 1024)],
    ['exceljs alone (read the same input, write the same workbook)', seconds(baseMs), mib(summary.baselinePeakRssMiB * 1024)],
    ['ratio (target ≤ 1.5×)', `${summary.ratio.toFixed(2)}×`, ''],
    ...Object.entries(phases.ms).map(([name, ms]) => [`  phase: ${name}`, seconds(ms), '']),
    ...(runs.bound.length > 0
        ? [
              ["the batch's steps, pack compiled beforehand", seconds(median(runs.steps.map(r => r.ms))), mib(Math.max(...runs.steps.map(r => r.maxRssKiB)))],
              [
                  '  the same, evaluation at the verdicts-only cost (a bound)',
                  seconds(median(runs.bound.map(r => r.ms))),
                  mib(Math.max(...runs.bound.map(r => r.maxRssKiB)))
              ],
              ['  bound / exceljs alone', `${(median(runs.bound.map(r => r.ms)) / baseMs).toFixed(2)}×`, '']
          ]
        : [])
];
for (const [what, time, rss] of rows) process.stdout.write(`${what.padEnd(64)} ${time.padStart(9)} ${rss.padStart(9)}\n`);
process.stdout.write(
    `${summary.evaluated} evaluated, ${summary.failed} failed; Node ${process.version}, ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map(l => l.toFixed(1))
        .join(' ')}\n`
);
if (args.includes('--check')) {
    const misses = [
        summary.ratio > 1.5 ? `ratio ${summary.ratio.toFixed(2)}× > 1.5×` : '',
        summary.e2ePeakRssMiB > 500 ? `peak RSS ${Math.round(summary.e2ePeakRssMiB)} MiB > 500 MiB` : ''
    ].filter(Boolean);
    if (misses.length > 0) {
        process.stdout.write(`MISSED: ${misses.join('; ')}\n`);
        process.exitCode = 1;
    }
}

function spawnChild(side) {
    const out = path.join(work, `${side}-${runs[side].length}`);
    mkdirSync(out, { recursive: true });
    const shape = path.join(work, 'e2e-0', path.basename(input).replace(/\.xlsx$/, '-ket-qua.xlsx'));
    const run = spawnSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--child', side, '--input', input, '--out', out, '--pack', PACK, '--shape', shape],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] }
    );
    if (run.status !== 0) throw new Error(`${side} failed (${run.status})`);
    return JSON.parse(run.stdout.trim().split('\n').pop());
}

// ---------------------------------------------------------------------------------------------------------
// Children.

async function runChild(side, inputFile, out) {
    // Neither the library alone nor `ntm batch` loads the compiler in its own thread (the batch compiles
    // its pack in a worker, inside the measured time): each peak RSS is what that side really needs.
    if (side === 'baseline') return await libraryAlone(inputFile, out, option('--shape'));
    if (side === 'e2e') return await endToEnd(inputFile, out);
    if (side === 'steps' || side === 'bound') return await batchSteps(inputFile, out, side === 'bound');
    const { evaluatorFor } = await import('@ntm/evaluation/node');
    const started = performance.now();
    const { evaluator } = await evaluatorFor(PACK);
    if (!evaluator) throw new Error('pack has errors');
    return await phasesOf(inputFile, out, evaluator, performance.now() - started);
}

/** `ntm batch` without the printable report (the workbook is the subject of the target), compiling its pack included. */
async function endToEnd(inputFile, out) {
    const { runBatch } = await import('@ntm/evaluation/batch');
    const t0 = performance.now();
    const result = await runBatch({ inputs: [inputFile], pack: PACK, outputDir: out, report: 'none' });
    const ms = performance.now() - t0;
    return { ms, evaluated: result.tally.evaluated, failed: result.tally.failed };
}

/**
 * `ntm batch --no-bao-cao`'s own steps after its pack is compiled (in its worker, untimed): read, match, build,
 * read each row, evaluate, reduce to cells, write. With `bound`, each commune is evaluated for verdicts only, by
 * the compiled fast path (the region left out, which this pack's tables do not read): the criterion sheets then
 * have no values, thresholds or clauses to show, so this is what evaluation with compiled explanations could at
 * best cost, not something `ntm batch` can do.
 */
async function batchSteps(inputFile, out, bound) {
    const { loadPacks, readSpreadsheet, writeWorkbook } = await import('@ntm/evaluation/batch');
    const { sheetCommuneRows, evaluateRow, BatchTable } = await import('@ntm/evaluation');
    const [{ evaluator: full }] = await loadPacks(PACK, false);
    const evaluator = bound
        ? {
              ...full,
              evaluate: (facts, { vùng: _region, ...options } = {}) => full.evaluate(facts, { ...options, giảiThích: false })
          }
        : full;
    global.gc?.();
    const t0 = performance.now();
    const sheet = await readSpreadsheet(inputFile);
    const rows = sheetCommuneRows(sheet, evaluator.FACT_SPECS);
    const table = new BatchTable();
    for (const row of rows.rows(true)) {
        const outcome = evaluateRow(row, inputFile, evaluator);
        if (outcome.result) table.addEvaluated(outcome.info, outcome.result);
    }
    await writeWorkbook(table.workbook(), createWriteStream(path.join(out, 'steps.xlsx')));
    return { ms: performance.now() - t0, evaluated: table.tally().evaluated };
}

/**
 * The spreadsheet library alone: exceljs's streaming reader over the same input (every cell's value), then
 * its streaming writer writing the very cells, sheets, columns and styles `ntm batch` wrote (read
 * beforehand, untimed, from the first end-to-end run's output).
 */
async function libraryAlone(inputFile, out, shape) {
    const ExcelJS = (await import('exceljs')).default;
    const { writeWorkbook } = await import('@ntm/evaluation/batch');
    const model = await loadModel(ExcelJS, shape);
    global.gc?.();
    const t0 = performance.now();
    let cells = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(inputFile, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' });
    for await (const worksheet of reader) {
        for await (const row of worksheet)
            row.eachCell(() => {
                cells++;
            });
    }
    const stream = createWriteStream(path.join(out, 'baseline.xlsx'));
    await writeWorkbook(model, stream);
    return { ms: performance.now() - t0, inputCells: cells };
}

/**
 * An output workbook read back into a model of the same sheets, columns, row counts and cell styles. Only
 * the first rows of each sheet are kept and repeated, so the baseline holds little more than the library does.
 */
async function loadModel(ExcelJS, file) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' });
    const sheets = [];
    for await (const worksheet of reader) {
        const rows = [];
        let columns = [];
        let count = 0;
        for await (const row of worksheet) {
            const cells = [];
            row.eachCell({ includeEmpty: true }, (cell, col) => {
                const fill = cell.fill?.fgColor?.argb;
                const style = fill ? STYLE_OF_FILL.get(fill) : undefined;
                cells[col - 1] = style ? { value: cell.value, style } : (cell.value ?? undefined);
            });
            if (row.number === 1) columns = cells.map(c => ({ header: String(c?.value ?? c ?? ''), width: 14 }));
            else if (rows.length < SAMPLE_ROWS) rows.push(cells);
            count = row.number - 1;
        }
        const rowCount = count;
        sheets.push({
            name: worksheet.name,
            columns,
            rowCount,
            frozen: { rows: 1, columns: 2 },
            filter: true,
            *rows() {
                for (let i = 0; i < rowCount; i++) yield rows[i % rows.length];
            }
        });
    }
    return { sheets };
}

/** The same work as `runBatch`, step by step, to say where the time goes. */
async function phasesOf(inputFile, out, evaluator, compileMs) {
    const { readSpreadsheet, writeWorkbook } = await import('@ntm/evaluation/batch');
    const { communesFromSheets, evaluateRow, BatchTable, readCommuneValue } = await import('@ntm/evaluation');
    const ms = { 'compile + load the pack (in this thread)': compileMs };
    let t = performance.now();
    const lap = name => {
        const now = performance.now();
        ms[name] = (ms[name] ?? 0) + now - t;
        t = now;
    };
    const sheet = await readSpreadsheet(inputFile);
    lap('read .xlsx (exceljs streaming reader)');
    const { communes } = communesFromSheets(sheet, evaluator.FACT_SPECS);
    lap('cells → commune data (headers, number recovery)');
    for (const row of communes) readCommuneValue(row.data);
    lap('commune data → the one reader (shape, NFC, limits)');
    for (const row of communes) evaluator.evaluate(row.data['dữ kiện'], { ngàyĐánhGiá: row.data['ngày đánh giá'], vùng: row.data['thuộc tính']?.['vùng'] });
    lap('evaluator.evaluate alone');
    const table = new BatchTable();
    for (const row of communes) {
        const outcome = evaluateRow(row, inputFile, evaluator);
        if (outcome.result) table.addEvaluated(outcome.info, outcome.result);
    }
    lap('evaluateRow (reader + evaluate + issues) + results → table');
    await writeWorkbook(table.workbook(), createWriteStream(path.join(out, 'phases.xlsx')));
    lap('write output workbook (exceljs streaming writer)');
    return { ms };
}

// ---------------------------------------------------------------------------------------------------------
// The input: seeded synthetic communes for the pack, written with exceljs's streaming writer.

async function generateInput(file) {
    const { createNtmCoreServices, loadPackText } = await import('@ntm/language');
    const { evaluatorFor } = await import('@ntm/evaluation/node');
    const { inputSheets } = await import('@ntm/evaluation');
    const { factHints } = await import('./lib/baselines.js');
    const { factGenerator } = await import('./lib/synthetic.js');
    const ExcelJS = (await import('exceljs')).default;
    const { evaluator } = await evaluatorFor(PACK);
    const services = createNtmCoreServices().Ntm;
    const loaded = await loadPackText(services, readFileSync(PACK, 'utf8'), `file://${PACK}`);
    const next = factGenerator(evaluator.FACT_SPECS, factHints(loaded.pack, services), SEED);
    const communes = Array.from({ length: COMMUNES }, (_, i) => ({
        xã: `Xã số ${i + 1}`,
        huyện: `Huyện ${1 + (i % 40)}`,
        tỉnh: 'Hà Nam',
        'ngày đánh giá': '2024-11-26',
        'thuộc tính': { vùng: 'ĐBSH' },
        'dữ kiện': next()
    }));
    const [sheet] = inputSheets(evaluator.FACT_SPECS, evaluator.PACK, communes);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow(sheet.columns.map(c => c.header)).commit();
    for (const values of sheet.rows) {
        const row = worksheet.addRow([...values]);
        values.forEach((v, i) => {
            if (v instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
        });
        row.commit();
    }
    await worksheet.commit();
    await workbook.commit();
}
