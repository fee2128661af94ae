// Sources a reader can find: packs and sample communes cite documents by their public identity (number,
// issuer, date, title, section; a web page by its address), never by a file outside the repository —
// the research notes (`shared/…`, `criteria.md`, `extract 003 §6.1`) and the seed files (`seed 001`,
// `001_e2497b7e4a12d0b6.txt`) that a user of the repository cannot open.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every pack and commune file a user reads: the real ones and the documentation's. */
function citedFiles(): string[] {
    const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap(name => {
            const full = path.join(dir, name);
            return statSync(full).isDirectory() ? walk(full) : /\.(ntm|json)$/.test(name) ? [full] : [];
        });
    return ['rulesets', 'examples', 'docs/examples', 'docs/vi-du-loi'].flatMap(dir => walk(path.join(root, dir)));
}

const UNREACHABLE: readonly [string, RegExp][] = [
    ['a path into shared/', /\bshared\//u],
    ['the research notes criteria.md', /criteria\.md/u],
    ['an analysis extract', /\bextracts?[ /]\d{3}\b/u],
    ['a seed document', /\bseed\s+\d{3}\b/u],
    ['a seed file name', /\b\d{3}_[0-9a-f]{16}\.txt\b/u]
];

/** Every place a file cites something unreachable, as `file:line: what: text`. */
function unreachableCitations(file: string, text: string): string[] {
    return text
        .split('\n')
        .flatMap((line, i) =>
            UNREACHABLE.filter(([, pattern]) => pattern.test(line)).map(
                ([what]) => `${path.relative(root, file)}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`
            )
        );
}

describe('citations in packs and samples', () => {
    it('finds the files it checks', () => {
        const files = citedFiles().map(f => path.relative(root, f));
        expect(files).toContain(path.join('rulesets', 'quoc-gia', '318-xa-ntm.ntm'));
        expect(files).toContain(path.join('examples', 'ha-nam', 'liem-can-2024.json'));
    });

    it('recognises each kind of unreachable citation', () => {
        const sample = [
            '// phân tích ở shared/domain/extracts/003.md',
            '// (criteria.md §2)',
            '"(extract 000 §6.1 mục 4)"',
            '"trích qua kế hoạch (seed 003)"',
            '(seed 001_e2497b7e4a12d0b6.txt)',
            '// báo cáo thẩm tra Liêm Cần 2024, mục 4.1'
        ].join('\n');
        expect(unreachableCitations(path.join(root, 'x.ntm'), sample).map(line => line.split(': ')[1])).toEqual([
            'a path into shared/',
            'an analysis extract',
            'the research notes criteria.md',
            'an analysis extract',
            'a seed document',
            'a seed file name'
        ]);
    });

    it('cites no file outside the repository in rulesets/, examples/, docs/examples/ or docs/vi-du-loi/', () => {
        const found = citedFiles().flatMap(file => unreachableCitations(file, readFileSync(file, 'utf8')));
        expect(found).toEqual([]);
    });
});
