import type { Uri } from 'vscode';
import { workspace } from 'vscode';
import type { CommuneFile } from '../logic/sample-file.js';
import { readCommuneFile } from '../logic/sample-file.js';

const EXCLUDE = '**/{node_modules,out,.git}/**';

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

/** Every sample commune (.json with «kết quả chính thức») in the workspace. */
export async function findSampleFiles(): Promise<CommuneFile[]> {
    const uris = await workspace.findFiles('**/*.json', EXCLUDE);
    const files = await Promise.all(uris.map(readCommuneFileAt));
    return files.filter((f): f is CommuneFile => f?.kind === 'sample');
}
