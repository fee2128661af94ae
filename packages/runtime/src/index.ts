// @ntm/runtime: what every generated evaluator imports, and the shared notions (names, dates, places,
// numbers as written, result types) the compiler and the evaluation library take from it. Dependency-free
// and browser-safe. Every export is a named binding, so a bundler keeps only what a module uses.
export * from './result-types.js';
export * from './exact-numbers.js';
export * from './names.js';
export * from './dates.js';
export * from './places.js';
export * from './number-text.js';
export * from './fact-table.js';
export * from './fact-input.js';
export { readScores } from './collections-and-scores.js';
export * from './number-input.js';
export * from './provenance.js';
export * from './values.js';
export * from './conditions.js';
export * from './combinations.js';
export { levelStepsGap, numericGap } from './gaps.js';
export * from './quantifiers.js';
export * from './context.js';
export * from './points.js';
export * from './assembly.js';
export * from './shared-metadata.js';
export * from './options.js';
export * from './commune/commune-file.js';
export * from './commune/commune-schema.js';
export * from './commune/shape-check.js';
export * from './commune/read-commune-content.js';
export * from './commune/evaluate-villages.js';
export * from './commune/evaluate-commune-data.js';
export * from './villages.js';
export * from './contradictions.js';
export * from './units.js';
export * from './fast-path.js';
