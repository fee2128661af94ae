// A pack means what is written, however it is written: keywords in NFD or with extra blanks, and numbers with
// more digits than a JavaScript number holds. Found by the seeded mutants (packages/evaluation/test/robustness).
import { afterAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../src/generation/runtime/result-types.js';
import { PACK_HEADER } from '../helpers/ntm-test-services.js';
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

describe('numbers with more digits than a JavaScript number holds', () => {
    const pack = (threshold: string) => `${PACK_HEADER}dữ kiện số hộ: đếm hộ\ntiêu chí 1 "Thử"\n  chỉ tiêu 1.1 "Số hộ" số hộ >= ${threshold} hộ\n`;

    it('a 23-digit threshold is compared exactly, not as 1e+23 (which no module could read)', async () => {
        const result = await evaluate(pack('99999999999999999999999'), 'long', { 'số hộ': 5 });
        expect(indicatorOf(result, '1.1').verdict).toBe('chưa đạt');
        expect(indicatorOf(result, '1.1').threshold).toBe('>= 99.999.999.999.999.999.999.999 hộ');
    });

    it('2^53 + 1 stays 2^53 + 1: one household short is not met', async () => {
        const result = await evaluate(pack('9007199254740993'), 'exact', { 'số hộ': '9007199254740992' });
        expect(indicatorOf(result, '1.1').verdict).toBe('chưa đạt');
    });
});
