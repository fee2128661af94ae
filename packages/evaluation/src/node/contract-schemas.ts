import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { communeInputSchema } from '../contract/input-schema.js';
import { loadEvaluator } from './load-evaluator.js';

/** The JSON Schemas `ntm build` writes beside a module: its input (a commune file for the pack) and its result. */
export interface ContractSchemas {
    readonly input: object;
    /** The same for every pack: the runtime's result types (`@ntm/runtime/result.schema.json`). */
    readonly result: object;
}

/** The schemas of a compiled pack, from the module's own `PACK` and `FACT_SPECS` (so they describe what it reads). */
export async function contractSchemas(compiled: { readonly javascript?: string }): Promise<ContractSchemas> {
    const module = await loadEvaluator(compiled);
    const resultFile = createRequire(import.meta.url).resolve('@ntm/runtime/result.schema.json');
    return { input: communeInputSchema(module.PACK, module.FACT_SPECS), result: JSON.parse(readFileSync(resultFile, 'utf8')) as object };
}

/** The two schema files beside the module `target` (its path without extension), as `ntm build` writes them. */
export async function contractSchemaFiles(compiled: { readonly javascript?: string }, target: string): Promise<Array<{ path: string; text: string }>> {
    const schemas = await contractSchemas(compiled);
    const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
    return [
        { path: `${target}.input.schema.json`, text: json(schemas.input) },
        { path: `${target}.result.schema.json`, text: json(schemas.result) }
    ];
}
