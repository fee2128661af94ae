import type { MutantOutcome } from './mutant-pool.js';
import type { Mutant } from './mutations.js';

/** Words that betray an internal value leaking into a message or a result meant for a person. */
export const INTERNAL_VALUE = /\bundefined\b|\bnull\b|\bNaN\b|\bInfinity\b|\[object Object\]/u;

/**
 * The internal-value words in `message` that the pack's own text does not contain: a message may quote what
 * the analyst wrote (a comment, a name), so only a word the program made up is a finding.
 */
export function internalValuesIn(message: string, text: string): string[] {
    const words = message.match(new RegExp(INTERNAL_VALUE.source, 'gu')) ?? [];
    return words.filter(word => !text.includes(word));
}

export type FindingKind = 'crash' | 'hang' | 'message' | 'module';

export interface Finding {
    readonly kind: FindingKind;
    readonly seed: number;
    readonly detail: string;
}

/** What is wrong with one mutant's outcome; nothing for a mutant that was merely reported as broken. */
export function findingsOf(mutant: Mutant, outcome: MutantOutcome, timeoutMs: number): Finding[] {
    const found: Finding[] = [];
    const add = (kind: FindingKind, detail: string) => found.push({ kind, seed: mutant.seed, detail });
    if (outcome.hang) add('hang', `did not finish within ${timeoutMs} ms`);
    else if (outcome.ms > timeoutMs) add('hang', `took ${Math.round(outcome.ms)} ms`);
    if (outcome.crash) add('crash', firstLines(outcome.crash));
    for (const issue of outcome.issues) {
        if (internalValuesIn(issue.message, mutant.text).length > 0) add('message', `${issue.line}:${issue.column} ${issue.severity} ${issue.message}`);
    }
    for (const line of outcome.listed) {
        if (internalValuesIn(line, mutant.text).length > 0) add('message', `listed threshold: ${line}`);
    }
    const module = outcome.module;
    if (module?.loadError) add('module', `does not load: ${firstLines(module.loadError)}`);
    for (const thrown of module?.thrown ?? []) add('module', `throws: ${firstLines(thrown)}`);
    for (const strange of module?.strange ?? []) add('module', `result: ${strange}`);
    return found;
}

/** The top of a stack, with the generated module's `data:` URL (the whole module in base64) cut out. */
function firstLines(stack: string): string {
    return stack
        .replace(/data:text\/javascript;base64,[A-Za-z0-9+/=]+/g, '<module>')
        .split('\n')
        .slice(0, 4)
        .map(l => l.trim())
        .join(' | ');
}

/** Counts for the report: mutants, crashes, hangs, internal values in messages, modules that threw. */
export interface Tally {
    mutants: number;
    withoutErrors: number;
    crashes: number;
    hangs: number;
    messages: number;
    mutantsWithMessages: number;
    modulesThrew: number;
    strangeResults: number;
    slowestMs: number;
}

export function emptyTally(): Tally {
    return { mutants: 0, withoutErrors: 0, crashes: 0, hangs: 0, messages: 0, mutantsWithMessages: 0, modulesThrew: 0, strangeResults: 0, slowestMs: 0 };
}

export function count(tally: Tally, outcome: MutantOutcome, findings: readonly Finding[]): void {
    tally.mutants++;
    if (!outcome.hasErrors && !outcome.crash && !outcome.hang) tally.withoutErrors++;
    if (findings.some(f => f.kind === 'crash')) tally.crashes++;
    if (findings.some(f => f.kind === 'hang')) tally.hangs++;
    const messages = findings.filter(f => f.kind === 'message').length;
    tally.messages += messages;
    if (messages > 0) tally.mutantsWithMessages++;
    if (outcome.module?.loadError || (outcome.module?.thrown.length ?? 0) > 0) tally.modulesThrew++;
    if ((outcome.module?.strange.length ?? 0) > 0) tally.strangeResults++;
    tally.slowestMs = Math.max(tally.slowestMs, Math.round(outcome.ms));
}
