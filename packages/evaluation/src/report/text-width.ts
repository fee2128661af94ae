import stringWidth from 'string-width';

/** Columns a text takes in a terminal: Vietnamese combining marks take none, wide characters two. */
export function displayWidth(text: string): number {
    return stringWidth(text.normalize('NFC'));
}

/** Breaks a word wider than `width` into pieces that fit. */
function breakWord(word: string, width: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    for (const char of word) {
        if (piece !== '' && displayWidth(piece + char) > width) {
            pieces.push(piece);
            piece = '';
        }
        piece += char;
    }
    return piece === '' ? pieces : [...pieces, piece];
}

/** Wraps a text at spaces to lines of at most `width` columns (a longer word is broken). Never returns no line. */
export function wrapText(text: string, width: number): string[] {
    const target = Math.max(1, width);
    const lines: string[] = [];
    let line = '';
    for (const word of text.normalize('NFC').split(/ +/)) {
        const pieces = displayWidth(word) > target ? breakWord(word, target) : [word];
        for (const piece of pieces) {
            const candidate = line === '' ? piece : `${line} ${piece}`;
            if (line !== '' && displayWidth(candidate) > target) {
                lines.push(line);
                line = piece;
            } else {
                line = candidate;
            }
        }
    }
    lines.push(line);
    return lines;
}
