// Timing helpers for the language-server benchmark.

export { median } from '../lib/measure.js';

/** Milliseconds taken by one call (awaited). */
export async function timed(fn) {
    const start = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The p-th percentile (nearest rank). */
export function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil((sorted.length * p) / 100) - 1)];
}
