// The CLI's test-run worker as a bundle entry (out/language/sample-worker.cjs, found by WorkerSampleRunner).
// Same work as packages/cli/src/server/sample-worker.ts, without top-level await, which CommonJS lacks.
import { parentPort, workerData } from 'node:worker_threads';
import type { RunSamplesParams } from '../protocol.js';
import type { RunSamplesOptions } from '../../../cli/src/api/run-samples.js';
import { runSamples } from '../../../cli/src/api/run-samples.js';

const { params, options } = workerData as { params: RunSamplesParams; options: RunSamplesOptions };
void runSamples(params, options).then(result => parentPort?.postMessage(result));
