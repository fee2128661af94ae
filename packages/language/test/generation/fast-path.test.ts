import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvaluateOptions, EvaluationResult, FactSpec } from '@ntm/runtime';
import { withoutExplanations } from '@ntm/runtime';
import type { EvaluatorModule } from './generated-module.js';
import { ModuleLoader, generateFile, generateModule } from './generated-module.js';
import { seededRandom } from '../helpers/seeded-random.js';

// `evaluate(facts, { …, giảiThích: false })` takes compiled straight-line code for plain input and hands
// everything else to the full path: its result must be the full result without explanations, exactly, for
// every commune — complete, with missing facts, ranges, stated rates, units, text numbers, zero
// denominators, numerators above their denominators, bad values.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const loader = new ModuleLoader();
afterAll(() => loader.dispose());

/** Communes of every shape the reader accepts or refuses, drawn from the pack's FACT_SPECS. */
function communes(specs: readonly FactSpec[], count: number, seed: number): Record<string, unknown>[] {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const number = (spec: FactSpec): unknown => {
        const integer = spec.kind === 'count' || spec.kind === 'year';
        const base = spec.kind === 'percent' ? pick([100, 95, 90, 85, 70, 50, 99.5, 97.3]) : pick([0, 1, 2, 5, 40, 57, 100, 120, 4662, 12.5, 0.3]);
        const value = integer ? Math.round(base) : base;
        const shape = random();
        if (shape < 0.7) return value;
        if (shape < 0.76) return { 'giá trị': value, 'đơn vị': spec.unit };
        if (shape < 0.8) return { trên: value };
        if (shape < 0.83) return { từ: value, đến: value + 10 };
        if (shape < 0.845) return pick([{ từ: value, đến: value }, { dưới: value }, { 'ít nhất': value, 'nhiều nhất': value * 2 }, { trên: value, từ: value }]);
        if (shape < 0.86) return String(value).replace('.', ',');
        if (dirty && shape < 0.88) return pick([-1, integer ? 2.5 : 1e-20, 'nhiều', [1]]);
        if (dirty && shape < 0.9) return pick([{}, { từ: value + 10, đến: value }, { trên: -1 }, { 'trên ': value }, { trên: '5' }, { khoảng: value }]);
        return value * 3;
    };
    const scalar = (spec: FactSpec): unknown => {
        switch (spec.kind) {
            case 'boolean':
                return random() < 0.95 ? random() < 0.8 : pick(dirty ? ['có', 'không', 'yes'] : ['có', 'không']);
            case 'level':
                return random() < 0.95 || !dirty ? pick(spec.levels ?? ['?']) : 'mức lạ';
            case 'date':
                return pick(['2024-01-01', '15/03/2023']);
            default:
                return number(spec);
        }
    };
    // One commune in five has bad values somewhere: those are refused, by both paths alike.
    let dirty = false;
    return Array.from({ length: count }, () => {
        dirty = random() < 0.2;
        const facts: Record<string, unknown> = {};
        for (const spec of specs) {
            const r = random();
            if (spec.index !== undefined) continue;
            if (spec.derived) {
                // A stated rate, sometimes beside its parts: some agree with the parts (57/57, 1/2, 40/120, 1/40
                // as 100, 50, 33,3 or 33,33, 2,5), most do not.
                if (r < 0.15) facts[spec.name] = pick([100, 95.5, 80, 50, 0, 33.3, 33.33, 2.5]);
                continue;
            }
            if (r < 0.08) continue;
            if (r < 0.1) {
                facts[spec.name] = null;
                continue;
            }
            facts[spec.name] =
                spec.members && random() < 0.8 ? Object.fromEntries(spec.members.filter(() => random() < 0.95).map(m => [m, scalar(spec)])) : scalar(spec);
        }
        if (dirty && random() < 0.1) facts['dữ kiện không có'] = 1;
        if (random() < 0.02) {
            const spec = pick(specs);
            facts[spec.name.normalize('NFD')] = facts[spec.name];
            delete facts[spec.name];
        }
        return facts;
    });
}

type Outcome = { readonly result: EvaluationResult } | { readonly error: string };

function outcome(run: () => EvaluationResult): Outcome {
    try {
        return { result: run() };
    } catch (error) {
        return { error: error instanceof Error ? `${error.name}: ${JSON.stringify((error as { issues?: unknown }).issues ?? error.message)}` : String(error) };
    }
}

