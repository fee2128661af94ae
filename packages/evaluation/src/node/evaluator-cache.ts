import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileIssue } from '../commune/file-issue.js';
import type { CompiledPack } from '../packs/compile-pack.js';
import type { PackLocationData, PackLocations } from '../packs/pack-locations.js';
import { packLocations } from '../packs/pack-locations.js';

// Compiled packs on disk, so that a second `ntm eval` of the same pack does not compile it again. An entry
// is named by a hash of the compiler, the pack's path, the folders its bases may come from and the pack's
// text; it holds the hash of every base pack's text, checked before use. Deciding a hit reads and hashes
// files only: Langium is never loaded for it.

const FORMAT = 1;
/** Entries not written for this long are removed when another is written. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** What evaluating with a pack needs of its compilation; a cached pack has no syntax tree. */
export interface PackBuild {
    readonly file: string;
    readonly uri: string;
    /** Every diagnostic of the pack, errors first by position. */
    readonly issues: readonly FileIssue[];
    readonly javascript?: string;
    readonly fileName?: string;
    readonly locations?: PackLocations;
}

interface Entry {
    readonly format: number;
    readonly compiler: string;
    readonly file: string;
    readonly uri: string;
    readonly roots: readonly string[];
    readonly inputs: readonly { readonly uri: string; readonly sha256: string }[];
    readonly fileName: string;
    readonly javascript: string;
    readonly issues: readonly FileIssue[];
    readonly locations: PackLocationData;
}

/**
 * The cache folder: `NTM_CACHE_DIR` when set (empty turns the cache off), else the OS cache folder
 * (`$XDG_CACHE_HOME/ntm` or `~/.cache/ntm`, `~/Library/Caches/ntm`, `%LOCALAPPDATA%\ntm\Cache`).
 */
export function cacheDirectory(): string | undefined {
    const configured = process.env['NTM_CACHE_DIR'];
    if (configured !== undefined) return configured.trim() === '' ? undefined : path.resolve(configured);
    const home = homedir();
    if (process.platform === 'win32') return path.join(process.env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'), 'ntm', 'Cache');
    if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'ntm');
    return path.join(process.env['XDG_CACHE_HOME'] || path.join(home, '.cache'), 'ntm');
}

let fingerprint: string | null | undefined;

/**
 * A hash of the code that compiles a pack: every JavaScript file of @ntm/runtime, @ntm/language and this
 * package, and Langium's version. Any change to the compiler, even an unreleased one, makes new entries.
 * Undefined when this code runs from a bundle (the VS Code extension), where there are no such files: then
 * nothing is cached.
 */
export function compilerFingerprint(): string | undefined {
    if (fingerprint !== undefined) return fingerprint ?? undefined;
    fingerprint = null;
    try {
        const own = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
        if ((JSON.parse(readFileSync(path.join(own, 'package.json'), 'utf8')) as { name?: string }).name !== '@ntm/evaluation') return undefined;
        const language = packageFolder(own, '@ntm/language');
        fingerprint = fingerprintOf([packageFolder(own, '@ntm/runtime'), language, own], [path.join(packageFolder(language, 'langium'), 'package.json')]);
    } catch {
        fingerprint = null;
    }
    return fingerprint ?? undefined;
}

/** A hash of packages' `package.json` and every JavaScript file under their `out/`, and of other files. */
export function fingerprintOf(packages: readonly string[], files: readonly string[] = []): string {
    const hash = createHash('sha256').update(`ntm-compiled-pack ${FORMAT}\n`);
    for (const folder of packages) {
        hash.update(readFileSync(path.join(folder, 'package.json')));
        for (const file of javascriptFiles(path.join(folder, 'out'))) hash.update(`\0${path.relative(folder, file)}\0`).update(readFileSync(file));
    }
    for (const file of files) hash.update('\0').update(readFileSync(file));
    return hash.digest('hex');
}

/** The folder of a package as Node would find it from `from` (a package folder). */
function packageFolder(from: string, name: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, 'node_modules', name);
        try {
            readFileSync(path.join(candidate, 'package.json'));
            return candidate;
        } catch {
            if (path.dirname(dir) === dir) throw new Error(`${name} not found from ${from}`);
        }
    }
}

function javascriptFiles(folder: string): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) found.push(...javascriptFiles(full));
        else if (entry.name.endsWith('.js')) found.push(full);
    }
    return found;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function entryFile(directory: string, compiler: string, file: string, roots: readonly string[], textHash: string): string {
    const name = createHash('sha256')
        .update(JSON.stringify([FORMAT, compiler, file, roots, textHash]))
        .digest('hex');
    return path.join(directory, 'packs', `${name}.json`);
}

/** The pack compiled earlier from the same texts by the same compiler, or undefined. Never throws. */
export async function readCachedPack(file: string, roots: readonly string[], compiler = compilerFingerprint()): Promise<PackBuild | undefined> {
    const directory = cacheDirectory();
    if (!directory || !compiler) return undefined;
    try {
        const text = await fs.readFile(file, 'utf8');
        const entry = JSON.parse(await fs.readFile(entryFile(directory, compiler, file, roots, sha256(text)), 'utf8')) as Entry;
        if (entry.format !== FORMAT || entry.compiler !== compiler || entry.file !== file) return undefined;
        for (const input of entry.inputs.slice(1)) {
            if (sha256(await fs.readFile(fileURLToPath(input.uri), 'utf8')) !== input.sha256) return undefined;
        }
        return {
            file: entry.file,
            uri: entry.uri,
            issues: entry.issues,
            javascript: entry.javascript,
            fileName: entry.fileName,
            locations: packLocations(entry.locations)
        };
    } catch {
        return undefined;
    }
}

/**
 * Keeps an error-free compiled pack for next time: written to a temporary file and renamed into place, so
 * a reader never sees half an entry and concurrent writers cannot mix theirs. A cache that cannot be
 * written is no error: the pack is compiled again next time.
 */
export async function writeCachedPack(compiled: CompiledPack, roots: readonly string[], compiler = compilerFingerprint()): Promise<void> {
    const directory = cacheDirectory();
    const main = compiled.inputs?.[0];
    if (!directory || !compiler || !main || compiled.javascript === undefined || !compiled.fileName || !compiled.locationData) return;
    const entry: Entry = {
        format: FORMAT,
        compiler,
        file: compiled.file,
        uri: compiled.uri,
        roots,
        inputs: (compiled.inputs ?? []).map(input => ({ uri: input.uri, sha256: sha256(input.text) })),
        fileName: compiled.fileName,
        javascript: compiled.javascript,
        issues: compiled.issues,
        locations: compiled.locationData
    };
    try {
        const target = entryFile(directory, compiler, compiled.file, roots, sha256(main.text));
        await fs.mkdir(path.dirname(target), { recursive: true });
        await pruneOldEntries(path.dirname(target));
        const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        await fs.writeFile(temp, JSON.stringify(entry), { encoding: 'utf8', flag: 'wx' });
        await fs.rename(temp, target).catch(async error => {
            await fs.rm(temp, { force: true });
            throw error;
        });
    } catch {
        // best effort
    }
}

async function pruneOldEntries(folder: string): Promise<void> {
    const now = Date.now();
    for (const name of await fs.readdir(folder)) {
        const full = path.join(folder, name);
        const stat = await fs.stat(full).catch(() => undefined);
        if (stat && now - stat.mtimeMs > MAX_AGE_MS) await fs.rm(full, { force: true });
    }
}
