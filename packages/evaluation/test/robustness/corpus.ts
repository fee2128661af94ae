import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Where the real packs are: the rule sets, the documentation's examples and the language's test resources. */
const SOURCES = ['rulesets', 'docs/examples', 'packages/language/test/resources'];

export interface CorpusPack {
    /** Relative to the repository, with `/`: part of what a seed reproduces. */
    readonly file: string;
    readonly text: string;
}

/** Every real pack, sorted by path so that a seed picks the same one on every machine. */
export function readCorpus(): CorpusPack[] {
    const files = SOURCES.flatMap(source => ntmFilesUnder(path.join(REPO, source)));
    return files
        .map(file => path.relative(REPO, file).split(path.sep).join('/'))
        .sort()
        .map(file => ({ file, text: withoutTestMarkers(readFileSync(path.join(REPO, file), 'utf8')) }));
}

function ntmFilesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) return ntmFilesUnder(full);
        return entry.endsWith('.ntm') ? [full] : [];
    });
}

/**
 * A test resource without its `»…«` range markers (outside strings and comments), so that its mutants reach
 * linking and validation instead of stopping at the markers; elsewhere the text is unchanged.
 */
export function withoutTestMarkers(text: string): string {
    if (!text.includes('$TEST$')) return text;
    return text
        .split('\n')
        .map(line => {
            let out = '';
            let inString = false;
            for (let i = 0; i < line.length; i++) {
                const char = line[i]!;
                if (!inString && char === '/' && line[i + 1] === '/') return out + line.slice(i);
                if (char === '"') inString = !inString;
                if (inString || (char !== '»' && char !== '«')) out += char;
            }
            return out;
        })
        .join('\n');
}
