// One side of the «10,000 communes, all results kept» scenario, in its own process so that each side's heap
// is its own: the generated module with full explanations, or the hand-written baseline that writes one
// explanation per indicator. Prints JSON: time of the pass (ms) and heap retained after GC (bytes).
//
// `contract-floor` is the floor of the result contract (docs/benchmarks.md, «Kept heap ≤ 2×»): the hand-written
// baseline's results with each indicator's one line put into an object of IndicatorResult's shape — its fields,
// the static ones shared, every list the shared empty one, no value, threshold, gap, clause or fact used.
//
//   node --expose-gc bench/lib/retained.js <generated|handwritten|contract-floor> <pack.ntm> <count> <seed>

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [side, packFile, countText, seedText] = process.argv.slice(2);
/** What every contract-shaped indicator shares (built once per label): static fields and the empty list. */
const SHARED_META = {};
const EMPTY = Object.freeze([]);
const { createNtmCoreServices, loadPackText } = await import('@ntm/language');
const { loadEvaluator } = await import('@ntm/evaluation/node');
const { factHints } = await import('./baselines.js');
const { emitHandwritten } = await import('./handwritten.js');
const { communeGenerator } = await import('./synthetic.js');

const services = createNtmCoreServices().Ntm;
const loaded = await loadPackText(services, readFileSync(packFile, 'utf8'), pathToFileURL(packFile).toString());
const evaluator = await loadEvaluator({ javascript: services.generation.TsGenerator.generate(loaded.pack).javascript });
const generate = communeGenerator(evaluator.FACT_SPECS, factHints(loaded.pack, services), Number(seedText));
const communes = Array.from({ length: Number(countText) }, generate);
const options = { ngàyĐánhGiá: evaluator.PACK.validFrom };
let evaluate;
if (side === 'generated') {
    evaluate = facts => evaluator.evaluate(facts, options);
} else {
    const source = emitHandwritten(loaded.pack, services, evaluator.FACT_SPECS, 'explained');
    const module = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
    evaluate = side === 'contract-floor' ? facts => inContractShape(module.evaluate(facts)) : facts => module.evaluate(facts);
}
// Warm up on a copy of the work, then measure one pass that keeps every result.
for (let i = 0; i < Math.min(500, communes.length); i++) evaluate(communes[i]);
const collect = () => {
    global.gc();
    global.gc();
};
collect();
const before = process.memoryUsage().heapUsed;
const start = process.hrtime.bigint();
const results = new Array(communes.length);
for (let i = 0; i < communes.length; i++) results[i] = evaluate(communes[i]);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
collect();
const retained = process.memoryUsage().heapUsed - before;
process.stdout.write(`${JSON.stringify({ side, ms, retained, kept: results.length })}\n`);

/** A hand-written result with each indicator's line in an object of IndicatorResult's shape, and nothing more. */
function inContractShape(result) {
    const indicators = [];
    for (const [label, verdict] of Object.entries(result.indicators)) {
        const meta = (SHARED_META[label] ??= { criterion: label.split('.')[0], label, rule: label, citations: EMPTY, source: EMPTY });
        indicators.push({
            criterion: meta.criterion,
            label: meta.label,
            requirementText: meta.rule,
            rule: meta.rule,
            citations: meta.citations,
            verdict,
            flags: EMPTY,
            value: undefined,
            threshold: undefined,
            clauses: EMPTY,
            factsUsed: EMPTY,
            missingFacts: EMPTY,
            missingThresholds: EMPTY,
            gap: undefined,
            source: meta.source,
            unknownThresholds: EMPTY,
            score: undefined,
            notes: EMPTY,
            explanation: [result.explanations[label]]
        });
    }
    return { indicators, criteria: result.criteria, recognised: result.recognised };
}
