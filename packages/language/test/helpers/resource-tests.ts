import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstNode, LangiumDocument, Reference } from 'langium';
import { AstUtils, isReference } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isFactDecl } from '../../src/generated/ast.js';
import { typeToString } from '../../src/typing/ntm-types.js';
import type { Expectation, MessagePattern, SeverityName } from './test-expectations.js';
import { readExpectations } from './test-expectations.js';
import type { MarkedRange, MarkedResource } from './test-markers.js';
import { InvalidTestFileError, readMarkedResource } from './test-markers.js';
import { loadTestPack, loadTestPackAt, ntmTestServices } from './ntm-test-services.js';

const RESOURCES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');

/** One resource file: a pack with inline expectations, or the reason it cannot be read as a test. */
export interface ResourceTest {
    readonly testName: string;
    readonly file: string;
    /** Files named `skip-…` are known failures, kept as documentation until the code is fixed. */
    readonly skip: boolean;
    readonly resource?: MarkedResource;
    readonly expectations?: readonly Expectation[];
    readonly error?: InvalidTestFileError;
}

/** Every `.ntm` file of `resources/<concern>/`, sorted, as test cases for `it.each`. */
export function createResourceTests(concern: string): ResourceTest[] {
    const directory = path.join(RESOURCES, concern);
    const files = readdirSync(directory)
        .filter(name => name.endsWith('.ntm'))
        .sort();
    return files.map(name => readResourceTest(path.join(directory, name), `${concern}/${name}`));
}

export function readResourceTest(file: string, displayName: string): ResourceTest {
    const skip = path.basename(file).startsWith('skip-');
    try {
        const resource = readMarkedResource(readFileSync(file, 'utf8'));
        return { testName: displayName, file, skip, resource, expectations: readExpectations(resource) };
    } catch (error) {
        if (error instanceof InvalidTestFileError) {
            return { testName: `INVALID TEST FILE ${displayName}`, file, skip: false, error };
        }
        throw error;
    }
}

/** Loads the resource's pack and returns every unmet expectation, in words; empty when the test passes. */
export async function resourceTestFailures(test: ResourceTest): Promise<string[]> {
    if (test.error || !test.resource || !test.expectations) {
        return [test.error?.message ?? 'unreadable test file'];
    }
    // Packs that build on others (`dựa trên`) are loaded at their real path so the bases are found on disk.
    const loaded = /^\s*dựa trên\s|đạt chuẩn theo\s/mu.test(test.resource.text.normalize('NFC'))
        ? await loadTestPackAt(test.resource.text, test.file)
        : await loadTestPack(test.resource.text, path.basename(test.file, '.ntm'));
    return expectationFailures(loaded.document, loaded.diagnostics, test.expectations);
}

export function expectationFailures(document: LangiumDocument, diagnostics: readonly Diagnostic[], expectations: readonly Expectation[]): string[] {
    return [...diagnosticFailures(document, diagnostics, expectations), ...typeFailures(document, expectations), ...referenceFailures(document, expectations)];
}

const SEVERITY: Readonly<Record<SeverityName, number>> = { error: 1, warning: 2, info: 3 };
const SEVERITY_NAME: Readonly<Record<number, string>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
/** Diagnostics of these severities must all be expected; infos only when a test asks for them. */
const MUST_BE_EXPECTED = new Set([1, 2]);

function severityOf(diagnostic: Diagnostic): number {
    return diagnostic.severity ?? 1;
}

interface Span {
    readonly start: number;
    readonly end: number;
}

function spanOf(document: LangiumDocument, diagnostic: Diagnostic): Span {
    return { start: document.textDocument.offsetAt(diagnostic.range.start), end: document.textDocument.offsetAt(diagnostic.range.end) };
}

function sameSpan(a: Span, b: Span): boolean {
    return a.start === b.start && a.end === b.end;
}

/** Whether two spans share a character, or an empty span lies within (or at the edge of) the other. */
function overlaps(a: Span, b: Span): boolean {
    if (a.start === a.end || b.start === b.end) {
        return a.start <= b.end && b.start <= a.end;
    }
    return a.start < b.end && b.start < a.end;
}

function messageMatches(pattern: MessagePattern | undefined, message: string): boolean {
    if (!pattern) return true;
    return 'exact' in pattern ? pattern.exact === message : pattern.regex.test(message);
}

function showPattern(pattern: MessagePattern | undefined): string {
    if (!pattern) return '';
    return 'exact' in pattern ? ` ${JSON.stringify(pattern.exact)}` : ` r"${pattern.regex.source.slice(4, -2)}"`;
}

export function showSpan(document: LangiumDocument, span: Span): string {
    const start = document.textDocument.positionAt(span.start);
    const end = document.textDocument.positionAt(span.end);
    const covered = document.textDocument.getText().slice(span.start, span.end);
    return `${start.line + 1}:${start.character + 1}–${end.line + 1}:${end.character + 1} «${covered.length > 60 ? covered.slice(0, 57) + '…' : covered}»`;
}

function showDiagnostic(document: LangiumDocument, diagnostic: Diagnostic): string {
    return `${SEVERITY_NAME[severityOf(diagnostic)]} ${JSON.stringify(diagnostic.message)} at ${showSpan(document, spanOf(document, diagnostic))}`;
}

