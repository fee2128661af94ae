import type { EvaluationResult } from '@ntm/runtime';
import type { VerdictCheck } from './sample-check.js';
import { sortLabels } from '../plan/labels.js';

export type SampleUnit = 'xã' | 'thôn';

/** What the sample communes of one pack exercise, and where an official verdict contradicts the rules. */
export class PackCoverage {
    private readonly indicators = new Map<string, string>();
    private readonly exercised = new Set<string>();
    readonly contradictions: string[] = [];
    /** Sample units by kind: a commune file is one «xã»; each village of a village-level pack is one «thôn». */
    private readonly units = new Map<SampleUnit, number>();

    get samples(): number {
        return [...this.units.values()].reduce((sum, n) => sum + n, 0);
    }

    constructor(readonly packTitle: string) {}

    /** An indicator counts as exercised when a sample's data decides it (not «thiếu dữ liệu»). */
    add(result: EvaluationResult, checks: readonly VerdictCheck[], commune: string, unit: SampleUnit = 'xã'): void {
        this.units.set(unit, (this.units.get(unit) ?? 0) + 1);
        for (const indicator of result.indicators) {
            this.indicators.set(indicator.label, indicator.requirementText ?? indicator.rule);
            if (indicator.verdict !== 'thiếu dữ liệu') this.exercised.add(indicator.label);
        }
        const byLabel = new Map(result.indicators.map(i => [i.label, i] as const));
        for (const check of checks) {
            if (check.level !== 'indicator' || !check.official || !check.computed) continue;
            const decided = (v: string) => v === 'đạt' || v === 'chưa đạt';
            if (!decided(check.official) || !decided(check.computed) || check.official === check.computed) continue;
            const indicator = byLabel.get(check.label);
            if (!indicator || indicator.unknownThresholds.length > 0) continue;
            const soft = indicator.flags.includes('unverified-threshold') ? ' (ngưỡng chưa kiểm chứng)' : '';
            this.contradictions.push(
                `xã ${commune}, chỉ tiêu ${check.label}: chính thức «${check.official}» nhưng giá trị ${indicator.value?.text ?? indicator.factsUsed.map(u => u.text).join('; ')} so với yêu cầu ${indicator.threshold ?? indicator.rule} cho «${check.computed}»${soft}`
            );
        }
    }

    /** The same as `lines`, as data (for `--json`). */
    data(): { packTitle: string; exercised: number; indicators: number; samples: Record<string, number>; notExercised: string[]; contradictions: string[] } {
        return {
            packTitle: this.packTitle,
            exercised: this.exercised.size,
            indicators: this.indicators.size,
            samples: Object.fromEntries(this.units),
            notExercised: sortLabels([...this.indicators.keys()].filter(label => !this.exercised.has(label))),
            contradictions: [...this.contradictions]
        };
    }

    lines(): string[] {
        const missing = sortLabels([...this.indicators.keys()].filter(label => !this.exercised.has(label)));
        // «7 thôn mẫu» for a village-level pack, «3 xã mẫu» otherwise.
        const kinds = [...this.units.keys()];
        const one = kinds.length === 1 ? kinds[0]! : 'xã hoặc thôn';
        const counted = [...this.units.entries()].map(([unit, n]) => `${n} ${unit} mẫu`).join(', ') || `0 ${one} mẫu`;
        const out = [`Độ phủ «${this.packTitle}»: ${this.exercised.size}/${this.indicators.size} chỉ tiêu được ít nhất một ${one} mẫu kiểm (${counted}).`];
        if (missing.length > 0) out.push(`  Chưa ${one} mẫu nào kiểm (toàn thiếu dữ liệu): ${missing.join(', ')}`);
        if (this.contradictions.length > 0) {
            out.push(`  Kết luận chính thức trái với ngưỡng đã mã hóa (${this.contradictions.length}):`);
            for (const line of this.contradictions) out.push(`    - ${line}`);
        }
        return out;
    }
}
