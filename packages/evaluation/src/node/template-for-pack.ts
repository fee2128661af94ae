import * as path from 'node:path';
import type { FileIssue } from '../commune/file-issue.js';
import { communeTemplate, packOutline, templateFacts, templateText } from '../commune/commune-template.js';
import { compilePackFile } from './compile-pack-file.js';
import { loadEvaluator } from './load-evaluator.js';

/** A commune file to fill for a pack, as text; its «bộ tiêu chí» is relative to `folder`, where it will be read from. */
export type PackTemplate =
    | { readonly text: string; readonly packPath: string; readonly skipped: readonly string[] }
    | { readonly errors: readonly FileIssue[] };

export async function templateForPack(packFile: string, folder: string): Promise<PackTemplate> {
    // Compiled here, not taken from the cache: the outline needs the pack laid over its bases (the syntax tree).
    const compiled = await compilePackFile(packFile);
    if (compiled.javascript === undefined) return { errors: compiled.issues.filter(i => i.severity === 'error') };
    const evaluator = await loadEvaluator(compiled);
    const packPath = path.relative(folder, compiled.file).split(path.sep).join('/');
    const outline = compiled.effective ? packOutline(compiled.effective, evaluator.PACK.level) : undefined;
    return {
        text: templateText(communeTemplate(evaluator.FACT_SPECS, packPath, outline)),
        packPath,
        skipped: templateFacts(evaluator.FACT_SPECS).skipped.map(s => s.name)
    };
}
