// Edits of a pack as an analyst makes them, for the language-server benchmarks.

/** A one-character edit that keeps the pack valid: the first digit of a threshold changes and back. */
export function toggledThreshold(text, round) {
    const match = /(>=|<=|>|<) (\d)/u.exec(text);
    if (!match) return text + (round % 2 ? ' ' : '');
    const at = match.index + match[1].length + 1;
    const digit = round % 2 ? String((Number(match[2]) + 1) % 10) : match[2];
    return text.slice(0, at) + digit + text.slice(at + 1);
}

/** Typing: a digit inserted before the first threshold's number (odd rounds), then deleted (even rounds). */
export function typedCharacter(text, round) {
    const match = /(>=|<=|>|<) (\d)/u.exec(text);
    if (!match || round % 2 === 0) return text;
    const at = match.index + match[1].length + 1;
    return `${text.slice(0, at)}1${text.slice(at)}`;
}
