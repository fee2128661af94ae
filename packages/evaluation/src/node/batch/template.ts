import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { FactSpec } from '@ntm/language';
import type { CommuneData } from '../../commune/commune-data.js';
import { villagePackFiles } from '../village-packs.js';
import { inputSheets, sheetIssues } from '../../batch/input-sheets.js';
import { OutputError, collectFiles, relativeToCwd, writeFilesAtomically } from '../files.js';
import { readCommuneFile } from '../read-commune-file.js';
import type { FileIssue } from '../../commune/file-issue.js';
import { PackError } from './batch-inputs.js';
import { inputWorkbookBytes } from './write-input-workbook.js';

export interface TemplateResult {
    readonly output: string;
    readonly communes: number;
    /** Problems of the commune files: errors kept a file out of the workbook, warnings say what it lost. */
    readonly issues: readonly FileIssue[];
}

/**
 * Writes the input workbook of a pack: blank, or filled with the given commune files (a district moving
 * its JSON files into one workbook, and how tests turn the samples into a workbook).
 */
export async function writeInputTemplate(packFile: string, output: string, communeInputs: readonly string[] = []): Promise<TemplateResult> {
    // A CSV cannot hold the lists, notes and instructions; a file already there may be the office's filled workbook.
    if (!output.toLowerCase().endsWith('.xlsx')) {
        throw new OutputError(
            `Bảng tính mẫu là tệp .xlsx (có danh sách chọn, chú thích, trang hướng dẫn): «${output}» không kết thúc bằng .xlsx. Đặt tên như «so-lieu-2024.xlsx»; cần CSV thì mở tệp .xlsx bằng Excel rồi lưu dạng CSV.`
        );
    }
    if (existsSync(output)) {
        throw new OutputError(`Không ghi đè: «${relativeToCwd(output)}» đã có (có thể là bảng đã điền số liệu). Chọn tên khác hoặc xóa tệp cũ.`);
    }
    const { evaluatorFor } = await import('../compile-pack-file.js');
    const { compiled, evaluator } = await evaluatorFor(packFile);
    if (!evaluator)
        throw new PackError(
            `Không viết được mẫu: ${relativeToCwd(packFile)} có lỗi.`,
            compiled.issues.filter(i => i.severity === 'error')
        );
    // The village-level packs it counts villages of: their facts are the columns of the villages sheet.
    const villageSpecs: FactSpec[] = [];
    for (const { file } of villagePackFiles(compiled.file, evaluator)) {
        const loaded = await evaluatorFor(file);
        if (!loaded.evaluator)
            throw new PackError(
                `Không viết được mẫu: bộ tiêu chí cấp thôn ${relativeToCwd(loaded.compiled.file)} có lỗi.`,
                loaded.compiled.issues.filter(i => i.severity === 'error')
            );
        villageSpecs.push(...loaded.evaluator.FACT_SPECS.filter(spec => !villageSpecs.some(known => known.name === spec.name)));
    }
    const communes: CommuneData[] = [];
    const issues: FileIssue[] = [];
    for (const file of communeInputs.length > 0 ? await collectFiles(communeInputs, ['.json']) : []) {
        const commune = await readCommuneFile(file);
        if (!commune.data) {
            issues.push(...commune.issues);
            continue;
        }
        // A file the pack cannot read (another pack's facts, a value of the wrong kind) is named with its
        // problems and left out: the workbook never holds a value the batch would then refuse, or lose one quietly.
        const problems = sheetIssues(commune.data, evaluator.FACT_SPECS, villageSpecs).map(issue => ({
            file: commune.file,
            path: issue.path,
            ...commune.positionOf(issue.path),
            severity: issue.severity,
            message: issue.message,
            code: issue.code
        }));
        issues.push(...problems);
        if (!problems.some(p => p.severity === 'error')) communes.push(commune.data);
    }
    // Named as the command to run it would name it: relative to here, or whole when that climbs out of here.
    const relative = path.relative(process.cwd(), compiled.file);
    const packPath = (relative.startsWith('..') ? compiled.file : relative).split(path.sep).join('/');
    const bytes = await inputWorkbookBytes(inputSheets(evaluator.FACT_SPECS, evaluator.PACK, communes, villageSpecs), evaluator.PACK, packPath);
    await writeFilesAtomically([{ path: path.resolve(output), text: bytes }]);
    return { output: path.resolve(output), communes: communes.length, issues };
}
