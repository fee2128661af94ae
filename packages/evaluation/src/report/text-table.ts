import type { Line, Segment } from './styled.js';
import { printable } from './printable.js';
import { displayWidth, wrapText } from './text-width.js';

/**
 * How a column gives way when the table is wider than the output:
 * - `whole`: never cut or wrapped (labels, verdicts and their `≠`, points);
 * - `wrap`: wrapped to the width it gets (values, requirements);
 * - `notes`: wrapped in place when there is room, otherwise moved under its row, full width.
 */
export type ColumnFit = 'whole' | 'wrap' | 'notes';

export interface Column {
    readonly header: string;
    readonly fit: ColumnFit;
    /** Parts of a cell's line with their meaning, for colour (see styled.ts). */
    readonly paint?: (text: string) => readonly Segment[];
    /** Left out when no row has anything in it (notes, official verdicts the report does not give). */
    readonly dropWhenEmpty?: boolean;
}

/**
 * A cell is one or more paragraphs. Paragraph k of every column starts on the same line, so a requirement's
 * clauses stay beside the values they judge however each is wrapped.
 */
export type Cell = string | readonly string[];

const GAP = 2;
/** Below this, a wrapped column gets too narrow to read. */
const MIN_WRAP = 10;
/** Notes narrower than this are moved under their row. */
const MIN_NOTES = 30;
/** What a value or requirement column asks for before notes get the rest. */
const WRAP_WANTS = 40;
const NOTES_INDENT = 4;

const paragraphsOf = (cell: Cell): string[] =>
    (typeof cell === 'string' ? [cell] : cell.length === 0 ? [''] : [...cell]).map(p => printable(p).normalize('NFC'));

/** A plain-text table sized by display width to `width` columns; no verdict is ever cut. */
export function renderTable(allColumns: readonly Column[], allRows: readonly (readonly Cell[])[], width: number): Line[] {
    const empty = (cell: Cell | undefined) => cell === undefined || (typeof cell === 'string' ? cell === '' : cell.every(p => p === ''));
    const kept = allColumns.flatMap((column, i) => (column.dropWhenEmpty && allRows.every(row => empty(row[i])) ? [] : [i]));
    const columns = kept.map(i => allColumns[i]!);
    const cells = allRows.map(row => kept.map(i => paragraphsOf(row[i] ?? '')));
    const natural = columns.map((column, i) => Math.max(displayWidth(column.header), ...cells.map(row => Math.max(...row[i]!.map(displayWidth)))));
    const widths = [...natural];
    const notesAt = columns.findIndex(c => c.fit === 'notes');
    const wrapAt = columns.flatMap((c, i) => (c.fit === 'wrap' ? [i] : []));
    const fixed = columns.reduce((sum, c, i) => sum + (c.fit === 'whole' ? natural[i]! : 0), 0);
    let notesBelow = false;
    let room = width - fixed - GAP * (columns.length - 1);
    if (notesAt >= 0) {
        const wrapWants = wrapAt.reduce((sum, i) => sum + Math.min(natural[i]!, WRAP_WANTS), 0);
        const left = room - wrapWants;
        if (natural[notesAt]! <= left) {
            room -= natural[notesAt]!;
        } else if (left >= MIN_NOTES) {
            widths[notesAt] = left;
            room -= left;
        } else {
            notesBelow = true;
            room += GAP;
        }
    }
    // Narrow the widest wrapped column, one column of text at a time, until the table fits.
    let total = wrapAt.reduce((sum, i) => sum + widths[i]!, 0);
    while (total > room) {
        const widest = wrapAt.reduce((best, i) => (widths[i]! > widths[best]! ? i : best), wrapAt[0]!);
        if (widest === undefined || widths[widest]! <= MIN_WRAP) break;
        widths[widest]!--;
        total--;
    }
    const shown = columns.flatMap((_, i) => (notesBelow && i === notesAt ? [] : [i]));
    const last = shown[shown.length - 1];
    const layout = (texts: readonly (readonly Segment[])[], at: readonly number[]): Segment[] => {
        const out: Segment[] = [];
        at.forEach((column, k) => {
            const segments = texts[k]!;
            out.push(...segments);
            if (column !== last) {
                const used = segments.reduce((sum, s) => sum + displayWidth(s.text), 0);
                out.push({ text: ' '.repeat(Math.max(0, widths[column]! - used) + GAP) });
            }
        });
        while (out.length > 0 && out[out.length - 1]!.style === undefined && out[out.length - 1]!.text.trim() === '') out.pop();
        return out;
    };
    const paint = (column: number, text: string): readonly Segment[] => (text === '' ? [] : (columns[column]!.paint?.(text) ?? [{ text }]));
    const lines: Line[] = [
        layout(
            shown.map(i => [{ text: columns[i]!.header, style: 'strong' as const }]),
            shown
        ),
        shown.map(i => '─'.repeat(widths[i]!)).join(' '.repeat(GAP))
    ];
    for (const row of cells) {
        const paragraphs = Math.max(...shown.map(i => row[i]!.length));
        for (let p = 0; p < paragraphs; p++) {
            const wrapped = shown.map(i => {
                const text = row[i]![p] ?? '';
                return columns[i]!.fit === 'whole' ? [text] : wrapText(text, widths[i]!);
            });
            const height = Math.max(...wrapped.map(w => w.length));
            for (let h = 0; h < height; h++) {
                lines.push(
                    layout(
                        wrapped.map((w, k) => paint(shown[k]!, w[h] ?? '')),
                        shown
                    )
                );
            }
        }
        if (notesBelow) {
            const notes = row[notesAt]!.filter(n => n !== '').join('; ');
            if (notes !== '') {
                for (const line of wrapText(notes, width - NOTES_INDENT)) lines.push(' '.repeat(NOTES_INDENT) + line);
            }
        }
    }
    return lines;
}
