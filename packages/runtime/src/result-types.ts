// The public result model of every generated evaluator, re-exported by each module. Free of imports, so that
// a bundled module's `.d.ts` can carry this file's declarations as they are.

/** Version of the result format; bumped when a consumer would need to change how it reads results. */
export const RESULT_FORMAT_VERSION = 'ntm-result/3';

// Every value code branches on is a short stable code; its Vietnamese wording lives in the map beside it.
// Verdicts are the exception that proves the rule: the four legal verdict words are themselves the codes
// (official results in commune files are written with them).

/** An indicator's, criterion's or gate's verdict. */
export type Verdict = 'đạt' | 'chưa đạt' | 'không áp dụng' | 'thiếu dữ liệu';

/** Flags that qualify a verdict without changing it. */
export type VerdictFlag = 'unverified-threshold' | 'implied-bounds' | 'inconsistent-data' | 'stale-data' | 'self-contradictory-report';

export const FLAG_LABELS: Readonly<Record<VerdictFlag, string>> = {
    'unverified-threshold': 'ngưỡng chưa kiểm chứng',
    'implied-bounds': 'dựa trên cận suy ra',
    'inconsistent-data': 'dữ liệu không nhất quán',
    // A figure «tính đến» a date before the year the rule reads (the assessment year, or the year of a window).
    'stale-data': 'số liệu cũ',
    'self-contradictory-report': 'báo cáo tự mâu thuẫn'
};

/** What a note behind a verdict is about. */
export type NoteCode =
    | 'unverified-threshold'
    | 'inconsistent-data'
    | 'score-against-evidence'
    | 'score-problem'
    | 'not-applicable'
    | 'stale-data'
    | 'self-contradictory-report';

/** A note behind a verdict: `text` is the whole Vietnamese sentence, as shown. */
export interface Note {
    readonly code: NoteCode;
    readonly text: string;
}

export interface EvaluateOptions {
    /** Assessment date (thời điểm xét), `YYYY-MM-DD` or `dd/mm/yyyy`. Required: never "today". */
    readonly ngàyĐánhGiá?: string;
    /** English alias of `ngàyĐánhGiá`. */
    readonly asOf?: string;
    /** The commune's region (TDMNPB, ĐBSH, BTB, DHNTB, TN, ĐNB, ĐBSCL), for thresholds that differ by region. */
    readonly vùng?: string;
    /** English alias of `vùng`. */
    readonly region?: string;
    /** The commune group (1, 2, 3) of 51/2025/QĐ-TTg, for thresholds that differ by group. */
    readonly nhóm?: number | string;
    /** English alias of `nhóm`. */
    readonly group?: number | string;
    /** Members of collections, `{ "thôn": ["Thọ Am", …] }`, for facts `từng thôn`. */
    readonly danhSách?: Readonly<Record<string, readonly string[]>>;
    /** English alias of `danhSách`. */
    readonly lists?: Readonly<Record<string, readonly string[]>>;
    /** Verified scores entered by the assessor, by indicator label. */
    readonly điểmThẩmTra?: Readonly<Record<string, number | string>>;
    /** English alias of `điểmThẩmTra`. */
    readonly verifiedScores?: Readonly<Record<string, number | string>>;
    /** Self-assessed scores, by indicator label. */
    readonly điểmTựChấm?: Readonly<Record<string, number | string>>;
    /** English alias of `điểmTựChấm`. */
    readonly selfScores?: Readonly<Record<string, number | string>>;
    /** Verified scores the report awards against its own evidence, with why: allowed as input, flagged. */
    readonly điểmTráiSốLiệu?: Readonly<Record<string, string>>;
    /** English alias of `điểmTráiSốLiệu`. */
    readonly scoresAgainstEvidence?: Readonly<Record<string, string>>;
    /**
     * A fact name the pack does not have is an error by default (a typo would read as missing data);
     * 'warning' when the pack was chosen by date and the name may belong to another version of the law.
     */
    readonly unknownFacts?: 'error' | 'warning';
    /**
     * Each village's result under the village-level packs this pack counts (`đếm thôn đạt chuẩn theo "…"`):
     * the caller evaluates the villages with the village pack's own evaluator and passes the results here.
     */
    readonly thôn?: readonly VillageOutcome[];
    /**
     * `false`: verdicts only. The result keeps its shape and its verdicts, flags, gaps, missing facts and
     * citations, exactly as with explanations; `explanation`, `notes`, `clauses` and `factsUsed` are empty
     * and `value`/`threshold` absent. Much faster: plain input takes compiled straight-line code. Default true.
     * Option names are Vietnamese; English aliases exist for the common ones (`asOf`, `explain`).
     */
    readonly giảiThích?: boolean;
    /** English alias of `giảiThích`. */
    readonly explain?: boolean;
}

