import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NtmServices } from '@ntm/language';
import type { CompiledPack } from '../packs/compile-pack.js';
import { compilePack } from '../packs/compile-pack.js';
import type { EvaluatorModule } from '../evaluate/evaluator-module.js';
import type { PackBuild } from './evaluator-cache.js';
import { readCachedPack, writeCachedPack } from './evaluator-cache.js';
import { loadEvaluator } from './load-evaluator.js';
import { OutputError, notAPackText, relativeToCwd } from './files.js';

let services: Promise<NtmServices> | undefined;

/** The compiler's services over the file system, one per process, loaded when first needed. */
export function ntmServices(): Promise<NtmServices> {
    services ??= Promise.all([import('@ntm/language'), import('langium/node')]).then(
        ([language, node]) => language.createNtmCoreServices(node.NodeFileSystem).Ntm
    );
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
    // The compiler reads a pack by its extension; anything else would fail inside it, in its words.
    if (!absolute.toLowerCase().endsWith('.ntm')) throw new OutputError(notAPackText(relativeToCwd(absolute)));
    return compilePack(
        await ntmServices(),
        pathToFileURL(absolute).toString(),
        absolute,
        undefined,
        roots.map(root => pathToFileURL(path.resolve(root)).toString())
    );
}

export interface LoadedEvaluator {
    readonly compiled: PackBuild;
    /** Absent when the pack has errors (see `compiled.issues`). */
    readonly evaluator?: EvaluatorModule;
}

const loadedPacks = new Map<string, Promise<LoadedEvaluator>>();

/**
 * Compiles and loads a pack once per process, however many communes use it; a pack compiled before from
 * the same texts by the same compiler comes from the disk cache (`evaluator-cache.ts`) without loading
 * the compiler at all.
 */
export function evaluatorFor(packFile: string): Promise<LoadedEvaluator> {
    const key = path.resolve(packFile);
    let entry = loadedPacks.get(key);
    if (!entry) {
        entry = loadPack(key);
        loadedPacks.set(key, entry);
    }
    return entry;
}

async function loadPack(file: string): Promise<LoadedEvaluator> {
    const roots = [projectRoot(file)];
    const cached = await readCachedPack(file, roots);
    if (cached) {
        const evaluator = await loadEvaluator(cached).catch(() => undefined);
        if (evaluator) return { compiled: cached, evaluator };
    }
    const compiled = await compilePackFile(file, roots);
    if (compiled.javascript === undefined) return { compiled };
    await writeCachedPack(compiled, roots);
    return { compiled, evaluator: await loadEvaluator(compiled) };
}
