// Where re-validation time goes, in this process: for the two 2,000-line packs (and any packs named on the
// command line), the text after a one-character edit is lexed, parsed, indexed, scoped, linked and validated
// as the language server does it (a document updated in place, `DocumentBuilder.update`), with each phase
// timed (CPU time of this process, all threads), and validation split by check (wall clock). Figures are medians
// over the rounds, in milliseconds; `os.loadavg()` is printed, since other processes inflate the wall clock.
//
//   node bench/lsp/phases.js [--rounds N] [--update-only] [pack.ntm …]

import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { syntheticPack } from '../lib/synthetic.js';
import { haNamDerivedPack } from './ha-nam-derived.js';
import { median } from './stats.js';
import { toggledThreshold } from './edits.js';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 15;
// --update-only: no separate lexing and parsing of each text (for a CPU profile of the update alone).
const UPDATE_ONLY = args.includes('--update-only') && Boolean(args.splice(args.indexOf('--update-only'), 1));

const langium = await import('langium');
const { ValidationRegistry, DocumentState, URI, TextDocument } = langium;

// Every check is timed by its registered name (`Type.check`): the registry is patched before the services exist.
const checkTimes = new Map();
const register = ValidationRegistry.prototype.register;
ValidationRegistry.prototype.register = function (checks, thisObj, category) {
    const timedChecks = {};
    for (const [type, list] of Object.entries(checks)) {
        timedChecks[type] = (Array.isArray(list) ? list : [list]).map((check, i) => {
            const key = `${type}.${check.name || i}`;
            return function (...params) {
                const start = performance.now();
                try {
                    return check.apply(this, params);
                } finally {
                    checkTimes.set(key, (checkTimes.get(key) ?? 0) + performance.now() - start);
                }
            };
        });
    }
    return register.call(this, timedChecks, thisObj, category);
};

const { createNtmCoreServices } = await import('@ntm/language');
const { shared, Ntm } = createNtmCoreServices();
const builder = shared.workspace.DocumentBuilder;
const documents = shared.workspace.LangiumDocuments;

// Phase boundaries: the builder reports each state reached by the documents of a build.
let marks = [];
/** CPU time of this process (all its threads), in ms: far less sensitive to other processes than the wall clock. */
const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
};
for (const state of [
    DocumentState.IndexedContent,
    DocumentState.ComputedScopes,
    DocumentState.Linked,
    DocumentState.IndexedReferences,
    DocumentState.Validated
]) {
    builder.onBuildPhase(state, () => {
        marks.push([state, performance.now(), cpu()]);
    });
}
const PHASES = ['parse', 'index', 'scopes', 'link', 'index refs', 'validate'];

/** The texts the editor would hold: one per round, alternately edited and restored. */
async function measure(name, text) {
    const uri = URI.parse(`file:///bench/${encodeURIComponent(name)}.ntm`);
    let current = TextDocument.create(uri.toString(), 'ntm', 1, text);
    // Documents read their text from the editor's buffer, as in the language server.
    const buffers = new Map([[uri.toString(), current]]);
    shared.workspace.LangiumDocumentFactory.textDocuments = { get: key => buffers.get(key), all: () => [...buffers.values()] };
    const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(current, uri);
    documents.addDocument(document);
    await builder.build([document], { validation: true });
    const rows = [];
    const lexer = Ntm.parser.Lexer;
    const parser = Ntm.parser.LangiumParser;
    for (let round = 1; round <= ROUNDS; round++) {
        const variant = toggledThreshold(text, round);
        const lexStart = performance.now();
        if (!UPDATE_ONLY) lexer.tokenize(variant);
        const lexMs = performance.now() - lexStart;
        const parseStart = performance.now();
        if (!UPDATE_ONLY) parser.parse(variant);
        const parseOnlyMs = performance.now() - parseStart;

        current = TextDocument.create(uri.toString(), 'ntm', round + 1, variant);
        buffers.set(uri.toString(), current);
        checkTimes.clear();
        marks = [];
        const start = performance.now();
        const startCpu = cpu();
        // `update` re-parses the document in place, then runs every phase on it and on what it affects.
        let parsedCpu;
        const off = builder.onDocumentPhase(DocumentState.Parsed, () => {
            parsedCpu ??= cpu();
        });
        await builder.update([uri], []);
        off.dispose();
        const end = performance.now();
        const endCpu = cpu();
        const times = [parsedCpu, ...PHASES.slice(1).map((_, i) => marks[i]?.[2])];
        const phaseMs = {};
        let previous = startCpu;
        PHASES.forEach((phase, i) => {
            const at = times[i] ?? previous;
            phaseMs[phase] = at - previous;
            previous = at;
        });
        rows.push({
            totalMs: end - start,
            totalCpuMs: endCpu - startCpu,
            lexMs,
            parseOnlyMs,
            phaseMs,
            checks: new Map(checkTimes),
            diagnostics: document.diagnostics?.length ?? 0
        });
    }
    documents.deleteDocument(uri);
    return rows;
}

function report(name, text, rows) {
    const ms = v => `${v.toFixed(1)}`.padStart(7);
    console.log(`\n${name} (${text.split('\n').length} lines), ${rows.length} edits, median ms:`);
    console.log(
        `  whole update ${ms(median(rows.map(r => r.totalMs)))} wall, ${ms(median(rows.map(r => r.totalCpuMs)))} CPU   (lexing alone ${ms(median(rows.map(r => r.lexMs)))}, lexing + parsing alone ${ms(median(rows.map(r => r.parseOnlyMs)))})`
    );
    console.log(`  CPU by phase: ${PHASES.map(p => `${p} ${median(rows.map(r => r.phaseMs[p])).toFixed(1)}`).join(' | ')}`);
    const keys = [...new Set(rows.flatMap(r => [...r.checks.keys()]))];
    const checks = keys
        .map(key => [key, median(rows.map(r => r.checks.get(key) ?? 0))])
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8);
    console.log(`  slowest checks: ${checks.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    console.log(`  diagnostics: ${rows.at(-1).diagnostics}`);
}

const packs =
    args.length > 0
        ? args.map(file => [path.basename(file), readFileSync(file, 'utf8')])
        : [
              ['tổng hợp (syntheticPack(74))', syntheticPack(74)],
              ['từ bộ Hà Nam (haNamDerivedPack())', haNamDerivedPack()]
          ];
console.log(
    `load average ${os
        .loadavg()
        .map(v => v.toFixed(2))
        .join(' ')} on ${os.cpus().length} CPUs`
);
for (const [name, text] of packs) {
    // A first pass warms the JIT; its figures are dropped.
    await measure(name, text);
    report(name, text, await measure(name, text));
}
