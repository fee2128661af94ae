import { Worker } from 'node:worker_threads';
import type { FileIssue } from '../../commune/file-issue.js';
import type { EvaluatorModule } from '../../evaluate/evaluator-module.js';
import { loadEvaluator } from '../load-evaluator.js';

/** A pack compiled in the compile worker: its JavaScript, or why there is none. */
export interface WorkerPack {
    readonly file: string;
    readonly javascript?: string;
    /** The pack's errors (file, line, column). */
    readonly issues: readonly FileIssue[];
    /** The file could not be read at all. */
    readonly failure?: string;
}

export interface LoadedWorkerPack extends WorkerPack {
    readonly evaluator?: EvaluatorModule;
}

/**
 * Compiles packs in a worker thread and loads their evaluators here: the batch keeps the generated modules
 * only (a few hundred kilobytes), not the compiler's documents and caches (tens of megabytes).
 */
export async function compileInWorker(files: readonly string[]): Promise<LoadedWorkerPack[]> {
    const worker = new Worker(new URL('./compile-worker.js', import.meta.url), { workerData: { files } });
    const packs = await new Promise<WorkerPack[]>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', code => reject(new Error(`tiến trình biên dịch dừng bất thường (mã ${code})`)));
    });
    await worker.terminate();
    const loaded: LoadedWorkerPack[] = [];
    for (const pack of packs) {
        const evaluator = pack.javascript ? await loadEvaluator({ javascript: pack.javascript }) : undefined;
        loaded.push({ ...pack, ...(evaluator ? { evaluator } : {}) });
    }
    return loaded;
}
