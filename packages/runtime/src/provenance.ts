// Where a value came from: the facts it used (as shown), the unverified thresholds and the inconsistencies
// behind it, joined once each as values combine. Provenance lists are shared and never written to.

import type { FactUse } from './result-types.js';

export interface Provenance {
    readonly uses: readonly FactUse[];
    readonly unverified: readonly string[];
    readonly inconsistent: readonly string[];
}

/**
 * The empty list every result and condition shares where it has nothing to list: results and their lists
 * are read-only, and one frozen list is hundreds fewer arrays per commune (and fewer kept with each result).
 */
export const NO_ITEMS: readonly never[] = Object.freeze([]);

/** Where the values came from, joined: each use, note and inconsistency once, in order. */
export function merge(...vals: readonly Provenance[]): Provenance {
    // The common case (a fact against a literal threshold): one value carries a single use or note per list,
    // and nothing can repeat. Its lists are shared, not copied: provenance lists are never written to.
    let carrier: Provenance | undefined;
    for (const v of vals) {
        if (v.uses.length === 0 && v.unverified.length === 0 && v.inconsistent.length === 0) continue;
        if (carrier !== undefined || v.uses.length > 1 || v.unverified.length > 1 || v.inconsistent.length > 1) return mergeAll(vals);
        carrier = v;
    }
    return carrier === undefined
        ? { uses: NO_ITEMS, unverified: NO_ITEMS, inconsistent: NO_ITEMS }
        : { uses: carrier.uses, unverified: carrier.unverified, inconsistent: carrier.inconsistent };
}

function mergeAll(vals: readonly Provenance[]): Provenance {
    let uses = 0;
    for (const v of vals) uses += v.uses.length;
    if (uses > SHORT_LIST) {
        return {
            uses: uniqueUses(vals.flatMap(v => v.uses)),
            unverified: unique(
                vals.flatMap(v => v.unverified),
                s => s
            ),
            inconsistent: unique(
                vals.flatMap(v => v.inconsistent),
                s => s
            )
        };
    }
    // The usual case (a ratio of two facts): a few items, gathered without intermediate lists.
    let kept: FactUse[] | undefined;
    let unverified: string[] | undefined;
    let inconsistent: string[] | undefined;
    for (const v of vals) {
        for (const use of v.uses) if (!(kept ??= []).some(k => sameUse(k, use))) kept.push(use);
        for (const note of v.unverified) if (!(unverified ??= []).includes(note)) unverified.push(note);
        for (const note of v.inconsistent) if (!(inconsistent ??= []).includes(note)) inconsistent.push(note);
    }
    return { uses: kept ?? NO_ITEMS, unverified: unverified ?? NO_ITEMS, inconsistent: inconsistent ?? NO_ITEMS };
}

/** Lists up to this long are deduplicated by scanning them: nearly all are (a value's facts, an indicator's notes). */
const SHORT_LIST = 16;

/** Each item once, the first of those with the same `key`, in order. */
export function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
    if (items.length <= SHORT_LIST) {
        const kept: T[] = [];
        const keys: string[] = [];
        for (const item of items) {
            const k = key(item);
            if (keys.includes(k)) continue;
            keys.push(k);
            kept.push(item);
        }
        return kept;
    }
    const seen = new Set<string>();
    return items.filter(item => {
        const k = key(item);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
    });
}

/** Each use of a fact once (the same fact with the same text), in order; short lists compared field by field. */
export function uniqueUses(uses: readonly FactUse[]): FactUse[] {
    if (uses.length > SHORT_LIST) return unique(uses, u => u.fact + '\u0000' + u.text);
    const kept: FactUse[] = [];
    for (const use of uses) if (!kept.some(k => sameUse(k, use))) kept.push(use);
    return kept;
}

/** Two uses of a fact are one when they name the same fact with the same text. */
function sameUse(a: FactUse, b: FactUse): boolean {
    return a === b || (a.fact === b.fact && a.text === b.text);
}
