import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { compilePackFile } from '@ntm/evaluation/node';
import { EXCLUDE_KEY, EXCLUDE_SECTION, exclusionPatterns, PathExclusion } from '@ntm/language/exclusion';
import { parse } from 'jsonc-parser';

/**
 * What the editor should show for the opened copy of the repository, computed without it: the compiler's
 * diagnostics for every pack outside `ntm.boQua`, and the sample communes outside it.
 */

export interface ExpectedDiagnostic {
    readonly file: string;
    readonly severity: 'error' | 'warning' | 'info';
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

/** The workspace's `ntm.boQua`, read from its committed `.vscode/settings.json` (JSON with comments). */
export function workspaceExclusion(workspace: string): PathExclusion {
    const settings = parse(readFileSync(path.join(workspace, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
    return new PathExclusion(exclusionPatterns(settings[`${EXCLUDE_SECTION}.${EXCLUDE_KEY}`]));
}

/** Relative `/`-separated paths of the files ending in `extension`, outside excluded folders. */
export function workspaceFiles(workspace: string, extension: string, exclusion: PathExclusion): string[] {
    const found: string[] = [];
    const visit = (relative: string): void => {
        for (const entry of readdirSync(path.join(workspace, relative), { withFileTypes: true })) {
            const child = relative ? `${relative}/${entry.name}` : entry.name;
            if (exclusion.excludes(child) || entry.name === 'node_modules' || entry.name === '.git') continue;
            if (entry.isDirectory()) visit(child);
            else if (entry.name.endsWith(extension)) found.push(child);
        }
    };
    visit('');
    return found.sort();
}

/** The compiler's diagnostics (as `ntm check` prints them) for every pack the editor loads. */
export async function expectedDiagnostics(workspace: string, exclusion: PathExclusion): Promise<ExpectedDiagnostic[]> {
    const diagnostics: ExpectedDiagnostic[] = [];
    for (const file of workspaceFiles(workspace, '.ntm', exclusion)) {
        const compiled = await compilePackFile(path.join(workspace, file), [workspace]);
        for (const issue of compiled.issues) {
            // A base pack's issues are reported on its own file, which is listed too.
            if (path.resolve(issue.file) !== path.join(workspace, file)) continue;
            diagnostics.push({ file, severity: issue.severity, line: issue.line, column: issue.column, message: issue.message });
        }
    }
    return diagnostics;
}

/** Test Explorer labels of the sample communes (`Xã Liêm Cần`): the files with «kết quả chính thức». */
export function expectedSamples(workspace: string, exclusion: PathExclusion): string[] {
    return workspaceFiles(workspace, '.json', exclusion)
        .flatMap(file => {
            const data = parse(readFileSync(path.join(workspace, file), 'utf8')) as Record<string, unknown> | undefined;
            return data && typeof data === 'object' && 'kết quả chính thức' in data && typeof data['xã'] === 'string' ? [`Xã ${data['xã']}`] : [];
        })
        .sort();
}
