import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { NtmServices } from '@ntm/language';
import { createNtmCoreServices } from '@ntm/language';
import { NodeFileSystem } from 'langium/node';
import type { CompiledPack } from '../packs/compile-pack.js';
import { compilePack } from '../packs/compile-pack.js';
import type { EvaluatorModule } from '../evaluate/evaluator-module.js';

let services: NtmServices | undefined;

/** The compiler's services over the file system, one per process. */
export function ntmServices(): NtmServices {
    services ??= createNtmCoreServices(NodeFileSystem).Ntm;
    return services;
}

/**
 * The folder `dựa trên` may lead into for a pack on disk: the nearest folder above it holding the repository
 * (`.git`) or a `package.json`; without one, the folder above the pack's own (where a provincial pack's
 * `../quoc-gia/` is).
 */
export function projectRoot(packFile: string): string {
    const start = path.dirname(path.resolve(packFile));
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (existsSync(path.join(dir, '.git')) || existsSync(path.join(dir, 'package.json'))) return dir;
        if (path.dirname(dir) === dir) return path.dirname(start);
    }
}

/**
 * Parses, checks and (when error-free) generates one pack file and the packs it builds on. `roots` are the
 * folders its bases may come from (by default its project folder, see `projectRoot`).
 */
export async function compilePackFile(file: string, roots: readonly string[] = [projectRoot(file)]): Promise<CompiledPack> {
    const absolute = path.resolve(file);
    await fs.access(absolute); // a missing file is the caller's error, with its own message
    return compilePack(ntmServices(), pathToFileURL(absolute).toString(), absolute, undefined, roots.map(root => pathToFileURL(path.resolve(root)).toString()));
}

/** Transpiles generated TypeScript to JavaScript (types are erased; the module has no imports). */
export function toJavaScript(typescript: string): string {
    return ts.transpileModule(typescript, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 }
    }).outputText;
}

/** The `.d.ts` of a generated module, produced by the TypeScript compiler in memory. */
export function declarationsOf(typescript: string, fileName: string): string {
    let declarations = '';
    const options: ts.CompilerOptions = { declaration: true, emitDeclarationOnly: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, skipLibCheck: true, types: [] };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = name => name === fileName ? typescript : readFile(name);
    host.fileExists = name => name === fileName || ts.sys.fileExists(name);
    host.getSourceFile = (name, language) => name === fileName ? ts.createSourceFile(name, typescript, language) : getSourceFile(name, language);
    host.writeFile = (name, text) => { if (name.endsWith('.d.ts')) declarations = text; };
    ts.createProgram([fileName], options, host).emit();
    return declarations;
}

/** Loads a generated module in this process, without writing it anywhere. */
export async function loadEvaluator(compiled: CompiledPack): Promise<EvaluatorModule> {
    if (!compiled.typescript) {
        throw new Error('pack has errors');
    }
    const source = toJavaScript(compiled.typescript);
    return await import(`data:text/javascript;base64,${Buffer.from(source, 'utf8').toString('base64')}`) as EvaluatorModule;
}

export interface LoadedEvaluator {
    readonly compiled: CompiledPack;
    /** Absent when the pack has errors (see `compiled.issues`). */
    readonly evaluator?: EvaluatorModule;
}

const cache = new Map<string, Promise<LoadedEvaluator>>();

/** Compiles and loads a pack once per process, however many communes use it. */
export function evaluatorFor(packFile: string): Promise<LoadedEvaluator> {
    const key = path.resolve(packFile);
    let entry = cache.get(key);
    if (!entry) {
        entry = compilePackFile(key).then(async compiled => ({ compiled, evaluator: compiled.typescript ? await loadEvaluator(compiled) : undefined }));
        cache.set(key, entry);
    }
    return entry;
}
