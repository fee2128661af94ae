import { promises as fs } from 'node:fs';
import type { CommuneFile } from '../commune/read-commune.js';
import { parseCommuneFile } from '../commune/read-commune.js';

/** Reads a commune file from disk; an unreadable file is the caller's error (it throws with the path). */
export async function readCommuneFile(file: string): Promise<CommuneFile> {
    return parseCommuneFile(await fs.readFile(file, 'utf8'), file);
}
