import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { collectFiles } from './files.js';

/**
 * The sample communes of a pack: .json files with «kết quả chính thức» whose «bộ tiêu chí» resolves to the
 * pack, under the given folders and the `examples/` folder of the pack's repository. A file that is not
 * valid JSON but names the pack's file is included too, so that it is reported rather than silently skipped.
 */
export async function findSamples(packFile: string, folders: readonly string[]): Promise<string[]> {
    const pack = path.resolve(packFile);
    const roots = [...new Set([...folders, ...(await examplesFolder(pack))].map(f => path.resolve(f)))];
    const candidates = new Set<string>();
    for (const root of roots) {
        if (!(await isDirectory(root))) continue;
        for (const file of await collectFiles([root], ['.json'])) {
            // Build output (`out/`) may hold copies of samples; only the sources count.
            if (!path.relative(root, file).split(path.sep).includes('out')) candidates.add(file);
        }
    }
    const samples: string[] = [];
    for (const file of [...candidates].sort()) {
        if (await isSampleOf(file, pack)) samples.push(file);
    }
    return samples;
}

async function isSampleOf(file: string, pack: string): Promise<boolean> {
    let text: string;
    try {
        text = await fs.readFile(file, 'utf8');
    } catch {
        return false;
    }
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch {
        return text.includes('bộ tiêu chí') && text.includes(path.basename(pack));
    }
    if (typeof data !== 'object' || data === null) return false;
    const record = data as Record<string, unknown>;
    const declared = record['bộ tiêu chí'];
    return record['kết quả chính thức'] !== undefined && typeof declared === 'string' && path.resolve(path.dirname(file), declared) === pack;
}

/** `examples/` in the nearest folder above the pack that has one (the pack's repository). */
async function examplesFolder(pack: string): Promise<string[]> {
    for (let dir = path.dirname(pack); ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, 'examples');
        if (await isDirectory(candidate)) return [candidate];
        if (path.dirname(dir) === dir) return [];
    }
}

async function isDirectory(folder: string): Promise<boolean> {
    try {
        return (await fs.stat(folder)).isDirectory();
    } catch {
        return false;
    }
}
