import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Names of headless Chromium on Debian and elsewhere; `NTM_CHROMIUM` names another. */
const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The Chromium executable on this machine, or undefined (`apt-get install chromium` on Debian). */
export function findChromium(): string | undefined {
    const named = process.env['NTM_CHROMIUM'];
    if (named) return existsSync(named) ? named : undefined;
    for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
        for (const name of CANDIDATES) {
            const candidate = path.join(dir, name);
            if (dir && existsSync(candidate)) return candidate;
        }
    }
    return undefined;
}

/**
 * Flags for headless Chromium, for printing here and for the browser tests: no sandbox (root in CI), no GPU,
 * and nothing of its own over the network (update checks, sync, QUIC): a closed network refuses each of them,
 * and a report printed at a district office has no business calling out.
 */
export const HEADLESS_CHROMIUM_FLAGS: readonly string[] = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars'
];

/** One page per run: a batch's report is small, and a fresh headless process has no state to leak. */
const FLAGS = [...HEADLESS_CHROMIUM_FLAGS, '--allow-file-access-from-files'];

/** Prints an HTML text to PDF bytes with headless Chromium (A4, the page's own print CSS). */
export async function htmlToPdf(chromium: string, html: string): Promise<Uint8Array> {
    return await withTempFolder(async folder => {
        const page = path.join(folder, 'bao-cao.html');
        const out = path.join(folder, 'bao-cao.pdf');
        await fs.writeFile(page, html);
        await run(
            chromium,
            [...FLAGS, `--user-data-dir=${path.join(folder, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${out}`, pathToFileURL(page).toString()],
            { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }
        );
        return new Uint8Array(await fs.readFile(out));
    });
}

/** A screenshot of an HTML text as a PNG (width × height in CSS pixels). */
export async function htmlToPng(chromium: string, html: string, width = 1000, height = 1400): Promise<Uint8Array> {
    return await withTempFolder(async folder => {
        const page = path.join(folder, 'trang.html');
        const out = path.join(folder, 'trang.png');
        await fs.writeFile(page, html);
        await run(
            chromium,
            [
                ...FLAGS,
                `--user-data-dir=${path.join(folder, 'profile')}`,
                `--window-size=${width},${height}`,
                `--screenshot=${out}`,
                pathToFileURL(page).toString()
            ],
            { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }
        );
        return new Uint8Array(await fs.readFile(out));
    });
}

async function withTempFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'ntm-chromium-'));
    try {
        return await work(folder);
    } finally {
        await fs.rm(folder, { recursive: true, force: true });
    }
}
