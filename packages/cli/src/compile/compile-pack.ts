import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { EvaluateOptions, EvaluationResult, FactSpec, LoadedPack, NtmServices, PackInfo } from '@ntm/language';
import { createNtmCoreServices, loadPackFile } from '@ntm/language';
import { NodeFileSystem } from 'langium/node';

/** What a generated module exports. */
export interface EvaluatorModule {
    evaluate(facts: unknown, options: EvaluateOptions): EvaluationResult;
    readonly PACK: PackInfo;
    readonly FACT_SPECS: readonly FactSpec[];
}

export interface CompiledPack {
    readonly file: string;
    readonly loaded: LoadedPack;
    /** The generated TypeScript; absent when the pack has errors. */
    readonly typescript?: string;
    readonly fileName?: string;
}

let services: NtmServices | undefined;

export function ntmServices(): NtmServices {
    services ??= createNtmCoreServices(NodeFileSystem).Ntm;
    return services;
}

/** Parses, checks and (when error-free) generates one pack file. */
export async function compilePackFile(file: string): Promise<CompiledPack> {
    const absolute = path.resolve(file);
    await fs.access(absolute); // a missing file is the caller's error, with its own message
    const loaded = await loadPackFile(ntmServices(), pathToFileURL(absolute).toString());
    if (loaded.hasErrors) {
        return { file: absolute, loaded };
    }
    const generated = ntmServices().generation.TsGenerator.generate(loaded.pack);
    return { file: absolute, loaded, typescript: generated.text, fileName: generated.fileName };
}

/** Transpiles generated TypeScript to JavaScript (types are erased; the module has no imports). */
export function toJavaScript(typescript: string): string {
    return ts.transpileModule(typescript, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 }
    }).outputText;
}

/** Loads a generated module in this process, without writing it anywhere. */
export async function loadEvaluator(compiled: CompiledPack): Promise<EvaluatorModule> {
    if (!compiled.typescript) {
        throw new Error('pack has errors');
    }
    const source = toJavaScript(compiled.typescript);
    return await import(`data:text/javascript;base64,${Buffer.from(source, 'utf8').toString('base64')}`) as EvaluatorModule;
}

const SEVERITY: Readonly<Record<number, string>> = { 1: 'lỗi', 2: 'cảnh báo', 3: 'thông tin', 4: 'gợi ý' };

/** `file:line:col severity message`, the form editors and CI logs recognise. */
export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
    const { line, character } = diagnostic.range.start;
    return `${file}:${line + 1}:${character + 1} ${SEVERITY[diagnostic.severity ?? 1] ?? 'lỗi'} ${diagnostic.message}`;
}
