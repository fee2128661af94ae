import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedModule } from '../../src/generation/ts-generator.js';
import type { EvaluationResult } from '@ntm/runtime';
import type { EvaluatorModule } from './generated-module.js';
import { ModuleLoader, generateModule, indicatorOf, outsideReferences, typeCheck } from './generated-module.js';

/** Text that would break out of a string, a template, a comment or a line if pasted into code unescaped. */
const HOSTILE =
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the `${…}` is the attack this test pastes into packs
    'Tiêu đề "trích dẫn" \'đơn\' `lệnh` ${process.exit(1)} ${globalThis.__ntmInjected = 1} */ /* <!-- ' +
    '\u2028 \u2029 dòng\nmới\r\n\ttab \\ \\n \\u0041 cuối \\';

/** The same text as an .ntm string literal: only `"` and `\` need escaping. */
function ntmString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const PACK_TEXT = `bộ tiêu chí hiểm ${ntmString(HOSTILE)}
  cấp xã nông thôn mới
  địa bàn "toàn quốc"
  phiên bản ${ntmString(HOSTILE)}
  căn cứ 318/QĐ-TTg ngày 08/03/2022 của ${ntmString(HOSTILE)} ${ntmString(HOSTILE)}
  hiệu lực từ 08/03/2022

dữ kiện rác thải: phần trăm ${ntmString(HOSTILE)}
dữ kiện nợ đọng: có/không ${ntmString(HOSTILE)}

tiêu chí 17 ${ntmString(HOSTILE)} căn cứ 318/QĐ-TTg ${ntmString(HOSTILE)}
  chỉ tiêu 17.6 ${ntmString(HOSTILE)} rác thải >= 98% (chưa kiểm chứng ${ntmString(HOSTILE)})
    chưa kiểm chứng ${ntmString(HOSTILE)}

điều kiện công nhận ${ntmString(HOSTILE)} không có nợ đọng
`;

const loader = new ModuleLoader();
let generated: GeneratedModule;
let evaluator: EvaluatorModule;
let result: EvaluationResult;

beforeAll(async () => {
    generated = await generateModule(PACK_TEXT, 'hostile');
    evaluator = await loader.load(generated);
    result = evaluator.evaluate({ 'rác thải': 99, 'nợ đọng': false }, { ngàyĐánhGiá: '2024-01-01' });
});
afterAll(() => loader.dispose());

describe('pack text that looks like code stays text', () => {
    it('the hostile text really contains every dangerous character', () => {
        for (const piece of ['"', '`', '${', '*/', '\u2028', '\u2029', '\n', '\r', '\\']) {
            expect(HOSTILE).toContain(piece);
        }
    });

    it('the generated module and its declarations type-check, and import nothing but the runtime', () => {
        expect(typeCheck(generated.text)).toEqual([]);
        expect(typeCheck(generated.declarations, 'generated.d.ts')).toEqual([]);
        expect(outsideReferences(generated.text)).toEqual([]);
        expect(outsideReferences(generated.javascript)).toEqual([]);
    });

    it('writes line and paragraph separators escaped, in every output', () => {
        for (const output of [generated.text, generated.javascript, generated.declarations]) {
            expect(output).not.toMatch(/[\u2028\u2029]/);
        }
    });

    it('importing and evaluating the module runs none of the text', () => {
        expect((globalThis as { __ntmInjected?: unknown }).__ntmInjected).toBeUndefined();
        expect(result.indicators.map(i => i.verdict)).toEqual(['đạt']);
    });

    it('returns titles, texts and descriptions unchanged', () => {
        expect(evaluator.PACK.title).toBe(HOSTILE);
        expect(evaluator.PACK.version).toBe(HOSTILE);
        expect(evaluator.PACK.sources).toEqual([{ number: '318/QĐ-TTg', issuer: HOSTILE, date: '2022-03-08', title: HOSTILE }]);
        expect(evaluator.FACT_SPECS.map(spec => spec.description)).toEqual([HOSTILE, HOSTILE]);
        const indicator = indicatorOf(result, '17.6');
        expect(indicator.requirementText).toBe(HOSTILE);
        expect(indicator.citations).toEqual([{ number: '318/QĐ-TTg', issuer: HOSTILE, date: '2022-03-08', title: HOSTILE, location: HOSTILE }]);
        expect(result.criteria[0]?.title).toBe(HOSTILE);
        expect(result.gates[0]?.text).toBe(HOSTILE);
    });

    it('returns unverified notes unchanged', () => {
        const indicator = indicatorOf(result, '17.6');
        expect(indicator.flags).toEqual(['unverified-threshold']);
        expect(indicator.notes.map(n => n.text)).toEqual([`Ngưỡng chưa kiểm chứng: ${HOSTILE}`, `Ngưỡng chưa kiểm chứng: ${HOSTILE}`]);
    });

    it('keeps the rule text on one line', () => {
        const rule = indicatorOf(result, '17.6').rule;
        expect(rule.startsWith('rác thải >= 98% (chưa kiểm chứng "Tiêu đề')).toBe(true);
        expect(rule).not.toMatch(/[\n\r\u2028\u2029]/);
    });
});
