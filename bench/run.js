// Benchmarks of the ntm compiler and of the evaluators it generates. Every figure that is checked is a
// ratio to a baseline measured in the same process (see docs/benchmarks.md); absolute times are printed
// for information only, since machines differ.
//
//   node bench/run.js [--check] [--quick] [--pack file.ntm] [--commune commune.json] [--print-baseline float|exact|explained]
//
// --check           exit 1 when a figure misses its target in bench/targets.json
// --quick           fewer and shorter samples (a smoke run; noisier)
// --pack, --commune measure another pack / commune file (default: the Hà Nam pack and xã Liêm Cần, else tour.ntm)
// --print-baseline  print the baseline function emitted for the pack, and stop

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Memory figures need a forced GC: re-run this script under --expose-gc when it was not given.
if (typeof global.gc !== 'function') {
    const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(child.status ?? 1);
}

const { createNtmCoreServices, loadPackText } = await import('@ntm/language');
const { loadEvaluator, linkRuntime, readCommuneFile } = await import('@ntm/evaluation/node');
const { emitBaseline, factHints, rulesDocument } = await import('./lib/baselines.js');
const { factGenerator, syntheticPack } = await import('./lib/synthetic.js');
const { compare, retainedBytesPerItem, timeOnce, consumed } = await import('./lib/measure.js');
const { BEFORE_BYTES, cliCpu, moduleSizes } = await import('./lib/startup.js');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const CHECK = args.includes('--check');
const QUICK = args.includes('--quick');
const TIMING = QUICK ? { samples: 3, sampleMs: 60, warmupMs: 100 } : { samples: 7, sampleMs: 200, warmupMs: 300 };
const BATCH_SIZE = 10_000;
const SEED = 20241126;

const REAL_PACK = path.join(ROOT, 'rulesets/ha-nam/ntm-nang-cao.ntm');
const REAL_COMMUNE = path.join(ROOT, 'examples/ha-nam/liem-can-2024.json');
const TOUR_PACK = path.join(ROOT, 'packages/language/test/resources/examples/tour.ntm');

const metrics = {};
const notes = [];
const rows = [];
const log = (text) => process.stderr.write(`${text}\n`);

/** Fresh compiler services: one document at a time, as the CLI has when compiling one pack. */
function freshServices() {
    return createNtmCoreServices().Ntm;
}

