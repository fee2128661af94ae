// @ntm/evaluation: everything about evaluating communes, browser-safe (texts in, results out). The Node
// layer (files, worker threads, caches) is `@ntm/evaluation/node`.
export * from './commune/commune-data.js';
export { COMMUNE_SCHEMA } from './commune/commune-schema.js';
export * from './commune/file-issue.js';
export * from './commune/read-commune.js';
export * from './commune/expected-verdicts.js';
export * from './commune/commune-template.js';
export * from './evaluate/evaluator-module.js';
export * from './evaluate/commune-options.js';
export * from './evaluate/evaluate-commune.js';
export * from './packs/compile-pack.js';
export * from './packs/pack-locations.js';
export * from './packs/pack-selection.js';
export * from './packs/unverified-thresholds.js';
export * from './samples/check-codes.js';
export * from './samples/sample-check.js';
export * from './samples/sample-run.js';
export * from './samples/coverage.js';
export * from './samples/villages.js';
export * from './samples/run-protocol.js';
export * from './plan/plan.js';
export * from './plan/labels.js';
