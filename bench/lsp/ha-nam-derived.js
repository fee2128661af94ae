// A 2,000-line pack made from a real one (rulesets/ha-nam/ntm-nang-cao.ntm): the pack as written, then its body
// again — facts, gates and criteria, section by section — with every fact renamed (` khối 2`, ` khối 3`, …) and
// every criterion and indicator label moved on by 100, until the text reaches the wanted number of lines. Unlike
// `syntheticPack`, the rules, comments and long requirement quotes are those analysts write.
//
//   node bench/lsp/ha-nam-derived.js [lines] > pack.ntm

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HA_NAM_PACK = path.join(ROOT, 'rulesets/ha-nam/ntm-nang-cao.ntm');

/** Section banners: a line of `// ===…` opens a section that the next banner line closes. */
const BANNER = /^\/\/ ={20,}$/u;

/**
 * The derived pack: `text` (the Hà Nam pack by default) with copies of its body appended section by section
 * until it has at least `minLines` lines. The header (up to the first section after the scales and breakdowns)
 * is kept once: scales and breakdowns are shared by every copy.
 */
export function haNamDerivedPack(minLines = 2092, text = readFileSync(HA_NAM_PACK, 'utf8')) {
    const lines = text.replace(/\n+$/u, '').split('\n');
    // Banner lines come in pairs around a section's title; a section runs from its opening line to the next one.
    const openings = lines.flatMap((line, i) => (BANNER.test(line) ? [i] : [])).filter((_, k) => k % 2 === 0);
    const firstFact = lines.findIndex(line => /^dữ kiện /u.test(line));
    const bodyOpenings = openings.filter((at, k) => at > firstFact || openings[k + 1] === undefined || openings[k + 1] > firstFact);
    const sections = bodyOpenings.map((at, k) => lines.slice(at, bodyOpenings[k + 1] ?? lines.length));
    const names = [...text.matchAll(/^dữ kiện ([^:=\n]+?)\s*(?::|=)/gmu)].map(m => m[1].trim());
    const out = [...lines];
    for (let copy = 2; out.length < minLines; copy++) {
        for (const section of sections) {
            if (out.length >= minLines) break;
            out.push(...renamed(section.join('\n'), names, copy).split('\n'));
        }
    }
    return `${out.join('\n')}\n`;
}

/** A section with its facts renamed for copy `copy` and its criterion and indicator labels moved on. */
function renamed(section, names, copy) {
    const offset = 100 * (copy - 1);
    // Longest names first, through placeholders, so a name inside a longer one is not renamed twice.
    const ordered = [...new Set(names)].sort((a, b) => b.length - a.length);
    let result = section;
    ordered.forEach((name, i) => {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
        result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), `\u0000${i}\u0000`);
    });
    result = result.replace(/\u0000(\d+)\u0000/gu, (_, i) => `${ordered[Number(i)]} khối ${copy}`);
    return result
        .replace(/^tiêu chí (\d+)/gmu, (_, n) => `tiêu chí ${Number(n) + offset}`)
        .replace(/^( +chỉ tiêu )(\d+)\.(\d+)/gmu, (_, lead, n, m) => `${lead}${Number(n) + offset}.${m}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    process.stdout.write(haNamDerivedPack(process.argv[2] ? Number(process.argv[2]) : undefined));
}