/** One village evaluated against a village-level pack, as passed to and returned by a commune's evaluator. */
export interface VillageOutcome {
    /** The village's name, as the commune file writes it in «các thôn». */
    readonly name: string;
    /** The village pack as the commune pack names it: the path written after `đạt chuẩn theo`. */
    readonly pack: string;
    readonly result: EvaluationResult;
}

/** How a fact's input is read and checked. */
export type FactKind = 'percent' | 'count' | 'quantity' | 'money' | 'boolean' | 'level' | 'date' | 'year';

/** A fact of the pack: its name, kind and unit, as `FACT_SPECS` lists them. */
export interface FactSpec {
    readonly name: string;
    readonly kind: FactKind;
    readonly unit: string;
    readonly levels?: readonly string[];
    readonly members?: readonly string[];
    readonly derived?: boolean;
    readonly description?: string;
    /** «năm» for a value per year (`từng năm`), or a collection name for a value per member (`từng thôn`). */
    readonly index?: string;
    /** No rule in force at any date reads this fact (a base pack's fact only a replaced indicator used). */
    readonly unused?: boolean;
    /** The number of villages meeting this village-level pack (`đạt chuẩn theo "…"`): computed, never entered. */
    readonly villagePack?: string;
}

export interface LegalSourceInfo {
    readonly number: string;
    readonly issuer: string;
    readonly date?: string;
    readonly title?: string;
}

export interface CitationInfo extends LegalSourceInfo {
    readonly location?: string;
}

export interface PackInfo {
    readonly id: string;
    readonly title: string;
    readonly level: string;
    readonly jurisdiction: string;
    readonly version: string;
    readonly validFrom: string;
    readonly validTo?: string;
    readonly sources: readonly LegalSourceInfo[];
    /** The packs this one builds on, nearest first. */
    readonly basedOn: readonly { readonly id: string; readonly title: string }[];
    /**
     * Amendments written in the pack: the decision and the date from which it applies. `notEncoded` marks one
     * the pack knows exists but whose content it does not have (written with no change): verdicts from its
     * date on may be wrong where it amends.
     */
    readonly amendments: readonly (LegalSourceInfo & { readonly from: string; readonly notEncoded?: boolean })[];
}

export type RuleSourceKind = 'original' | 'replaced' | 'added' | 'dropped';

export const RULE_SOURCE_LABELS: Readonly<Record<RuleSourceKind, string>> = {
    original: 'gốc',
    replaced: 'thay',
    added: 'thêm',
    dropped: 'không áp dụng'
};

/** Which text set the rule applied to an indicator: the pack itself, a base pack, a replacement or an amendment. */
export interface RuleSource {
    /** Written where the indicator is declared, a replacement (`thay`), an addition (`thêm`), or `không áp dụng`. */
    readonly kind: RuleSourceKind;
    /** The pack whose text holds the rule. */
    readonly pack: string;
    /** The amending decision, when the rule comes from `sửa đổi theo … từ …`. */
    readonly amendment?: LegalSourceInfo;
    /** ISO date from which this version applies. */
    readonly from?: string;
    /** Vietnamese summary: «thay theo 1494/QĐ-UBND (bộ lạng sơn ntm)». */
    readonly text: string;
}

/** A threshold the documents do not give, and what the verdict made of it. */
export interface UnknownThresholdUse {
    readonly rule: string;
    /** Possible values, e.g. «> 38,6 triệu đồng/người/năm» or «bất kỳ». */
    readonly range: string;
    /** Where the bounds come from («suy từ …»). */
    readonly basis?: string;
    readonly note?: string;
    /** True when only the implied bounds decided the verdict (a circular verdict). */
    readonly decidedByImpliedBounds: boolean;
}

/** A fact the verdict used, with its value as shown to the analyst. */
export interface FactUse {
    readonly fact: string;
    readonly text: string;
    /** The date the figure refers to («tính đến» in the commune file), when given. */
    readonly asOf?: string;
    /** Set when that date is before this year, the year the rule reads: the figure is «số liệu cũ». */
    readonly olderThanYear?: number;
}

