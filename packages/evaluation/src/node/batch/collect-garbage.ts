import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let collect: (() => void) | undefined | null;

/**
 * A full garbage collection. V8 lets garbage pile up to several times the live set before collecting it: a
 * batch of 10 000 communes peaked at 450–500 MiB of resident memory against about 90 MiB live (bench/batch.js),
 * near the 500 MB its target allows. The batch collects once its input's cells and the evaluations are garbage,
 * and while writing whenever the heap has grown well past what was live then (`collectWhenGrown`); each
 * collection takes about 50 ms. `gc` is V8's own, exposed for this call only; where it cannot be had, nothing
 * is done.
 */
export function collectGarbage(): void {
    if (collect === undefined) {
        try {
            v8.setFlagsFromString('--expose-gc');
            collect = vm.runInNewContext('gc') as () => void;
            v8.setFlagsFromString('--no-expose-gc');
        } catch {
            collect = null;
        }
    }
    collect?.();
}

/** Growth of the heap past the live set that is let be before collecting again. */
const ALLOWED_GROWTH = 96 * 1024 * 1024;

/**
 * Collects now, then returns a check that collects again whenever the heap has grown by more than
 * `ALLOWED_GROWTH` past what was live after the last collection.
 */
export function collectWhenGrown(): () => void {
    collectGarbage();
    let live = v8.getHeapStatistics().used_heap_size;
    return () => {
        if (v8.getHeapStatistics().used_heap_size - live <= ALLOWED_GROWTH) return;
        collectGarbage();
        live = v8.getHeapStatistics().used_heap_size;
    };
}
