import type { Node, ParseError } from 'jsonc-parser';
import { getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { SampleCheckLevel } from '../protocol.js';
import type { TextPosition } from './text-position.js';
import { baseName, LineIndex } from './text-position.js';

/** Field names of a commune file (docs/tep-xa.md). */
export const FIELD = {
    commune: 'xã',
    pack: 'bộ tiêu chí',
    facts: 'dữ kiện',
    official: 'kết quả chính thức',
    indicators: 'chỉ tiêu',
    criteria: 'tiêu chí',
    recognition: 'công nhận'
} as const;

/** One official verdict a sample commune expects, where it is written. */
export interface ExpectedVerdict {
    readonly level: SampleCheckLevel;
    /** Indicator or criterion label; «công nhận» for recognition. */
    readonly label: string;
    readonly official: string;
    readonly position: TextPosition;
}

/** A problem in the file, named by file and field, in Vietnamese. */
export interface FileProblem {
    readonly field?: string;
    readonly message: string;
    readonly position: TextPosition;
}

/** `sample`: a commune file with official results; `commune`: one without; `other`: any other JSON. */
export type CommuneFileKind = 'sample' | 'commune' | 'other';

export interface CommuneFile {
    readonly uri: string;
    readonly kind: CommuneFileKind;
    readonly commune?: string;
    /** The pack path as written in «bộ tiêu chí», relative to the commune file. */
    readonly pack?: string;
    readonly expected: readonly ExpectedVerdict[];
    readonly problems: readonly FileProblem[];
}

const START: TextPosition = { line: 0, character: 0 };

/**
 * Reads a commune file as far as the extension needs: is it a sample commune, which verdicts does it
 * expect and where are they written. Tolerant: a malformed file still gives its kind and every problem
 * with file and field, so it can be shown in the Test Explorer without stopping the other samples.
 */
export function readCommuneFile(uri: string, text: string): CommuneFile {
    const lines = new LineIndex(text);
    const file = baseName(uri);
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const problems: FileProblem[] = errors.slice(0, 1).map(error => {
        const position = lines.positionAt(error.offset);
        return {
            message: `${file}, dòng ${position.line + 1}, cột ${position.character + 1}: JSON không hợp lệ (${syntaxErrorText(error)}).`,
            position
        };
    });
    const mentionsOfficial = text.normalize('NFC').includes(`"${FIELD.official}"`);
    if (!root || root.type !== 'object') {
        if (problems.length === 0 && mentionsOfficial) {
            problems.push({ message: `${file}: tệp xã phải là một đối tượng JSON { … }.`, position: START });
        }
        return { uri, kind: mentionsOfficial ? 'sample' : 'other', expected: [], problems };
    }

    const official = property(root, FIELD.official);
    const isCommune = official !== undefined || property(root, FIELD.pack) !== undefined || property(root, FIELD.facts) !== undefined;
    if (!isCommune) {
        return { uri, kind: mentionsOfficial ? 'sample' : 'other', expected: [], problems };
    }
    const problem = (node: Node, field: string, message: string): void => {
        const position = lines.positionAt(node.offset);
        problems.push({ field, message: `${file}, trường «${field}» (dòng ${position.line + 1}): ${message}`, position });
    };

    const commune = stringValue(property(root, FIELD.commune));
    const packNode = property(root, FIELD.pack);
    const pack = stringValue(packNode);
    if (packNode === undefined) {
        problems.push({ field: FIELD.pack, message: `${file}: thiếu trường «${FIELD.pack}» (đường dẫn tới tệp .ntm).`, position: START });
    } else if (pack === undefined) {
        problem(packNode, FIELD.pack, 'phải là đường dẫn tới tệp .ntm, viết trong dấu ngoặc kép.');
    }

    const expected: ExpectedVerdict[] = [];
    if (official !== undefined) {
        if (official.type !== 'object') {
            problem(official, FIELD.official, 'phải là một đối tượng { "chỉ tiêu": …, "tiêu chí": …, "công nhận": … }.');
        } else {
            for (const [key, level] of [[FIELD.indicators, 'chỉ tiêu'], [FIELD.criteria, 'tiêu chí']] as const) {
                const table = property(official, key);
                if (table === undefined) continue;
                const field = `${FIELD.official} › ${key}`;
                if (table.type !== 'object') {
                    problem(table, field, 'phải là một đối tượng { "nhãn": "đạt", … }.');
                    continue;
                }
                for (const entry of table.children ?? []) {
                    const [keyNode, valueNode] = entry.children ?? [];
                    if (!keyNode || !valueNode) continue;
                    const label = String(keyNode.value).normalize('NFC');
                    const verdict = stringValue(valueNode);
                    if (verdict === undefined) {
                        problem(valueNode, `${field} › ${label}`, `kết quả phải là chuỗi như "đạt" hoặc "chưa đạt", không phải ${describe(valueNode)}.`);
                    } else {
                        expected.push({ level, label, official: verdict, position: lines.positionAt(keyNode.offset) });
                    }
                }
            }
            const recognition = property(official, FIELD.recognition);
            if (recognition !== undefined) {
                const verdict = stringValue(recognition);
                if (verdict === undefined) {
                    problem(recognition, `${FIELD.official} › ${FIELD.recognition}`, `phải là chuỗi như "đạt", không phải ${describe(recognition)}.`);
                } else {
                    const keyOffset = recognition.parent?.children?.[0]?.offset ?? recognition.offset;
                    expected.push({ level: 'công nhận', label: FIELD.recognition, official: verdict, position: lines.positionAt(keyOffset) });
                }
            }
        }
    }
    return { uri, kind: official !== undefined ? 'sample' : 'commune', commune, pack, expected, problems };
}

/** The value of `key` in an object node; keys compare in NFC (a file may be saved in either form). */
function property(object: Node, key: string): Node | undefined {
    for (const entry of object.children ?? []) {
        const [keyNode, valueNode] = entry.children ?? [];
        if (keyNode && typeof keyNode.value === 'string' && keyNode.value.normalize('NFC') === key) return valueNode;
    }
    return undefined;
}

function stringValue(node: Node | undefined): string | undefined {
    return node?.type === 'string' ? String(getNodeValue(node)).normalize('NFC') : undefined;
}

function describe(node: Node): string {
    switch (node.type) {
        case 'number': return `số ${String(node.value)}`;
        case 'boolean': return `giá trị ${String(node.value)}`;
        case 'null': return 'null';
        case 'array': return 'một danh sách';
        case 'object': return 'một đối tượng';
        default: return 'giá trị này';
    }
}

const SYNTAX_ERRORS: Record<string, string> = {
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
