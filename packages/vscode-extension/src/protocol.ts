/**
 * The server's test-run request as the extension sees it: owned by @ntm/evaluation (which runs the samples),
 * re-exported here so that the extension's modules import it from one place.
 */
export type { RunSamplesParams, RunSamplesResult, SampleCheckResult, SampleRunResult, SourceLocation } from '@ntm/evaluation';
export type { CheckLevel as SampleCheckLevel } from '@ntm/evaluation';
export { RUN_SAMPLES_METHOD } from '@ntm/evaluation';
