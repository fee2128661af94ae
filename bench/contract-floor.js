// The heap floor of the result contract (issue 12, «kept results: heap ≤ 2×»): the hand-written explaining
// evaluator's results, each indicator's one line put into an object of IndicatorResult's shape (its 20
// fields; static ones shared, empty lists shared, no value, threshold, gap, clauses or facts used), against
// the hand-written results as they are; 10 000 synthetic communes kept, heap retained after GC. What a
// result honouring the contract costs at the least, whatever the evaluator. See docs/benchmarks.md.
//
//   node --expose-gc bench/contract-floor.js as-is
//   node --expose-gc bench/contract-floor.js contract
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
const side = process.argv[2];
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packFile = path.join(ROOT, 'rulesets/ha-nam/ntm-nang-cao.ntm');
const { createNtmCoreServices, loadPackText } = await import('@ntm/language');
const { loadEvaluator } = await import('@ntm/evaluation/node');
const { factHints } = await import('./lib/baselines.js');
const { emitHandwritten } = await import('./lib/handwritten.js');
const { communeGenerator } = await import('./lib/synthetic.js');
const services = createNtmCoreServices().Ntm;
const loaded = await loadPackText(services, readFileSync(packFile, 'utf8'), pathToFileURL(packFile).toString());
const evaluator = await loadEvaluator({ javascript: services.generation.TsGenerator.generate(loaded.pack).javascript });
const generate = communeGenerator(evaluator.FACT_SPECS, factHints(loaded.pack, services), 20241126);
const communes = Array.from({ length: 10000 }, generate);
const source = emitHandwritten(loaded.pack, services, evaluator.FACT_SPECS, 'explained');
const module = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
const EMPTY = Object.freeze([]);
const meta = {};
const shape = r => {
    const indicators = [];
    for (const [label, verdict] of Object.entries(r.indicators)) {
        const m = (meta[label] ??= { criterion: label.split('.')[0], label, requirementText: label, rule: label, citations: EMPTY, source: EMPTY });
        indicators.push({
            criterion: m.criterion,
            label: m.label,
            requirementText: m.requirementText,
            rule: m.rule,
            citations: m.citations,
            verdict,
            flags: EMPTY,
            value: undefined,
            threshold: undefined,
            clauses: EMPTY,
            factsUsed: EMPTY,
            missingFacts: EMPTY,
            missingThresholds: EMPTY,
            gap: undefined,
            source: m.source,
            unknownThresholds: EMPTY,
            score: undefined,
            notes: EMPTY,
            explanation: [r.explanations[label]]
        });
    }
    return { indicators, criteria: r.criteria, recognised: r.recognised };
};
for (let i = 0; i < 500; i++) shape(module.evaluate(communes[i]));
global.gc();
global.gc();
const before = process.memoryUsage().heapUsed;
const kept = new Array(communes.length);
for (let i = 0; i < communes.length; i++) {
    const r = module.evaluate(communes[i]);
    kept[i] = side === 'contract' ? shape(r) : r;
}
global.gc();
global.gc();
console.log(side, ((process.memoryUsage().heapUsed - before) / 2 ** 20).toFixed(1), 'MiB retained');