function diagnosticFailures(document: LangiumDocument, diagnostics: readonly Diagnostic[], expectations: readonly Expectation[]): string[] {
    const failures: string[] = [];
    const matched = new Set<Diagnostic>();
    const listAll = (): string =>
        diagnostics.length === 0
            ? ' There are no diagnostics.'
            : '\n    Diagnostics:\n' + diagnostics.map(d => '      ' + showDiagnostic(document, d)).join('\n');
    for (const expectation of expectations) {
        if (expectation.kind !== 'diagnostic') continue;
        const severity = SEVERITY[expectation.severity];
        const candidates = diagnostics.filter(d => severityOf(d) === severity && messageMatches(expectation.message, d.message));
        const where = showSpan(document, expectation.range);
        if (expectation.absent) {
            const found = candidates.filter(d => overlaps(spanOf(document, d), expectation.range));
            if (found.length > 0) {
                failures.push(
                    `Line ${expectation.line}: expected no ${expectation.severity}${showPattern(expectation.message)} at ${where}, found: ` +
                        found.map(d => showDiagnostic(document, d)).join('; ')
                );
            }
            continue;
        }
        const hit = candidates.find(d => !matched.has(d) && sameSpan(spanOf(document, d), expectation.range));
        if (hit) {
            matched.add(hit);
        } else {
            const pattern = expectation.message;
            const lookAlike =
                pattern &&
                'exact' in pattern &&
                diagnostics.some(d => d.message !== pattern.exact && d.message.normalize('NFC') === pattern.exact.normalize('NFC'));
            const hint = lookAlike ? ' A diagnostic has this message in another Unicode form (NFC/NFD).' : '';
            failures.push(`Line ${expectation.line}: expected ${expectation.severity}${showPattern(pattern)} at ${where}.${hint}${listAll()}`);
        }
    }
    for (const diagnostic of diagnostics) {
        if (!matched.has(diagnostic) && MUST_BE_EXPECTED.has(severityOf(diagnostic))) {
            failures.push(`Unexpected ${showDiagnostic(document, diagnostic)}: every error and warning needs a $TEST$ comment.`);
        }
    }
    return failures;
}

function nodeSpan(node: AstNode): Span | undefined {
    const cst = node.$cstNode;
    return cst ? { start: cst.offset, end: cst.end } : undefined;
}

function typeFailures(document: LangiumDocument, expectations: readonly Expectation[]): string[] {
    const services = ntmTestServices();
    const types = services.typing.TypeComputer;
    const reflection = services.shared.AstReflection;
    const nodes = AstUtils.streamAst(document.parseResult.value).toArray();
    const failures: string[] = [];
    for (const expectation of expectations) {
        if (expectation.kind !== 'type') continue;
        const at = (span: Span | undefined) => span !== undefined && sameSpan(span, expectation.range);
        // The innermost expression with exactly this range, else a fact whose name is marked.
        const expression = nodes.filter(n => reflection.isInstance(n, 'Expression') && at(nodeSpan(n))).pop();
        const fact = nodes.filter(isFactDecl).find(f => at(nameSpan(f)));
        const actual = expression ? typeToString(types.typeOf(expression as never)) : fact ? typeToString(types.typeOfFact(fact)) : undefined;
        if (actual === undefined) {
            failures.push(`Line ${expectation.line}: no expression or fact name at ${showSpan(document, expectation.range)}.`);
        } else if (actual !== expectation.type) {
            failures.push(
                `Line ${expectation.line}: expected type ${JSON.stringify(expectation.type)} at ${showSpan(document, expectation.range)}, got ${JSON.stringify(actual)}.`
            );
        }
    }
    return failures;
}

function nameSpan(node: AstNode): Span | undefined {
    const nameNode = ntmTestServices().references.NameProvider.getNameNode(node);
    return nameNode ? { start: nameNode.offset, end: nameNode.end } : undefined;
}

function referenceFailures(document: LangiumDocument, expectations: readonly Expectation[]): string[] {
    const nodes = AstUtils.streamAst(document.parseResult.value).toArray();
    const references: Reference[] = nodes.flatMap(node =>
        AstUtils.streamReferences(node)
            .map(r => r.reference)
            .filter(isReference)
            .toArray()
    );
    const failures: string[] = [];
    const targets = new Map<string, AstNode>();
    for (const expectation of expectations) {
        if (expectation.kind !== 'target') continue;
        const node = nodes.find(n => {
            const s = nameSpan(n);
            return s !== undefined && sameSpan(s, expectation.range);
        });
        if (node) {
            targets.set(expectation.id, node);
        } else {
            failures.push(`Line ${expectation.line}: no declaration whose name is at ${showSpan(document, expectation.range)}.`);
        }
    }
    const referenceAt = (range: MarkedRange): Reference | undefined =>
        references.find(r => r.$refNode !== undefined && sameSpan({ start: r.$refNode.offset, end: r.$refNode.end }, range));
    for (const expectation of expectations) {
        if (expectation.kind !== 'references' && expectation.kind !== 'unresolved') continue;
        const where = showSpan(document, expectation.range);
        const reference = referenceAt(expectation.range);
        if (!reference) {
            failures.push(`Line ${expectation.line}: no reference at ${where}.`);
            continue;
        }
        const resolved = reference.ref;
        if (expectation.kind === 'unresolved') {
            if (resolved) failures.push(`Line ${expectation.line}: expected ${where} to stay unresolved, but it resolves to ${describe(resolved)}.`);
            continue;
        }
        const target = targets.get(expectation.id);
        if (target && resolved !== target) {
            failures.push(
                `Line ${expectation.line}: expected ${where} to resolve to target ${expectation.id} (${describe(target)}), ` +
                    `but it ${resolved ? `resolves to ${describe(resolved)}` : 'is unresolved'}.`
            );
        }
    }
    return failures;
}

function describe(node: AstNode): string {
    const name = ntmTestServices().references.NameProvider.getName(node);
    const line = node.$cstNode ? node.$cstNode.range.start.line + 1 : '?';
    return `${node.$type}${name ? ` «${name}»` : ''} at line ${line}`;
}
