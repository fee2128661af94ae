// The packs (rulesets/) and sample communes (examples/) the page offers, written by build.mjs into files.js,
// with the grammar's keywords, which sets `globalThis.NTM_FILES`: loaded by a <script> on the page and by importScripts in the workers,
// so every part of the page starts with the same files, synchronously.

/** A file of the repository by its path from the repository root (`rulesets/ha-nam/ntm-nang-cao.ntm`). */
export interface BundledFile {
    readonly path: string;
    readonly text: string;
}

export interface BundledFiles {
    readonly packs: readonly BundledFile[];
    readonly communes: readonly BundledFile[];
    /** The grammar's keywords, for colouring (`highlighting.ts`). */
    readonly keywords: readonly string[];
    readonly softKeywords: readonly string[];
}

/** The page's one workspace folder: `dựa trên "../quoc-gia/…"` resolves inside it as it does on disk. */
export const ROOT_URI = 'file:///ntm/';

export function uriOf(path: string): string {
    return ROOT_URI + path.split('/').map(encodeURIComponent).join('/');
}

export function bundledFiles(): BundledFiles {
    const files = (globalThis as { NTM_FILES?: BundledFiles }).NTM_FILES;
    if (!files) throw new Error('files.js was not loaded before the page script');
    return files;
}

/** The path a commune file names as its pack (`"bộ tiêu chí": "../../rulesets/…"`), from the repository root. */
export function namedPackPath(communePath: string, named: string): string {
    const parts = communePath.split('/').slice(0, -1);
    for (const part of named.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.' && part !== '') parts.push(part);
    }
    return parts.join('/');
}
