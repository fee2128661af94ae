import { DISCREPANCY_CAUSE_LABELS } from '@ntm/evaluation';
import type { RunSamplesResult, SampleCheckResult, SampleRunResult } from '../protocol.js';
import { statusText } from './render.js';
import type { CommuneFile } from './sample-file.js';
import { normalizeUri } from './uris.js';

/** `pass`: matches; `known`: a declared difference; `fail`: does not pass the test. */
export type DecorationKind = 'pass' | 'known' | 'fail';

/** Text shown at the end of a line after a run. */
export interface LineDecoration {
    readonly line: number;
    readonly text: string;
    readonly kind: DecorationKind;
    /** Shown on hover: the difference and its explanation. */
    readonly hover: string;
}

function kindOf(check: SampleCheckResult): DecorationKind {
    return !check.passed ? 'fail' : check.status === 'match' ? 'pass' : 'known';
}

function hoverOf(check: SampleCheckResult): string {
    return [
        `Chính thức: ${check.official ?? '—'} · Máy: ${check.computed ?? '—'} · ${statusText(check)}`,
        ...(check.cause ? [`Nguyên nhân: ${DISCREPANCY_CAUSE_LABELS[check.cause] ?? check.cause}`] : []),
        ...(check.explanation ? [`Giải thích: ${check.explanation}`] : []),
        ...check.detail
    ].join('\n\n');
}

function worst(kinds: DecorationKind[]): DecorationKind {
    return kinds.includes('fail') ? 'fail' : kinds.includes('known') ? 'known' : 'pass';
}

const SYMBOL: Record<DecorationKind, string> = { pass: '✓', known: '≈', fail: '✗' };

/** On a sample commune: the computed verdict next to each official one. */
export function communeDecorations(file: CommuneFile, sample: SampleRunResult): LineDecoration[] {
    const decorations: LineDecoration[] = [];
    for (const expected of file.expected) {
        const check = sample.checks.find(c => c.level === expected.level && c.label === expected.label);
        if (!check) continue;
        const kind = kindOf(check);
        const status = kind === 'pass' ? '' : ` (${statusText(check)})`;
        decorations.push({
            line: expected.position.line,
            text: `${SYMBOL[kind]} máy: ${check.computed ?? '—'}${status}`,
            kind,
            hover: hoverOf(check)
        });
    }
    return decorations;
}

/**
 * On packs: each sample's computed verdict next to the criterion or indicator it concerns, at the place the
 * server located from the syntax tree — the pack's own `thay chỉ tiêu …` line, or the base pack's line for
 * an inherited indicator. Keyed by document URI (normalised), then sorted by line.
 */
export function packDecorations(result: RunSamplesResult): Map<string, LineDecoration[]> {
    const byDocument = new Map<string, Map<number, { parts: string[]; kinds: DecorationKind[]; hovers: string[] }>>();
    const many = result.samples.length > 1;
    for (const sample of result.samples) {
        for (const check of sample.checks) {
            if ((check.level !== 'indicator' && check.level !== 'criterion') || !check.location) continue;
            const uri = normalizeUri(check.location.uri);
            const line = check.location.range.start.line;
            const lines = byDocument.get(uri) ?? new Map();
            byDocument.set(uri, lines);
            const kind = kindOf(check);
            const entry = lines.get(line) ?? { parts: [], kinds: [], hovers: [] };
            const who = many && sample.commune ? `${sample.commune}: ` : '';
            entry.parts.push(`${who}${SYMBOL[kind]} ${check.computed ?? '—'}`);
            entry.kinds.push(kind);
            entry.hovers.push(`${many && sample.commune ? `**${sample.commune}** — ` : ''}${hoverOf(check)}`);
            lines.set(line, entry);
        }
    }
    return new Map(
        [...byDocument].map(([uri, lines]) => [
            uri,
            [...lines.entries()]
                .sort(([a], [b]) => a - b)
                .map(([line, entry]) => ({ line, text: `máy: ${entry.parts.join(' · ')}`, kind: worst(entry.kinds), hover: entry.hovers.join('\n\n---\n\n') }))
        ])
    );
}
