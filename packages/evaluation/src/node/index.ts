// @ntm/evaluation/node: the Node layer over the browser-safe core: files, the pack cache, worker threads.
export * from './files.js';
export * from './compile-pack-file.js';
export * from './load-evaluator.js';
export * from './evaluator-cache.js';
export * from './read-commune-file.js';
export * from './select-pack.js';
export * from './evaluate-commune-file.js';
export * from './find-samples.js';
export * from './run-samples.js';
export * from './worker-sample-runner.js';
export * from './check-pack-files.js';
export * from './test-sample-files.js';
export * from './template-for-pack.js';
export * from './contract-schemas.js';
