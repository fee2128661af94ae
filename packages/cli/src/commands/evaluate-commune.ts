import * as path from 'node:path';
import type { EvaluationResult } from '@ntm/language';
import type { CompiledPack, EvaluatorModule } from '../compile/compile-pack.js';
import { compilePackFile, formatDiagnostic, loadEvaluator } from '../compile/compile-pack.js';
import type { CommuneFile, FileIssue } from '../commune/commune-file.js';
import { checkFactsAgainstPack, lineOfPath, readCommuneFile } from '../commune/commune-file.js';
import { relativeToCwd } from '../util/files.js';
import { selectPack } from '../packs/select-pack.js';

export interface CommuneEvaluation {
    readonly commune: CommuneFile;
    readonly result?: EvaluationResult;
    /** Everything wrong with the inputs, already formatted as `file:line field: message`. */
    readonly problems: readonly string[];
    readonly warnings: readonly string[];
    /** For a village-level pack and a file with «các thôn»: each village's result. */
    readonly villages?: readonly { readonly name: string; readonly result: EvaluationResult }[];
    /** The pack used, and why when it was chosen from a folder by level, province and date. */
    readonly packFile?: string;
    readonly selectionNote?: string;
}

/** `dd/mm/yyyy` or `YYYY-MM-DD` to ISO; undefined when neither. */
function isoOf(text: string | undefined): string | undefined {
    if (!text) return undefined;
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
    if (vn) return `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
    return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : undefined;
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
    const named = packFile ? path.resolve(packFile) : packOf(commune);
    if (!named) {
        return { commune, problems: [`${shownCommune}:1 lỗi bộ tiêu chí: tệp xã không ghi «bộ tiêu chí» và lệnh không chỉ định tệp .ntm.`], warnings: [] };
    }
    const date = isoOf(dateOverride ?? commune.data['ngày đánh giá']);
    const selection = await selectPack(named, { level: commune.data['cấp'], province: commune.data['tỉnh'], date: date ?? '' });
    if ('error' in selection) {
        const line = lineOfPath(commune.text, [packFile ? 'ngày đánh giá' : 'bộ tiêu chí']);
        return { commune, problems: [`${shownCommune}:${line} lỗi bộ tiêu chí: ${selection.error}`], warnings: [] };
    }
    const pack = selection.pack;
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
    const { facts, issues } = checkFactsAgainstPack(commune, loaded.evaluator.FACT_SPECS, selection.note === undefined);
    let result: EvaluationResult;
    try {
        const attributes = commune.data['thuộc tính'] ?? {};
        result = loaded.evaluator.evaluate(facts, {
            ngàyĐánhGiá: dateOverride ?? commune.data['ngày đánh giá'],
            ...(attributes['vùng'] !== undefined ? { vùng: String(attributes['vùng']) } : {}),
            ...(attributes['nhóm'] !== undefined ? { nhóm: attributes['nhóm'] as number | string } : {}),
            ...(commune.data['danh sách'] ? { danhSách: commune.data['danh sách'] } : {}),
            ...(commune.data['điểm thẩm tra'] ? { điểmThẩmTra: commune.data['điểm thẩm tra'] } : {}),
            ...(commune.data['điểm tự chấm'] ? { điểmTựChấm: commune.data['điểm tự chấm'] } : {}),
            ...(commune.data['điểm trái số liệu'] ? { điểmTráiSốLiệu: commune.data['điểm trái số liệu'] } : {})
        });
    } catch (error) {
        return { commune, problems: [...issues.filter(i => i.severity === 'lỗi').map(format), `${shownCommune}:${lineOfPath(commune.text, ['ngày đánh giá'])} lỗi ngày đánh giá: ${(error as Error).message}`], warnings: [] };
    }
    const runtimeIssues: FileIssue[] = result.inputIssues
        .filter(issue => !issue.message.includes('không có trong bộ tiêu chí'))
        .map(issue => issue.field === 'vùng' || issue.field === 'nhóm'
            ? { severity: issue.severity, field: `thuộc tính.${issue.field}`, line: lineOfPath(commune.text, ['thuộc tính', issue.field]), message: issue.message }
            : /^(danh sách|điểm thẩm tra|điểm tự chấm)(\.|$)/.test(issue.field)
            ? { severity: issue.severity, field: issue.field, line: lineOfPath(commune.text, issue.field.split('.')), message: issue.message }
            : { severity: issue.severity, field: `dữ kiện.${issue.field}`, line: lineOfPath(commune.text, ['dữ kiện', ...issue.field.split('.')]), message: issue.message });
    const villages: { name: string; result: EvaluationResult }[] = [];
    for (const [name, village] of Object.entries(commune.data['các thôn'] ?? {})) {
        // Each village is evaluated on its own facts, with the commune's date and attributes.
        const villageResult = loaded.evaluator.evaluate(village['dữ kiện'] ?? {}, { ngàyĐánhGiá: dateOverride ?? commune.data['ngày đánh giá'] });
        villages.push({ name, result: villageResult });
        for (const issue of villageResult.inputIssues) {
            runtimeIssues.push({ severity: issue.severity, field: `các thôn.${name}.dữ kiện.${issue.field}`, line: lineOfPath(commune.text, ['các thôn', name, 'dữ kiện', ...issue.field.split('.')]), message: issue.message });
        }
    }
    const all = [...issues, ...runtimeIssues];
    const inconsistencies = result.indicators.flatMap(i => i.notes.filter(n => n.startsWith('Dữ liệu không nhất quán')).map(n => `${shownCommune}: cảnh báo chỉ tiêu ${i.label}: ${n}`));
    return {
        commune, result, packFile: pack, selectionNote: selection.note, ...(villages.length > 0 ? { villages } : {}),
        problems: all.filter(i => i.severity === 'lỗi').map(format),
        warnings: [...all.filter(i => i.severity === 'cảnh báo').map(format), ...new Set(inconsistencies)]
    };
}
