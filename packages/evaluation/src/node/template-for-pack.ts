import * as path from 'node:path';
import type { FileIssue } from '../commune/file-issue.js';
import { communeTemplate, packOutline, templateFacts, templateText } from '../commune/commune-template.js';
import { evaluatorFor } from './compile-pack-file.js';

/** A commune file to fill for a pack, as text; its «bộ tiêu chí» is relative to `folder`, where it will be read from. */
export type PackTemplate =
    | { readonly text: string; readonly packPath: string; readonly skipped: readonly string[] }
    | { readonly errors: readonly FileIssue[] };

export async function templateForPack(packFile: string, folder: string): Promise<PackTemplate> {
    const { compiled, evaluator } = await evaluatorFor(packFile);
    if (!evaluator) return { errors: compiled.issues.filter(i => i.severity === 'error') };
    const packPath = path.relative(folder, compiled.file).split(path.sep).join('/');
    const outline = compiled.effective ? packOutline(compiled.effective, evaluator.PACK.level) : undefined;
    return {
        text: templateText(communeTemplate(evaluator.FACT_SPECS, packPath, outline)), packPath,
        skipped: templateFacts(evaluator.FACT_SPECS).skipped.map(s => s.name)
    };
}
