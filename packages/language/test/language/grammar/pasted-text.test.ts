import { describe, expect, it } from 'vitest';
import { PACK_HEADER, loadTestPack, ntmTestServices } from '../../helpers/ntm-test-services.js';
import { isCriterion } from '../../../src/generated/ast.js';

// Text pasted from Word or a PDF (see also resources/grammar/pasted-from-word.ntm): capitalised keywords at the
// start of a line, curly quotes, non-breaking and zero-width spaces.

const lexer = ntmTestServices().parser.Lexer;

function tokenNames(text: string): string[] {
    const result = lexer.tokenize(text);
    expect(result.errors).toEqual([]);
    return result.tokens.map(token => token.tokenType.name);
}

describe('text pasted from Word', () => {
    it('reads a keyword at the start of a line in any case, and only there', () => {
        expect(tokenNames('Chỉ tiêu')).toEqual(['CHI_TIEU']);
        expect(tokenNames('  CHỈ TIÊU')).toEqual(['CHI_TIEU']);
        expect(tokenNames('x\n\u00A0 Tiêu chí')).toEqual(['ID', 'TIEU_CHI']);
        expect(tokenNames('Chỉ tiêu'.normalize('NFD'))).toEqual(['CHI_TIEU']);
        expect(tokenNames('Có')).toEqual(['có']);
        // Inside a line, a capitalised word is a word of a name.
        expect(tokenNames('x Chỉ tiêu')).toEqual(['ID', 'ID', 'ID']);
        expect(tokenNames('x Có')).toEqual(['ID', 'ID']);
    });

    it('reads “…” as a string, with its text between the quotes', async () => {
        const loaded = await loadTestPack(`${PACK_HEADER}\ndữ kiện tỷ lệ: phần trăm\ntiêu chí 1 “Tiêu chí "một"”\n  chỉ tiêu 1.1 “Thử” tỷ lệ >= 50%\n`);
        expect(loaded.diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const criterion = loaded.pack.members.find(isCriterion);
        expect(criterion?.title).toBe('Tiêu chí "một"');
        expect(criterion?.indicators[0]?.text).toBe('Thử');
    });

    it.each([
        ['“Thử"', 'Chuỗi mở bằng “ nhưng đóng bằng ": viết “…” hoặc "…", mở và đóng cùng một kiểu.'],
        ['"Thử”', 'Chuỗi mở bằng " nhưng đóng bằng ”: viết “…” hoặc "…", mở và đóng cùng một kiểu.']
    ])('refuses a string opened and closed with different quotes (%s), at the string, with nothing else', async (title, message) => {
        const loaded = await loadTestPack(`${PACK_HEADER}\ndữ kiện tỷ lệ: phần trăm\ntiêu chí 1 "Thử"\n  chỉ tiêu 1.1 ${title} tỷ lệ >= 50%\n`);
        const errors = loaded.diagnostics.filter(d => d.severity === 1);
        expect(errors.map(e => e.message)).toEqual([message]);
        expect(errors[0]!.range.start).toEqual({ line: 9, character: 15 });
    });

    it('takes non-breaking and zero-width spaces for blanks between the words of a name', async () => {
        const loaded = await loadTestPack(
            `${PACK_HEADER}\ndữ kiện tỷ lệ\u00A0hộ: phần trăm\ntiêu chí 1 "Thử"\n  chỉ tiêu 1.1 "Thử" tỷ lệ \u200Bhộ >= 50\u00A0%\n`
        );
        expect(loaded.diagnostics.filter(d => d.severity === 1)).toEqual([]);
    });
});