/** How far a failed numeric requirement is from being met, in its natural unit. */
export interface Gap {
    readonly amount: number;
    readonly unit: string;
    /** The distance as a fraction of the threshold (|threshold − value| / |threshold|), when the threshold is a non-zero number. */
    readonly relative?: number;
    /** For a level («mức độ 2» against «>= mức độ 3»): how many levels short. */
    readonly steps?: number;
    /** e.g. "còn thiếu 12 hộ", "cần cứng hóa thêm 1,2 km" is written by the pack; this is the generic form. */
    readonly text: string;
}

/**
 * One clause of a requirement as a table shows it: the commune's own value beside what it must meet, so a
 * reader never takes another fact (a denominator, a table cell) for the value.
 */
export interface ClauseView {
    /** The commune's value for this clause; absent when the commune file does not give it. */
    readonly value?: string;
    /** What the value must meet («>= 95 %»), or in words what is not known («theo vùng; chưa biết vùng của xã»). */
    readonly requirement: string;
    /** The year or member the clause was checked for («năm 2021», «thôn Thọ Am»). */
    readonly tag?: string;
}

export interface ComputedValue {
    readonly value: number;
    readonly unit: string;
    readonly text: string;
}

/**
 * One indicator's verdict and why. Every indicator has one shape (fast to make and to read): an optional
 * field without a value may be present and `undefined` — test it with `!== undefined`, not `in`; JSON drops it.
 */
export interface IndicatorResult {
    readonly criterion: string;
    readonly label: string;
    readonly requirementText?: string | undefined;
    /** The requirement as encoded in the pack, e.g. `rác thải >= 98%`. */
    readonly rule: string;
    readonly citations: readonly CitationInfo[];
    readonly verdict: Verdict;
    readonly flags: readonly VerdictFlag[];
    readonly value?: ComputedValue | undefined;
    /** The threshold actually applied, e.g. `>= 98 %`. */
    readonly threshold?: string | undefined;
    /** Each compared clause: the commune's value and its requirement. Empty when the rule was not checked. */
    readonly clauses: readonly ClauseView[];
    readonly factsUsed: readonly FactUse[];
    readonly missingFacts: readonly string[];
    /** The part of `missingFacts` that is a threshold the documents do not give (find it in the decision). */
    readonly missingThresholds: readonly string[];
    readonly gap?: Gap | undefined;
    /** For a scored indicator: points awarded and how. */
    readonly score?: IndicatorScore | undefined;
    /** The text that set the rule in force on the assessment date. */
    readonly source?: RuleSource;
    /** Every unknown threshold the verdict met, with its bounds. */
    readonly unknownThresholds: readonly UnknownThresholdUse[];
    /** Notes behind the flags: unverified thresholds with their notes, data inconsistencies, why not applicable. */
    readonly notes: readonly Note[];
    /** One Vietnamese sentence per checked clause. */
    readonly explanation: readonly string[];
}

/** Who decided an indicator's points. */
export type ScoreBasis = 'rule' | 'assessor-in-range' | 'assessor-against-evidence' | 'undetermined' | 'not-applicable';

export const SCORE_BASIS_LABELS: Readonly<Record<ScoreBasis, string>> = {
    rule: 'quy tắc',
    'assessor-in-range': 'thẩm định viên, trong khoảng quy tắc cho phép',
    'assessor-against-evidence': 'thẩm định viên, trái số liệu',
    undetermined: 'chưa xác định',
    'not-applicable': 'không áp dụng'
};

/** How an indicator's points were arrived at: by the rule, or entered by the assessor where allowed. */
export interface IndicatorScore {
    readonly max: number;
    /** Undefined when it cannot be known (missing data, or a discretionary score not entered). */
    readonly awarded?: number;
    /** What the rule allows (a discretionary range) or what the missing data leaves open. */
    readonly possible?: { readonly min: number; readonly max: number };
    readonly by: ScoreBasis;
    /** The commune's self-assessed score, shown beside the verified one. */
    readonly self?: number;
    /** Awarded, deducted, why: one line each. */
    readonly ledger: readonly string[];
    /** Entered scores the rule does not allow or that disagree with it: input errors. */
    readonly problems: readonly string[];
    /** Entered scores that could not be used, and why: input warnings. */
    readonly notices?: readonly string[];
}

export interface CriterionScore {
    readonly max: number;
    /** The sum of the indicators' scores; undefined when one of them is not known. */
    readonly awarded?: number;
    /** The range the sum may take when some scores are not known. */
    readonly possible?: { readonly min: number; readonly max: number };
    /** Max of the indicators that apply (not-applicable indicators leave both score and max). */
    readonly applicableMax: number;
    readonly passMark?: string;
    readonly self?: number;
}

