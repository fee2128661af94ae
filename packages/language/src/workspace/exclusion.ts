/**
 * Workspace paths left out of the language server's startup load and of the editor's sample search (the
 * `ntm.boQua` setting): globs matched against a path relative to its workspace folder, with `/` between
 * names. `**` is any number of folders, `*` and `?` stay within one name, `{a,b}` gives alternatives and
 * `[…]` a character class, as in VS Code's `files.exclude`. A glob that matches a folder leaves out
 * everything below it, so `packages/*\/test` and `packages/*\/test/**` mean the same.
 */
/** The setting, as the client's `workspace/configuration` section and the key in it: `ntm.boQua`. */
export const EXCLUDE_SECTION = 'ntm';
export const EXCLUDE_KEY = 'boQua';

export class PathExclusion {
    private readonly matchers: readonly RegExp[];

    constructor(readonly patterns: readonly string[] = []) {
        this.matchers = patterns.flatMap(pattern => {
            const matcher = globToRegExp(pattern);
            return matcher ? [matcher] : [];
        });
    }

    /** Whether `relativePath` (e.g. `packages/cli/test/resources/x.ntm`) or a folder above it matches. */
    excludes(relativePath: string): boolean {
        if (this.matchers.length === 0) return false;
        const names = relativePath.split('/').filter(name => name.length > 0);
        for (let end = 1; end <= names.length; end++) {
            const path = names.slice(0, end).join('/');
            if (this.matchers.some(matcher => matcher.test(path))) return true;
        }
        return false;
    }

    equals(other: PathExclusion): boolean {
        return this.patterns.length === other.patterns.length && this.patterns.every((p, i) => p === other.patterns[i]);
    }
}

/** The setting's value as a list of globs; anything else (unset, a single string, numbers) counts as none. */
export function exclusionPatterns(value: unknown): string[] {
    if (!Array.isArray(value)) return [];
    return value.filter((item): item is string => typeof item === 'string' && item.trim().length > 0).map(item => item.trim());
}

/** The path of `path` below `folder` (both `/`-separated URI paths), or undefined when it is not inside. */
export function pathBelow(folder: string, path: string): string | undefined {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/** A glob as an anchored RegExp; undefined for a glob that cannot be read (an unclosed `{`). */
export function globToRegExp(glob: string): RegExp | undefined {
    const pattern = glob.replace(/\\/gu, '/').replace(/^\.\//u, '').replace(/\/+$/u, '');
    let source = '';
    let braces = 0;
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i]!;
        if (char === '*' && pattern[i + 1] === '*' && (i === 0 || pattern[i - 1] === '/') && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
            // `**` as a whole name: any number of folders (`a/**/b`), or anything at the end (`a/**`).
            source += i + 2 === pattern.length ? '.*' : '(?:[^/]*/)*';
            i += 2;
        } else if (char === '*') {
            source += '[^/]*';
            while (pattern[i + 1] === '*') i++;
        } else if (char === '?') {
            source += '[^/]';
        } else if (char === '{') {
            source += '(?:';
            braces++;
        } else if (char === '}' && braces > 0) {
            source += ')';
            braces--;
        } else if (char === ',' && braces > 0) {
            source += '|';
        } else if (char === '[' && pattern.indexOf(']', i + 2) > 0) {
            const end = pattern.indexOf(']', i + 2);
            const body = pattern.slice(i + 1, end);
            source += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
            i = end;
        } else {
            source += char.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
        }
    }
    if (braces > 0) return undefined;
    return new RegExp(`^${source}$`, 'u');
}

function escapeClass(body: string): string {
    return body.replace(/[\\\]^]/gu, '\\$&');
}
