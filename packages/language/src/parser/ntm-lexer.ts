import type { LexerResult, TokenizeOptions } from 'langium';
import { DefaultLexer } from 'langium';

/** Above this size a pack is refused with one clear diagnostic instead of being parsed. */
export const MAX_SOURCE_CHARACTERS = 2_000_000;

/** The lexer, with a size limit so that a huge file can never hang the editor or the CLI. */
export class NtmLexer extends DefaultLexer {

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        if (text.length > MAX_SOURCE_CHARACTERS) {
            return {
                tokens: [],
                hidden: [],
                errors: [{
                    offset: 0, line: 1, column: 1, length: 1,
                    message: `Tệp quá lớn (${text.length.toLocaleString('vi-VN')} ký tự, tối đa ${MAX_SOURCE_CHARACTERS.toLocaleString('vi-VN')}): hãy tách bộ tiêu chí thành nhiều tệp.`
                }],
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
        return super.tokenize(text, options);
    }
}

/** A NUL byte, or many control characters, means this is not a text file: one diagnostic, not hundreds. */
function looksBinary(text: string): boolean {
    if (text.includes('\u0000')) return true;
    const sample = text.slice(0, 4096);
    const controls = sample.match(/[\u0001-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
    return sample.length > 0 && controls / sample.length > 0.1;
}
