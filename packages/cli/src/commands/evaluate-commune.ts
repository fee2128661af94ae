import * as path from 'node:path';
import type { EvaluationResult } from '@ntm/language';
import type { CompiledPack, EvaluatorModule } from '../compile/compile-pack.js';
import { compilePackFile, formatDiagnostic, loadEvaluator } from '../compile/compile-pack.js';
import type { CommuneFile, FileIssue } from '../commune/commune-file.js';
import { checkFactsAgainstPack, lineOfPath, readCommuneFile } from '../commune/commune-file.js';
import { relativeToCwd } from '../util/files.js';

export interface CommuneEvaluation {
    readonly commune: CommuneFile;
    readonly result?: EvaluationResult;
    /** Everything wrong with the inputs, already formatted as `file:line field: message`. */
    readonly problems: readonly string[];
    readonly warnings: readonly string[];
}

const packCache = new Map<string, Promise<{ compiled: CompiledPack; evaluator?: EvaluatorModule }>>();

/** Compiles a pack once per process, however many communes use it. */
export function evaluatorFor(packFile: string): Promise<{ compiled: CompiledPack; evaluator?: EvaluatorModule }> {
    const key = path.resolve(packFile);
    let entry = packCache.get(key);
    if (!entry) {
        entry = compilePackFile(key).then(async compiled => ({ compiled, evaluator: compiled.typescript ? await loadEvaluator(compiled) : undefined }));
        packCache.set(key, entry);
    }
    return entry;
}

/** The pack a commune file names in «bộ tiêu chí», relative to the commune file. */
export function packOf(commune: CommuneFile): string | undefined {
    const declared = commune.data?.['bộ tiêu chí'];
    return declared ? path.resolve(path.dirname(commune.file), declared) : undefined;
}

/** Reads a commune file, checks it against its pack and evaluates it; never throws for bad input. */
export async function evaluateCommune(communeFile: string, packFile: string | undefined, dateOverride?: string): Promise<CommuneEvaluation> {
    const commune = await readCommuneFile(path.resolve(communeFile));
    const shownCommune = relativeToCwd(commune.file);
    const format = (issue: FileIssue) => `${shownCommune}:${issue.line} ${issue.severity} ${issue.field}: ${issue.message}`;
    if (!commune.data) {
        return { commune, problems: commune.issues.map(format), warnings: [] };
    }
    const pack = packFile ? path.resolve(packFile) : packOf(commune);
    if (!pack) {
        return { commune, problems: [`${shownCommune}:1 lỗi bộ tiêu chí: tệp xã không ghi «bộ tiêu chí» và lệnh không chỉ định tệp .ntm.`], warnings: [] };
    }
    let loaded: { compiled: CompiledPack; evaluator?: EvaluatorModule };
    try {
        loaded = await evaluatorFor(pack);
    } catch (error) {
        return { commune, problems: [`${relativeToCwd(pack)}: không đọc được bộ tiêu chí (${(error as Error).message}).`], warnings: [] };
    }
    if (!loaded.evaluator) {
        const shownPack = relativeToCwd(pack);
        return { commune, problems: loaded.compiled.loaded.diagnostics.filter(d => d.severity === 1).map(d => formatDiagnostic(shownPack, d)), warnings: [] };
    }
    const { facts, issues } = checkFactsAgainstPack(commune, loaded.evaluator.FACT_SPECS);
    let result: EvaluationResult;
    try {
        result = loaded.evaluator.evaluate(facts, { ngàyĐánhGiá: dateOverride ?? commune.data['ngày đánh giá'] });
    } catch (error) {
        return { commune, problems: [...issues.filter(i => i.severity === 'lỗi').map(format), `${shownCommune}:${lineOfPath(commune.text, ['ngày đánh giá'])} lỗi ngày đánh giá: ${(error as Error).message}`], warnings: [] };
    }
    const runtimeIssues: FileIssue[] = result.inputIssues
        .filter(issue => !issue.message.includes('không có trong bộ tiêu chí'))
        .map(issue => ({ severity: issue.severity, field: `dữ kiện.${issue.field}`, line: lineOfPath(commune.text, ['dữ kiện', ...issue.field.split('.')]), message: issue.message }));
    const all = [...issues, ...runtimeIssues];
    const inconsistencies = result.indicators.flatMap(i => i.notes.filter(n => n.startsWith('Dữ liệu không nhất quán')).map(n => `${shownCommune}: cảnh báo chỉ tiêu ${i.label}: ${n}`));
    return {
        commune, result,
        problems: all.filter(i => i.severity === 'lỗi').map(format),
        warnings: [...all.filter(i => i.severity === 'cảnh báo').map(format), ...new Set(inconsistencies)]
    };
}
