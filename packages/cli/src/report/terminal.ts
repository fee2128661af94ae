import type { Line, Style } from '@ntm/evaluation';
import { printable } from '@ntm/evaluation';

// Every line the CLI prints is made printable (pack text cannot forge output); colour is added after, only to
// the parts a report marks (verdicts, «≠»).
const SGR: Readonly<Record<Style, string>> = {
    pass: '32',
    fail: '31',
    missing: '33',
    'not-applicable': '2',
    differs: '1;35',
    strong: '1',
    dim: '2'
};

/** Colour on a terminal, none when piped or with `NO_COLOR` (https://no-color.org); `FORCE_COLOR` asks for it. */
export function colourFor(stream: NodeJS.WriteStream): boolean {
    if (process.env['NO_COLOR']) return false;
    const forced = process.env['FORCE_COLOR'];
    if (forced !== undefined && forced !== '' && forced !== '0' && forced !== 'false') return true;
    return stream.isTTY === true;
}

/** The terminal's width; when the output is piped, `COLUMNS` if set, otherwise 80. */
export function outputWidth(): number {
    if (process.stdout.isTTY && process.stdout.columns > 0) return process.stdout.columns;
    const columns = Number.parseInt(process.env['COLUMNS'] ?? '', 10);
    return Number.isFinite(columns) && columns > 0 ? columns : 80;
}

function render(line: Line, colour: boolean): string {
    if (typeof line === 'string') return printable(line);
    return line
        .map(({ text, style }) => {
            const shown = printable(text);
            return colour && style && shown !== '' ? `\u001b[${SGR[style]}m${shown}\u001b[0m` : shown;
        })
        .join('');
}

/** Prints lines to stdout. */
export function say(...lines: readonly Line[]): void {
    const colour = colourFor(process.stdout);
    for (const line of lines) process.stdout.write(render(line, colour) + '\n');
}

/** Prints lines to stderr. */
export function complain(...lines: readonly Line[]): void {
    const colour = colourFor(process.stderr);
    for (const line of lines) process.stderr.write(render(line, colour) + '\n');
}

/** Prints a value as JSON: strings in it are escaped by JSON itself, so a pack's text cannot break out. */
export function sayJson(value: unknown): void {
    process.stdout.write(JSON.stringify(value, undefined, 2) + '\n');
}
