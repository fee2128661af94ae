import type { LangiumSharedServices } from 'langium/lsp';

/** Test-only request: the heap after a full garbage collection, and how many documents the workspace holds. */
export const HEAP_PROBE_METHOD = 'ntm/test/heapAfterGc';
/** The environment variable that enables it (`1`); the process also needs `node --expose-gc`. */
export const HEAP_PROBE_ENV = 'NTM_LSP_HEAP_PROBE';

export interface HeapProbeResult {
    /** `process.memoryUsage().heapUsed` right after `gc()`, in bytes. */
    readonly heapUsed: number;
    /** Whether `gc()` was available: without it the figure includes garbage. */
    readonly collected: boolean;
    readonly documents: number;
}

/**
 * Lets the leak test of the language server read its heap over the protocol. Registered only when the
 * environment asks for it, so a normal server has no such request; never in a browser worker.
 */
export function addHeapProbe(shared: LangiumSharedServices): void {
    const runtime = globalThis as { process?: { env?: Record<string, string | undefined>; memoryUsage?: () => { heapUsed: number } }; gc?: () => void };
    const connection = shared.lsp.Connection;
    const node = runtime.process;
    if (node?.env?.[HEAP_PROBE_ENV] !== '1' || !node.memoryUsage || !connection) return;
    connection.onRequest(HEAP_PROBE_METHOD, (): HeapProbeResult => {
        runtime.gc?.();
        return { heapUsed: node.memoryUsage!().heapUsed, collected: runtime.gc !== undefined, documents: shared.workspace.LangiumDocuments.all.count() };
    });
}
