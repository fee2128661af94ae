import type { IToken } from 'chevrotain';
import type { LexerResult, TokenizeOptions } from 'langium';
import { DefaultLexer } from 'langium';

/** Above this size a pack is refused with one clear diagnostic instead of being parsed. */
export const MAX_SOURCE_CHARACTERS = 2_000_000;

/**
 * Deeper nesting of `(` and `{` is refused: no rule needs it, while the parser's recursion and lookahead grow
 * with it (a few hundred levels overflow the stack).
 */
export const MAX_NESTING_DEPTH = 32;

/** More operators in one declaration are refused too: the syntax tree nests one level per operator. */
export const MAX_OPERATORS_PER_DECLARATION = 1000;

/** A token that opens its line: parser messages tell a new line from the rest of one (ntm-parser-messages.ts). */
export type LineToken = IToken & { opensLine?: true };

function markLineStarts(tokens: IToken[]): void {
    let line = 0;
    for (const token of tokens) {
        if ((token.startLine ?? 0) > line) (token as LineToken).opensLine = true;
        line = token.endLine ?? token.startLine ?? line;
    }
}

/** The lexer, with a size limit so that a huge file can never hang the editor or the CLI. */
export class NtmLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        if (text.length > MAX_SOURCE_CHARACTERS) {
            return {
                tokens: [],
                hidden: [],
                errors: [
                    {
                        offset: 0,
                        line: 1,
                        column: 1,
                        length: 1,
                        message: `Tệp quá lớn (${text.length.toLocaleString('vi-VN')} ký tự, tối đa ${MAX_SOURCE_CHARACTERS.toLocaleString('vi-VN')}): hãy tách bộ tiêu chí thành nhiều tệp.`
                    }
                ],
                report: { diagnostics: [] }
            };
        }
        if (looksBinary(text)) {
            return {
                tokens: [],
                hidden: [],
                errors: [{ offset: 0, line: 1, column: 1, length: 1, message: 'Tệp không phải văn bản (có ký tự nhị phân): tệp .ntm phải là văn bản UTF-8.' }],
                report: { diagnostics: [] }
            };
        }
        const result = super.tokenize(text, options);
        markLineStarts(result.tokens);
        const tooDeep = findExcessiveNesting(result.tokens);
        if (tooDeep) {
            return { tokens: [], hidden: [], errors: [tooDeep], report: { diagnostics: [] } };
        }
        const mismatched = result.tokens.filter(token => token.tokenType.name === 'STRING' && !quotesPair(token.image));
        if (mismatched.length > 0) {
            result.errors.push(
                ...mismatched.map(token => ({
                    offset: token.startOffset,
                    line: token.startLine,
                    column: token.startColumn,
                    length: token.image.length,
                    message:
                        token.image.length < 2 || !/["”]$/u.test(token.image)
                            ? 'Chuỗi mở bằng “ chưa đóng trên dòng này: đóng bằng ”.'
                            : `Chuỗi mở bằng ${token.image.charAt(0)} nhưng đóng bằng ${token.image.charAt(token.image.length - 1)}: viết “…” hoặc "…", mở và đóng cùng một kiểu.`
                }))
            );
        }
        return result;
    }
}

/** "…" and “…” pair; “…" and "…” (pasted text, half retyped) do not. */
function quotesPair(image: string): boolean {
    return (image.charAt(0) === '“') === (image.charAt(image.length - 1) === '”');
}

const OPENING = new Set(['(', '{']);
const CLOSING = new Set([')', '}']);
const OPERATORS = new Set(['+', '-', '*', '×', '/', 'và', 'hoặc']);
// By token name: a keyword's is its text, a phrase keyword's its terminal (grammar/phrases.langium).
const DECLARATIONS = new Set(['BO_TIEU_CHI', 'DU_KIEN', 'thang', 'PHAN_TO', 'TIEU_CHI', 'CHI_TIEU', 'DIEU_KIEN_CONG_NHAN']);

/** The first token that nests too deep or makes one declaration too long, as a lexer error. */
function findExcessiveNesting(tokens: readonly IToken[]): LexerResult['errors'][number] | undefined {
    let depth = 0;
    let operators = 0;
    for (const token of tokens) {
        const name = token.tokenType.name;
        let message: string | undefined;
        if (OPENING.has(name) && ++depth > MAX_NESTING_DEPTH) {
            message = `Lồng ngoặc quá sâu (hơn ${MAX_NESTING_DEPTH} tầng): hãy tách điều kiện thành các dữ kiện dẫn xuất.`;
        } else if (CLOSING.has(name)) {
            depth = Math.max(0, depth - 1);
        } else if (DECLARATIONS.has(name)) {
            operators = 0;
        } else if (OPERATORS.has(name) && ++operators > MAX_OPERATORS_PER_DECLARATION) {
            message = `Biểu thức quá dài (hơn ${MAX_OPERATORS_PER_DECLARATION.toLocaleString('vi-VN')} phép toán trong một khai báo): hãy tách thành các dữ kiện dẫn xuất.`;
        }
        if (message) {
            return { offset: token.startOffset, line: token.startLine, column: token.startColumn, length: token.image.length, message };
        }
    }
    return undefined;
}

/** A NUL byte, or many control characters, means this is not a text file: one diagnostic, not hundreds. */
function looksBinary(text: string): boolean {
    if (text.includes('\u0000')) return true;
    const sample = text.slice(0, 4096);
    const controls = sample.match(/[\u0001-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
    return sample.length > 0 && controls / sample.length > 0.1;
}
