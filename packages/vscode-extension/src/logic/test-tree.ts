import type { SampleCheckLevel, SampleRunResult } from '../protocol.js';
import { checkName, failureMessage, renderSample, statusText } from './render.js';
import type { CommuneFile } from './sample-file.js';
import { baseName } from './text-position.js';

/** A test item to create, independent of the `vscode` API. */
export interface TestNode {
    readonly id: string;
    readonly label: string;
    readonly uri: string;
    readonly line?: number;
    readonly description?: string;
    /** Set when the sample cannot run: the file's problems, with file and field. */
    readonly error?: string;
    readonly children: readonly TestNode[];
}

export type OutcomeState = 'passed' | 'failed' | 'errored' | 'skipped';

export interface Outcome {
    readonly id: string;
    readonly state: OutcomeState;
    readonly message?: string;
    readonly expected?: string;
    readonly actual?: string;
}

/** What a finished sample run means for the tree: outcomes, children to add, output text. */
export interface SampleOutcome {
    readonly outcomes: readonly Outcome[];
    /** Checks the server reported that the file does not list (e.g. a declared difference with no official verdict). */
    readonly added: readonly TestNode[];
    readonly output: readonly string[];
}

export function verdictId(communeUri: string, level: SampleCheckLevel, label: string): string {
    return `${communeUri}#${level}:${label}`;
}

/** One item per sample commune, with one child per official verdict it states. */
export function sampleTestNode(file: CommuneFile): TestNode {
    const error = file.problems.length > 0 ? file.problems.map(p => p.message).join('\n') : undefined;
    return {
        id: file.uri,
        label: file.commune ? `Xã ${file.commune}` : baseName(file.uri),
        uri: file.uri,
        line: 0,
        description: baseName(file.uri),
        ...(error ? { error } : {}),
        children: file.expected.map(expected => ({
            id: verdictId(file.uri, expected.level, expected.label),
            label: checkName(expected),
            uri: file.uri,
            line: expected.position.line,
            description: `chính thức: ${expected.official}`,
            children: []
        }))
    };
}

/** Maps the server's result for one sample onto its test node. */
export function sampleOutcome(node: TestNode, sample: SampleRunResult): SampleOutcome {
    const output = renderSample(sample);
    if (!sample.ran) {
        const message = sample.problems.length > 0 ? sample.problems.join('\n') : 'Không chạy được xã mẫu này.';
        return {
            outcomes: [{ id: node.id, state: 'errored', message }, ...node.children.map(child => ({ id: child.id, state: 'skipped' as const }))],
            added: [],
            output
        };
    }
    const outcomes: Outcome[] = [];
    const added: TestNode[] = [];
    const seen = new Set<string>();
    for (const check of sample.checks) {
        const id = verdictId(node.uri, check.level, check.label);
        seen.add(id);
        if (!node.children.some(child => child.id === id)) {
            added.push({ id, label: checkName(check), uri: node.uri, description: statusText(check), children: [] });
        }
        outcomes.push(
            check.passed
                ? { id, state: 'passed' }
                : {
                      id,
                      state: 'failed',
                      message: failureMessage(check),
                      ...(check.official !== undefined ? { expected: check.official } : {}),
                      ...(check.computed !== undefined ? { actual: check.computed } : {})
                  }
        );
    }
    for (const child of node.children) {
        if (!seen.has(child.id)) {
            outcomes.push({ id: child.id, state: 'errored', message: `Máy chủ không trả kết quả cho ${child.label}.` });
        }
    }
    const failedChildren = outcomes.filter(o => o.state !== 'passed');
    const problems = sample.problems.length > 0 ? sample.problems.join('\n') : undefined;
    if (failedChildren.length === 0 && !problems) {
        outcomes.push({ id: node.id, state: 'passed' });
    } else {
        const names = failedChildren.map(o => [...node.children, ...added].find(n => n.id === o.id)?.label ?? o.id);
        const message = [
            ...(names.length > 0 ? [`${names.length} kết quả không đạt kiểm thử: ${names.join(', ')}.`] : []),
            ...(problems ? [problems] : [])
        ].join('\n');
        outcomes.push({ id: node.id, state: 'failed', message });
    }
    return { outcomes, added, output };
}