async function compileText(services, text, uri) {
    const loaded = await loadPackText(services, text, uri);
    if (loaded.hasErrors) {
        const errors = loaded.diagnostics.filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`);
        return { loaded, errors };
    }
    const generated = services.generation.TsGenerator.generate(loaded.pack);
    return { loaded, typescript: generated.text, javascript: generated.javascript };
}

async function importSource(source) {
    return await import(`data:text/javascript;base64,${Buffer.from(source, 'utf8').toString('base64')}`);
}

// ---------------------------------------------------------------------------------------------------------
// The pack and commune under test: the real Hà Nam pack and xã Liêm Cần when present, else tour.ntm.

async function choosePack() {
    const explicitPack = option('--pack');
    const candidates = explicitPack ? [path.resolve(explicitPack)] : [REAL_PACK, TOUR_PACK];
    for (const file of candidates) {
        if (!existsSync(file)) {
            notes.push(`${path.relative(ROOT, file)} not found: skipped.`);
            continue;
        }
        const services = freshServices();
        const text = readFileSync(file, 'utf8');
        const compiled = await compileText(services, text, pathToFileURL(file).toString());
        if (compiled.errors) {
            notes.push(`${path.relative(ROOT, file)} has errors (${compiled.errors.slice(0, 3).join('; ')}): skipped.`);
            continue;
        }
        try {
            const baselines = {};
            for (const mode of ['float', 'exact', 'explained']) {
                baselines[mode] = { source: emitBaseline(compiled.loaded.pack, services, mode) };
                baselines[mode].module = await importSource(baselines[mode].source);
            }
            return {
                file, text, services, compiled, baselines,
                evaluator: await loadEvaluator({ javascript: compiled.javascript }),
                hints: factHints(compiled.loaded.pack, services),
                rules: rulesDocument(compiled.loaded.pack)
            };
        } catch (error) {
            notes.push(`${path.relative(ROOT, file)}: no baseline could be emitted (${error.message}): skipped.`);
        }
    }
    throw new Error(`No usable pack: ${notes.join(' ')}`);
}

async function chooseCommune(subject, synthetic) {
    const explicit = option('--commune');
    const file = explicit ? path.resolve(explicit) : subject.file === REAL_PACK ? REAL_COMMUNE : undefined;
    if (file && existsSync(file)) {
        const commune = await readCommuneFile(file);
        if (commune.data) {
            // The evaluator reads the file's facts as written (units, breakdowns, ranges) and checks them itself.
            const facts = commune.data['dữ kiện'] ?? {};
            return { name: path.relative(ROOT, file), file, facts, date: commune.data['ngày đánh giá'] };
        }
        notes.push(`${path.relative(ROOT, file)} could not be read: using a synthetic commune.`);
    } else if (file) {
        notes.push(`${path.relative(ROOT, file)} not found: using a synthetic commune.`);
    }
    return { name: `synthetic commune #0 (seed ${SEED})`, facts: synthetic[0], date: undefined };
}

// ---------------------------------------------------------------------------------------------------------

function addRow(scenario, measure, subject, baseline, ratio, key) {
    rows.push({ scenario, measure, subject, baseline, ratio, key });
}

const fmtNs = (ns) => ns >= 1e9 ? `${(ns / 1e9).toFixed(2)} s` : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;
const fmtRatio = (r) => r === undefined ? 'n/a' : r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
const fmtBytes = (b) => b === undefined ? 'n/a' : b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MiB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KiB` : `${b.toFixed(0)} B`;
const spread = (m) => `${fmtRatio(m.ratioMin)}–${fmtRatio(m.ratioMax)}`;

function record(key, value, extra = {}) {
    metrics[key] = { value, ...extra };
    return value;
}

/** Indicator verdicts of the evaluator against a baseline's booleans, over đạt / chưa đạt verdicts only. */
function agreement(subject, communes, options, mode) {
    let checked = 0;
    const differences = [];
    for (const facts of communes) {
        const result = subject.evaluator.evaluate(facts, options);
        const base = subject.baselines[mode].module.evaluate(facts);
        for (const indicator of result.indicators) {
            if (indicator.verdict !== 'đạt' && indicator.verdict !== 'chưa đạt') continue;
            checked++;
            if ((indicator.verdict === 'đạt') !== base.indicators[indicator.label]) {
                differences.push({ label: indicator.label, verdict: indicator.verdict, value: indicator.value?.text, rule: indicator.rule });
            }
        }
    }
    return { checked, differences };
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
    const started = Date.now();
    log(`ntm bench: Node ${process.version}, ${os.cpus().length} cores${QUICK ? ', --quick' : ''}`);
    const subject = await choosePack();
    const printMode = option('--print-baseline');
    if (printMode) {
        process.stdout.write(subject.baselines[printMode]?.source ?? `No baseline «${printMode}»: float, exact or explained.\n`);
        return;
    }
    const packName = path.relative(ROOT, subject.file);
    const indicatorCount = subject.rules.length;
    const generate = factGenerator(subject.evaluator.FACT_SPECS, subject.hints, SEED);
    const communes = Array.from({ length: BATCH_SIZE }, generate);
    const commune = await chooseCommune(subject, communes);
    const options = { ngàyĐánhGiá: commune.date ?? subject.evaluator.PACK.validFrom };
    log(`pack: ${packName} (${indicatorCount} indicators, ${subject.evaluator.FACT_SPECS.length} facts); commune: ${commune.name}`);

    // Same work on both sides: the baselines must reach the evaluator's verdicts.
    const sampleCommunes = communes.slice(0, 1000);
    const exactCheck = agreement(subject, sampleCommunes, options, 'exact');
    const floatCheck = agreement(subject, sampleCommunes, options, 'float');
    record('baseline.exactAgreement', 1 - exactCheck.differences.length / Math.max(1, exactCheck.checked), { checked: exactCheck.checked, examples: exactCheck.differences.slice(0, 5) });
    record('baseline.floatAgreement', 1 - floatCheck.differences.length / Math.max(1, floatCheck.checked), { checked: floatCheck.checked, examples: floatCheck.differences.slice(0, 5) });
    if (exactCheck.differences.length > 0) {
        notes.push(`The exact baseline differs from the evaluator on ${exactCheck.differences.length}/${exactCheck.checked} verdicts, e.g. ${JSON.stringify(exactCheck.differences[0])}: the baseline does not do the same work.`);
    }
    notes.push(floatCheck.differences.length === 0
        ? `Float verdicts agree with exact ones on all ${floatCheck.checked} met/not-met indicator verdicts of 1,000 synthetic communes.`
        : `Float arithmetic gets ${floatCheck.differences.length}/${floatCheck.checked} verdicts of 1,000 synthetic communes wrong (e.g. ${floatCheck.differences[0].label}: ${floatCheck.differences[0].value}, ${floatCheck.differences[0].rule}, is «${floatCheck.differences[0].verdict}»).`);

    // (1) One commune.
    log('(1) one commune…');
    const evaluateOne = { fn: () => subject.evaluator.evaluate(commune.facts, options), consume: r => r.indicators.length };
    const floatOne = { fn: () => subject.baselines.float.module.evaluate(commune.facts), consume: r => r.recognised ? 1 : 0 };
    const exactOne = { fn: () => subject.baselines.exact.module.evaluate(commune.facts), consume: r => r.recognised ? 1 : 0 };
    const explainedOne = { fn: () => subject.baselines.explained.module.evaluate(commune.facts), consume: r => r.indicators.length };
    const vsFloat = await compare(evaluateOne, floatOne, TIMING);
    record('evaluate.ratioVsFloat', vsFloat.ratio, { ns: vsFloat.subjectNs, baselineNs: vsFloat.baselineNs, min: vsFloat.ratioMin, max: vsFloat.ratioMax });
    addRow('1 one commune', 'evaluator / float function', fmtNs(vsFloat.subjectNs), fmtNs(vsFloat.baselineNs), `${fmtRatio(vsFloat.ratio)} (${spread(vsFloat)})`, 'evaluate.ratioVsFloat');
    const vsExplained = await compare(evaluateOne, explainedOne, TIMING);
    record('evaluate.ratioVsExplainedFloat', vsExplained.ratio, { ns: vsExplained.subjectNs, baselineNs: vsExplained.baselineNs, min: vsExplained.ratioMin, max: vsExplained.ratioMax });
    addRow('1 one commune', 'evaluator / float function with explanations', fmtNs(vsExplained.subjectNs), fmtNs(vsExplained.baselineNs), `${fmtRatio(vsExplained.ratio)} (${spread(vsExplained)})`, 'evaluate.ratioVsExplainedFloat');
    const vsExact = await compare(evaluateOne, exactOne, TIMING);
    record('evaluate.ratioVsBareExact', vsExact.ratio, { ns: vsExact.subjectNs, baselineNs: vsExact.baselineNs });
    addRow('1 one commune', 'evaluator / bare BigInt-rational function', fmtNs(vsExact.subjectNs), fmtNs(vsExact.baselineNs), fmtRatio(vsExact.ratio), 'evaluate.ratioVsBareExact');
    const exactVsFloat = await compare(exactOne, floatOne, TIMING);
    record('evaluate.bareExactOverFloat', exactVsFloat.ratio, { ns: exactVsFloat.subjectNs, baselineNs: exactVsFloat.baselineNs });
    addRow('1 one commune', 'bare BigInt-rational / float (price of exactness)', fmtNs(exactVsFloat.subjectNs), fmtNs(exactVsFloat.baselineNs), fmtRatio(exactVsFloat.ratio), 'evaluate.bareExactOverFloat');

    // (2) A batch of synthetic communes.
    log(`(2) batch of ${BATCH_SIZE} communes…`);
    const batchTiming = { ...TIMING, samples: Math.max(3, TIMING.samples - 2) };
    const batch = (evaluate) => ({ fn: () => { let n = 0; for (const facts of communes) n += evaluate(facts) ? 1 : 0; return n; }, consume: n => n });
    const batchEval = batch(facts => subject.evaluator.evaluate(facts, options).summary);
    const batchFloat = batch(facts => subject.baselines.float.module.evaluate(facts).recognised);
    const batchExplained = batch(facts => subject.baselines.explained.module.evaluate(facts).summary);
    const batchVsFloat = await compare(batchEval, batchFloat, batchTiming);
    const perSecond = BATCH_SIZE / (batchVsFloat.subjectNs / 1e9);
    const floatPerSecond = BATCH_SIZE / (batchVsFloat.baselineNs / 1e9);
    record('batch.ratioVsFloat', batchVsFloat.ratio, { ns: batchVsFloat.subjectNs, baselineNs: batchVsFloat.baselineNs, min: batchVsFloat.ratioMin, max: batchVsFloat.ratioMax });
    record('batch.communesPerSecond', perSecond, { info: true, float: floatPerSecond });
    addRow('2 batch', `${BATCH_SIZE.toLocaleString('en-US')} communes: evaluator / float`, fmtNs(batchVsFloat.subjectNs), fmtNs(batchVsFloat.baselineNs), `${fmtRatio(batchVsFloat.ratio)} (${spread(batchVsFloat)})`, 'batch.ratioVsFloat');
    addRow('2 batch', 'communes per second (evaluator | float)', `${Math.round(perSecond).toLocaleString('en-US')}/s`, `${Math.round(floatPerSecond).toLocaleString('en-US')}/s`, '—', 'batch.communesPerSecond');
    const batchVsExplained = await compare(batchEval, batchExplained, batchTiming);
    record('batch.ratioVsExplainedFloat', batchVsExplained.ratio, { ns: batchVsExplained.subjectNs, baselineNs: batchVsExplained.baselineNs, min: batchVsExplained.ratioMin, max: batchVsExplained.ratioMax });
    addRow('2 batch', 'evaluator / float with explanations', fmtNs(batchVsExplained.subjectNs), fmtNs(batchVsExplained.baselineNs), `${fmtRatio(batchVsExplained.ratio)} (${spread(batchVsExplained)})`, 'batch.ratioVsExplainedFloat');
    const heapEval = retainedBytesPerItem(communes, facts => subject.evaluator.evaluate(facts, options));
    const heapFloat = retainedBytesPerItem(communes, facts => subject.baselines.float.module.evaluate(facts));
    const heapExplained = retainedBytesPerItem(communes, facts => subject.baselines.explained.module.evaluate(facts));
    record('batch.heapBytesPerCommune', heapEval, { info: true, float: heapFloat, explained: heapExplained });
    record('batch.heapRatioVsFloat', heapEval && heapFloat ? heapEval / heapFloat : undefined);
    record('batch.heapRatioVsExplainedFloat', heapEval && heapExplained ? heapEval / heapExplained : undefined);
    addRow('2 batch', 'heap kept per result: evaluator / float', fmtBytes(heapEval), fmtBytes(heapFloat), fmtRatio(metrics['batch.heapRatioVsFloat'].value), 'batch.heapRatioVsFloat');
    addRow('2 batch', 'heap kept per result: evaluator / float with explanations', fmtBytes(heapEval), fmtBytes(heapExplained), fmtRatio(metrics['batch.heapRatioVsExplainedFloat'].value), 'batch.heapRatioVsExplainedFloat');

    // (3) Compiling: parse + link + validate + generate, against JSON.parse of the same rules as JSON.
    log('(3) compile…');
    const rulesJson = JSON.stringify(subject.rules, undefined, 2);
    const compileSide = (text, uri) => {
        const services = freshServices();
        return { fn: () => compileText(services, text, uri), consume: c => c.javascript?.length ?? 0, async: true };
    };
    const parseSide = { fn: () => JSON.parse(rulesJson), consume: r => r.length };
    const compileVsParse = await compare(compileSide(subject.text, 'file:///bench/pack.ntm'), parseSide, TIMING);
    const textBytes = Buffer.byteLength(subject.text), jsonBytes = Buffer.byteLength(rulesJson);
    const perByte = compileVsParse.ratio * jsonBytes / textBytes;
    record('compile.ratioVsJsonParse', compileVsParse.ratio, { ns: compileVsParse.subjectNs, baselineNs: compileVsParse.baselineNs, ntmBytes: textBytes, jsonBytes });
    record('compile.perByteRatioVsJsonParse', perByte);
    addRow('3 compile', `${path.basename(subject.file)} (${fmtBytes(textBytes)}) / JSON.parse of its rules (${fmtBytes(jsonBytes)})`, fmtNs(compileVsParse.subjectNs), fmtNs(compileVsParse.baselineNs), fmtRatio(compileVsParse.ratio), 'compile.ratioVsJsonParse');
    addRow('3 compile', 'the same, per byte of input', '', '', fmtRatio(perByte), 'compile.perByteRatioVsJsonParse');

    const sizes = {};
    for (const blocks of [1, 10, 100]) {
        const text = syntheticPack(blocks);
        const check = await compileText(freshServices(), text, `file:///bench/synthetic-${blocks}.ntm`);
        if (check.errors) throw new Error(`The synthetic pack ×${blocks} has errors: ${check.errors.slice(0, 3).join('; ')}`);
        sizes[blocks] = { text, lines: text.split('\n').length, bytes: Buffer.byteLength(text) };
    }
    const scale10 = await compare(compileSide(sizes[10].text, 'file:///bench/s10.ntm'), compileSide(sizes[1].text, 'file:///bench/s1.ntm'), batchTiming);
    const scale100 = await compare(compileSide(sizes[100].text, 'file:///bench/s100.ntm'), compileSide(sizes[10].text, 'file:///bench/s10b.ntm'), batchTiming);
    record('compile.scaling10xOver1x', scale10.ratio, { ns: scale10.subjectNs, baselineNs: scale10.baselineNs, lines: sizes[10].lines });
    record('compile.scaling100xOver10x', scale100.ratio, { ns: scale100.subjectNs, baselineNs: scale100.baselineNs, lines: sizes[100].lines });
    addRow('3 compile', `synthetic 100 / 10 indicators (${sizes[10].lines} / ${sizes[1].lines} lines)`, fmtNs(scale10.subjectNs), fmtNs(scale10.baselineNs), fmtRatio(scale10.ratio), 'compile.scaling10xOver1x');
    addRow('3 compile', `synthetic 1000 / 100 indicators (${sizes[100].lines} / ${sizes[10].lines} lines)`, fmtNs(scale100.subjectNs), fmtNs(scale100.baselineNs), fmtRatio(scale100.ratio), 'compile.scaling100xOver10x');

    // Where the time of the largest compile goes, and what loading a generated module costs.
    const big = freshServices();
    const parseValidateMs = await timeOnce(() => loadPackText(big, sizes[100].text, 'file:///bench/split.ntm'), 3);
    const bigLoaded = await loadPackText(big, sizes[100].text, 'file:///bench/split.ntm');
    const generateMs = await timeOnce(() => big.generation.TsGenerator.generate(bigLoaded.pack), 3);
    // The generator writes the JavaScript itself: loading a pack is an import(), no compiler in between.
    const javascript = linkRuntime(subject.compiled.javascript);
    const importMs = await timeOnce((i) => importSource(`${javascript}\n// ${i}\n`), 5);
    record('compile.largeParseValidateMs', parseValidateMs, { info: true, lines: sizes[100].lines });
    record('compile.largeGenerateMs', generateMs, { info: true });
    record('load.importMs', importMs, { info: true });
    addRow('3 compile', '1000 indicators: parse + link + validate', `${parseValidateMs.toFixed(0)} ms`, '', '—', 'compile.largeParseValidateMs');
    addRow('3 compile', '1000 indicators: generate TypeScript, JavaScript and .d.ts', `${generateMs.toFixed(0)} ms`, '', '—', 'compile.largeGenerateMs');
    addRow('3 load', `${path.basename(subject.file)}: import() of the generated JS module`, `${importMs.toFixed(1)} ms`, '', '—', 'load.importMs');

    // (4) Serialising one result.
    log('(4) JSON.stringify of a result…');
    const result = subject.evaluator.evaluate(commune.facts, options);
    const floatResult = subject.baselines.float.module.evaluate(commune.facts);
    const explainedResult = subject.baselines.explained.module.evaluate(commune.facts);
    const stringifySide = (value) => ({ fn: () => JSON.stringify(value), consume: s => s.length });
    const stringifyVsFloat = await compare(stringifySide(result), stringifySide(floatResult), TIMING);
    const stringifyVsExplained = await compare(stringifySide(result), stringifySide(explainedResult), TIMING);
    const bytes = { result: Buffer.byteLength(JSON.stringify(result)), float: Buffer.byteLength(JSON.stringify(floatResult)), explained: Buffer.byteLength(JSON.stringify(explainedResult)) };
    record('stringify.ratioVsFloatResult', stringifyVsFloat.ratio, { ns: stringifyVsFloat.subjectNs, baselineNs: stringifyVsFloat.baselineNs, bytes: bytes.result, baselineBytes: bytes.float });
    record('stringify.ratioVsExplainedResult', stringifyVsExplained.ratio, { ns: stringifyVsExplained.subjectNs, baselineNs: stringifyVsExplained.baselineNs, baselineBytes: bytes.explained });
    record('stringify.overEvaluate', stringifyVsFloat.subjectNs / vsFloat.subjectNs, { info: true });
    addRow('4 stringify', `result (${fmtBytes(bytes.result)}) / float result (${fmtBytes(bytes.float)})`, fmtNs(stringifyVsFloat.subjectNs), fmtNs(stringifyVsFloat.baselineNs), fmtRatio(stringifyVsFloat.ratio), 'stringify.ratioVsFloatResult');
    addRow('4 stringify', `result / explained float result (${fmtBytes(bytes.explained)})`, fmtNs(stringifyVsExplained.subjectNs), fmtNs(stringifyVsExplained.baselineNs), fmtRatio(stringifyVsExplained.ratio), 'stringify.ratioVsExplainedResult');
    addRow('4 stringify', 'stringify / evaluate, one commune', fmtNs(stringifyVsFloat.subjectNs), fmtNs(vsFloat.subjectNs), fmtRatio(metrics['stringify.overEvaluate'].value), 'stringify.overEvaluate');

    // (5) What an app pays to adopt the pack: module size, and `ntm eval` with the pack cached.
    log('(5) module size and ntm eval start-up…');
    const built = moduleSizes(ROOT, subject.file);
    record('size.bundledBytes', built.bundled.bytes, { info: true, gzip: built.bundled.gzip, plain: built.plain, typescript: built.typescript });
    record('size.bundledOverBefore', built.bundled.bytes / BEFORE_BYTES, { beforeBytes: BEFORE_BYTES });
    addRow('5 module', `${path.basename(subject.file)} --bundle, one self-contained unminified .js / 329 KB before`, fmtBytes(built.bundled.bytes), fmtBytes(BEFORE_BYTES), fmtRatio(built.bundled.bytes / BEFORE_BYTES), 'size.bundledOverBefore');
    addRow('5 module', 'the same, gzip -9', fmtBytes(built.bundled.gzip), '', '—', 'size.bundledBytes');
    addRow('5 module', `plain .js (imports @ntm/runtime) | .ts (--ts)`, fmtBytes(built.plain.bytes), fmtBytes(built.typescript.bytes), '—', 'size.bundledBytes');
    if (commune.file) {
        const cpu = cliCpu(ROOT, subject.file, commune.file, QUICK ? 5 : 11);
        record('cli.evalCachedOverNodeCpu', cpu.ratio, { cachedMs: cpu.cachedMs, nodeMs: cpu.nodeMs, compilingMs: cpu.compilingMs, min: cpu.min, max: cpu.max });
        addRow('5 start-up', 'ntm eval, pack in the cache / node -e 0 (CPU)', `${cpu.cachedMs.toFixed(0)} ms`, `${cpu.nodeMs.toFixed(0)} ms`, `${fmtRatio(cpu.ratio)} (${fmtRatio(cpu.min)}–${fmtRatio(cpu.max)})`, 'cli.evalCachedOverNodeCpu');
        addRow('5 start-up', 'ntm eval, first run (compiles and caches the pack; CPU)', `${cpu.compilingMs.toFixed(0)} ms`, `${cpu.nodeMs.toFixed(0)} ms`, fmtRatio(cpu.compilingMs / cpu.nodeMs), 'cli.evalCachedOverNodeCpu');
    } else {
        notes.push('No commune file: ntm eval start-up not measured.');
    }

    // Targets, table, results file.
    const targets = JSON.parse(readFileSync(path.join(ROOT, 'bench/targets.json'), 'utf8')).targets;
    const checks = Object.entries(targets).map(([key, target]) => {
        const value = metrics[key]?.value;
        const ok = value !== undefined && (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
        return { key, value, max: target.max, min: target.min, ok };
    });
    console.log(`Pack ${packName} (${indicatorCount} indicators); commune ${commune.name}; Node ${process.version}, ${os.cpus().length} cores${QUICK ? ', --quick' : ''}`);
    printTable(checks);
    for (const note of notes) console.log(`• ${note}`);
    const failed = checks.filter(c => !c.ok);
    console.log(failed.length === 0
        ? `All ${checks.length} targets met.`
        : `${failed.length}/${checks.length} targets missed: ${failed.map(c => `${c.key} = ${c.value === undefined ? 'n/a' : Number(c.value.toPrecision(4))}`).join(', ')}.`);

    const resultsDir = path.join(ROOT, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify({
        date: new Date().toISOString(),
        node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model,
        quick: QUICK, timing: TIMING, seed: SEED, batchSize: BATCH_SIZE,
        pack: packName, indicators: indicatorCount, commune: commune.name,
        metrics, checks, notes, seconds: (Date.now() - started) / 1000, sink: consumed() > 0
    }, undefined, 2) + '\n');
    log(`Written bench/results/latest.json (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (CHECK && failed.length > 0) process.exitCode = 1;
}

function printTable(checks) {
    const byKey = new Map(checks.map(c => [c.key, c]));
    const goal = (c) => `${c.max !== undefined ? `≤ ${c.max}` : `≥ ${c.min}`} ${c.ok ? '✓' : '✗'}`;
    const header = ['Scenario', 'Measure', 'Subject', 'Baseline', 'Ratio', 'Target'];
    const body = rows.map(r => {
        const target = byKey.get(r.key);
        return [r.scenario, r.measure, r.subject, r.baseline, r.ratio, target ? goal(target) : ''];
    });
    for (const c of checks.filter(c => !rows.some(r => r.key === c.key))) {
        body.push(['check', c.key, '', '', c.value === undefined ? 'n/a' : String(Number(c.value.toFixed(4))), goal(c)]);
    }
    const widths = header.map((h, i) => Math.max(h.length, ...body.map(b => b[i].length)));
    const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log(line(header));
    console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
    for (const b of body) console.log(line(b));
}

await main();
