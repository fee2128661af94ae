/**
 * The language server's custom request that runs sample communes against their pack (issue 5) and the
 * shapes it returns; the VS Code extension (issue 6) renders them. Plain types only: no runtime import,
 * so the extension's logic modules can use them without the server.
 */

/** Method name of the request. */
export const RUN_SAMPLES_METHOD = 'ntm/chayKiemThu';

export interface RunSamplesParams {
    /** A pack (.ntm): run every sample commune whose «bộ tiêu chí» is this pack. */
    readonly packUri?: string;
    /** One sample commune (.json): run just this one. */
    readonly communeUri?: string;
}

/** «điểm»: a criterion's score (label) or the pack total («tổng»), official and computed as text; «thôn»: one village's recognition under a village-level pack. */
export type SampleCheckLevel = 'chỉ tiêu' | 'tiêu chí' | 'công nhận' | 'điểm' | 'thôn';

/** One official verdict compared with the engine's. */
export interface SampleCheckResult {
    readonly level: SampleCheckLevel;
    /** Indicator or criterion label («17.6», «17»); for recognition the level name. */
    readonly label: string;
    readonly official?: string;
    readonly computed?: string;
    /** «khớp», «sai khác đã biết», «sai khác chưa khai báo», … */
    readonly status: string;
    readonly passed: boolean;
    /** Declared cause and explanation when the difference is a known one. */
    readonly cause?: string;
    readonly explanation?: string;
    /** The engine's explanation lines for this verdict. */
    readonly detail: readonly string[];
}

export interface SampleRunResult {
    readonly communeUri: string;
    readonly commune?: string;
    readonly packUri?: string;
    /** False when the sample could not run at all (see problems). */
    readonly ran: boolean;
    /** Vietnamese messages with file and field, e.g. a malformed commune file. */
    readonly problems: readonly string[];
    readonly checks: readonly SampleCheckResult[];
    /** The engine's summary, e.g. «12/19 tiêu chí đạt». */
    readonly summary?: string;
}

export interface RunSamplesResult {
    readonly samples: readonly SampleRunResult[];
}
