import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunSamplesParams, RunSamplesResult } from '../samples/run-protocol.js';

/** What a runner knows of the editor: the folders open in it, as file-system paths. */
export interface SampleRunContext {
    readonly workspaceFolders: readonly string[];
    /** The request's cancellation (an LSP CancellationToken fits). */
    readonly cancelToken?: { onCancellationRequested(listener: () => void): { dispose(): void } };
}

/** Runs sample communes against their pack for the `ntm/chayKiemThu` request. */
export interface SampleRunner {
    run(params: RunSamplesParams, context: SampleRunContext): Promise<RunSamplesResult>;
}

/** A test run that takes longer than this is stopped and reported. */
const RUN_TIMEOUT_MS = 120_000;

/**
 * Runs samples in a worker thread per request: packs are compiled once per process, so a long-lived
 * server would otherwise keep evaluating the pack as it was at the first run. A crash or a
 * cancelled request ends the worker, not the server.
 */
export class WorkerSampleRunner implements SampleRunner {
    /** The worker script: `sample-worker.js` beside this module, or `sample-worker.cjs` in a bundle. */
    constructor(private readonly workerFile: URL = defaultWorkerFile()) {}

    run(params: RunSamplesParams, context: SampleRunContext): Promise<RunSamplesResult> {
        const worker = new Worker(this.workerFile, {
            workerData: { params, options: { workspaceFolders: context.workspaceFolders } },
            stdout: true // the protocol owns stdout; the worker's console output is dropped
        });
        return new Promise<RunSamplesResult>((resolve, reject) => {
            const failed = (message: string) =>
                resolve({
                    samples: [{ communeUri: params.communeUri ?? params.packUri ?? '', packUri: params.packUri, ran: false, checks: [], problems: [message] }]
                });
            const timer = setTimeout(() => {
                void worker.terminate();
                failed(`Kiểm thử chạy quá ${RUN_TIMEOUT_MS / 1000} giây nên đã dừng.`);
            }, RUN_TIMEOUT_MS);
            const cancelled = context.cancelToken?.onCancellationRequested(() => {
                void worker.terminate();
                reject(new Error('cancelled'));
            });
            const done = () => {
                clearTimeout(timer);
                cancelled?.dispose();
            };
            worker.once('message', (result: RunSamplesResult) => {
                done();
                resolve(result);
                void worker.terminate();
            });
            worker.once('error', error => {
                done();
                failed(`Lỗi nội bộ khi chạy kiểm thử: ${error.message}`);
            });
            worker.once('exit', code => {
                done();
                failed(`Tiến trình kiểm thử dừng bất thường (mã ${code}).`);
            });
        });
    }
}

function defaultWorkerFile(): URL {
    const plain = new URL('./sample-worker.js', import.meta.url);
    const bundled = new URL('./sample-worker.cjs', import.meta.url);
    return existsSync(fileURLToPath(plain)) || !existsSync(fileURLToPath(bundled)) ? plain : bundled;
}