function expectSame(evaluator: EvaluatorModule, facts: unknown, options: EvaluateOptions): Outcome {
    const full = outcome(() => evaluator.evaluate(facts, options));
    const fast = outcome(() => evaluator.evaluate(facts, { ...options, giảiThích: false }));
    const expected = 'result' in full ? { result: withoutExplanations(full.result) } : full;
    expect(fast).toEqual(expected);
    return fast;
}

const HA_NAM = path.join(root, 'rulesets/ha-nam/ntm-nang-cao.ntm');

describe.runIf(existsSync(HA_NAM))('verdicts only (giảiThích: false) on the Hà Nam pack', () => {
    it('equals the full result without explanations on 300 synthetic communes of every shape', async () => {
        const evaluator = await loader.load(await generateFile(HA_NAM));
        const options = { ngàyĐánhGiá: evaluator.PACK.validFrom };
        const seen = { results: 0, errors: 0, notMet: 0, missing: 0, gaps: 0 };
        for (const facts of communes(evaluator.FACT_SPECS, 300, 20241126)) {
            const fast = expectSame(evaluator, facts, options);
            if ('error' in fast) {
                seen.errors++;
                continue;
            }
            seen.results++;
            seen.notMet += fast.result.indicators.filter(i => i.verdict === 'chưa đạt').length;
            seen.missing += fast.result.indicators.filter(i => i.verdict === 'thiếu dữ liệu').length;
            seen.gaps += fast.result.indicators.filter(i => i.gap).length;
            expect(fast.result.indicators.every(i => i.explanation.length === 0 && i.factsUsed.length === 0)).toBe(true);
        }
        // The communes reach every branch: refused inputs, verdicts of each kind, gaps.
        expect(seen.errors).toBeGreaterThan(20);
        expect(seen.results).toBeGreaterThan(150);
        expect(seen.notMet).toBeGreaterThan(2000);
        expect(seen.missing).toBeGreaterThan(1000);
        expect(seen.gaps).toBeGreaterThan(1500);
    });

    it('compiles nearly every indicator into straight-line code, and the English alias `explain` works too', async () => {
        const module = await generateFile(HA_NAM);
        const compiled = module.javascript.match(/^function verdict_\d/gm)?.length ?? 0;
        const indicators = module.javascript.match(/^function indicator_\d/gm)?.length ?? 0;
        expect(compiled).toBeGreaterThanOrEqual(indicators - 2);
        const evaluator = await loader.load(module);
        const commune = JSON.parse(readFileSync(path.join(root, 'examples/ha-nam/liem-can-2024.json'), 'utf8'));
        const options = { ngàyĐánhGiá: commune['ngày đánh giá'] };
        const viaAlias = evaluator.evaluate(commune['dữ kiện'], { ...options, explain: false });
        expect(viaAlias).toEqual(withoutExplanations(evaluator.evaluate(commune['dữ kiện'], options)));
        expectSame(evaluator, commune['dữ kiện'], options);
    });
});

describe('verdicts only on every sample commune of every pack', () => {
    it('equals the full result without explanations', async () => {
        const examples = path.join(root, 'examples');
        const files = existsSync(examples)
            ? readdirSync(examples, { recursive: true })
                  .map(String)
                  .filter(f => f.endsWith('.json'))
            : [];
        let checked = 0;
        for (const file of files) {
            const data = JSON.parse(readFileSync(path.join(examples, file), 'utf8'));
            const packRef = data['bộ tiêu chí'];
            if (typeof packRef !== 'string') continue;
            const pack = path.resolve(path.dirname(path.join(examples, file)), packRef);
            if (!existsSync(pack)) continue;
            const evaluator = await loader.load(await generateFile(pack));
            const attributes = data['thuộc tính'] ?? {};
            expectSame(evaluator, data['dữ kiện'] ?? {}, {
                ngàyĐánhGiá: data['ngày đánh giá'],
                vùng: attributes['vùng'],
                nhóm: attributes['nhóm'],
                danhSách: data['danh sách'],
                điểmThẩmTra: data['điểm thẩm tra'],
                điểmTựChấm: data['điểm tự chấm'],
                điểmTráiSốLiệu: data['điểm trái số liệu']
            });
            checked++;
        }
        expect(checked).toBeGreaterThan(3);
    });
});