export interface CriterionResult {
    readonly label: string;
    readonly title: string;
    readonly verdict: Verdict;
    readonly flags: readonly VerdictFlag[];
    readonly indicatorsMet: number;
    readonly indicatorsApplicable: number;
    readonly indicatorsNotMet: readonly string[];
    readonly indicatorsMissingData: readonly string[];
    readonly citations: readonly CitationInfo[];
    /** For a scored criterion: points and pass mark. */
    readonly score?: CriterionScore;
    /** Why the verdict is what it is, for a scored criterion. */
    readonly explanation?: readonly string[];
}

/** A recognition condition (`điều kiện công nhận`), decided like an indicator's requirement. */
export interface GateResult {
    readonly text: string;
    readonly rule: string;
    readonly verdict: Verdict;
    /** As an indicator's: a threshold not verified against the decision, bounds implied, inconsistent or stale data. */
    readonly flags: readonly VerdictFlag[];
    /** The commune's value the condition compared (absent without explanations, as for an indicator). */
    readonly value?: ComputedValue;
    /** The threshold applied, e.g. `>= 79,2 triệu đồng/người/năm` (absent without explanations). */
    readonly threshold?: string;
    /** How far the commune is from meeting the condition, when it is not met. */
    readonly gap?: Gap;
    readonly factsUsed: readonly FactUse[];
    readonly missingFacts: readonly string[];
    readonly citations: readonly CitationInfo[];
    /** Notes behind the flags: each unverified threshold with its note, each inconsistency. */
    readonly notes: readonly Note[];
    readonly explanation: readonly string[];
}

export interface PackSummary {
    /** Criteria whose verdict rests only on bounds implied by earlier verdicts (see UnknownThresholdUse). */
    readonly criteriaOnImpliedBounds: readonly string[];
    /** Indicators whose verdict rests only on such bounds. */
    readonly indicatorsOnImpliedBounds: readonly string[];
    /** Indicators with a threshold that is unknown or not verified against the decision. */
    readonly indicatorsOnUnverifiedThresholds: readonly string[];
    /** Recognition conditions (by their text) that rest on such a threshold. */
    readonly gatesOnUnverifiedThresholds: readonly string[];
    /** Total points over scored criteria, when the pack is scored, with the pack's pass mark on the total and its verdict. */
    readonly points?: {
        readonly max: number;
        readonly awarded?: number;
        readonly possible?: { readonly min: number; readonly max: number };
        readonly passMark?: string;
        readonly passVerdict?: Verdict;
    };
    /** Indicators whose score the assessor entered within the range the rule leaves open. */
    readonly scoresEnteredInRange: readonly string[];
    /** Indicators whose score the report awards against its own evidence (entered, flagged). */
    readonly scoresAgainstEvidence: readonly string[];
    readonly criteriaMet: number;
    readonly criteriaTotal: number;
    readonly criteriaNotMet: readonly string[];
    readonly criteriaMissingData: readonly string[];
    readonly indicatorsMet: number;
    readonly indicatorsTotal: number;
    /** Recognition needs every criterion met and every gate passed. */
    readonly recognition: Verdict;
    /** e.g. "đạt 19/19 tiêu chí". */
    readonly text: string;
}

export type Severity = 'error' | 'warning';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: 'lỗi', warning: 'cảnh báo' };

/** What is wrong with an input. */
export type InputIssueCode =
    | 'unknown-fact'
    | 'unit-mismatch'
    | 'invalid-value'
    | 'unknown-member'
    | 'invalid-list'
    | 'invalid-score'
    | 'unknown-region'
    | 'unknown-group'
    | 'computed-from-villages'
    | 'duplicate-fact'
    | 'parts-total-mismatch';

export interface InputIssue {
    readonly severity: Severity;
    readonly code: InputIssueCode;
    /** Where, as keys of a commune file: `["dữ kiện", "số hộ"]`, `["thuộc tính", "vùng"]`. */
    readonly path: readonly string[];
    /** `path` joined with dots, for display. */
    readonly field: string;
    readonly message: string;
}

/**
 * A complete evaluation: every verdict computed from inputs without errors. `inputIssues` holds only
 * warnings; with any input error `evaluate` throws `NtmInputError` and returns no verdicts at all.
 */
