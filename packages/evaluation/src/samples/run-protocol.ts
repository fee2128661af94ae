/**
 * The language server's custom request that runs sample communes against their pack, and the shapes it
 * returns; the VS Code extension renders them. Plain data (codes, texts, positions): the extension maps
 * codes to Vietnamese with the label tables of this package.
 */
import type { DiscrepancyCause } from '../commune/commune-data.js';
import type { CheckLevel, CheckStatus } from './check-codes.js';

/** Method name of the request. */
export const RUN_SAMPLES_METHOD = 'ntm/chayKiemThu';

export interface RunSamplesParams {
    /** A pack (.ntm): run every sample commune whose «bộ tiêu chí» is this pack. */
    readonly packUri?: string;
    /** One sample commune (.json): run just this one. */
    readonly communeUri?: string;
}

/** A range in a document, zero-based as in LSP. */
export interface SourceRange {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
}

/** Where something is written: a pack's criterion or indicator, taken from the syntax tree. */
export interface SourceLocation {
    readonly uri: string;
    readonly range: SourceRange;
}

/** One official verdict compared with the engine's. */
export interface SampleCheckResult {
    readonly level: CheckLevel;
    /** Indicator or criterion label («17.6», «17»); for recognition «công nhận». */
    readonly label: string;
    readonly official?: string;
    readonly computed?: string;
    readonly status: CheckStatus;
    readonly passed: boolean;
    /** Declared cause and explanation when the difference is a known one. */
    readonly cause?: DiscrepancyCause;
    readonly explanation?: string;
    /** The engine's explanation lines for this verdict. */
    readonly detail: readonly string[];
    /** Where the criterion or the indicator version in force is written (a base pack's file, possibly). */
    readonly location?: SourceLocation;
    /** For a check of one village's verdicts: the village's name in «các thôn». */
    readonly village?: string;
}

export interface SampleRunResult {
    readonly communeUri: string;
    readonly commune?: string;
    readonly packUri?: string;
    /** False when the sample could not run at all (see problems). */
    readonly ran: boolean;
    /** Errors, as `ntm eval` prints them (`file:line:col lỗi field: message`): a malformed commune file, a pack with errors. */
    readonly problems: readonly string[];
    /** Warnings about the inputs, printed the same way (data the report contradicts, notes for unknown facts). */
    readonly warnings?: readonly string[];
    readonly checks: readonly SampleCheckResult[];
    /** The engine's summary, e.g. «12/19 tiêu chí đạt». */
    readonly summary?: string;
}

export interface RunSamplesResult {
    readonly samples: readonly SampleRunResult[];
}
