import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const RESOURCES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'resources');
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const made: string[] = [];
// Registered once per test file (each file has its own copy of this module): a hook registered inside a test,
// where some callers make their folders, would never run and leave the folder behind.
afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder removed after the test file, so a run leaves nothing in the system temp folder. */
export function tempFolder(prefix = 'ntm-evaluation-'): string {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    made.push(dir);
    return dir;
}

/** A commune file for `dien-tich.ntm` with the given facts, written into `dir`. */
export function writeCommune(dir: string, name: string, facts: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
    const file = path.join(dir, name);
    const data = {
        xã: 'Thử',
        'bộ tiêu chí': path.relative(dir, path.join(RESOURCES, 'dien-tich.ntm')),
        'ngày đánh giá': '2024-06-30',
        'dữ kiện': facts,
        ...extra
    };
    writeFileSync(file, JSON.stringify(data, undefined, 2));
    return file;
}
