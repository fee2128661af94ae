// A small timing harness. Speed is only ever reported as a ratio to a baseline measured in the same
// process, in interleaved samples (subject, baseline, baseline, subject, …), so that a slow machine, a busy
// core or thermal drift affects both sides alike.

const now = () => process.hrtime.bigint();

/** Something the optimiser cannot prove unused. */
let sink = 0;
export function consumed() {
    return sink;
}

async function run(fn, consume, iterations, isAsync) {
    const start = now();
    if (isAsync) {
        for (let i = 0; i < iterations; i++) sink += consume(await fn(i));
    } else {
        for (let i = 0; i < iterations; i++) sink += consume(fn(i));
    }
    return Number(now() - start);
}

/** Iterations for one sample to last about `sampleMs` (at least one). */
async function calibrate(fn, consume, sampleMs, isAsync) {
    let iterations = 1;
    for (;;) {
        const ns = await run(fn, consume, iterations, isAsync);
        if (ns >= (sampleMs * 1e6) / 4 || iterations >= 1 << 30) {
            return Math.max(1, Math.round((iterations * sampleMs * 1e6) / Math.max(ns, 1)));
        }
        iterations *= ns < (sampleMs * 1e6) / 100 ? 10 : 2;
    }
}

export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times `subject` against `baseline`: warm-up, calibration, then `samples` interleaved samples of each.
 * Returns the median time per call of each (ns), their ratio, and the spread of the per-pair ratios.
 * Each side is `{ fn(i), consume(result) → number, async? }`.
 */
export async function compare(subject, baseline, options) {
    const { samples, sampleMs, warmupMs } = options;
    const sides = [subject, baseline];
    for (const side of sides) {
        const consume = side.consume ?? (() => 0);
        const deadline = now() + BigInt(Math.round(warmupMs * 1e6));
        do {
            await run(side.fn, consume, 1, side.async);
        } while (now() < deadline);
        side.iterations = await calibrate(side.fn, consume, sampleMs, side.async);
    }
    const times = [[], []];
    for (let s = 0; s < samples; s++) {
        const order = s % 2 === 0 ? [0, 1] : [1, 0];
        for (const k of order) {
            const side = sides[k];
            global.gc?.();
            times[k].push((await run(side.fn, side.consume ?? (() => 0), side.iterations, side.async)) / side.iterations);
        }
    }
    const ratios = times[0].map((t, i) => t / times[1][i]);
    const subjectNs = median(times[0]);
    const baselineNs = median(times[1]);
    return {
        subjectNs,
        baselineNs,
        ratio: subjectNs / baselineNs,
        ratioMin: Math.min(...ratios),
        ratioMax: Math.max(...ratios),
        iterations: [sides[0].iterations, sides[1].iterations]
    };
}

/** Heap retained per item when `produce` makes one value per input and all are kept (needs --expose-gc). */
export function retainedBytesPerItem(inputs, produce) {
    if (typeof global.gc !== 'function') return undefined;
    const collect = () => {
        global.gc();
        global.gc();
    };
    const results = new Array(inputs.length);
    collect();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < inputs.length; i++) results[i] = produce(inputs[i]);
    collect();
    const after = process.memoryUsage().heapUsed;
    sink += results.length;
    return (after - before) / inputs.length;
}

/** Milliseconds of one call, median of `samples` calls (for one-off costs such as loading a module). */
export async function timeOnce(fn, samples) {
    const times = [];
    for (let s = 0; s < samples; s++) {
        global.gc?.();
        const start = now();
        sink += (await fn(s)) ? 1 : 0;
        times.push(Number(now() - start) / 1e6);
    }
    return median(times);
}
