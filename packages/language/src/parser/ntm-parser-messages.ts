import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { ILexerErrorMessageProvider } from 'chevrotain';
import { LangiumParserErrorMessageProvider, DefaultLexerErrorMessageProvider } from 'langium';
import { foldDiacritics } from '@ntm/runtime';
import { tokenText } from './ntm-token-builder.js';
import type { LineToken } from './ntm-lexer.js';

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

/** A token the lexer read as a keyword (not a name, a number, a string, a date, a label or a sign). */
function isKeyword(token: IToken | undefined): boolean {
    const type = token?.tokenType;
    return type !== undefined && TERMINAL_NAMES[type.name] === undefined && /\p{L}/u.test(tokenText(type));
}

/**
 * A keyword met where a name or a text was due, most often a word of a name the analyst typed («bộ tiêu chí
 * thử bảng», «dữ kiện số tiêu chí đạt»): say that it is a keyword and how to keep it in the name.
 */
function keywordHint(actual: IToken | undefined, expected: readonly TokenType[], previous?: IToken): string {
    // Only right after a word of a name on the same line: a keyword opening the next line means something is missing.
    const inName = previous?.tokenType?.name === 'ID' && previous.startLine === actual?.startLine;
    if (!inName || !isKeyword(actual) || !expected.some(t => t.name === 'ID' || t.name === 'STRING')) return '';
    const joined = `${previous!.image}_${actual!.image.replace(/\s+/gu, '_')}`;
    return ` «${actual!.image}» là từ khóa của ngôn ngữ, không dùng được trong tên: nối bằng dấu gạch dưới (vd. «${joined}»), đổi chữ, hoặc xem ngon-ngu.md mục 4.`;
}

/** The first word of a declaration's keyword typed without diacritics («chi tieu»), and the keyword meant. */
const UNACCENTED_KEYWORDS: ReadonlyMap<string, string> = new Map([
    ['chi', 'chỉ tiêu'],
    ['tieu', 'tiêu chí'],
    ['du', 'dữ kiện'],
    ['dieu', 'điều kiện công nhận'],
    ['bang', 'bảng'],
    ['phan', 'phân tổ']
]);

/**
 * What was met where the pack could have ended, as an analyst most often gets there: a «chỉ tiêu» after a
 * declaration that closed its criterion, or a second requirement line under one indicator.
 */
function afterTheEndHint(actual: IToken): string {
    if (actual.tokenType?.name === 'CHI_TIEU') {
        return ' Một «chỉ tiêu» phải nằm ngay trong một «tiêu chí»: một khai báo (dữ kiện, bảng, thang…) viết giữa các chỉ tiêu đã kết thúc tiêu chí ấy. Chuyển khai báo đó lên trước dòng «tiêu chí», xem ngon-ngu.md mục 9.';
    }
    const unaccented = UNACCENTED_KEYWORDS.get(foldDiacritics(actual.image));
    if (actual.tokenType?.name === 'ID' && unaccented) {
        return ` Từ khóa phải viết có dấu: «${unaccented}».`;
    }
    // A name opening a line of its own after a whole requirement: a second requirement.
    if (actual.tokenType?.name === 'ID' && (actual as LineToken).opensLine) {
        return ' Mỗi chỉ tiêu có một yêu cầu: nhiều yêu cầu cùng phải đạt thì nối bằng «và» (hoặc «tất cả { …; … }»), chỉ cần một thì «hoặc»; xem ngon-ngu.md mục 10.';
    }
    return '';
}

function firstTokens(paths: TokenType[][][]): TokenType[] {
    return paths.flatMap(alternative => alternative.flatMap(path => (path[0] ? [path[0]] : [])));
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
        const hint = options.expected.name === 'EOF' ? afterTheEndHint(options.actual) : keywordHint(options.actual, [options.expected], options.previous);
        return `Cần ${describeExpected(options.expected)} nhưng gặp ${describeActual(options.actual)}.${hint}`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        // «110 phần trăm»: a percentage in a rule is written with the sign; «phần trăm» is a fact's type.
        const percent =
            options.firstRedundant.image === 'phần trăm'
                ? ' Số phần trăm viết bằng dấu %: «110%»; «phần trăm» là kiểu của dữ kiện («dữ kiện x: phần trăm»).'
                : '';
        return `Không hiểu ${describeActual(options.firstRedundant)} ở đây: cần hết tệp hoặc một khai báo mới (dữ kiện, thang, phân tổ, tiêu chí, điều kiện công nhận).${percent}`;
    }

    override buildNoViableAltMessage(options: {
        expectedPathsPerAlt: TokenType[][][];
        actual: IToken[];
        previous: IToken;
        customUserDescription?: string;
        ruleName: string;
    }): string {
        if (isEnd(options.actual[0])) return `Tệp kết thúc khi còn thiếu ${describeAlternatives(options.expectedPathsPerAlt)}.`;
        const firsts = firstTokens(options.expectedPathsPerAlt);
        // The first word may well be allowed here while what follows it is not («có ít nhất 1 thôn»): name them together.
        const allowed = firsts.some(t => t === options.actual[0]?.tokenType);
        const shown = allowed
            ? `«${options.actual
                  .filter(t => !isEnd(t))
                  .map(t => t.image)
                  .join(' ')}»`
            : describeActual(options.actual[0]);
        if (!allowed) {
            return `Không hiểu ${shown} ở đây; cần ${describeAlternatives(options.expectedPathsPerAlt)}.${keywordHint(options.actual[0], firsts, options.previous)}`;
        }
        // «có» reads a yes/no fact; a count is compared with a sign («có ít nhất 1 thôn …» is how the decision says it).
        const yesNo =
            options.actual[0]?.image === 'có'
                ? ' «có» chỉ đi với một dữ kiện có/không (vd. «có quy hoạch chung được phê duyệt»); để so một số, viết dấu so sánh (vd. «số thôn thông minh >= 1 thôn»), xem ngon-ngu.md mục 10.'
                : ' Xem các cách viết được phép ở chỗ này trong ngon-ngu.md.';
        return `Không hiểu ${shown} ở đây: cách viết này không khớp cấu trúc nào.${yesNo}`;
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
