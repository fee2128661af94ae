import type { EvaluateOptions, EvaluationResult, InputIssue } from '@ntm/runtime';
import { normalizeName, shortText } from '@ntm/runtime';
import type { CommuneFile } from '../commune/read-commune.js';
import type { FileIssue } from '../commune/file-issue.js';
import type { PackLocations } from '../packs/pack-locations.js';
import { evaluateOptionsOf } from './commune-options.js';
import type { EvaluatorModule } from './evaluator-module.js';
import { countedVillagePacks, evaluateVillages } from './evaluate-villages.js';

export interface VillageResult {
    readonly name: string;
    readonly result: EvaluationResult;
}

/** A commune file evaluated against a pack, or the reasons it could not be. */
export interface CommuneEvaluation {
    readonly commune: CommuneFile;
    readonly result?: EvaluationResult;
    /** For a village-level pack and a file with «các thôn»: each village's result. */
    readonly villages?: readonly VillageResult[];
    /** Every problem of the inputs (commune file and pack), errors and warnings, with file, line and column. */
    readonly issues: readonly FileIssue[];
    /** The pack used, and why when it was chosen from a folder by level, province and date. */
    readonly packFile?: string;
    readonly selectionNote?: string;
    /** Where the pack's criteria and indicators are written. */
    readonly locations?: PackLocations;
}

export function errorsOf(evaluation: Pick<CommuneEvaluation, 'issues'>): FileIssue[] {
    return evaluation.issues.filter(i => i.severity === 'error');
}

export interface EvaluateCommuneOptions {
    /** Overrides the file's «ngày đánh giá». */
    readonly date?: string;
    /**
     * The pack was chosen from a folder by date: facts it does not know may belong to another version of the
     * law, so they are warnings; when the file names its pack they are typos, so errors.
     */
    readonly packChosenByDate?: boolean;
    /**
     * The evaluators of the village-level packs the pack counts villages of (`đếm thôn đạt chuẩn theo "…"`),
     * by the path as the pack writes it. One missing is an error at «bộ tiêu chí», never a silent zero.
     */
    readonly villageEvaluators?: ReadonlyMap<string, EvaluatorModule>;
}

/**
 * Evaluates a commune file that has the shape of one (`commune.data`) with a loaded evaluator: the
 * evaluator checks the facts (types, units, unknown names, lists, scores, region, group) and this adds
 * where in the file each problem is. With any error in the inputs (the commune's or one village's) there is
 * no result at all: the module refuses to give verdicts that would look complete (`NtmInputError`). Never
 * throws for bad input.
 */
