import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileIssue } from '../commune/file-issue.js';
import type { UnverifiedThreshold } from '../packs/unverified-thresholds.js';
import { inheritedThresholds, thresholdText, unverifiedThresholds } from '../packs/unverified-thresholds.js';
import { compilePackFile } from './compile-pack-file.js';
import { relativeToCwd } from './files.js';

/** A threshold of a checked pack, with the file that writes it (the pack's own, or a base's) as shown. */
export interface CheckedThreshold extends UnverifiedThreshold {
    readonly file: string;
    readonly text: string;
}

export interface CheckedPackFile {
    readonly file: string;
    readonly issues: readonly FileIssue[];
    /** Its own thresholds and those it inherits from the packs it builds on. */
    readonly thresholds: readonly CheckedThreshold[];
    /** Why the pack could not be checked at all (an unreadable file). */
    readonly failure?: string;
}

/** `ntm check`: each pack's diagnostics and every unknown or unverified threshold it relies on. */
export async function checkPackFiles(files: readonly string[]): Promise<CheckedPackFile[]> {
    const checked: CheckedPackFile[] = [];
    for (const file of files) {
        const compiled = await compilePackFile(file).catch((error: Error) => error);
        if (compiled instanceof Error) {
            // One unreadable pack must not stop the rest of the folder.
            checked.push({ file, issues: [], thresholds: [], failure: compiled.message });
            continue;
        }
        const shown = (item: UnverifiedThreshold) => relativeToCwd(item.inheritedFrom ? fileURLToPath(item.inheritedFrom) : file);
        const all = [...unverifiedThresholds(compiled.loaded.pack), ...(compiled.effective ? inheritedThresholds(compiled.effective) : [])];
        checked.push({ file, issues: compiled.issues, thresholds: all.map(t => ({ ...t, file: shown(t), text: thresholdText(t, shown(t)) })) });
    }
    return checked;
}

/** Thresholds over all checked packs, a base's counted once however many packs rely on it. */
export function distinctThresholds(checked: readonly CheckedPackFile[]): number {
    return new Set(checked.flatMap(c => c.thresholds.map(t => `${path.resolve(t.file)}:${t.line}:${t.column}`))).size;
}