describe('verdicts only with rates the report states', () => {
    it('uses a stated rate when its parts are missing, accepts one its parts support, and hands back one they contradict', async () => {
        const evaluator = await loader.load(await generateModule(FORMS));
        const options = { ngàyĐánhGiá: '2024-01-01' };
        const cases: [Record<string, unknown>, string, boolean][] = [
            [{ 'tỷ lệ điện': 100 }, 'đạt', false],
            [{ 'tỷ lệ điện': 99.5 }, 'chưa đạt', false],
            [{ 'tỷ lệ điện': 100, 'hộ dùng điện': 57 }, 'đạt', false],
            [{ 'tỷ lệ điện': 33.33, 'hộ dùng điện': 40, 'tổng số hộ': 120 }, 'chưa đạt', false],
            [{ 'tỷ lệ điện': 33.4, 'hộ dùng điện': 40, 'tổng số hộ': 120 }, 'chưa đạt', false],
            [{ 'tỷ lệ điện': 100, 'hộ dùng điện': 56, 'tổng số hộ': 57 }, 'chưa đạt', true],
            [{ 'tỷ lệ điện': 98, 'hộ dùng điện': 57, 'tổng số hộ': 57 }, 'đạt', true]
        ];
        for (const [facts, verdict, inconsistent] of cases) {
            const fast = expectSame(evaluator, facts, options);
            if (!('result' in fast)) throw new Error(fast.error);
            const indicator = fast.result.indicators.find(i => i.label === '1.2')!;
            expect(indicator.verdict, JSON.stringify(facts)).toBe(verdict);
            expect(indicator.flags.includes('inconsistent-data'), JSON.stringify(facts)).toBe(inconsistent);
        }
    });
});

describe('verdicts only on a pack of every rule form', () => {
    it('equals the full result on ranges, levels, breakdowns, at-least, or, applicability and arithmetic', async () => {
        const evaluator = await loader.load(await generateModule(FORMS));
        const options = { ngàyĐánhGiá: '2024-01-01' };
        for (const facts of communes(evaluator.FACT_SPECS, 800, 7)) expectSame(evaluator, facts, options);
    });
});

const FORMS = `bộ tiêu chí thử "Thử mọi dạng"
  cấp xã nông thôn mới
  địa bàn "tỉnh Hà Nam"
  phiên bản "1"
  căn cứ 1/2022/QĐ-UBND ngày 16/09/2022 của "UBND tỉnh Hà Nam" "Bộ tiêu chí"
  hiệu lực từ 01/01/2022 đến 31/12/2025

thang phổ cập: chưa đạt < mức độ 1 < mức độ 2 < mức độ 3
phân tổ giới tính: nam, nữ

dữ kiện rác thải: phần trăm
dữ kiện hộ dùng điện: đếm hộ
dữ kiện tổng số hộ: đếm hộ
dữ kiện hộ nghèo: đếm hộ
dữ kiện tỷ lệ điện = tỷ số hộ dùng điện / tổng số hộ
dữ kiện mức phổ cập: mức theo phổ cập
dữ kiện lao động qua đào tạo: phần trăm, phân theo giới tính
dữ kiện trụ sở riêng: có/không
dữ kiện nước sinh hoạt: số lít/người/ngày
dữ kiện thu nhập: tiền triệu đồng/người/năm
dữ kiện đường trục xã: số km
dữ kiện đường cứng hóa: số km
dữ kiện tỷ lệ đường cứng hóa = đường cứng hóa / đường trục xã

tiêu chí 1 "Tổng hợp"
  căn cứ 1/2022/QĐ-UBND "Phụ lục"
  chỉ tiêu 1.1 "Rác" rác thải >= 98%
  chỉ tiêu 1.2 "Điện" tỷ lệ điện = 100%
  chỉ tiêu 1.3 "Phổ cập" mức phổ cập từ mức độ 3 trở lên
  chỉ tiêu 1.4 "Lao động" lao động qua đào tạo >= 85% cho cả nam và nữ
  chỉ tiêu 1.5 "Trụ sở; nước" có trụ sở riêng và nước sinh hoạt từ 80 đến 110 lít/người/ngày
  chỉ tiêu 1.6 "Thu nhập" thu nhập > 72,5 triệu đồng/người/năm
  chỉ tiêu 1.7 "Đường" tỷ lệ đường cứng hóa >= 70%
  chỉ tiêu 1.8 "Nghèo" tỷ số hộ nghèo / tổng số hộ <= 2%
  chỉ tiêu 1.9 "Ít nhất 2" ít nhất 2 trong { rác thải >= 95%; nước sinh hoạt > 60 lít/người/ngày; có trụ sở riêng }
  chỉ tiêu 1.10 "Hoặc" thu nhập >= 60 triệu đồng/người/năm hoặc tỷ lệ điện >= 99%
  chỉ tiêu 1.11 "Không có trụ sở" không có trụ sở riêng
`;
