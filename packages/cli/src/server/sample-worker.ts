import { parentPort, workerData } from 'node:worker_threads';
import type { RunSamplesParams } from '@ntm/language/lsp';
import { runSamples } from '../api/run-samples.js';
import type { RunSamplesOptions } from '../api/run-samples.js';

/** One test run in a fresh thread: packs are compiled from the files as they are now, never from a stale cache. */
const { params, options } = workerData as { params: RunSamplesParams; options: RunSamplesOptions };
parentPort?.postMessage(await runSamples(params, options));
