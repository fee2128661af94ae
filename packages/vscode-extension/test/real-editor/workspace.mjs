// The folder the editor opens: a copy of the repository's files as a fresh clone has them. The test edits,
// and the lenses save before they run, so the working tree itself is never opened.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

/** Folders a fresh clone does not have (or that only hold build output and caches). */
const NOT_IN_A_CLONE = new Set(['.git', 'node_modules', 'out', '.cache']);

/** Copies tracked and untracked-but-not-ignored files (so uncommitted work is tested too) into `target`. */
export function copyRepository(repository, target) {
    mkdirSync(target, { recursive: true });
    let files;
    try {
        files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repository, encoding: 'utf8', maxBuffer: 64 << 20 })
            .split('\0').filter(Boolean);
    } catch {
        // Not a git checkout: copy everything but what a clone would not have.
        cpSync(repository, target, { recursive: true, filter: source => !NOT_IN_A_CLONE.has(path.basename(source)) && !source.endsWith('.vsix') });
        return target;
    }
    for (const file of files) {
        const source = path.join(repository, file);
        const destination = path.join(target, file);
        mkdirSync(path.dirname(destination), { recursive: true });
        // A file deleted in the work tree but still in the index is simply not there.
        try {
            cpSync(source, destination);
        } catch (error) {
            if (error.code !== 'ENOENT') throw error;
        }
    }
    return target;
}
