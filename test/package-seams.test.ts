// The shape of the repository: one engine in libraries, thin tools over them, each package used by name.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = path.join(ROOT, 'packages');
const SKIP = new Set(['node_modules', 'out', 'generated', 'syntaxes', 'screenshots']);

function filesUnder(dir: string, extensions: readonly string[]): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(dir)) {
        if (SKIP.has(entry) || entry.startsWith('.')) continue;
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) found.push(...filesUnder(full, extensions));
        else if (extensions.some(ext => entry.endsWith(ext))) found.push(full);
    }
    return found;
}

/** Module specifiers of a source file: static imports and exports, dynamic imports, and esbuild entry paths. */
function specifiers(text: string): string[] {
    return [
        ...[...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map(m => m[1]!),
        ...[...text.matchAll(/^\s*import\s+'([^']+)'/gm)].map(m => m[1]!),
        ...[...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map(m => m[1]!),
        ...[...text.matchAll(/'(\.\.\/[^']+\.(?:ts|js|mjs))'/g)].map(m => m[1]!)
    ];
}

const packages = readdirSync(PACKAGES).filter(name => statSync(path.join(PACKAGES, name)).isDirectory());
const manifest = (name: string) =>
    JSON.parse(readFileSync(path.join(PACKAGES, name, 'package.json'), 'utf8')) as {
        name: string;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
    };

describe('package seams', () => {
    it('finds the packages', () => {
        expect(packages).toEqual(expect.arrayContaining(['runtime', 'language', 'evaluation', 'language-server', 'cli', 'vscode-extension']));
    });

    it.each(packages)('%s reaches other packages only by name, never by a relative path', name => {
        const root = path.join(PACKAGES, name);
        const offenders: string[] = [];
        for (const file of filesUnder(root, ['.ts', '.mjs', '.js'])) {
            for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
                if (!specifier.startsWith('.')) continue;
                const target = path.resolve(path.dirname(file), specifier);
                if (!target.startsWith(root + path.sep)) offenders.push(`${path.relative(ROOT, file)} → ${specifier}`);
            }
        }
        expect(offenders).toEqual([]);
    });

    it.each(packages)('%s declares every @ntm package it imports', name => {
        const declared = new Set(Object.keys({ ...manifest(name).dependencies, ...manifest(name).devDependencies }));
        const used = new Set<string>();
        for (const file of filesUnder(path.join(PACKAGES, name), ['.ts', '.mjs'])) {
            for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
                const match = /^(@ntm\/[^/]+)/.exec(specifier);
                if (match && match[1] !== manifest(name).name) used.add(match[1]!);
            }
        }
        expect([...used].filter(u => !declared.has(u))).toEqual([]);
    });

    it('keeps the evaluation core and the language package browser-safe (no Node modules, no compiler)', () => {
        const core = filesUnder(path.join(PACKAGES, 'evaluation/src'), ['.ts']).filter(f => !f.includes(`${path.sep}node${path.sep}`));
        const language = filesUnder(path.join(PACKAGES, 'language/src'), ['.ts']);
        expect(core.length).toBeGreaterThan(10);
        const offenders = [...core, ...language].flatMap(file =>
            specifiers(readFileSync(file, 'utf8'))
                .filter(s => s.startsWith('node:') || s === 'langium/node' || s === 'typescript' || s.startsWith('vscode-languageserver/node'))
                .map(s => `${path.relative(ROOT, file)} → ${s}`)
        );
        expect(offenders).toEqual([]);
    });

    it('keeps the runtime dependency-free and browser-safe: it imports nothing but its own files', () => {
        expect(manifest('runtime').dependencies ?? {}).toEqual({});
        const files = filesUnder(path.join(PACKAGES, 'runtime/src'), ['.ts']);
        expect(files.length).toBeGreaterThan(10);
        // Relative imports that stay inside runtime/src (its `commune/` folder imports `../names.js`).
        const own = (file: string, s: string) =>
            s.startsWith('.') && !path.relative(path.join(PACKAGES, 'runtime/src'), path.resolve(path.dirname(file), s)).startsWith('..');
        const offenders = files.flatMap(file =>
            specifiers(readFileSync(file, 'utf8'))
                .filter(s => !own(file, s))
                .map(s => `${path.relative(ROOT, file)} → ${s}`)
        );
        expect(offenders).toEqual([]);
    });

    // Lines as the formatter lays them out (it wraps long option chains): the same code was under 700 before it.
    it('keeps the CLI a shell: commands and rendering only, under 850 formatted lines, no file over 160', () => {
        const files = filesUnder(path.join(PACKAGES, 'cli/src'), ['.ts']);
        const lines = files.map(f => readFileSync(f, 'utf8').split('\n').length);
        expect(lines.reduce((a, b) => a + b, 0)).toBeLessThan(850);
        expect(Math.max(...lines)).toBeLessThanOrEqual(160);
    });
});
