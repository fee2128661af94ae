// The evaluator's options for a commune file live in @ntm/runtime, beside the one reader of commune files.
export { evaluateOptionsOf } from '@ntm/runtime';
