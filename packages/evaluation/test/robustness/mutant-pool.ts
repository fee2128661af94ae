import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { REPO } from './corpus.js';
import type { Mutant } from './mutations.js';

/** What `mutant-worker.mjs` reports for one mutant; `hang` and `workerDied` are added here. */
export interface MutantOutcome {
    readonly issues: readonly { severity: string; message: string; line: number; column: number }[];
    /** The unverified and unknown thresholds `ntm check` lists, as text. */
    readonly listed: readonly string[];
    readonly hasErrors: boolean;
    /** An exception that escaped the check. */
    readonly crash?: string;
    /** The mutant did not finish within the time bound; its worker was stopped. */
    readonly hang?: boolean;
    readonly module?: {
        readonly loadError?: string;
        readonly thrown: readonly string[];
        /** Result strings showing an internal value, or numbers that are not finite. */
        readonly strange: readonly string[];
        readonly evaluations: number;
    };
    readonly ms: number;
}

export interface PoolOptions {
    readonly workers: number;
    /** A mutant taking longer than this is a hang. */
    readonly timeoutMs: number;
    /** A worker is replaced after this many mutants: every loaded module stays in its memory. */
    readonly recycleAfter: number;
    /** The source of the regular expression for internal values in result texts. */
    readonly forbidden: string;
    /** Pack files each new worker compiles before its first mutant. */
    readonly warmUp: readonly string[];
}

const WORKER_FILE = new URL('./mutant-worker.mjs', import.meta.url);

/**
 * Runs mutants (drawn from `next` until it gives none) in worker threads, each mutant within the time bound,
 * and hands every outcome to `done`. A worker that overruns or dies is replaced; an overrunning mutant is
 * run once more in the fresh worker (a busy machine is not a hang) and is a hang only if it overruns again.
 */
export async function runMutants(next: () => Mutant | undefined, options: PoolOptions, done: (mutant: Mutant, outcome: MutantOutcome) => void): Promise<void> {
    const lane = async (): Promise<void> => {
        let worker: Worker | undefined;
        let served = 0;
        const attempt = async (mutant: Mutant): Promise<MutantOutcome> => {
            if (!worker || served >= options.recycleAfter) {
                await worker?.terminate();
                worker = await startWorker(options);
                served = 0;
            }
            const outcome = await runOne(worker, mutant, options.timeoutMs);
            served++;
            if (outcome.hang || outcome.crash?.startsWith('worker died')) {
                await worker.terminate();
                worker = undefined;
            }
            return outcome;
        };
        try {
            for (let mutant = next(); mutant; mutant = next()) {
                const first = await attempt(mutant);
                done(mutant, first.hang || first.ms > options.timeoutMs ? await attempt(mutant) : first);
            }
        } finally {
            await worker?.terminate();
        }
    };
    await Promise.all(Array.from({ length: options.workers }, lane));
}

function startWorker({ forbidden, warmUp }: PoolOptions): Promise<Worker> {
    const worker = new Worker(WORKER_FILE, { workerData: { forbidden, warmUp }, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    return new Promise((resolve, reject) => {
        worker.once('message', () => resolve(worker));
        worker.once('error', reject);
    });
}

function runOne(worker: Worker, mutant: Mutant, timeoutMs: number): Promise<MutantOutcome> {
    const file = mutantFile(mutant);
    return new Promise(resolve => {
        const finish = (outcome: MutantOutcome) => {
            clearTimeout(timer);
            worker.off('message', onMessage);
            worker.off('error', onError);
            resolve(outcome);
        };
        const onMessage = (message: { seed: number; outcome: MutantOutcome }) => {
            if (message.seed === mutant.seed) finish(message.outcome);
        };
        const onError = (error: Error) => finish({ issues: [], listed: [], hasErrors: false, crash: `worker died: ${error.stack ?? error}`, ms: 0 });
        const timer = setTimeout(() => finish({ issues: [], listed: [], hasErrors: false, hang: true, ms: timeoutMs }), timeoutMs);
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.postMessage({ seed: mutant.seed, file, text: mutant.text });
    });
}

/**
 * Where the mutant pretends to be: beside its original (never written), so that `dựa trên "../quoc-gia/…"`
 * reaches the same real base packs and the same project root as the original does.
 */
export function mutantFile(mutant: Mutant): string {
    return path.join(REPO, `${mutant.source.file.replace(/\.ntm$/, '')}~mutant.ntm`);
}
