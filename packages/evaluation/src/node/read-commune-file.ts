import { promises as fs } from 'node:fs';
import type { CommuneFile } from '../commune/read-commune.js';
import { parseCommuneBytes, tooLargeCommuneFile } from '../commune/read-commune.js';
import { MAX_COMMUNE_FILE_BYTES } from '../commune/input-limits.js';

/**
 * Reads a commune file from disk; an unreadable file is the caller's error (it throws with the path). A file
 * beyond the size limit is refused from its size, reading only its start.
 */
export async function readCommuneFile(file: string): Promise<CommuneFile> {
    const handle = await fs.open(file, 'r');
    try {
        const { size } = await handle.stat();
        if (size > MAX_COMMUNE_FILE_BYTES) {
            const start = new Uint8Array(65_536);
            const { bytesRead } = await handle.read(start, 0, start.length, 0);
            return tooLargeCommuneFile(file, size, start.subarray(0, bytesRead));
        }
        return parseCommuneBytes(new Uint8Array(await handle.readFile()), file);
    } finally {
        await handle.close();
    }
}
