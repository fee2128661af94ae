import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import * as path from 'node:path';

/** An entry of a folder that could not be read (a link loop, no permission), and why. */
export interface SkippedEntry {
    readonly path: string;
    readonly reason: string;
}

/** What a file system error code means, in words (the code itself follows, for whoever helps). */
const FILE_ERRORS: Readonly<Record<string, string>> = {
    ENOENT: 'không có tệp hay thư mục này',
    ENOTDIR: 'một phần của đường dẫn không phải thư mục',
    EISDIR: 'đây là một thư mục, không phải một tệp',
    EACCES: 'không có quyền đọc',
    EPERM: 'không có quyền đọc',
    ELOOP: 'vòng liên kết tượng trưng',
    ENAMETOOLONG: 'tên tệp quá dài',
    EMFILE: 'quá nhiều tệp đang mở'
};

/** A file given where a pack goes that is not a pack (a commune file, a spreadsheet): named by what it is not. */
export function notAPackText(shown: string): string {
    return `«${shown}» không phải tệp bộ tiêu chí: bộ tiêu chí là tệp .ntm (tệp xã .json, bảng tính .xlsx đi sau bộ tiêu chí).`;
}

/** «Không đọc được tệp «x»: không có tệp hay thư mục này (ENOENT).» — the one wording of a file that cannot be read. */
export function unreadableFileText(shown: string, code: string | undefined): string {
    const why = code ? FILE_ERRORS[code] : undefined;
    return `Không đọc được tệp «${shown}»${why ? `: ${why}` : ''}${code ? ` (${code})` : ''}.`;
}

/**
 * Collects files with one of `extensions` under the given files or folders, sorted, skipping node_modules
 * and hidden entries. An input that does not exist is the caller's error (it throws); an entry inside a
 * folder that cannot be read is reported to `onSkip` and the rest of the folder is still collected.
 */
export async function collectFiles(inputs: readonly string[], extensions: readonly string[], onSkip?: (entry: SkippedEntry) => void): Promise<string[]> {
    const found = new Set<string>();
    const visit = async (target: string, named: boolean): Promise<void> => {
        let stat: Awaited<ReturnType<typeof fs.stat>>;
        try {
            stat = await fs.stat(target);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code ?? '';
            if (named) throw error;
            // Listed in its folder yet not there: a link to a file that does not exist.
            onSkip?.({ path: target, reason: code === 'ENOENT' ? 'liên kết tới tệp không tồn tại' : (FILE_ERRORS[code] ?? code) });
            return;
        }
        if (stat.isDirectory()) {
            const entries = await fs.readdir(target, { withFileTypes: true });
            for (const entry of entries) {
                if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
                await visit(path.join(target, entry.name), false);
            }
        } else if (stat.isFile() && extensions.some(ext => target.endsWith(ext))) {
            found.add(path.resolve(target));
        }
    };
    for (const input of inputs) {
        await visit(input, true);
    }
    return [...found].sort();
}

/** A file that cannot be written where asked, with the reason in Vietnamese. */
export class OutputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'OutputError';
    }
}

/**
 * Writes all files or none: each is written to a new temporary file in the target folder, created
 * exclusively (so a link planted at its name is never followed), and renamed into place only once every
 * one has been written. A folder where a file should go, or a file where a folder should be, is an
 * `OutputError` naming it. `text` may be bytes (a workbook, a PDF).
 */
export async function writeFilesAtomically(files: ReadonlyArray<{ path: string; text: string | Uint8Array }>): Promise<void> {
    const staged = await stageFiles(files.map(file => file.path));
    try {
        for (const [i, file] of files.entries()) await staged.files[i]!.handle.writeFile(file.text);
        await staged.commit();
    } catch (error) {
        await staged.discard();
        throw error;
    }
}

/** A file being written in place of `path`: write through `handle` or `stream()`. */
export interface StagedFile {
    readonly path: string;
    /** The temporary file being written (hidden, beside `path`). */
    readonly temp: string;
    readonly handle: FileHandle;
    /** A stream into the temporary file (for libraries that write streams); ending it closes the handle. */
    stream(): Writable;
}

/** Files being written, none of them visible until `commit` renames them all into place. */
export interface StagedFiles {
    readonly files: readonly StagedFile[];
    commit(): Promise<void>;
    /** Removes the temporary files: the old files stay as they were. */
    discard(): Promise<void>;
}

/**
 * Opens a temporary file beside each target for writing as results come (a workbook of ten thousand
 * communes is streamed, not built in memory). A run killed before `commit` leaves the old files as they were
 * and a hidden `.name.….tmp` at most; `commit` renames each into place.
 */
export async function stageFiles(paths: readonly string[]): Promise<StagedFiles> {
    const staged: Array<{ temp: string; final: string; handle: FileHandle }> = [];
    const discard = async () => {
        await Promise.all(
            staged.map(async ({ temp, handle }) => {
                await handle.close().catch(() => undefined);
                await fs.rm(temp, { force: true });
            })
        );
    };
    try {
        for (const file of paths) {
            const folder = path.dirname(file);
            await fs.mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
                throw error.code === 'EEXIST' || error.code === 'ENOTDIR'
                    ? new OutputError(`«${relativeToCwd(folder)}» là một tệp, không phải thư mục: chọn thư mục khác để ghi kết quả.`)
                    : error;
            });
            const existing = await fs.lstat(file).catch(() => undefined);
            if (existing?.isDirectory()) {
                throw new OutputError(`«${relativeToCwd(file)}» là một thư mục: không ghi đè được bằng tệp.`);
            }
            const temp = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
            staged.push({ temp, final: file, handle: await fs.open(temp, 'wx') });
        }
    } catch (error) {
        await discard();
        throw error;
    }
    return {
        files: staged.map(({ temp, final, handle }) => ({ path: final, temp, handle, stream: () => handle.createWriteStream() })),
        async commit() {
            for (const { handle } of staged) await handle.close().catch(() => undefined);
            for (const { temp, final } of staged) await fs.rename(temp, final);
        },
        discard
    };
}

export function relativeToCwd(file: string): string {
    const relative = path.relative(process.cwd(), file);
    // The working folder itself is «.», never an empty name.
    return relative === '' ? '.' : relative.startsWith('..') ? file : relative;
}
