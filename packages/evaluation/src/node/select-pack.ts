import { promises as fs } from 'node:fs';
import type { PackCandidate, PackRequest, PackSelection } from '../packs/pack-selection.js';
import { choosePack } from '../packs/pack-selection.js';
import { evaluatorFor } from './compile-pack-file.js';
import { collectFiles, relativeToCwd } from './files.js';

/**
 * A pack path as given, or, when it names a folder, the one pack in it in force for the commune's level
 * and province on the assessment date (see `choosePack`).
 */
export async function selectPack(target: string, request: PackRequest): Promise<PackSelection> {
    const stat = await fs.stat(target).catch(() => undefined);
    if (!stat) return { field: 'bộ tiêu chí', error: `không tìm thấy bộ tiêu chí «${relativeToCwd(target)}».` };
    if (!stat.isDirectory()) return { pack: target };
    if (!request.level) return choosePack([], request, target, [], relativeToCwd);
    const candidates: PackCandidate[] = [];
    const broken: string[] = [];
    for (const file of await collectFiles([target], ['.ntm'])) {
        const { evaluator } = await evaluatorFor(file);
        if (evaluator) candidates.push({ file, info: evaluator.PACK });
        else broken.push(file);
    }
    return choosePack(candidates, request, target, broken, relativeToCwd);
}
