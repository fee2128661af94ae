import type { Line, Segment, Style } from './styled.js';
import { printable } from './printable.js';
import { displayWidth } from './text-width.js';

interface Span {
    readonly from: number;
    readonly to: number;
    readonly style?: Style;
}

/**
 * A long line wrapped at spaces to the output width with a hanging indent, each part keeping its style.
 * Text is made printable before it is measured, so an escaped control character counts as it is shown.
 */
export function wrapLine(line: Line, width: number, indent = 4): Line[] {
    const segments: readonly Segment[] = typeof line === 'string' ? [{ text: line }] : line;
    let text = '';
    const spans: Span[] = [];
    for (const segment of segments) {
        const part = printable(segment.text).normalize('NFC');
        spans.push({ from: text.length, to: text.length + part.length, ...(segment.style ? { style: segment.style } : {}) });
        text += part;
    }
    if (displayWidth(text) <= width) return [typeof line === 'string' ? text : line];
    const lead = /^ */.exec(text)![0].length;
    // Greedy breaks at spaces: [from, to) of each output line in `text`.
    const breaks: [number, number][] = [];
    let start = lead;
    let end = lead;
    let used = lead;
    for (const match of text.slice(lead).matchAll(/\S+/g)) {
        const from = lead + match.index!;
        const to = from + match[0].length;
        const size = displayWidth(match[0]);
        if (end > start && used + 1 + size > width) {
            breaks.push([start, end]);
            start = from;
            used = indent + size;
        } else {
            used += (end > start ? 1 : 0) + size;
        }
        end = to;
    }
    breaks.push([start, end]);
    return breaks.map(([from, to], n) => {
        const pad = n === 0 ? lead : indent;
        const parts: Segment[] = [{ text: ' '.repeat(pad) }];
        for (const span of spans) {
            const a = Math.max(from, span.from);
            const b = Math.min(to, span.to);
            if (a < b) parts.push(span.style ? { text: text.slice(a, b), style: span.style } : { text: text.slice(a, b) });
        }
        return parts.every(p => !p.style) ? parts.map(p => p.text).join('') : parts;
    });
}
