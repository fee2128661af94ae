import { describe, expect, it } from 'vitest';
import { exclusionPatterns, globToRegExp, PathExclusion, pathBelow } from '../../src/workspace/exclusion.js';

/** The globs of the `ntm.boQua` setting, shared by the language server and the extension's sample search. */
describe('workspace exclusion globs', () => {
    const excludes = (patterns: string[], path: string) => new PathExclusion(patterns).excludes(path);

    it('leaves out everything below a matching folder, with or without a trailing /**', () => {
        for (const pattern of ['packages/*/test/**', 'packages/*/test', 'packages/*/test/']) {
            expect(excludes([pattern], 'packages/cli/test/resources/mini.ntm'), pattern).toBe(true);
            expect(excludes([pattern], 'packages/language/test/x.ntm'), pattern).toBe(true);
            expect(excludes([pattern], 'packages/language/src/x.ntm'), pattern).toBe(false);
            expect(excludes([pattern], 'test/x.ntm'), pattern).toBe(false);
            expect(excludes([pattern], 'packages/cli/tests/x.ntm'), pattern).toBe(false);
        }
    });

    it('reads ** as any number of folders, * and ? within one name, {a,b} and [..] as alternatives', () => {
        expect(excludes(['**/test'], 'test/a.ntm')).toBe(true);
        expect(excludes(['**/test'], 'a/b/test/c/d.ntm')).toBe(true);
        expect(excludes(['a/**/b.ntm'], 'a/b.ntm')).toBe(true);
        expect(excludes(['a/**/b.ntm'], 'a/x/y/b.ntm')).toBe(true);
        expect(excludes(['*.ntm'], 'a/b.ntm')).toBe(false);
        expect(excludes(['*.ntm'], 'b.ntm')).toBe(true);
        expect(excludes(['nhap-?.ntm'], 'nhap-1.ntm')).toBe(true);
        expect(excludes(['nhap-?.ntm'], 'nhap-12.ntm')).toBe(false);
        expect(excludes(['{docs,bench}/**'], 'bench/x.ntm')).toBe(true);
        expect(excludes(['{docs,bench}/**'], 'rulesets/x.ntm')).toBe(false);
        expect(excludes(['ban-[0-9].ntm'], 'ban-7.ntm')).toBe(true);
        expect(excludes(['ban-[!0-9].ntm'], 'ban-7.ntm')).toBe(false);
        expect(excludes(['tỉnh (cũ)/*.ntm'], 'tỉnh (cũ)/a.ntm')).toBe(true);
        expect(excludes(['a.ntm'], 'a-ntm')).toBe(false);
    });

    it('matches nothing without globs, and skips a glob it cannot read', () => {
        expect(excludes([], 'a.ntm')).toBe(false);
        expect(globToRegExp('{a,b')).toBeUndefined();
        expect(excludes(['{a,b', 'c/**'], 'c/x.ntm')).toBe(true);
    });

    it('takes the setting only as a list of non-empty strings', () => {
        expect(exclusionPatterns(['a/**', '', '  ', 3, ' b '])).toEqual(['a/**', 'b']);
        expect(exclusionPatterns('a/**')).toEqual([]);
        expect(exclusionPatterns(undefined)).toEqual([]);
    });

    it('finds the path below a workspace folder', () => {
        expect(pathBelow('/du-an', '/du-an/packages/x.ntm')).toBe('packages/x.ntm');
        expect(pathBelow('/du-an/', '/du-an/x.ntm')).toBe('x.ntm');
        expect(pathBelow('/du-an', '/du-an-khac/x.ntm')).toBeUndefined();
    });
});
