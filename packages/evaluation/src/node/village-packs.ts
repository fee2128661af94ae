import * as path from 'node:path';
import { countedVillagePacks } from '../evaluate/evaluate-villages.js';
import type { EvaluatorModule } from '../evaluate/evaluator-module.js';

/** A village-level pack a commune pack counts villages of: as the pack writes it, and the file it names. */
export interface VillagePackFile {
    readonly written: string;
    readonly file: string;
}

/** The village-level packs `packFile` counts villages of (`đếm thôn đạt chuẩn theo "…"`), found next to it. */
export function villagePackFiles(packFile: string, evaluator: EvaluatorModule): VillagePackFile[] {
    return countedVillagePacks(evaluator).map(written => ({ written, file: path.resolve(path.dirname(packFile), written) }));
}
