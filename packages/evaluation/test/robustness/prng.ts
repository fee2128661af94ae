/** A small seeded generator (mulberry32): the same seed gives the same mutant on every machine. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** An integer in [0, n). */
export function below(random: Random, n: number): number {
    return Math.floor(random() * n);
}

export function pick<T>(random: Random, items: readonly T[]): T {
    return items[below(random, items.length)]!;
}
