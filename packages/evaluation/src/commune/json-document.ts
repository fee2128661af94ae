import type { Node, ParseError } from 'jsonc-parser';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { FilePosition } from './file-issue.js';

/** A problem found while reading JSON text, at an offset of the text. */
export interface JsonProblem {
    readonly offset: number;
    readonly path: readonly string[];
    readonly message: string;
}

/**
 * JSON text read with its syntax tree, so that every value can be traced back to its line and column.
 * Analysts' files come from Notepad and Excel: a byte-order mark is accepted; keys written twice are a
 * problem (JSON.parse silently keeps the last one, which would hide a second «ngày đánh giá»).
 */
export class JsonDocument {
    readonly value: unknown;
    readonly problems: readonly JsonProblem[];
    private readonly root: Node | undefined;
    private readonly lineStarts: number[];

    constructor(readonly text: string) {
        // A BOM is replaced by a space rather than cut, so that offsets still match the text.
        const body = text.startsWith('\uFEFF') ? ' ' + text.slice(1) : text;
        this.lineStarts = [0];
        for (let i = 0; i < body.length; i++) {
            if (body.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
        }
        const errors: ParseError[] = [];
        const problems: JsonProblem[] = [];
        this.root = body.trim() === '' ? undefined : parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
        if (body.trim() === '') {
            problems.push({ offset: 0, path: [], message: 'Tệp rỗng: cần một đối tượng JSON { … }.' });
        } else if (errors.length > 0) {
            const first = errors[0]!;
            problems.push({ offset: first.offset, path: [], message: `JSON không hợp lệ: ${syntaxErrorText(first)}.` });
        }
        if (problems.length === 0 && this.root) {
            collectDuplicateKeys(this.root, [], problems, offset => this.positionAt(offset).line);
        }
        this.problems = problems;
        // Text pasted from Word or saved on a Mac may be in NFD: keys and texts are read in NFC, as meant.
        this.value = problems.length === 0 && this.root ? toNfc(getNodeValue(this.root)) : undefined;
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
        for (let length = path.length; length >= 0; length--) {
            const node = findNodeAtLocation(this.root, normalizePath(this.root, path.slice(0, length)));
            if (!node) continue;
            const property = node.parent?.type === 'property' ? node.parent : undefined;
            return property ? property.offset : node.offset;
        }
        return this.root.offset;
    }
}

function toNfc(value: unknown): unknown {
    if (typeof value === 'string') return value.normalize('NFC');
    if (Array.isArray(value)) return value.map(toNfc);
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key.normalize('NFC'), toNfc(entry)]));
    }
    return value;
}

/** Keys of the file compare in NFC (a file may be saved in either form): use the key as the file writes it. */
function normalizePath(root: Node, path: readonly (string | number)[]): (string | number)[] {
    const out: (string | number)[] = [];
    let node: Node | undefined = root;
    for (const part of path) {
        if (node?.type === 'object' && typeof part === 'string') {
            const wanted = part.normalize('NFC');
            const property: Node | undefined = node.children?.find(p => typeof p.children?.[0]?.value === 'string' && (p.children[0].value as string).normalize('NFC') === wanted);
            const key = property?.children?.[0]?.value as string | undefined;
            out.push(key ?? part);
            node = property?.children?.[1];
        } else if (node?.type === 'array' && /^\d+$/.test(String(part))) {
            out.push(Number(part));
            node = node.children?.[Number(part)];
        } else {
            out.push(part);
            node = undefined;
        }
    }
    return out;
}

function collectDuplicateKeys(node: Node, path: readonly string[], problems: JsonProblem[], lineOf: (offset: number) => number): void {
    if (node.type === 'object') {
        const seen = new Map<string, Node>();
        for (const property of node.children ?? []) {
            const keyNode = property.children?.[0];
            const valueNode = property.children?.[1];
            if (!keyNode || typeof keyNode.value !== 'string') continue;
            const key = keyNode.value.normalize('NFC');
            const earlier = seen.get(key);
            if (earlier) {
                problems.push({
                    offset: keyNode.offset, path: [...path, key],
                    message: `Trường «${key}» được ghi hai lần (dòng ${lineOf(earlier.offset)} và dòng ${lineOf(keyNode.offset)}): giữ một lần, với giá trị đúng.`
                });
            } else {
                seen.set(key, keyNode);
            }
            if (valueNode) collectDuplicateKeys(valueNode, [...path, key], problems, lineOf);
        }
    } else if (node.type === 'array') {
        (node.children ?? []).forEach((child, index) => collectDuplicateKeys(child, [...path, String(index)], problems, lineOf));
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
