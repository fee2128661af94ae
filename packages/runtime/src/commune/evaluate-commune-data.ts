// Evaluating a commune file's content with an evaluator: the path `ntm eval`, the editor's test runs, `ntm
// batch` and a generated module's `evaluateCommune` share. Positions in the file are the tools' business.

import { foldDiacritics, normalizeName, shortText } from '../names.js';
import { provinceKey } from '../places.js';
import type {
    CommuneEvaluator,
    CommuneIssue,
    CommuneOptions,
    CommuneResult,
    EvaluateOptions,
    EvaluationResult,
    InputIssue,
    VillageResult
} from '../result-types.js';
import type { CommuneData } from './commune-file.js';
import { countedVillagePacks, evaluateVillages } from './evaluate-villages.js';
import { readCommuneContent } from './read-commune-content.js';
import { canonicalOptions } from '../options.js';

/** What a generated evaluator module exports, as far as evaluating a commune needs. */
export type EvaluatorModule = CommuneEvaluator;

/** The evaluator's options for a commune file: its date (or the one given), attributes, lists and entered scores. */
export function evaluateOptionsOf(data: CommuneData, dateOverride?: string): EvaluateOptions {
    const attributes = data['thuộc tính'] ?? {};
    return {
        ngàyĐánhGiá: dateOverride ?? data['ngày đánh giá'],
        ...(attributes['vùng'] !== undefined ? { vùng: String(attributes['vùng']) } : {}),
        ...(attributes['nhóm'] !== undefined ? { nhóm: attributes['nhóm'] } : {}),
        ...(data['danh sách'] ? { danhSách: data['danh sách'] } : {}),
        ...(data['điểm thẩm tra'] ? { điểmThẩmTra: data['điểm thẩm tra'] } : {}),
        ...(data['điểm tự chấm'] ? { điểmTựChấm: data['điểm tự chấm'] } : {}),
        ...(data['điểm trái số liệu'] ? { điểmTráiSốLiệu: data['điểm trái số liệu'] } : {})
    };
}

/**
 * Evaluates a commune file's JSON (parsed, as written in examples/) with an evaluator: the content is
 * checked by the one reader (`readCommuneContent`), then evaluated by `evaluateCommuneData`. Never throws
 * for bad input: every problem is an issue with its path.
 */
export function evaluateCommuneJson(evaluator: EvaluatorModule, commune: unknown, options: CommuneOptions = {}): CommuneResult {
    const content = readCommuneContent(commune);
    if (!content.data) return { issues: content.problems.map(p => ({ severity: 'error', ...p })) };
    // The caller's options checked as `evaluate` checks them: two names at odds, a value not allowed, thrown.
    const chosen = canonicalOptions(options as EvaluateOptions) as CommuneOptions;
    const date = chosen.ngàyĐánhGiá;
    const villagePacks = chosen.villagePacks ? new Map(Object.entries(chosen.villagePacks)) : undefined;
    return evaluateCommuneData(content.data, evaluator, {
        ...(date !== undefined ? { date } : {}),
        ...(chosen.unknownFacts ? { unknownFacts: chosen.unknownFacts } : {}),
        ...(villagePacks ? { villageEvaluators: villagePacks } : {}),
        ...(chosen.giảiThích === false ? { explain: false } : {})
    });
}

export interface CommuneDataOptions {
    /** Overrides the file's «ngày đánh giá». */
    readonly date?: string;
    /** Facts the pack does not have: errors unless the pack was chosen by date. */
    readonly unknownFacts?: 'error' | 'warning';
    /**
     * The evaluators of the village-level packs the pack counts villages of (`đếm thôn đạt chuẩn theo "…"`),
     * by the path as the pack writes it. One missing is an error at «bộ tiêu chí», never a silent zero.
     */
    readonly villageEvaluators?: ReadonlyMap<string, EvaluatorModule>;
    /** `false`: verdicts only, as `evaluate`'s `giảiThích: false`. */
    readonly explain?: boolean;
}

/**
 * Where a data inconsistency is: the fact the note is about — it begins with the fact's name as shown
 * («tỷ lệ hộ nghèo: báo cáo ghi 30 % nhưng …», «tỷ lệ lao động (nữ): …») — else the facts as a whole.
 */
