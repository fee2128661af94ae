// Runs mutants through `ntm check`'s own path (compilePack over the file system, the same roots as
// compilePackFile, then the list of unverified thresholds), loads the generated module of each error-free
// mutant and evaluates it. It runs in a worker thread so that a hang can be stopped and named by its seed.
// It loads the *built* packages: run `npm run build` after changing a source file.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { URI } from 'langium';
import { compilePack, unverifiedThresholds } from '@ntm/evaluation';
import { compilePackFile, loadEvaluator, ntmServices, projectRoot } from '@ntm/evaluation/node';

const forbidden = new RegExp(workerData.forbidden, 'gu');
const services = await ntmServices();

// Warm up on the real packs (their bases stay loaded, the code is compiled) so that the time bound measures
// the mutant, not the start of the worker.
for (const file of workerData.warmUp) await compilePackFile(file);

parentPort.on('message', async job => {
    parentPort.postMessage({ seed: job.seed, outcome: await run(job) });
});
parentPort.postMessage({ ready: true });

async function run({ text, file }) {
    const started = performance.now();
    const uri = pathToFileURL(file).toString();
    const outcome = { issues: [], listed: [], hasErrors: false };
    try {
        const compiled = await compilePack(services, uri, file, text, [pathToFileURL(projectRoot(file)).toString()]);
        outcome.issues = compiled.issues.map(({ severity, message, line, column }) => ({ severity, message, line, column }));
        outcome.hasErrors = compiled.loaded.hasErrors;
        outcome.listed = unverifiedThresholds(compiled.loaded.pack).map(item =>
            `${item.kind} ${item.where}: ${item.note ?? ''}${item.bounds ? `; ${item.bounds} ${item.basis ?? ''}` : ''}`);
        outcome.compileMs = performance.now() - started;
        if (compiled.javascript !== undefined) outcome.module = await evaluateAll(compiled, text);
    } catch (error) {
        outcome.crash = String(error?.stack ?? error);
    } finally {
        // The mutant is not a file: drop its document so the next one starts from the real packs alone.
        await services.shared.workspace.DocumentBuilder.update([], [URI.parse(uri)]).catch(() => undefined);
    }
    outcome.ms = performance.now() - started;
    return outcome;
}

/** Evaluates the module at every date the pack names and with a few synthetic fact sets; collects what goes wrong. */
async function evaluateAll(compiled, text) {
    const report = { thrown: [], strange: [], evaluations: 0 };
    let evaluator;
    try {
        evaluator = await loadEvaluator(compiled);
    } catch (error) {
        report.loadError = String(error?.stack ?? error);
        return report;
    }
    const pack = evaluator.PACK;
    // Only dates the pack is in force: outside them `evaluate` throws NtmEvaluationError by contract (a base's
    // amendment may come after a provincial pack has expired).
    const inForce = date => date >= pack.validFrom && (pack.validTo === undefined || date <= pack.validTo);
    const dates = [...new Set([pack.validFrom, ...pack.amendments.map(a => a.from), pack.validTo].filter(Boolean))].filter(inForce);
    const runs = dates.map(date => ({ facts: {}, options: { ngàyĐánhGiá: date } }));
    const specs = evaluator.FACT_SPECS.filter(spec => !spec.derived);
    for (let variant = 0; variant < 4; variant++) {
        for (const date of [dates[0], dates[dates.length - 1]]) {
            runs.push({ facts: syntheticFacts(specs, variant, date), options: optionsFor(specs, variant, date) });
        }
    }
    for (const { facts, options } of runs) {
        report.evaluations++;
        const label = `${options.ngàyĐánhGiá} with ${Object.keys(facts).length} facts`;
        try {
            const result = evaluator.evaluate(facts, options);
            for (const found of strangeValues(result, '', text)) report.strange.push(`${label}: ${found}`);
        } catch (error) {
            report.thrown.push(`${label}: ${String(error?.stack ?? error)}`);
        }
    }
    return report;
}

const NUMBERS = [0, 100, 1e12, 0.3333];
/** Counts are whole numbers: a fraction is an input error the module rightly refuses (NtmInputError). */
const COUNTS = [0, 100, 1e12, 7];
const MEMBERS = ['Thôn Một', 'Thôn Hai'];

/** Facts of every kind, all valid input: zero or false or the lowest level, then middling, huge and odd values. */
function syntheticFacts(specs, variant, date) {
    const year = Number(String(date).slice(0, 4));
    const facts = {};
    for (const spec of specs) {
        const value = scalar(spec, variant, year);
        facts[spec.name] = spec.index === 'năm' ? { [year - 2]: value, [year - 1]: value, [year]: value }
            : spec.index ? Object.fromEntries(MEMBERS.map(m => [m, value]))
                : spec.members && variant === 3 ? Object.fromEntries(spec.members.map(m => [m, value]))
                    : value;
    }
    return facts;
}

function scalar(spec, variant, year) {
    switch (spec.kind) {
        case 'boolean': return variant % 2 === 1;
        case 'level': return (spec.levels ?? [])[variant % 2 === 0 ? 0 : Math.max(0, (spec.levels ?? []).length - 1)] ?? '';
        case 'date': return `${year}-01-01`;
        case 'year': return year - variant;
        case 'count': return COUNTS[variant];
        default: return NUMBERS[variant];
    }
}

function optionsFor(specs, variant, date) {
    const lists = Object.fromEntries(specs.filter(s => s.index && s.index !== 'năm').map(s => [s.index, MEMBERS]));
    return { ngàyĐánhGiá: date, vùng: ['ĐBSH', 'TDMNPB', 'ĐNB', undefined][variant], nhóm: [1, 2, 3, undefined][variant], danhSách: lists };
}

/**
 * Strings in a result that show an internal value (undefined, NaN, …) the pack's text does not contain (a
 * result may quote the pack), and numbers that are not finite.
 */
function* strangeValues(value, path, text) {
    if (typeof value === 'string') {
        if ((value.match(forbidden) ?? []).some(word => !text.includes(word))) yield `${path} = ${JSON.stringify(value)}`;
    } else if (typeof value === 'number') {
        if (!Number.isFinite(value)) yield `${path} = ${value}`;
    } else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) yield* strangeValues(value[i], `${path}[${i}]`, text);
    } else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) yield* strangeValues(inner, path ? `${path}.${key}` : key, text);
    }
}
