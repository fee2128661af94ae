/** A zero-based line and character, as in VS Code and LSP. */
export interface TextPosition {
    readonly line: number;
    readonly character: number;
}

/** Converts offsets of one text to positions. */
export class LineIndex {
    private readonly lineStarts: number[] = [0];

    constructor(text: string) {
        for (let i = 0; i < text.length; i++) {
            if (text[i] === '\n') this.lineStarts.push(i + 1);
        }
    }

    positionAt(offset: number): TextPosition {
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = Math.ceil((low + high) / 2);
            if (this.lineStarts[mid]! <= offset) low = mid;
            else high = mid - 1;
        }
        return { line: low, character: offset - this.lineStarts[low]! };
    }
}

/** The last path segment of a URI or path, decoded: `liem-can-2024.json`. */
export function baseName(uriOrPath: string): string {
    const last = uriOrPath.split(/[\\/]/).pop() ?? uriOrPath;
    try {
        return decodeURIComponent(last);
    } catch {
        return last;
    }
}
