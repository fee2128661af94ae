// A report that states a fact two ways («3230 người đã qua đào tạo» and «số lao động qua đào tạo là 4274
// người»): the commune file keeps both, with their quotes, and a rule is decided once for each value. When the
// verdicts agree, the verdict stands, flagged; when they differ, the report does not decide the indicator.

import type { Cond } from './conditions.js';
import type { ContradictionScalar, FactTable } from './fact-table.js';
import type { Verdict } from './result-types.js';
import type { Val } from './values.js';
import { formatRat } from './exact-numbers.js';
import { NO_ITEMS, unique, uniqueUses } from './provenance.js';

/** Combinations of reported values tried for one indicator at most: beyond, the indicator is not decided. */
export const MAX_REPORTED_COMBINATIONS = 64;

/**
 * The value a contradicted fact stands for in the run being decided; undefined outside an indicator's runs,
 * where the fact is unknown (a gate, a condition of applicability).
 */
export function chosenReportedValue(table: FactTable, shown: string, scalar: ContradictionScalar): ContradictionScalar['values'][number] | undefined {
    const state = table.contradictions;
    if (!state?.active) return undefined;
    state.read.set(shown, scalar);
    let index = state.chosen.get(shown);
    if (index === undefined) {
        index = 0;
        state.chosen.set(shown, 0);
    }
    return scalar.values[index];
}

/** «4274 người; 3230 người», for a contradicted fact read where no single value can be chosen. */
export function reportedValuesText(scalar: ContradictionScalar, unit: string): string {
    return scalar.values.map(v => valueText(v.value, unit)).join('; ');
}

function valueText(value: ContradictionScalar['values'][number]['value'], unit: string): string {
    const u = unit === '' ? '' : unit === '%' ? ' %' : ` ${unit}`;
    switch (value.t) {
        case 'num':
            if (value.isBound)
                return `${value.lo ? `${value.loOpen ? 'trên' : 'từ'} ${formatRat(value.lo)}` : ''}${value.lo && value.hi ? ' ' : ''}${value.hi ? `${value.hiOpen ? 'dưới' : 'đến'} ${formatRat(value.hi)}` : ''}${u}`;
            return formatRat(value.r) + u;
        case 'bool':
            return value.b ? 'có' : 'không';
        case 'level':
            return value.name;
        case 'date':
            return value.iso;
    }
}

/** A contradicted fact read for the missing-data list: what the report says, both ways. */
export function contradictedValue(shown: string, scalar: ContradictionScalar, unit: string): Val {
    return {
        k: 'missing',
        names: [`${shown} (báo cáo tự mâu thuẫn: ${reportedValuesText(scalar, unit)})`],
        uses: [],
        unverified: [],
        inconsistent: []
    };
}

/** A requirement decided over the reported values; `contradictions` lists what the report says, each way. */
export interface DecidedOverReports {
    readonly cond: Cond;
    /** One sentence per way the report can be read, with the verdict it gives; empty when nothing was contradicted. */
    readonly readings: readonly string[];
}

/**
 * Runs `requirement` once per combination of the reported values of the contradicted facts it reads. The
 * first run discovers which facts those are (each at its first value); a later run may read another one
 * (a branch taken only for some value), which then joins the combinations.
 */
