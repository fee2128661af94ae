import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EvaluatorModule } from '../evaluate/evaluator-module.js';
import { linkRuntime as linkRuntimeAt } from '../evaluate/link-runtime.js';

// Loading a generated module in this process: it is JavaScript already (the generator writes it, see
// @ntm/language generation/code.ts), so no compiler runs; only its import of @ntm/runtime is pointed at the
// runtime this library runs with, since a module imported from a `data:` URL cannot resolve a package name.

let runtime: string | undefined;

/**
 * The URL of @ntm/runtime: the package's own file, or, in the VS Code extension (one bundled file and no
 * node_modules), the runtime bundled beside it as `ntm-runtime.mjs`.
 */
export function runtimeUrl(): string {
    if (runtime) return runtime;
    const bundled = new URL('./ntm-runtime.mjs', import.meta.url);
    runtime = existsSync(fileURLToPath(bundled)) ? bundled.href : pathToFileURL(createRequire(import.meta.url).resolve('@ntm/runtime')).href;
    return runtime;
}

/** The module with its imports of @ntm/runtime pointed at `url` (by default the runtime this process runs with). */
export function linkRuntime(javascript: string, url: string = runtimeUrl()): string {
    return linkRuntimeAt(javascript, url);
}

/** Loads a generated module (its JavaScript, as compiled) in this process, without writing it anywhere. */
export async function loadEvaluator(compiled: { readonly javascript?: string }): Promise<EvaluatorModule> {
    if (compiled.javascript === undefined) {
        throw new Error('pack has errors');
    }
    const source = linkRuntime(compiled.javascript);
    return (await import(`data:text/javascript;base64,${Buffer.from(source, 'utf8').toString('base64')}`)) as EvaluatorModule;
}
