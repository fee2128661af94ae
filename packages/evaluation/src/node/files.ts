import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Collects files with one of `extensions` under the given files or folders, sorted, skipping node_modules. */
export async function collectFiles(inputs: readonly string[], extensions: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    const visit = async (target: string): Promise<void> => {
        const stat = await fs.stat(target);
        if (stat.isDirectory()) {
            const entries = await fs.readdir(target, { withFileTypes: true });
            for (const entry of entries) {
                if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
                await visit(path.join(target, entry.name));
            }
        } else if (extensions.some(ext => target.endsWith(ext))) {
            found.add(path.resolve(target));
        }
    };
    for (const input of inputs) {
        await visit(input);
    }
    return [...found].sort();
}

/**
 * Writes all files or none: each is written to a temporary name in the target folder first, and only
 * renamed into place once every one has been written.
 */
export async function writeFilesAtomically(files: ReadonlyArray<{ path: string; text: string }>): Promise<void> {
    const staged: Array<{ temp: string; final: string }> = [];
    try {
        for (const file of files) {
            await fs.mkdir(path.dirname(file.path), { recursive: true });
            const temp = `${file.path}.${process.pid}.tmp`;
            await fs.writeFile(temp, file.text, 'utf8');
            staged.push({ temp, final: file.path });
        }
        for (const { temp, final } of staged) {
            await fs.rename(temp, final);
        }
    } catch (error) {
        await Promise.all(staged.map(({ temp }) => fs.rm(temp, { force: true })));
        throw error;
    }
}

export function relativeToCwd(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative.startsWith('..') ? file : relative;
}
