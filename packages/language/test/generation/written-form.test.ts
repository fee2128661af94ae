// A pack means what is written, however it is written: keywords in NFD or with extra blanks; and the pack's
// own rounding applies. Found by the seeded mutants (packages/evaluation/test/robustness). Numbers with more
// digits than a JavaScript number holds are refused (evaluation.test.ts, validation/number-too-large.ntm).
import { afterAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '@ntm/runtime';
import { ModuleLoader, generateModule, indicatorOf } from './generated-module.js';

const loader = new ModuleLoader();
afterAll(() => loader.dispose());

const AS_OF = '2024-06-30';

/** Every keyword whose value the generator reads: a rounding mode, `có` as a value, a table's dimension. */
const KEYWORD_VALUES = `bộ tiêu chí thử "Bộ thử"
  cấp xã nông thôn mới
  địa bàn "toàn quốc"
  phiên bản "1"
  căn cứ 318/QĐ-TTg ngày 08/03/2022 của "Thủ tướng Chính phủ"
  hiệu lực từ 08/03/2022 đến 31/12/2025
  làm tròn gần nhất đến 0 chữ số thập phân

dữ kiện số hộ dùng điện: đếm hộ
dữ kiện tổng số hộ: đếm hộ
dữ kiện tỷ lệ hộ dùng điện = tỷ số số hộ dùng điện / tổng số hộ
dữ kiện đường trục xã cứng hóa: có/không
bảng tỷ lệ tối thiểu: phần trăm, theo vùng
  TDMNPB: 90%
  còn lại: 99%

tiêu chí 1 "Thử"
  chỉ tiêu 1.1 "Điện" tỷ lệ hộ dùng điện >= 99%
  chỉ tiêu 1.2 "Đường" đường trục xã cứng hóa = có
  chỉ tiêu 1.3 "Theo vùng" tỷ lệ hộ dùng điện >= tỷ lệ tối thiểu
`;

async function evaluate(text: string, name: string, facts: Record<string, unknown>, region?: string): Promise<EvaluationResult> {
    const module = await loader.load(await generateModule(text, name));
    return module.evaluate(facts, { ngàyĐánhGiá: AS_OF, ...(region ? { vùng: region } : {}) });
}

/** What a result says, without what may differ between two spellings of one pack (its texts). */
function verdicts(result: EvaluationResult): string[] {
    return result.indicators.map(i => `${i.label}: ${i.verdict} ${i.value?.text ?? ''}`);
}

describe('keywords read as values, whatever their Unicode form', () => {
    // 985/1000 = 98,5 % rounds (gần nhất, 0 digits) to 99 %: met only if the rounding mode is understood.
    const facts = { 'số hộ dùng điện': 985, 'tổng số hộ': 1000, 'đường trục xã cứng hóa': true };

    it('the pack in NFC', async () => {
        expect(verdicts(await evaluate(KEYWORD_VALUES, 'nfc', facts, 'ĐBSH'))).toEqual(['1.1: đạt 99 %', '1.2: đạt ', '1.3: đạt 99 %']);
    });

    it.each([
        ['in NFD', (text: string) => text.normalize('NFD')],
        ['with runs of blanks inside phrase keywords', (text: string) => text.replace('gần nhất', 'gần   nhất')]
    ])('evaluates the same %s', async (_how, spell) => {
        const written = spell(KEYWORD_VALUES);
        expect(written).not.toBe(KEYWORD_VALUES);
        for (const region of ['ĐBSH', 'TDMNPB']) {
            const expected = verdicts(await evaluate(KEYWORD_VALUES, 'nfc', facts, region));
            expect(verdicts(await evaluate(written, 'spelled', facts, region))).toEqual(expected);
        }
        const without = { ...facts, 'đường trục xã cứng hóa': false };
        expect(indicatorOf(await evaluate(written, 'spelled', without), '1.2').verdict).toBe('chưa đạt');
    });
});
