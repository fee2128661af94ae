import type { Line, Style } from './styled.js';

/**
 * What reaches the terminal. Pack and commune texts are the analyst's (or anyone's) input: a newline, a
 * carriage return or an escape sequence in a title must not print a fake «0 lỗi» line or move the cursor.
 * Every line the CLI prints goes through `printable`, which shows such characters escaped; colour is added
 * afterwards, only to the parts of a line the CLI itself marks (see styled.ts).
 */
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

export function printable(line: string): string {
    return line.replace(CONTROL, char => {
        switch (char) {
            case '\n': return '\\n';
            case '\r': return '\\r';
            default: return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
        }
    });
}

const SGR: Readonly<Record<Style, string>> = {
    'pass': '32', 'fail': '31', 'missing': '33', 'not-applicable': '2', 'differs': '1;35', 'strong': '1', 'dim': '2'
};

/**
 * Colour on a terminal, none when the output is piped or `NO_COLOR` is set (https://no-color.org);
 * `FORCE_COLOR` asks for it anyway (for a pager that understands it).
 */
export function colourFor(stream: NodeJS.WriteStream): boolean {
    if (process.env['NO_COLOR']) return false;
    const forced = process.env['FORCE_COLOR'];
    if (forced !== undefined && forced !== '' && forced !== '0' && forced !== 'false') return true;
    return stream.isTTY === true;
}

/**
 * The width tables are laid out for: the terminal's own; when the output is piped, `COLUMNS` if set,
 * otherwise 80 (a file or a pager read at any width still shows every verdict whole).
 */
export function outputWidth(): number {
    if (process.stdout.isTTY && process.stdout.columns > 0) return process.stdout.columns;
    const columns = Number.parseInt(process.env['COLUMNS'] ?? '', 10);
    return Number.isFinite(columns) && columns > 0 ? columns : 80;
}

function render(line: Line, colour: boolean): string {
    if (typeof line === 'string') return printable(line);
    return line.map(segment => {
        const text = printable(segment.text);
        return colour && segment.style && text !== '' ? `\u001b[${SGR[segment.style]}m${text}\u001b[0m` : text;
    }).join('');
}

/** Prints lines to stdout, each made printable, with colour on a terminal. */
export function say(...lines: readonly Line[]): void {
    const colour = colourFor(process.stdout);
    for (const line of lines) process.stdout.write(render(line, colour) + '\n');
}

/** Prints lines to stderr, each made printable. */
export function complain(...lines: readonly Line[]): void {
    const colour = colourFor(process.stderr);
    for (const line of lines) process.stderr.write(render(line, colour) + '\n');
}

/** Prints a value as JSON: strings in it are escaped by JSON itself, so a pack's text cannot break out. */
export function sayJson(value: unknown): void {
    process.stdout.write(JSON.stringify(value, undefined, 2) + '\n');
}
