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
        return super.tokenize(text, options);
    }
}
