// Where a generated evaluator spends its time: a CPU profile of many evaluations, summed by groups of
// runtime functions (exact arithmetic, number display, provenance, input reading, …).
//
//   node bench/profile.js [--pack file.ntm] [--communes 5000] [--rounds 6] [--verdicts]
//
// --verdicts profiles `evaluate(facts, { …, giảiThích: false })`: the fast path and what it hands back.
// --top N    also lists the N functions with the most self time (where the samples land), with file and line.
//
// Shares are inclusive (a function's callees count for it) and groups may overlap (formatRat calls rat).
// Turbofan inlining is switched off so that small functions such as ratCmp are seen at all; on this
// evaluator that costs a few percent of speed and does not change the picture.

import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--no-turbo-inlining');

const { readFileSync } = await import('node:fs');
const path = await import('node:path');
const { Session } = await import('node:inspector/promises');
const { createNtmCoreServices, loadPackText } = await import('@ntm/language');
const { loadEvaluator } = await import('@ntm/evaluation/node');
const { factHints } = await import('./lib/baselines.js');
const { communeGenerator, syntheticPack } = await import('./lib/synthetic.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
};
const packFile = option('--pack');
const count = Number(option('--communes', '5000'));
const rounds = Number(option('--rounds', '6'));
const verdicts = args.includes('--verdicts');
const top = Number(option('--top', '0'));

const GROUPS = {
    'exact arithmetic (rat, gcd, ratCmp, ratMul, ratDiv, ratFromNumber, …)': [
        'gcd',
        'rat',
        'ratFromNumber',
        'ratAdd',
        'ratSub',
        'ratMul',
        'ratDiv',
        'ratCmp',
        'ratFloor',
        'ratCeil',
        'ratIsZero',
        'ratIsInteger',
        'ratToNumber',
        'statedMatches'
    ],
    'number display (formatRat, showNum, showVal, showBound)': ['formatRat', 'showNum', 'showVal', 'showBound', 'unitText'],
    'provenance and explanation lists (merge, unique, combine, base)': ['merge', 'unique', 'combine', 'base'],
    'reading and checking input (readFacts)': ['readFacts'],
    '  of which NFC canonicalisation of names (canonical)': ['canonical'],
    '  of which number parsing (parseNumber)': ['parseNumber'],
    'gaps to the threshold (gapOf)': ['gapOf'],
    'criteria and summary (assemble)': ['assemble'],
    'fast path: reading plain facts (readPlainFacts)': ['readPlainFacts'],
    'fast path: compiled indicators (verdict_…)': ['verdict_'],
    'fast path: gaps of unmet indicators (qGap, qLevelGap)': ['qGap', 'qLevelGap'],
    'fast path: handed back to the full path (withoutIndicatorExplanation, readTable)': ['withoutIndicatorExplanation', 'readTable', 'withoutExplanations']
};

const services = createNtmCoreServices().Ntm;
const text = packFile ? readFileSync(path.resolve(packFile), 'utf8') : syntheticPack(1);
const loaded = await loadPackText(services, text, 'file:///bench/profile.ntm');
if (loaded.hasErrors) throw new Error('the pack has errors');
const evaluator = await loadEvaluator({ javascript: services.generation.TsGenerator.generate(loaded.pack).javascript });
const generate = communeGenerator(evaluator.FACT_SPECS, factHints(loaded.pack, services), 1);
const communes = Array.from({ length: count }, generate);
const options = { ngàyĐánhGiá: evaluator.PACK.validFrom, ...(verdicts ? { giảiThích: false } : {}) };

let sink = 0;
const runAll = () => {
    for (const facts of communes) sink += evaluator.evaluate(facts, options).indicators.length;
};
runAll(); // warm-up

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) runAll();
const elapsed = Number(process.hrtime.bigint() - start);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const shares = new Map(Object.keys(GROUPS).map(g => [g, 0]));
let underEvaluate = 0;
for (const sample of profile.samples) {
    const stack = new Set();
    for (let id = sample; id !== undefined; id = parent.get(id)) stack.add(byId.get(id).callFrame.functionName);
    if (!stack.has('evaluate')) continue;
    underEvaluate++;
    for (const [group, names] of Object.entries(GROUPS)) {
        if (names.some(n => stack.has(n) || (n.endsWith('_') && [...stack].some(f => f.startsWith(n))))) shares.set(group, shares.get(group) + 1);
    }
}
console.log(
    `${packFile ?? 'synthetic pack, 10 indicators'}${verdicts ? ', verdicts only' : ''}: ${(elapsed / (rounds * count) / 1000).toFixed(1)} µs per commune (profiling, no inlining), ${underEvaluate} samples in evaluate`
);
for (const [group, n] of shares) console.log(`${((100 * n) / Math.max(1, underEvaluate)).toFixed(1).padStart(5)} %  ${group}`);
if (sink === 0) console.log('(no indicators evaluated)');
if (top > 0) {
    const self = new Map();
    for (const sample of profile.samples) {
        const { functionName, url, lineNumber } = byId.get(sample).callFrame;
        const key = `${functionName || '(anonymous)'}  ${path.basename(url)}:${lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + 1);
    }
    console.log(`\nself time, top ${top} of ${profile.samples.length} samples:`);
    for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
        console.log(`${((100 * n) / profile.samples.length).toFixed(1).padStart(5)} %  ${key}`);
    }
}
