// The batch's libraries (spreadsheets, CSV, encodings, templates, progress bar) are loaded only by the
// commands that need them: no static import anywhere, and none in the browser-safe core at all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEAVY = ['exceljs', 'csv-parse', 'csv-parse/sync', 'iconv-lite', 'handlebars', 'cli-progress'];

function sources(dir: string): string[] {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        if (entry === 'node_modules' || entry === 'out' || entry === 'test') return [];
        return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
    });
}

describe('lazy libraries', () => {
    const files = sources(path.join(ROOT, 'packages'));

    it('are never imported statically (type-only imports are erased)', () => {
        const offenders = files.flatMap(file =>
            [...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)]
                .filter(m => HEAVY.includes(m[1]!))
                .map(m => `${path.relative(ROOT, file)} → ${m[1]}`)
        );
        expect(offenders).toEqual([]);
    });

    it('are not imported at all by the browser-safe core', () => {
        const core = files.filter(f => f.includes(`${path.sep}evaluation${path.sep}src${path.sep}`) && !f.includes(`${path.sep}node${path.sep}`));
        const offenders = core.filter(file => HEAVY.some(lib => readFileSync(file, 'utf8').includes(`'${lib}'`)));
        expect(offenders).toEqual([]);
    });

    it('are dynamic imports in the batch layer', () => {
        const batch = files
            .filter(f => f.includes(`${path.sep}node${path.sep}batch${path.sep}`))
            .map(f => readFileSync(f, 'utf8'))
            .join('\n');
        for (const lib of ['exceljs', 'csv-parse/sync', 'iconv-lite', 'handlebars', 'cli-progress']) expect(batch).toContain(`await import('${lib}')`);
    });
});
