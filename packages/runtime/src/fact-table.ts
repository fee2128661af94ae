// The facts of a commune as read: the table every rule reads, and the context that selects table cells.

import type { FactSpec, InputIssue, InputIssueCode } from './result-types.js';
import type { Rational } from './exact-numbers.js';

/** A numeric value, or only bounds on it when a report writes "trên 90,72%" or "từ 80-110 lít". */
export interface NumberScalar {
    readonly t: 'num';
    readonly r: Rational;
    readonly lo?: Rational;
    readonly loOpen?: boolean;
    readonly hi?: Rational;
    readonly hiOpen?: boolean;
    readonly isBound: boolean;
    /** Decimals as written, used to judge a reported rate against the computed one. */
    readonly decimals: number;
    /** The value as the commune file wrote it, when it was given in another unit («3138 m»). */
    readonly written?: string;
    /**
     * Where a range comes from when the report did not write it («2 thôn chưa đủ dữ liệu, số thôn đạt chuẩn»):
     * messages say this instead of «giá trị báo cáo».
     */
    readonly rangeOrigin?: string;
}

export type Scalar =
    | NumberScalar
    | { readonly t: 'bool'; readonly b: boolean }
    | { readonly t: 'level'; readonly i: number; readonly name: string }
    | { readonly t: 'date'; readonly iso: string }
    | ContradictionScalar;

/** One of the values a report gives for the same fact, with the words that give it. */
export interface ReportedValue {
    readonly value: Exclude<Scalar, ContradictionScalar>;
    readonly quote: string;
}

/**
 * A fact the report states two or more ways (`{ "báo cáo mâu thuẫn": [{ "giá trị": 4274, "trích": "…" }, …] }`).
 * Never a plain value: a rule reads one of the values at a time (see contradictions.ts), and a reader that
 * does not know this kind sees something it cannot take for a number.
 */
export interface ContradictionScalar {
    readonly t: 'contradiction';
    readonly values: readonly ReportedValue[];
}

/** The field of a fact's value that holds the values of a self-contradicting report. */
export const CONTRADICTION_FIELD = 'báo cáo mâu thuẫn';

/**
 * Which of the reported values each contradicted fact stands for while a rule is decided: shared by every copy
 * of the fact table (`{ ...t, cursorYear }`), and off outside an indicator (a contradicted fact is then unknown).
 */
export interface ContradictionChoices {
    active: boolean;
    /** Index of the reported value in use, by the fact as shown («tỷ lệ (nam)», «số hộ (năm 2023)»). */
    readonly chosen: Map<string, number>;
    /** Contradicted facts the rule read, by the fact as shown. */
    readonly read: Map<string, ContradictionScalar>;
}

export interface RawFact {
    /** The date the figure refers to (`"tính đến"`), ISO, and the key the file wrote the fact under. */
    readonly asOf?: string;
    readonly key?: string;
    readonly total?: Scalar;
    readonly members: ReadonlyMap<string, Scalar>;
    /** Values per year («2023») or per member of a collection («Thọ Am»). */
    readonly indexed?: ReadonlyMap<string, Scalar>;
}

/** Scores the assessor entered, by indicator label: verified (thẩm tra), self-assessed (tự chấm), and which verified scores the report gives against its own evidence. */
export interface EnteredScores {
    readonly verified: ReadonlyMap<string, Rational>;
    readonly self: ReadonlyMap<string, Rational>;
    readonly againstEvidence: ReadonlyMap<string, string>;
}

export interface FactTable {
    readonly specs: ReadonlyMap<string, FactSpec>;
    readonly raw: ReadonlyMap<string, RawFact>;
    readonly issues: InputIssue[];
    /** Region, group and year that select table cells; set by `evaluate` once the facts are read. */
    ctx?: EvalContext;
    /** Members of each collection («thôn»), as the commune file lists them. */
    collections?: ReadonlyMap<string, readonly string[]>;
    /** The year a `mỗi năm trong …` window is checking, and the member a `mọi thôn { … }` is checking. */
    cursorYear?: number;
    cursorUnits?: Readonly<Record<string, string>>;
    scores?: EnteredScores;
    /** Set when the commune file states a fact two or more ways. */
    contradictions?: ContradictionChoices;
}

export interface EvalContext {
    /** The region applied (after rules such as 318's Điều 1), or undefined when unknown. */
    readonly region?: string;
    /** Why the region is what it is, or why it could not be known. */
    readonly regionNote?: string;
    /** Facts missing to decide the applied region. */
    readonly regionMissing: readonly string[];
    readonly group?: string;
    readonly year: number;
}

/** The field of a commune file where the facts are written (`dữ kiện`). */
export const FACTS_FIELD = 'dữ kiện';

/** An input problem at `path` (the keys in a commune file: `["dữ kiện", "số hộ", "2023"]`). */
export function inputIssue(severity: InputIssue['severity'], code: InputIssueCode, path: readonly string[], message: string): InputIssue {
    return { severity, code, field: path.join('.'), path, message };
}
