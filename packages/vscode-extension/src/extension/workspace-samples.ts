import { EXCLUDE_KEY, EXCLUDE_SECTION, exclusionPatterns, PathExclusion, pathBelow } from '@ntm/language/exclusion';
import type { Uri } from 'vscode';
import { workspace } from 'vscode';
import type { CommuneFile } from '../logic/sample-file.js';
import { readCommuneFile } from '../logic/sample-file.js';

const EXCLUDE = '**/{node_modules,out,.git}/**';

/** The setting the language server also honours: globs of folders it does not load (test fixtures). */
export const EXCLUDE_SETTING = `${EXCLUDE_SECTION}.${EXCLUDE_KEY}`;

/**
 * Whether `uri` is left out by `ntm.boQua`, matched relative to its workspace folder as the server does.
 * The globs are read here, not passed to `findFiles`, whose single exclude glob cannot nest `{…}` groups.
 */
export function isExcluded(uri: Uri): boolean {
    const folder = workspace.getWorkspaceFolder(uri);
    const relative = folder ? pathBelow(folder.uri.path, uri.path) : undefined;
    if (relative === undefined) return false;
    return new PathExclusion(exclusionPatterns(workspace.getConfiguration(EXCLUDE_SECTION).get(EXCLUDE_KEY))).excludes(relative);
}

/** The text of a file: the open editor's (possibly unsaved) text, or the file on disk. */
export async function readText(uri: Uri): Promise<string> {
    const open = workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    return new TextDecoder('utf-8').decode(await workspace.fs.readFile(uri));
}

export async function readCommuneFileAt(uri: Uri): Promise<CommuneFile | undefined> {
    try {
        return readCommuneFile(uri.toString(), await readText(uri));
    } catch {
        return undefined;
    }
}

/** Every sample commune (.json with «kết quả chính thức») in the workspace, but those in `ntm.boQua`. */
export async function findSampleFiles(): Promise<CommuneFile[]> {
    const uris = (await workspace.findFiles('**/*.json', EXCLUDE)).filter(uri => !isExcluded(uri));
    const files = await Promise.all(uris.map(readCommuneFileAt));
    return files.filter((f): f is CommuneFile => f?.kind === 'sample');
}
