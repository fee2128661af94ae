import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { expect } from 'vitest';
import type { EvaluateOptions, EvaluationResult, FactSpec, IndicatorResult, InputIssue, PackInfo } from '@ntm/runtime';
import type { GeneratedModule } from '../../src/generation/ts-generator.js';
import { loadTestPack, loadTestPackAt, ntmFileTestServices, ntmTestServices } from '../helpers/ntm-test-services.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const GENERATION_RESOURCES = path.resolve(here, '..', 'resources', 'generation');
/** The built runtime, as a URL a module in the temp dir can import. */
export const RUNTIME_URL = pathToFileURL(createRequire(import.meta.url).resolve('@ntm/runtime')).href;

/** What a generated module exports, as its consumers use it. */
export interface EvaluatorModule {
    evaluate(facts: unknown, options?: EvaluateOptions): EvaluationResult;
    readonly PACK: PackInfo;
    readonly FACT_SPECS: readonly FactSpec[];
    readonly NtmEvaluationError: new (message: string) => Error;
    readonly NtmInputError: new (issues: readonly InputIssue[]) => Error & { readonly issues: readonly InputIssue[] };
}

/**
 * The input issues `evaluate` refuses the facts with (it throws NtmInputError and returns no verdicts);
 * fails the test when it returns a result instead.
 */
export function inputErrorsOf(evaluate: () => EvaluationResult): readonly InputIssue[] {
    try {
        evaluate();
    } catch (error) {
        if (error instanceof Error && error.name === 'NtmInputError') return (error as Error & { issues: readonly InputIssue[] }).issues;
        throw error;
    }
    throw new Error('evaluate returned verdicts although the inputs have errors');
}

/** Generates the module of an error-free pack; a pack with errors fails the test with its diagnostics. */
export async function generateModule(text: string, name = 'generated'): Promise<GeneratedModule> {
    const loaded = await loadTestPack(text, name);
    const errors = loaded.diagnostics.filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`);
    expect(errors, 'the pack must be free of errors').toEqual([]);
    return ntmTestServices().generation.TsGenerator.generate(loaded.pack);
}

/** Generates the module of a pack file, with the packs it builds on read from disk. */
export async function generateFile(file: string): Promise<GeneratedModule> {
    const loaded = await loadTestPackAt(readFileSync(file, 'utf8'), file);
    const errors = loaded.diagnostics.filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`);
    expect(errors, 'the pack must be free of errors').toEqual([]);
    return ntmFileTestServices().generation.TsGenerator.generate(loaded.pack);
}

export async function generateResource(fileName: string): Promise<GeneratedModule> {
    return generateModule(readFileSync(path.join(GENERATION_RESOURCES, fileName), 'utf8'), fileName);
}

/**
 * The JavaScript of a module with its imports of @ntm/runtime pointed at the built runtime, so that it runs
 * from a temp dir. Only the head is touched: it ends at the first blank line, before any pack text.
 */
export function linkRuntime(javascript: string): string {
    const end = javascript.indexOf('\n\n');
    return javascript.slice(0, end).replaceAll("from '@ntm/runtime';", `from ${JSON.stringify(RUNTIME_URL)};`) + javascript.slice(end);
}

/**
 * Type-checks one module (or, with `generated.d.ts`, its declarations) on its own, as a consumer's strict
 * project would, against the built @ntm/runtime (found from this folder, as a project finds its packages).
 */
export function typeCheck(source: string, name = 'generated.ts'): string[] {
    const fileName = path.resolve(here, name);
    const options: ts.CompilerOptions = {
        strict: true,
        noUnusedLocals: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noImplicitReturns: true,
        noImplicitOverride: true,
        noFallthroughCasesInSwitch: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ES2022,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts'],
        types: [],
        skipLibCheck: true,
        noEmit: true
    };
    const host = ts.createCompilerHost(options, true);
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const readFile = host.readFile.bind(host);
    host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
        path.resolve(name) === fileName
            ? ts.createSourceFile(name, source, languageVersion, true)
            : getSourceFile(name, languageVersion, onError, shouldCreate);
    host.fileExists = name => path.resolve(name) === fileName || fileExists(name);
    host.readFile = name => (path.resolve(name) === fileName ? source : readFile(name));
    const program = ts.createProgram([fileName], options, host);
    return ts.getPreEmitDiagnostics(program).map(diagnostic => {
        const where =
            diagnostic.file && diagnostic.start !== undefined
                ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1} `
                : '';
        return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    });
}

/**
 * Every way a module can reach outside itself: imports, re-exports, require, dynamic import, eval — except
 * imports from the modules `allowed` (a generated module imports @ntm/runtime and nothing else).
 */
export function outsideReferences(source: string, allowed: readonly string[] = ['@ntm/runtime']): string[] {
    const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.ES2022, true);
    const found: string[] = [];
    const isAllowed = (specifier: ts.Expression | undefined) => specifier !== undefined && ts.isStringLiteral(specifier) && allowed.includes(specifier.text);
    const visit = (node: ts.Node): void => {
        if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && isAllowed(node.moduleSpecifier)) {
            // allowed
        } else if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier)) {
            found.push(node.getText());
        } else if (ts.isCallExpression(node)) {
            const callee = node.expression;
            if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && ['require', 'eval', 'Function'].includes(callee.text))) {
                found.push(node.getText());
            }
        } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') {
            found.push(node.getText());
        } else if (ts.isMetaProperty(node)) {
            found.push(node.getText());
        }
        ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
}

/** Temporary directory for transpiled modules, under the OS temp dir (never the repository). */
export class ModuleLoader {
    private directory: string | undefined;
    private count = 0;

    /** Writes the module's JavaScript (as generated: no compiler involved) to the temp dir and imports it. */
    async load(module: GeneratedModule): Promise<EvaluatorModule> {
        this.directory ??= mkdtempSync(path.join(tmpdir(), 'ntm-generated-'));
        this.count += 1;
        const file = path.join(this.directory, `${this.count}-${module.fileName.replace(/\.ts$/, '.mjs')}`);
        writeFileSync(file, linkRuntime(module.javascript));
        return (await import(pathToFileURL(file).href)) as EvaluatorModule;
    }

    dispose(): void {
        if (this.directory) {
            rmSync(this.directory, { recursive: true, force: true });
            this.directory = undefined;
        }
    }
}

export function indicatorOf(result: EvaluationResult, label: string): IndicatorResult {
    const found = result.indicators.find(indicator => indicator.label === label);
    if (!found) {
        throw new Error(`no indicator ${label} in ${result.indicators.map(i => i.label).join(', ')}`);
    }
    return found;
}
