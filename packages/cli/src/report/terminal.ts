/**
 * What reaches the terminal. Pack and commune texts are the analyst's (or anyone's) input: a newline, a
 * carriage return or an escape sequence in a title must not print a fake «0 lỗi» line or move the cursor.
 * Every line the CLI prints goes through `printable`, which shows such characters escaped.
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

/** Prints lines to stdout, each made printable. */
export function say(...lines: readonly string[]): void {
    for (const line of lines) process.stdout.write(printable(line) + '\n');
}

/** Prints lines to stderr, each made printable. */
export function complain(...lines: readonly string[]): void {
    for (const line of lines) process.stderr.write(printable(line) + '\n');
}

/** Prints a value as JSON: strings in it are escaped by JSON itself, so a pack's text cannot break out. */
export function sayJson(value: unknown): void {
    process.stdout.write(JSON.stringify(value, undefined, 2) + '\n');
}
