import type { Node, ParseError } from 'jsonc-parser';
import { getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import { MAX_JSON_DEPTH, normalizeName, shortText, tooDeepMessage } from '@ntm/runtime';
import type { FilePosition } from './file-issue.js';

/** A problem found while reading JSON text, at an offset of the text. */
export interface JsonProblem {
    readonly offset: number;
    readonly path: readonly string[];
    readonly message: string;
}

/**
 * Deeper nesting of `{` and `[` is refused before parsing: a commune file nests five levels, while the
 * parser (and every walk of the tree) recurses once per level and a few thousand overflow the stack. The
 * limit and its message are the runtime's, which refuses a value an app built nested as deep.
 */
export { MAX_JSON_DEPTH };

/** A number as the text writes it: JSON.parse would give a double (`1e400` is Infinity, `1e-400` is 0). */
export interface JsonNumber {
    readonly offset: number;
    readonly path: readonly string[];
    readonly text: string;
}

/**
 * JSON text read with its syntax tree, so that every value can be traced back to its line and column.
 * Analysts' files come from Notepad and Excel: a byte-order mark is accepted; keys written twice are a
 * problem (JSON.parse silently keeps the last one, which would hide a second «ngày đánh giá»).
 * Everything is linear in the size of the text: one walk of the tree, and a position is found through
 * per-object key maps (built on first use) and a binary search over line starts.
 */
export class JsonDocument {
    readonly problems: readonly JsonProblem[];
    /** Every number literal, with the exact text the file writes. */
    readonly numbers: readonly JsonNumber[];
    /** How many keys the text has, at every depth. */
    readonly keyCount: number;
    private readonly root: Node | undefined;
    private readonly lineStarts: number[];
    private readonly keyMaps = new WeakMap<Node, Map<string, Node>>();
    private computed?: { value: unknown };

    constructor(readonly text: string) {
        // A BOM is replaced by a space rather than cut, so that offsets still match the text.
        const body = text.startsWith('\uFEFF') ? ' ' + text.slice(1) : text;
        this.lineStarts = [0];
        for (let i = 0; i < body.length; i++) {
            if (body.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
        }
        const errors: ParseError[] = [];
        const problems: JsonProblem[] = [];
        const tooDeep = body.trim() === '' ? undefined : excessiveNesting(body);
        this.root = body.trim() === '' || tooDeep !== undefined ? undefined : parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
        if (body.trim() === '') {
            problems.push({ offset: 0, path: [], message: 'Tệp rỗng: cần một đối tượng JSON { … }.' });
        } else if (tooDeep !== undefined) {
            problems.push({ offset: tooDeep, path: [], message: tooDeepMessage() });
        } else if (errors.length > 0) {
            const first = errors[0]!;
            const curly = curlyQuoteAt(body, first.offset);
            problems.push(
                curly !== undefined
                    ? {
                          offset: curly,
                          path: [],
                          message: `JSON không hợp lệ: dấu ngoặc kép cong «${body.charAt(curly)}» (chép từ Word): tên trường và chuỗi trong tệp xã viết trong dấu ngoặc kép thẳng "…".`
                      }
                    : { offset: first.offset, path: [], message: `JSON không hợp lệ: ${syntaxErrorText(first)}.` }
            );
        }
        const walk: Walk = { duplicates: [], numbers: [], keys: 0, body, lineOf: offset => this.positionAt(offset).line };
        if (this.root) walkTree(this.root, [], walk);
        this.problems = problems.length > 0 ? problems : walk.duplicates;
        this.numbers = walk.numbers;
        this.keyCount = walk.keys;
    }

    /** The content (keys and texts in NFC), undefined when the text has problems; built on first use. */
    get value(): unknown {
        // Text pasted from Word or saved on a Mac may be in NFD: keys and texts are read in NFC, as meant.
        this.computed ??= { value: this.problems.length === 0 && this.root ? toNfc(getNodeValue(this.root)) : undefined };
        return this.computed.value;
    }

    /** 1-based line and column of an offset. */
    positionAt(offset: number): FilePosition {
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (this.lineStarts[middle]! <= offset) low = middle;
            else high = middle - 1;
        }
        return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
    }

    /**
     * Where the value at `path` is written: the key of the property (so «dòng 12» points at the name an
     * analyst looks for), or, when the path does not exist, the deepest part of it that does.
     */
    positionOf(path: readonly (string | number)[]): FilePosition {
        return this.positionAt(this.offsetOf(path));
    }

    offsetOf(path: readonly (string | number)[]): number {
        if (!this.root) return 0;
        let offset = this.root.offset;
        let node: Node | undefined = this.root;
        for (const part of path) {
            const child = this.childOf(node, part);
            if (!child) break;
            offset = child.parent?.type === 'property' ? child.parent.offset : child.offset;
            node = child;
        }
        return offset;
    }

    /** The value under a key (compared in NFC: a file may be saved in either form) or at an array index. */
    private childOf(node: Node, part: string | number): Node | undefined {
        if (node.type === 'array') {
            return /^\d+$/.test(String(part)) ? node.children?.[Number(part)] : undefined;
        }
        if (node.type !== 'object') return undefined;
        let keys = this.keyMaps.get(node);
        if (!keys) {
            keys = new Map();
            for (const property of node.children ?? []) {
                const key = property.children?.[0]?.value;
                const value = property.children?.[1];
                // The first of keys written twice: where the duplicate problem says the field is.
                if (typeof key === 'string' && value && !keys.has(keyForm(key))) keys.set(keyForm(key), value);
            }
            this.keyMaps.set(node, keys);
        }
        return keys.get(keyForm(String(part)));
    }
}

/**
 * A key as meant: NFC, with any run of blanks (a non-breaking space from Word included) one space, trimmed.
 * `"dữ\u00A0kiện"` in NFD is the field «dữ kiện»; two keys that read the same are a key written twice.
 */
export function keyForm(key: string): string {
    return normalizeName(key);
}

/** The offset of the first `{` or `[` deeper than MAX_JSON_DEPTH, outside strings; undefined when there is none. */
function excessiveNesting(text: string): number | undefined {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 92)
                i++; // backslash: the next character is escaped
            else if (c === 34) inString = false;
        } else if (c === 34) {
            inString = true;
        } else if (c === 123 || c === 91) {
            if (++depth > MAX_JSON_DEPTH) return i;
        } else if (c === 125 || c === 93) {
            depth--;
        }
    }
    return undefined;
}

