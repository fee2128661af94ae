import * as path from 'node:path';
import type { CommuneData } from '../../commune/commune-data.js';
import { inputSheets } from '../../batch/input-sheets.js';
import { collectFiles, relativeToCwd, writeFilesAtomically } from '../files.js';
import { readCommuneFile } from '../read-commune-file.js';
import type { FileIssue } from '../../commune/file-issue.js';
import { PackError } from './batch-inputs.js';
import { inputWorkbookBytes } from './write-input-workbook.js';

export interface TemplateResult {
    readonly output: string;
    readonly communes: number;
    /** Commune files that could not be read into the workbook (with why). */
    readonly issues: readonly FileIssue[];
}

/**
 * Writes the input workbook of a pack: blank, or filled with the given commune files (a district moving
 * its JSON files into one workbook, and how tests turn the samples into a workbook).
 */
export async function writeInputTemplate(packFile: string, output: string, communeInputs: readonly string[] = []): Promise<TemplateResult> {
    const { evaluatorFor } = await import('../compile-pack-file.js');
    const { compiled, evaluator } = await evaluatorFor(packFile);
    if (!evaluator) throw new PackError(`Không viết được mẫu: ${relativeToCwd(packFile)} có lỗi.`, compiled.issues.filter(i => i.severity === 'error'));
    const communes: CommuneData[] = [];
    const issues: FileIssue[] = [];
    for (const file of communeInputs.length > 0 ? await collectFiles(communeInputs, ['.json']) : []) {
        const commune = await readCommuneFile(file);
        if (commune.data) communes.push(commune.data);
        else issues.push(...commune.issues);
    }
    const packPath = path.relative(process.cwd(), compiled.file).split(path.sep).join('/');
    const bytes = await inputWorkbookBytes(inputSheets(evaluator.FACT_SPECS, evaluator.PACK, communes), evaluator.PACK, packPath);
    await writeFilesAtomically([{ path: path.resolve(output), text: bytes }]);
    return { output: path.resolve(output), communes: communes.length, issues };
}
