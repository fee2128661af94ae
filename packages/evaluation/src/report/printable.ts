/**
 * Pack and commune texts are the analyst's (or anyone's) input: a newline, a carriage return or an escape
 * sequence in a title must not print a fake «0 lỗi» line or move the cursor. Every text report escapes such
 * characters before it is measured or shown; colour, if any, is added afterwards by the tool that prints.
 */
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

export function printable(line: string): string {
    return line.replace(CONTROL, char => {
        switch (char) {
            case '\n':
                return '\\n';
            case '\r':
                return '\\r';
            default:
                return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
        }
    });
}
