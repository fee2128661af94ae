import type { EvaluationResult } from '@ntm/runtime';
import { evaluateCommuneData } from '@ntm/runtime';
import type { CommuneData } from '../commune/commune-data.js';
import type { CommuneFile } from '../commune/read-commune.js';
import type { FileIssue } from '../commune/file-issue.js';
import type { PackLocations } from '../packs/pack-locations.js';
import type { EvaluatorModule } from './evaluator-module.js';

export type { VillageResult } from '@ntm/runtime';
export { unencodedAmendmentWarnings } from '@ntm/runtime';
import type { VillageResult } from '@ntm/runtime';

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
 * Evaluates a commune file that has the shape of one (`commune.data`) with a loaded evaluator, by the
 * runtime's `evaluateCommuneData` (what a generated module's `evaluateCommune` runs too), and adds where in
 * the file each problem is. With any error in the inputs there is no result. Never throws for bad input.
 */
export function evaluateCommuneFile(
    commune: CommuneFile,
    evaluator: EvaluatorModule,
    options: EvaluateCommuneOptions = {}
): Pick<CommuneEvaluation, 'result' | 'villages' | 'issues'> {
    const data = commune.data;
    if (!data) return { issues: commune.issues };
    const evaluated = evaluateCommuneContent(data, evaluator, options);
    const issues: FileIssue[] = evaluated.issues.map(issue => ({
        file: commune.file,
        severity: issue.severity,
        path: issue.path,
        message: issue.message,
        ...(issue.code ? { code: issue.code } : {}),
        ...commune.positionOf(issue.at ?? issue.path)
    }));
    return { ...(evaluated.result ? { result: evaluated.result } : {}), ...(evaluated.villages ? { villages: evaluated.villages } : {}), issues };
}

/**
 * A commune's content evaluated with a loaded evaluator, each problem at its path in the content: what
 * `evaluateCommuneFile` adds lines and columns to, and what a batch row places at its cells.
 */
export function evaluateCommuneContent(
    data: CommuneData,
    evaluator: EvaluatorModule,
    options: EvaluateCommuneOptions = {}
): ReturnType<typeof evaluateCommuneData> {
    return evaluateCommuneData(data, evaluator, {
        ...(options.date !== undefined ? { date: options.date } : {}),
        // The pack was chosen by date: a fact it does not know may belong to another version of the law.
        unknownFacts: options.packChosenByDate ? 'warning' : 'error',
        ...(options.villageEvaluators ? { villageEvaluators: options.villageEvaluators } : {})
    });
}
