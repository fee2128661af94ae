// What a generated evaluator module exports: the runtime's `EvaluatorModule`.
export type { EvaluatorModule } from '@ntm/runtime';