export function decideOverReportedValues(t: FactTable, requirement: () => Cond): DecidedOverReports {
    const state = t.contradictions;
    if (!state) return { cond: requirement(), readings: NO_ITEMS };
    state.active = true;
    // Cleared only when used: most indicators read no contradicted fact, and clearing makes a new table.
    if (state.chosen.size > 0) state.chosen.clear();
    if (state.read.size > 0) state.read.clear();
    try {
        const first = requirement();
        if (state.read.size === 0) return { cond: first, readings: NO_ITEMS };
        let facts = [...state.read.entries()];
        let runs: { readonly choice: readonly number[]; readonly cond: Cond }[] = [];
        for (let pass = 0; pass < 4; pass++) {
            const count = facts.reduce((n, [, scalar]) => n * scalar.values.length, 1);
            if (count > MAX_REPORTED_COMBINATIONS) return { cond: tooMany(first, facts.length, count), readings: [] };
            runs = [];
            for (const choice of combinations(facts.map(([, scalar]) => scalar.values.length))) {
                state.chosen.clear();
                facts.forEach(([shown], i) => state.chosen.set(shown, choice[i]!));
                runs.push({ choice, cond: requirement() });
            }
            if (state.read.size === facts.length) break;
            facts = [...state.read.entries()];
        }
        const unit = (c: Cond) => c.value?.unit ?? '';
        const readings = runs.map(run => {
            const values = facts.map(([shown, scalar], i) => {
                const reported = scalar.values[run.choice[i]!]!;
                return `${shown} = ${valueText(reported.value, factUnit(t, shown) ?? unit(run.cond))} («${reported.quote}»)`;
            });
            return `${values.join('; ')} → ${run.cond.verdict}`;
        });
        const verdicts = new Set<Verdict>(runs.map(run => run.cond.verdict));
        const agreed = verdicts.size === 1;
        const base = runs[0]!.cond;
        if (agreed) {
            return {
                cond: { ...base, lines: [...base.lines, `Báo cáo tự mâu thuẫn, nhưng mọi cách đọc cho cùng kết luận: ${readings.join(' | ')}.`] },
                readings
            };
        }
        const missing = facts.map(([shown, scalar]) => `${shown} (báo cáo tự mâu thuẫn: ${reportedValuesText(scalar, factUnit(t, shown) ?? '')})`);
        return {
            cond: {
                verdict: 'thiếu dữ liệu',
                missing: unique([...missing, ...runs.flatMap(r => r.cond.missing)], s => s),
                // No value is shown beside the requirement: the report gives several.
                notApplicableReasons: [],
                thresholds: base.thresholds,
                clauses: (base.clauses ?? []).map(c => ({ requirement: c.requirement })),
                uses: uniqueUses(runs.flatMap(r => r.cond.uses)),
                unverified: unique(
                    runs.flatMap(r => r.cond.unverified),
                    s => s
                ),
                inconsistent: unique(
                    runs.flatMap(r => r.cond.inconsistent),
                    s => s
                ),
                lines: [`Báo cáo tự mâu thuẫn và các cách đọc cho kết luận khác nhau: ${readings.join(' | ')} → thiếu dữ liệu.`]
            },
            readings
        };
    } finally {
        state.active = false;
        if (state.chosen.size > 0) state.chosen.clear();
        if (state.read.size > 0) state.read.clear();
    }
}

/** The unit of a fact read as «name», «name (nam)» or «name (năm 2023)». */
function factUnit(t: FactTable, shown: string): string | undefined {
    const name = t.specs.has(shown) ? shown : shown.replace(/ \([^()]*\)$/u, '');
    return t.specs.get(name)?.unit;
}

function tooMany(first: Cond, facts: number, count: number): Cond {
    return {
        ...first,
        verdict: 'thiếu dữ liệu',
        gap: undefined,
        value: undefined,
        lines: [`Báo cáo tự mâu thuẫn ở ${facts} dữ kiện (${count} cách đọc, quá ${MAX_REPORTED_COMBINATIONS}): không xét hết được → thiếu dữ liệu.`]
    };
}

/** Every choice of one index per fact: [0,0], [0,1], [1,0], [1,1] for two facts of two values. */
function* combinations(sizes: readonly number[]): Generator<number[]> {
    const choice = sizes.map(() => 0);
    while (true) {
        yield [...choice];
        let i = sizes.length - 1;
        while (i >= 0 && choice[i]! + 1 >= sizes[i]!) {
            choice[i] = 0;
            i--;
        }
        if (i < 0) return;
        choice[i]!++;
    }
}
