/**
 * A line of output as parts with a meaning (a verdict, a difference), so colour is added by `say` after the
 * text is made printable: pack text can never carry an escape sequence of its own to the terminal.
 */
export type Style = 'pass' | 'fail' | 'missing' | 'not-applicable' | 'differs' | 'strong' | 'dim';

export interface Segment {
    readonly text: string;
    readonly style?: Style;
}

/** A plain string, or parts of which some are styled. */
export type Line = string | readonly Segment[];

/** The style of a verdict word: đạt, chưa đạt, thiếu dữ liệu, không áp dụng (in any case). */
export function verdictStyle(verdict: string): Style | undefined {
    switch (verdict.normalize('NFC').toLowerCase()) {
        case 'đạt':
            return 'pass';
        case 'chưa đạt':
            return 'fail';
        case 'thiếu dữ liệu':
            return 'missing';
        case 'không áp dụng':
            return 'not-applicable';
        default:
            return undefined;
    }
}

/** «chưa đạt ≠»: the verdict in its colour, the mark of a difference from the official verdict in its own. */
export function verdictSegments(text: string): Segment[] {
    const differs = text.endsWith(' ≠');
    const verdict = differs ? text.slice(0, -2) : text;
    const style = verdictStyle(verdict);
    return [style ? { text: verdict, style } : { text: verdict }, ...(differs ? [{ text: ' ' }, { text: '≠', style: 'differs' as const }] : [])];
}

export function plainText(line: Line): string {
    return typeof line === 'string' ? line : line.map(s => s.text).join('');
}
