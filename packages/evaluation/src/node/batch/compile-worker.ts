import { parentPort, workerData } from 'node:worker_threads';
import { compilePackFile } from '../compile-pack-file.js';
import type { WorkerPack } from './worker-packs.js';

/**
 * Compiles packs in a thread of its own and sends back their JavaScript: the compiler (Langium and its
 * documents) lives and dies with this thread, so a batch of thousands of communes does not
 * carry it in memory while it evaluates.
 */
const { files } = workerData as { files: readonly string[] };
void (async () => {
    const packs: WorkerPack[] = [];
    for (const file of files) {
        try {
            const compiled = await compilePackFile(file);
            packs.push({
                file,
                issues: compiled.issues.filter(i => i.severity === 'error'),
                ...(compiled.javascript ? { javascript: compiled.javascript } : {})
            });
        } catch (error) {
            packs.push({ file, issues: [], failure: error instanceof Error ? error.message : String(error) });
        }
    }
    parentPort?.postMessage(packs);
})();
