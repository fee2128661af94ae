import { promises as fs } from 'node:fs';
import { notAPackText, relativeToCwd, unreadableFileText } from '@ntm/evaluation/node';

/**
 * Why a path given as a file cannot be read as one, in words that name it (a folder read as a file fails in
 * Node with no name at all); undefined when it is a readable file.
 */
export async function notAFile(file: string, what = 'tệp'): Promise<string | undefined> {
    if (file.trim() === '') return emptyName(what);
    const shown = relativeToCwd(file);
    try {
        const stat = await fs.stat(file);
        if (stat.isDirectory()) return `«${shown}» là một thư mục, không phải một tệp.`;
        return undefined;
    } catch (error) {
        return unreadableFileText(shown, (error as { code?: string }).code);
    }
}

/** As `notAFile`, for a pack: read by its extension, so a commune file or a spreadsheet in its place is named as such. */
export async function notAPackFile(file: string): Promise<string | undefined> {
    return (await notAFile(file, 'tệp .ntm')) ?? (file.toLowerCase().endsWith('.ntm') ? undefined : notAPackText(relativeToCwd(file)));
}

/** As `notAPackFile`, where a folder of packs is taken too (the pack in force is then chosen for the commune). */
export async function notAPackOrFolder(file: string): Promise<string | undefined> {
    return (await fs.stat(file).catch(() => undefined))?.isDirectory() ? undefined : notAPackFile(file);
}

/** Why the first of these files or folders cannot be read, in words that name it; undefined when all can. */
export async function firstUnreadable(paths: readonly string[]): Promise<string | undefined> {
    for (const target of paths) {
        const failure = await fs.stat(target).then(
            () => undefined,
            (error: { code?: string }) => ({ code: error.code })
        );
        if (failure) return unreadableFileText(relativeToCwd(target), failure.code);
    }
    return undefined;
}

/** An empty argument is named for what it should have been, never shown as «». */
export function emptyName(what: string): string {
    return `Thiếu tên ${what}: tham số để trống.`;
}

/** For commands taking files or folders: the message for the first empty one, if any. */
export function emptyInput(inputs: readonly string[]): string | undefined {
    return inputs.some(input => input.trim() === '') ? emptyName('tệp hoặc thư mục') : undefined;
}