/** The curly quote a syntax error at `offset` stumbled on (at it, or just before, as the parser reports it). */
function curlyQuoteAt(text: string, offset: number): number | undefined {
    for (let i = offset; i >= Math.max(0, offset - 2); i--) {
        if (/[“”„‟]/u.test(text.charAt(i))) return i;
    }
    return undefined;
}

function toNfc(value: unknown): unknown {
    if (typeof value === 'string') return value.normalize('NFC');
    if (Array.isArray(value)) return value.map(toNfc);
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, entry]) => [keyForm(key), toNfc(entry)]));
    }
    return value;
}

interface Walk {
    readonly duplicates: JsonProblem[];
    readonly numbers: JsonNumber[];
    keys: number;
    readonly body: string;
    readonly lineOf: (offset: number) => number;
}

/** One walk of the tree: keys written twice, number literals, and how many keys there are. */
function walkTree(node: Node, path: readonly string[], walk: Walk): void {
    if (node.type === 'object') {
        const seen = new Map<string, Node>();
        for (const property of node.children ?? []) {
            walk.keys++;
            const keyNode = property.children?.[0];
            const valueNode = property.children?.[1];
            if (!keyNode || typeof keyNode.value !== 'string') continue;
            const key = keyForm(keyNode.value);
            const earlier = seen.get(key);
            if (earlier) {
                walk.duplicates.push({
                    offset: keyNode.offset,
                    path: [...path, key],
                    message: `Trường «${shortText(key)}» được ghi hai lần (dòng ${walk.lineOf(earlier.offset)} và dòng ${walk.lineOf(keyNode.offset)}): giữ một lần, với giá trị đúng.`
                });
            } else {
                seen.set(key, keyNode);
            }
            if (valueNode) walkTree(valueNode, [...path, key], walk);
        }
    } else if (node.type === 'array') {
        (node.children ?? []).forEach((child, index) => walkTree(child, [...path, String(index)], walk));
    } else if (node.type === 'number') {
        walk.numbers.push({ offset: node.offset, path, text: walk.body.slice(node.offset, node.offset + node.length) });
    }
}

const SYNTAX_ERRORS: Readonly<Record<string, string>> = {
    InvalidSymbol: 'ký tự không hợp lệ',
    InvalidNumberFormat: 'số viết sai',
    PropertyNameExpected: 'thiếu tên trường',
    ValueExpected: 'thiếu giá trị',
    ColonExpected: 'thiếu dấu hai chấm',
    CommaExpected: 'thiếu dấu phẩy',
    CloseBraceExpected: 'thiếu dấu }',
    CloseBracketExpected: 'thiếu dấu ]',
    EndOfFileExpected: 'có nội dung thừa sau dấu } cuối',
    InvalidCommentToken: 'JSON không cho phép chú thích',
    UnexpectedEndOfComment: 'chú thích chưa đóng',
    UnexpectedEndOfString: 'chuỗi chưa đóng dấu ngoặc kép',
    UnexpectedEndOfNumber: 'số viết dở',
    InvalidUnicode: 'mã Unicode sai',
    InvalidEscapeCharacter: 'ký tự thoát sai',
    InvalidCharacter: 'ký tự không hợp lệ trong chuỗi'
};

function syntaxErrorText(error: ParseError): string {
    const code = printParseErrorCode(error.error);
    return SYNTAX_ERRORS[code] ?? code;
}
