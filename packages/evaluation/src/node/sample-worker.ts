import { parentPort, workerData } from 'node:worker_threads';
import type { RunSamplesParams } from '../samples/run-protocol.js';
import { runSamples } from './run-samples.js';
import type { RunSamplesOptions } from './run-samples.js';

/** One test run in a fresh thread: packs are compiled from the files as they are now, never from a stale cache. */
const { params, options } = workerData as { params: RunSamplesParams; options: RunSamplesOptions };
// Without top-level await, so that the file also bundles to CommonJS.
void runSamples(params, options).then(result => parentPort?.postMessage(result));
