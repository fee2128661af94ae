import type { EvaluateOptions, EvaluationResult, FactSpec, PackInfo } from '@ntm/runtime';

/** What a generated evaluator module exports. */
export interface EvaluatorModule {
    evaluate(facts: unknown, options: EvaluateOptions): EvaluationResult;
    readonly PACK: PackInfo;
    readonly FACT_SPECS: readonly FactSpec[];
}
