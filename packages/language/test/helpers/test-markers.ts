/**
 * Reads a test resource: `// $TEST$ …` comment lines (kept in the text, they are comments) and `»…«` markers
 * around the ranges those comments are about (removed before parsing). The n-th comment belongs to the n-th
 * marker, counted by where the marker opens. Markers inside strings and `//` comments are plain text.
 */

export class InvalidTestFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'InvalidTestFileError';
    }
}

export interface MarkedRange {
    /** Offsets into the text with the markers removed; `end` is exclusive. */
    readonly start: number;
    readonly end: number;
}

export interface TestComment {
    /** What follows `$TEST$`, trimmed. */
    readonly body: string;
    /** 1-based line of the comment in the resource, for error messages. */
    readonly line: number;
}

export interface MarkedResource {
    /** The resource without its `»` and `«` markers: the text that is parsed. */
    readonly text: string;
    readonly comments: readonly TestComment[];
    readonly ranges: readonly MarkedRange[];
}

export const OPEN_MARKER = '»';
export const CLOSE_MARKER = '«';

const TEST_COMMENT = /^[ \t]*\/\/[ \t]*\$TEST\$(.*)$/;

/**
 * Splits the source on markers and test comments; throws InvalidTestFileError when they do not pair up.
 * Markers are not read inside strings or `//` comments, so prose and quoted text may use «…» freely.
 */
export function readMarkedResource(source: string): MarkedResource {
    const comments: TestComment[] = [];
    const ranges: MarkedRange[] = [];
    const open: Array<{ start: number; line: number }> = [];
    let text = '';
    let inString = false;
    let inBlockComment = false;
    const lines = source.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g) ?? [];
    lines.forEach((rawLine, index) => {
        const lineNumber = index + 1;
        const content = rawLine.replace(/(\r\n|\r|\n)$/, '');
        const comment = inString || inBlockComment ? null : TEST_COMMENT.exec(content);
        if (comment) {
            comments.push({ body: (comment[1] ?? '').trim(), line: lineNumber });
            text += rawLine;
            return;
        }
        if (content.includes('$TEST$') && !inString && !inBlockComment) {
            throw new InvalidTestFileError(`Line ${lineNumber}: a $TEST$ comment must stand alone on its line ("// $TEST$ …").`);
        }
        const chars = [...rawLine];
        for (let i = 0; i < chars.length; i++) {
            const char = chars[i]!;
            if (!inString && !inBlockComment && char === '/' && chars[i + 1] === '/') {
                text += chars.slice(i).join('');
                break;
            }
            if (!inString && (inBlockComment ? char === '*' : char === '/') && chars[i + 1] === (inBlockComment ? '/' : '*')) {
                inBlockComment = !inBlockComment;
                text += char + chars[i + 1];
                i++;
                continue;
            }
            if (char === '"' && !inBlockComment) {
                inString = !inString;
            } else if (inString && char === '\\') {
                text += char + (chars[i + 1] ?? '');
                i++;
                continue;
            }
            if (!inString && char === OPEN_MARKER) {
                open.push({ start: text.length, line: lineNumber });
            } else if (!inString && char === CLOSE_MARKER) {
                const start = open.pop();
                if (!start) {
                    throw new InvalidTestFileError(`Line ${lineNumber}: closing marker ${CLOSE_MARKER} without an opening ${OPEN_MARKER}.`);
                }
                ranges.push({ start: start.start, end: text.length });
            } else {
                text += char;
            }
        }
    });
    const unclosed = open[0];
    if (unclosed) {
        throw new InvalidTestFileError(`Line ${unclosed.line}: opening marker ${OPEN_MARKER} is never closed.`);
    }
    if (comments.length === 0) {
        throw new InvalidTestFileError('The file has no $TEST$ comment, so it tests nothing.');
    }
    if (comments.length !== ranges.length) {
        throw new InvalidTestFileError(
            `The file has ${comments.length} $TEST$ comments but ${ranges.length} marked ranges; each comment needs exactly one »…«.`
        );
    }
    // Nested markers close inner-first; pair comments with markers in the order the markers open.
    ranges.sort((a, b) => a.start - b.start || b.end - a.end);
    return { text, comments, ranges };
}
