import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { ILexerErrorMessageProvider } from 'chevrotain';
import { LangiumParserErrorMessageProvider, DefaultLexerErrorMessageProvider } from 'langium';
import { tokenText } from './ntm-token-builder.js';

const TERMINAL_NAMES: Readonly<Record<string, string>> = {
    NUMBER: 'một số',
    ID: 'một tên',
    STRING: 'một chuỗi trong ngoặc kép',
    DATE: 'một ngày dạng dd/mm/yyyy',
    DECISION_NO: 'một số hiệu văn bản (vd. 43/2022/QĐ-UBND)',
    LABEL: 'một mã chỉ tiêu (vd. 5.b1)',
    EOF: 'hết tệp'
};

// Keep in step with the Word rule of names.langium.
export const SOFT_KEYWORDS = ['số', 'năm', 'ngày', 'mức', 'cấp', 'của', 'đếm', 'tiền', 'vùng', 'nhóm', 'vào', 'cắt', 'lên', 'xuống'];

function describeExpected(token: TokenType): string {
    const terminal = TERMINAL_NAMES[token.name];
    if (terminal) return terminal;
    // A keyword's token is named by its text; a phrase keyword's (CHI_TIEU) by its words.
    const text = tokenText(token);
    return /\p{L}/u.test(text) ? `từ khóa «${text}»` : `dấu «${text}»`;
}

function isEnd(token: IToken | undefined): boolean {
    return !token || token.tokenType?.name === 'EOF';
}

function describeActual(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF') {
        return 'hết tệp';
    }
    return `«${token.image}»`;
}

function describeAlternatives(paths: TokenType[][][]): string {
    const firsts = new Set<string>();
    for (const alternative of paths) {
        for (const path of alternative) {
            const first = path[0];
            if (first) {
                firsts.add(describeExpected(first));
            }
        }
    }
    // Words that may also start a name are covered by "một tên".
    if (firsts.has(TERMINAL_NAMES.ID!)) {
        for (const soft of SOFT_KEYWORDS) firsts.delete(`từ khóa «${soft}»`);
    }
    const list = [...firsts].slice(0, 8);
    return list.length > 0 ? list.join(', ') + (firsts.size > list.length ? ', …' : '') : 'một cấu trúc hợp lệ';
}

/** Parser errors in Vietnamese: what was expected and what was found. */
export class NtmParserErrorMessageProvider extends LangiumParserErrorMessageProvider implements IParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        if (isEnd(options.actual)) return `Tệp kết thúc khi còn thiếu ${describeExpected(options.expected)}.`;
        return `Cần ${describeExpected(options.expected)} nhưng gặp ${describeActual(options.actual)}.`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `Không hiểu ${describeActual(options.firstRedundant)} ở đây: cần hết tệp hoặc một khai báo mới (dữ kiện, thang, phân tổ, tiêu chí, điều kiện công nhận).`;
    }

    override buildNoViableAltMessage(options: {
        expectedPathsPerAlt: TokenType[][][];
        actual: IToken[];
        previous: IToken;
        customUserDescription?: string;
        ruleName: string;
    }): string {
        if (isEnd(options.actual[0])) return `Tệp kết thúc khi còn thiếu ${describeAlternatives(options.expectedPathsPerAlt)}.`;
        return `Không hiểu ${describeActual(options.actual[0])} ở đây; cần ${describeAlternatives(options.expectedPathsPerAlt)}.`;
    }

    override buildEarlyExitMessage(options: {
        expectedIterationPaths: TokenType[][];
        actual: IToken[];
        previous: IToken;
        customUserDescription?: string;
        ruleName: string;
    }): string {
        if (isEnd(options.actual[0])) return `Tệp kết thúc khi còn thiếu ${describeAlternatives([options.expectedIterationPaths])}.`;
        return `Không hiểu ${describeActual(options.actual[0])} ở đây; cần ${describeAlternatives([options.expectedIterationPaths])}.`;
    }
}

/** Lexer errors in Vietnamese. */
export class NtmLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + Math.min(length, 20));
        // Quotes from Word: “…” is a string; one left open, or closed with the other kind, is not.
        if (/^[“”„‟]/u.test(text)) {
            return `Dấu ngoặc kép cong «${text.charAt(0)}» chưa khép đúng cặp: viết chuỗi trong “…” hoặc trong "…", mở và đóng cùng một kiểu.`;
        }
        const shown = [...text].map(c => (/[\p{C}]/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c)).join('');
        return `Ký tự không hợp lệ: «${shown}».`;
    }
}
