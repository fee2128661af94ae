// Parts of explanation lines that are the same for every commune — «rule: » before the commune's value, «, yêu cầu
// >= 95 % → đạt» after it, a whole yes/no line — made once and shared. A line is then two joins of shared parts
// around the commune's own value, instead of a new chain of seven: an app that keeps ten thousand results keeps
// the difference. Keyed by texts the generated module writes once (rules, literal thresholds), so the tables stay
// the size of the pack; a cap guards against texts made at run time.

import type { ClauseView, Verdict } from './result-types.js';

const MAX_KEPT = 20_000;

function cached<K, V>(table: Map<K, V>, key: K, make: () => V): V {
    let value = table.get(key);
    if (value === undefined) {
        value = make();
        if (table.size < MAX_KEPT) table.set(key, value);
    }
    return value;
}

const RULE_PREFIXES = new Map<string, string>();

/** `rác thải >= 98%: `, the start of every line a rule explains. */
export function rulePrefix(rule: string): string {
    return cached(RULE_PREFIXES, rule, () => `${rule}: `);
}

const REQUIREMENT_SUFFIXES = new Map<string, Partial<Record<Verdict, string>>>();

/** `, yêu cầu >= 98 % → chưa đạt`, for a threshold text the pack writes (a literal's, shared by every commune). */
export function requirementSuffix(threshold: string, verdict: Verdict, word: string): string {
    const byVerdict = cached(REQUIREMENT_SUFFIXES, threshold, (): Partial<Record<Verdict, string>> => ({}));
    byVerdict[verdict] ??= `, yêu cầu ${threshold} → ${word}`;
    return byVerdict[verdict];
}

const YES_NO_LINES = new Map<string, string[]>();

/** A whole yes/no line, `có nhà văn hóa: có, yêu cầu có → đạt.`: it depends only on the rule, the value and the sign. */
export function yesNoLine(rule: string, value: boolean, negated: boolean, make: () => string): string {
    const lines = cached(YES_NO_LINES, rule, (): string[] => []);
    const at = (value ? 2 : 0) + (negated ? 1 : 0);
    lines[at] ??= make();
    return lines[at];
}

const YES_NO_CLAUSES: ClauseView[] = [];

/** A yes/no clause, the commune's answer beside the one required: four in all. */
export function yesNoClause(value: boolean, required: boolean): ClauseView {
    const at = (value ? 2 : 0) + (required ? 1 : 0);
    YES_NO_CLAUSES[at] ??= Object.freeze({ value: value ? 'có' : 'không', requirement: required ? 'có' : 'không' });
    return YES_NO_CLAUSES[at];
}
