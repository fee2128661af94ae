import { printable } from './terminal.js';

/** A plain-text table that lines up Vietnamese text (measured in NFC characters). */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], maxWidths: readonly number[]): string[] {
    const clip = (text: string, width: number): string => {
        const chars = [...text.normalize('NFC')];
        return chars.length <= width ? text.normalize('NFC') : chars.slice(0, Math.max(0, width - 1)).join('') + '…';
    };
    const cells = [header, ...rows].map(row => row.map((cell, i) => clip(printable(cell), maxWidths[i] ?? Infinity)));
    const widths = header.map((_, i) => Math.max(...cells.map(row => [...(row[i] ?? '')].length)));
    const line = (row: readonly string[]) => row.map((cell, i) => i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)).join('  ').trimEnd();
    const rule = widths.map(w => '─'.repeat(w)).join('  ');
    return [line(cells[0]!), rule, ...cells.slice(1).map(line)];
}