function factOfNote(note: string, evaluator: EvaluatorModule): readonly string[] {
    const text = note.replace(/^Dữ liệu không nhất quán: /u, '');
    let best: string | undefined;
    for (const spec of evaluator.FACT_SPECS) {
        const name = spec.name;
        if ((text.startsWith(`${name}:`) || text.startsWith(`${name} (`)) && (best === undefined || name.length > best.length)) best = name;
    }
    return best === undefined ? ['dữ kiện'] : ['dữ kiện', best];
}

/**
 * Evaluates a commune file's content (already of the right shape) with a loaded evaluator: the evaluator
 * checks the facts (types, units, unknown names, lists, scores, region, group). With any error in the
 * inputs (the commune's or one village's) there is no result at all: the module refuses to give verdicts
 * that would look complete (`NtmInputError`). Never throws for bad input.
 */
export function evaluateCommuneData(data: CommuneData, evaluator: EvaluatorModule, options: CommuneDataOptions = {}): CommuneResult {
    const unknownFacts = options.unknownFacts ?? 'error';
    const at = (issue: InputIssue, prefix: readonly string[] = []): CommuneIssue => {
        const byDate = issue.code === 'unknown-fact' && issue.severity === 'warning';
        return {
            severity: issue.severity,
            code: issue.code,
            path: [...prefix, ...issue.path],
            message: byDate
                ? `Dữ kiện «${shortText(issue.path[issue.path.length - 1] ?? '')}» không dùng trong bộ tiêu chí được chọn cho ngày đánh giá.`
                : issue.message
        };
    };
    const run = (
        facts: unknown,
        evaluateOptions: EvaluateOptions,
        prefix: readonly string[] = [],
        module: EvaluatorModule = evaluator
    ): { result?: EvaluationResult; issues: CommuneIssue[] } => {
        try {
            const result = module.evaluate(facts, { ...evaluateOptions, unknownFacts });
            return { result, issues: result.inputIssues.map(issue => at(issue, prefix)) };
        } catch (error) {
            return { issues: failureIssues(error).map(issue => ('field' in issue ? at(issue, prefix) : issue)) };
        }
    };
    // A pack that counts villages meeting a village-level pack: the villages first, each with that pack's own
    // evaluator, then the commune with their results (commune/evaluate-villages.ts).
    const counted = countedVillagePacks(evaluator);
    if (counted.length === 0 && data['các thôn'] !== undefined && !evaluator.PACK.level.startsWith('thôn')) {
        // Villages the pack never reads would be dropped without a word.
        return {
            issues: [
                {
                    severity: 'error',
                    path: ['các thôn'],
                    message: `Tệp có «các thôn» nhưng bộ tiêu chí «${shortText(evaluator.PACK.title)}» (cấp ${evaluator.PACK.level}) không xét thôn: cần một bộ cấp thôn, hoặc một bộ cấp xã có dữ kiện «đếm thôn đạt chuẩn theo "…"».`
                }
            ]
        };
    }
    const villageRun =
        counted.length > 0
            ? evaluateVillages(data, counted, options.villageEvaluators ?? new Map<string, EvaluatorModule>(), (facts, prefix, module) =>
                  run(facts, { ngàyĐánhGiá: options.date ?? data['ngày đánh giá'] }, prefix, module)
              )
            : undefined;
    const main = run(data['dữ kiện'] ?? {}, {
        ...evaluateOptionsOf(data, options.date),
        ...(villageRun ? { thôn: villageRun.outcomes } : {}),
        ...(options.explain === false ? { giảiThích: false } : {})
    });
    const issues: CommuneIssue[] = [...(villageRun?.issues ?? []), ...main.issues];
    // Made only for a file with notes: a batch evaluates thousands of communes that have none.
    const notes = Object.keys(data['ghi chú dữ kiện'] ?? {});
    const known = notes.length > 0 ? new Set(evaluator.FACT_SPECS.map(spec => spec.name)) : undefined;
    for (const key of notes) {
        if (!known!.has(normalizeName(key))) {
            issues.push({
                severity: 'warning',
                path: ['ghi chú dữ kiện', key],
                message: `Ghi chú cho dữ kiện «${shortText(key)}» không có trong bộ tiêu chí.`
            });
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
    // A loop, not flatMap: most indicators have no notes, and this runs for every commune of a batch.
    const inconsistencies = new Map<string, readonly string[]>();
    for (const i of result.indicators) {
        for (const n of i.notes) {
            if (n.code === 'inconsistent-data' || n.code === 'score-against-evidence') {
                inconsistencies.set(
                    `chỉ tiêu ${i.label}: ${n.text}`,
                    n.code === 'inconsistent-data' ? factOfNote(n.text, evaluator) : ['điểm trái số liệu', i.label]
                );
            }
        }
    }
    // About one fact: at it (its line, its column in a batch). About several («tử số … lớn hơn mẫu số …»): the facts.
    for (const [message, at] of inconsistencies) issues.push({ severity: 'warning', path: at.length > 1 ? at : [], message, at });
    for (const message of unencodedAmendmentWarnings(result)) issues.push({ severity: 'warning', path: ['ngày đánh giá'], message });
    issues.push(...packMismatches(data, evaluator));
    return { result, ...(villages.length > 0 ? { villages } : {}), issues };
}

/**
 * A file that says it is for another level or province than the pack's («cấp»: «xã nông thôn mới» evaluated
 * by a nâng cao pack; «tỉnh»: «Lạng Sơn» by Hà Nam's): probably the wrong pack. A warning at the field — the
 * verdicts are the pack's, as asked — since a commune may be assessed against another set on purpose.
 */
function packMismatches(data: CommuneData, evaluator: EvaluatorModule): CommuneIssue[] {
    const issues: CommuneIssue[] = [];
    const pack = evaluator.PACK;
    const same = (a: string, b: string) => foldDiacritics(a).toLowerCase().trim() === foldDiacritics(b).toLowerCase().trim();
    const level = data['cấp'];
    if (typeof level === 'string' && level.trim() !== '' && !same(level, pack.level)) {
        issues.push({
            severity: 'warning',
            path: ['cấp'],
            message: `Tệp ghi cấp «${shortText(level)}» nhưng bộ tiêu chí «${shortText(pack.title, 200)}» là cấp «${pack.level}»: kiểm tra lại bộ tiêu chí.`
        });
    }
    const province = data['tỉnh'];
    // Only a provincial pack has a province to disagree with («toàn quốc» takes every one).
    const provincial = /^(tỉnh|thành phố)\s+/iu.test(pack.jurisdiction);
    if (typeof province === 'string' && province.trim() !== '' && provincial && provinceKey(province) !== provinceKey(pack.jurisdiction)) {
        issues.push({
            severity: 'warning',
            path: ['tỉnh'],
            message: `Tệp ghi tỉnh «${shortText(province)}» nhưng bộ tiêu chí «${shortText(pack.title, 200)}» dành cho ${pack.jurisdiction}: kiểm tra lại bộ tiêu chí.`
        });
    }
    return issues;
}

/**
 * What an exception from the module means for the file. `NtmInputError` carries the input problems, each
 * with its path; `NtmEvaluationError` is about the assessment date; anything else is a fault of the machine,
 * reported rather than allowed to stop a whole run. Matched by name: a bundled module has its own classes.
 */
function failureIssues(error: unknown): Array<InputIssue | CommuneIssue> {
    const named = error instanceof Error ? (error as Error & { issues?: unknown }) : undefined;
    if (named?.name === 'NtmInputError' && Array.isArray(named.issues)) return named.issues as InputIssue[];
    const message = shortText(named?.message ?? String(error), 300);
    if (named?.name === 'NtmEvaluationError') return [{ severity: 'error', path: ['ngày đánh giá'], message }];
    return [{ severity: 'error', path: [], message: `Lỗi của máy khi đánh giá tệp này (${message}). Hãy báo lỗi kèm tệp xã.`, at: [] }];
}

/**
 * An amendment the pack knows exists but cannot encode (its content is not in our documents) may change
 * verdicts from its date on: say so for every assessment on or after it, not only in a comment of the pack.
 */
export function unencodedAmendmentWarnings(result: EvaluationResult): string[] {
    return result.pack.amendments
        .filter(a => a.notEncoded && a.from <= result.assessedAt)
        .map(
            a =>
                `Văn bản sửa đổi ${a.number} của ${a.issuer} áp dụng từ ${a.from} nhưng bộ tiêu chí chưa mã hóa nội dung của nó: ` +
                `kết quả ở ngày đánh giá ${result.assessedAt} có thể sai ở những chỉ tiêu văn bản này sửa.`
        );
}