export function evaluateCommuneFile(commune: CommuneFile, evaluator: EvaluatorModule, options: EvaluateCommuneOptions = {}): Pick<CommuneEvaluation, 'result' | 'villages' | 'issues'> {
    const data = commune.data;
    if (!data) return { issues: commune.issues };
    const at = (issue: InputIssue, prefix: readonly string[] = []): FileIssue => {
        const path = [...prefix, ...issue.path];
        const byDate = issue.code === 'unknown-fact' && issue.severity === 'warning';
        return {
            file: commune.file, path, ...commune.positionOf(path), severity: issue.severity,
            message: byDate ? `Dữ kiện «${shortText(issue.path[issue.path.length - 1] ?? '')}» không dùng trong bộ tiêu chí được chọn cho ngày đánh giá.` : issue.message
        };
    };
    // The pack was chosen by date: a fact it does not know may belong to another version of the law.
    const unknownFacts = options.packChosenByDate ? 'warning' as const : 'error' as const;
    const run = (facts: unknown, evaluateOptions: EvaluateOptions, prefix: readonly string[] = [], module: EvaluatorModule = evaluator): { result?: EvaluationResult; issues: FileIssue[] } => {
        try {
            const result = module.evaluate(facts, { ...evaluateOptions, unknownFacts });
            return { result, issues: result.inputIssues.map(issue => at(issue, prefix)) };
        } catch (error) {
            return { issues: failureIssues(error, commune).map(issue => 'code' in issue ? at(issue, prefix) : issue) };
        }
    };
    // A pack that counts villages meeting a village-level pack: the villages first, each with that pack's own
    // evaluator, then the commune with their results (evaluate/evaluate-villages.ts).
    const counted = countedVillagePacks(evaluator);
    if (counted.length === 0 && data['các thôn'] !== undefined && !evaluator.PACK.level.startsWith('thôn')) {
        // Villages the pack never reads would be dropped without a word.
        const path = ['các thôn'];
        return { issues: [...commune.issues, { file: commune.file, severity: 'error', path, ...commune.positionOf(path),
            message: `Tệp có «các thôn» nhưng bộ tiêu chí «${shortText(evaluator.PACK.title)}» (cấp ${evaluator.PACK.level}) không xét thôn: cần một bộ cấp thôn, hoặc một bộ cấp xã có dữ kiện «đếm thôn đạt chuẩn theo "…"».` }] };
    }
    const villageRun = counted.length > 0 ? evaluateVillages(commune, counted, options.villageEvaluators ?? new Map(),
        (facts, prefix, module) => run(facts, { ngàyĐánhGiá: options.date ?? data['ngày đánh giá'] }, prefix, module)) : undefined;
    const main = run(data['dữ kiện'] ?? {}, { ...evaluateOptionsOf(data, options.date), ...(villageRun ? { thôn: villageRun.outcomes } : {}) });
    const issues: FileIssue[] = [...(villageRun?.issues ?? []), ...main.issues];
    const known = new Set(evaluator.FACT_SPECS.map(spec => spec.name));
    for (const key of Object.keys(data['ghi chú dữ kiện'] ?? {})) {
        if (!known.has(normalizeName(key))) {
            const path = ['ghi chú dữ kiện', key];
            issues.push({ file: commune.file, severity: 'warning', path, message: `Ghi chú cho dữ kiện «${shortText(key)}» không có trong bộ tiêu chí.`, ...commune.positionOf(path) });
        }
    }
    const villages: VillageResult[] = [];
    for (const [name, village] of counted.length > 0 ? [] : Object.entries(data['các thôn'] ?? {})) {
        // Each village is evaluated on its own facts, with the commune's date; a village with errors stops
        // neither the others nor the report of their errors.
        const villageRun = run(village['dữ kiện'] ?? {}, { ngàyĐánhGiá: options.date ?? data['ngày đánh giá'] }, ['các thôn', name]);
        issues.push(...villageRun.issues);
        if (villageRun.result) villages.push({ name, result: villageRun.result });
    }
    const result = main.result;
    if (!result || issues.some(issue => issue.severity === 'error')) return { issues };
    // Inconsistencies the evaluator found in the data are worth a warning even when the verdict stands.
    const factsAt = commune.positionOf(['dữ kiện']);
    const inconsistencies = new Set(result.indicators.flatMap(i => i.notes
        .filter(n => n.code === 'inconsistent-data' || n.code === 'score-against-evidence')
        .map(n => `chỉ tiêu ${i.label}: ${n.text}`)));
    for (const message of inconsistencies) {
        issues.push({ file: commune.file, severity: 'warning', path: [], message, ...factsAt });
    }
    const dateAt = ['ngày đánh giá'];
    for (const message of unencodedAmendmentWarnings(result)) {
        issues.push({ file: commune.file, severity: 'warning', path: dateAt, message, ...commune.positionOf(dateAt) });
    }
    return { result, ...(villages.length > 0 ? { villages } : {}), issues };
}

/**
 * What an exception from the module means for the file. `NtmInputError` carries the input problems, each
 * with its path; `NtmEvaluationError` is about the assessment date; anything else is a fault of the machine,
 * reported rather than allowed to stop a whole run. Matched by name: each generated module has its own classes.
 */
function failureIssues(error: unknown, commune: CommuneFile): Array<InputIssue | FileIssue> {
    const named = error instanceof Error ? error as Error & { issues?: unknown } : undefined;
    if (named?.name === 'NtmInputError' && Array.isArray(named.issues)) return named.issues as InputIssue[];
    const message = shortText(named?.message ?? String(error), 300);
    if (named?.name === 'NtmEvaluationError') {
        const path = ['ngày đánh giá'];
        return [{ file: commune.file, severity: 'error', path, message, ...commune.positionOf(path) }];
    }
    return [{ file: commune.file, severity: 'error', path: [], message: `Lỗi của máy khi đánh giá tệp này (${message}). Hãy báo lỗi kèm tệp xã.`, line: 1, column: 1 }];
}

/**
 * An amendment the pack knows exists but cannot encode (its content is not in our documents) may change
 * verdicts from its date on: say so for every assessment on or after it, not only in a comment of the pack.
 */
export function unencodedAmendmentWarnings(result: EvaluationResult): string[] {
    return result.pack.amendments
        .filter(a => a.notEncoded && a.from <= result.assessedAt)
        .map(a => `Văn bản sửa đổi ${a.number} của ${a.issuer} áp dụng từ ${a.from} nhưng bộ tiêu chí chưa mã hóa nội dung của nó: ` +
            `kết quả ở ngày đánh giá ${result.assessedAt} có thể sai ở những chỉ tiêu văn bản này sửa.`);
}
