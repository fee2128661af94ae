import type { MarkedRange, MarkedResource } from './test-markers.js';
import { InvalidTestFileError } from './test-markers.js';

export type SeverityName = 'error' | 'warning' | 'info';

export type MessagePattern = { readonly exact: string } | { readonly regex: RegExp };

/**
 * What one `$TEST$` comment asks for, at its marked range:
 * - `error "…"` / `warning r"…"` / `info`: a diagnostic of that severity with exactly that range (and message);
 * - `no error` / `no warning "…"`: no such diagnostic overlapping the range;
 * - `type "…"`: the expression (or fact name) at the range has that type, as `typeToString` writes it;
 * - `target id`, `references id`, `unresolved`: the name at the range is declaration `id`, resolves to it, or
 *   does not resolve;
 * - `verdict "…"`, `flag "…"`, `no flag "…"`: the indicator whose label is marked gets that verdict, carries (or
 *   not) that flag code, when the pack is evaluated with the resource's facts (resources/evaluation/, see
 *   test/generation/verdict-resources.test.ts).
 */
export type Expectation =
    | {
          readonly kind: 'diagnostic';
          readonly absent: boolean;
          readonly severity: SeverityName;
          readonly message?: MessagePattern;
          readonly range: MarkedRange;
          readonly line: number;
      }
    | { readonly kind: 'type'; readonly type: string; readonly range: MarkedRange; readonly line: number }
    | { readonly kind: 'target'; readonly id: string; readonly range: MarkedRange; readonly line: number }
    | { readonly kind: 'references'; readonly id: string; readonly range: MarkedRange; readonly line: number }
    | { readonly kind: 'unresolved'; readonly range: MarkedRange; readonly line: number }
    | { readonly kind: 'verdict'; readonly verdict: string; readonly range: MarkedRange; readonly line: number }
    | { readonly kind: 'flag'; readonly absent: boolean; readonly flag: string; readonly range: MarkedRange; readonly line: number };

const DIAGNOSTIC = /^(no\s+)?(error|warning|info)(?:\s+(r?)"(.*)")?$/;
const TYPE = /^type\s+"(.*)"$/;
const NAMED = /^(target|references)\s+([A-Za-z0-9_-]+)$/;
const VERDICT = /^verdict\s+"(.*)"$/;
const FLAG = /^(no\s+)?flag\s+"(.*)"$/;

/** Reads `\"` as `"` and `\\` as `\` inside a quoted message. */
function unescapeQuoted(text: string): string {
    return text.replace(/\\(["\\])/g, '$1');
}

export function readExpectations(resource: MarkedResource): Expectation[] {
    const expectations = resource.comments.map((comment, index): Expectation => {
        const range = resource.ranges[index]!;
        const line = comment.line;
        const diagnostic = DIAGNOSTIC.exec(comment.body);
        if (diagnostic) {
            const [, no, severity, raw, body] = diagnostic;
            let message: MessagePattern | undefined;
            if (body !== undefined) {
                if (raw) {
                    try {
                        message = { regex: new RegExp(`^(?:${body})$`) };
                    } catch (error) {
                        throw new InvalidTestFileError(`Line ${line}: bad regular expression: ${(error as Error).message}`);
                    }
                } else {
                    message = { exact: unescapeQuoted(body) };
                }
            }
            return { kind: 'diagnostic', absent: no !== undefined, severity: severity as SeverityName, message, range, line };
        }
        const type = TYPE.exec(comment.body);
        if (type) {
            return { kind: 'type', type: unescapeQuoted(type[1]!), range, line };
        }
        const named = NAMED.exec(comment.body);
        if (named) {
            return { kind: named[1] as 'target' | 'references', id: named[2]!, range, line };
        }
        if (comment.body === 'unresolved') {
            return { kind: 'unresolved', range, line };
        }
        const verdict = VERDICT.exec(comment.body);
        if (verdict) {
            return { kind: 'verdict', verdict: unescapeQuoted(verdict[1]!), range, line };
        }
        const flag = FLAG.exec(comment.body);
        if (flag) {
            return { kind: 'flag', absent: flag[1] !== undefined, flag: unescapeQuoted(flag[2]!), range, line };
        }
        throw new InvalidTestFileError(
            `Line ${line}: cannot read "$TEST$ ${comment.body}". ` +
                'Use: [no] error|warning|info ["message"|r"regex"], type "…", target <id>, references <id>, unresolved, verdict "…", [no] flag "…".'
        );
    });
    const targets = new Set<string>();
    for (const expectation of expectations) {
        if (expectation.kind === 'target') {
            if (targets.has(expectation.id)) {
                throw new InvalidTestFileError(`Line ${expectation.line}: target ${expectation.id} is declared twice.`);
            }
            targets.add(expectation.id);
        }
    }
    for (const expectation of expectations) {
        if (expectation.kind === 'references' && !targets.has(expectation.id)) {
            throw new InvalidTestFileError(`Line ${expectation.line}: references ${expectation.id}, but no "$TEST$ target ${expectation.id}" exists.`);
        }
    }
    return expectations;
}
