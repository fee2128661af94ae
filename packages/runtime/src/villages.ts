// Villages into the commune: `đếm thôn đạt chuẩn theo "thon-kieu-mau.ntm"` counts the villages whose result
// under that village-level pack is «đạt». The caller evaluates each village with the village pack's own
// evaluator and passes the results (`options.thôn`); the commune's evaluator counts them and returns them
// under its own result, so one result holds the commune and its villages.

import type { Rational } from './exact-numbers.js';
import { rat } from './exact-numbers.js';
import type { FactTable, RawFact } from './fact-table.js';
import type { EvaluationResult, VillageOutcome } from './result-types.js';

/**
 * Sets each village-count fact from the villages' results. A village whose result is «thiếu dữ liệu» may
 * or may not meet the pack, so the count is then a range (from the villages known to meet it to those plus
 * the undecided ones), decided against a threshold only when the whole range agrees. No result at all for
 * a pack leaves the fact missing: never a silent zero.
 */
export function countVillages(t: FactTable, outcomes: readonly VillageOutcome[] | undefined): void {
    const raw = t.raw as Map<string, RawFact>;
    for (const spec of t.specs.values()) {
        if (spec.villagePack === undefined) continue;
        const mine = (outcomes ?? []).filter(o => o.pack === spec.villagePack);
        if (mine.length === 0) continue;
        const met = mine.filter(o => o.result.summary.recognition === 'đạt').length;
        const open = mine.filter(o => o.result.summary.recognition === 'thiếu dữ liệu').length;
        const count = (n: number): Rational => rat(BigInt(n));
        raw.set(spec.name, {
            total:
                open === 0
                    ? { t: 'num', r: count(met), isBound: false, decimals: 0 }
                    : {
                          t: 'num',
                          r: count(met),
                          lo: count(met),
                          hi: count(met + open),
                          loOpen: false,
                          hiOpen: false,
                          isBound: true,
                          decimals: 0,
                          rangeOrigin: `${open} thôn chưa đủ dữ liệu, số thôn đạt chuẩn`
                      },
            members: new Map()
        });
    }
}

/** The commune's result with its villages' results under it (only those of packs this pack counts). */
export function withVillages(result: EvaluationResult, outcomes: readonly VillageOutcome[] | undefined, t: FactTable): EvaluationResult {
    const packs = new Set([...t.specs.values()].flatMap(spec => (spec.villagePack === undefined ? [] : [spec.villagePack])));
    const villages = (outcomes ?? []).filter(o => packs.has(o.pack));
    return villages.length === 0 ? result : { ...result, villages };
}