export interface EvaluationResult {
    readonly resultFormat: typeof RESULT_FORMAT_VERSION;
    readonly pack: PackInfo;
    readonly assessedAt: string;
    /** The commune context that selected thresholds: region applied (and why), group, year. */
    readonly context: { readonly region?: string; readonly regionNote?: string; readonly group?: string; readonly year: number };
    readonly indicators: readonly IndicatorResult[];
    readonly criteria: readonly CriterionResult[];
    readonly gates: readonly GateResult[];
    readonly summary: PackSummary;
    /** Warnings about the inputs (never errors: those make `evaluate` throw `NtmInputError`). */
    readonly inputIssues: readonly InputIssue[];
    /** For a pack that counts villages meeting a village-level pack: each village's result, in file order. */
    readonly villages?: readonly VillageOutcome[];
}

/** A problem of a commune file: its field (`["dữ kiện", "số hộ"]`), and what is wrong, in Vietnamese. */
export interface CommuneIssue {
    readonly severity: Severity;
    /** Keys from the root of the commune file to the field; `["(gốc)"]` or `["(tệp)"]` for the whole file. */
    readonly path: readonly string[];
    readonly message: string;
    /** The evaluator's stable code, for a problem of the facts or of the attributes it reads (as `NtmInputError`'s issues). */
    readonly code?: InputIssueCode;
    /** The field to point at when the issue is about no single field (an inconsistency among the facts). */
    readonly at?: readonly string[];
}

/** Options of `evaluateCommune`: everything else comes from the commune file. */
export interface CommuneOptions {
    /** Overrides the file's «ngày đánh giá» (`YYYY-MM-DD` or `dd/mm/yyyy`). */
    readonly ngàyĐánhGiá?: string;
    /** English alias of `ngàyĐánhGiá`. */
    readonly asOf?: string;
    /**
     * Facts the pack does not have: errors by default (a typo would read as missing data); 'warning' when
     * the pack was chosen by date and the name may belong to another version of the law.
     */
    readonly unknownFacts?: 'error' | 'warning';
    /**
     * For a pack that counts villages (`đếm thôn đạt chuẩn theo "thon.ntm"`): each village-level module by the
     * path the pack writes (`{ "thon.ntm": thonModule }`). Without one, the file's «các thôn» cannot be counted:
     * an error at «bộ tiêu chí», never a silent zero.
     */
    readonly villagePacks?: Readonly<Record<string, CommuneEvaluator>>;
    /** `false`: verdicts only, as `evaluate`'s option of the same name (the file's facts are still all checked). */
    readonly giảiThích?: boolean;
    /** English alias of `giảiThích`. */
    readonly explain?: boolean;
}

/** What `evaluateCommune` needs of a generated module to evaluate villages with it. */
export interface CommuneEvaluator {
    evaluate(facts: unknown, options: EvaluateOptions): EvaluationResult;
    readonly PACK: PackInfo;
    readonly FACT_SPECS: readonly FactSpec[];
}

/** One village of a village-level pack («các thôn»), evaluated on its own facts. */
export interface VillageResult {
    readonly name: string;
    readonly result: EvaluationResult;
}

/**
 * A commune file evaluated, or why it could not be: with any error among `issues` there is no `result`
 * (verdicts from the rest would look complete and are not); `issues` also holds the warnings.
 */
export interface CommuneResult {
    readonly result?: EvaluationResult;
    /** For a village-level pack and a file with «các thôn»: each village's result. */
    readonly villages?: readonly VillageResult[];
    readonly issues: readonly CommuneIssue[];
}

/** Thrown for a call the evaluator cannot answer at all (no assessment date, date outside validity). */
export class NtmEvaluationError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'NtmEvaluationError';
    }
}

/**
 * Thrown when the inputs have errors (a value of the wrong type, a number beyond the limit, an unknown
 * fact, a score the rule does not allow): verdicts computed from the rest would look complete and are not,
 * so none are returned. `issues` lists every problem, errors and warnings, each with its path. Each
 * generated module has its own class: recognise it by `name === 'NtmInputError'`.
 */
export class NtmInputError extends NtmEvaluationError {
    readonly issues: readonly InputIssue[];

    constructor(issues: readonly InputIssue[]) {
        const errors = issues.filter(issue => issue.severity === 'error');
        const shown = errors
            .slice(0, 3)
            .map(issue => `${issue.field}: ${issue.message}`)
            .join('; ');
        super(`Dữ liệu đầu vào có ${errors.length} lỗi, không đánh giá: ${shown}${errors.length > 3 ? '; …' : ''}`);
        this.name = 'NtmInputError';
        this.issues = issues;
    }
}
