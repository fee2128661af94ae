import { createWriteStream, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

/** Extracts a zip (a .vsix) into `dir`; returns the entry names. Refuses entries that escape `dir`. */
export async function unzip(file: string, dir: string): Promise<string[]> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened)))
    );
    const names: string[] = [];
    try {
        for (;;) {
            const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
                zip.once('entry', resolve);
                zip.once('end', () => resolve(undefined));
                zip.once('error', reject);
                zip.readEntry();
            });
            zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
            if (!entry) return names;
            names.push(entry.fileName);
            const target = path.resolve(dir, entry.fileName);
            if (!target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`entry outside the archive: ${entry.fileName}`);
            if (entry.fileName.endsWith('/')) continue;
            mkdirSync(path.dirname(target), { recursive: true });
            const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
                zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened)))
            );
            await pipeline(stream, createWriteStream(target));
        }
    } finally {
        zip.close();
    }
}
