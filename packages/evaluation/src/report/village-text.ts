import type { EvaluationResult } from '@ntm/language';
import type { VerdictCheck } from '../samples/sample-check.js';
import type { VillageSummary } from '../samples/villages.js';
import { sortLabels } from '../plan/labels.js';
import { checkLine, sortChecks } from './check-line.js';
import type { Line } from './styled.js';
import { verdictSegments } from './styled.js';
import { renderTable } from './text-table.js';
import { wrapLine } from './wrap-line.js';

type Village = { readonly name: string; readonly result: EvaluationResult };

/**
 * A village-level pack over the villages of a commune: each village's result, «k/n thôn đạt», the
 * differences from the official verdicts, and which verdicts rest on thresholds not verified.
 */
export function renderVillages(
    villages: readonly Village[],
    summary: VillageSummary,
    official: Readonly<Record<string, string>> | undefined,
    checks: readonly VerdictCheck[],
    width: number
): Line[] {
    const out: Line[] = [];
    const say = (line: Line, indent = 4) => out.push(...wrapLine(line, width, indent));
    const first = villages[0]?.result;
    if (first) say(`Đánh giá từng thôn theo «${first.pack.title}» (${first.pack.level}), ngày ${first.assessedAt}:`);
    const rows = villages.map(({ name, result }) => {
        const failing = result.criteria.filter(c => c.verdict !== 'đạt' && c.verdict !== 'không áp dụng').map(c => `${c.label} (${c.verdict})`);
        const unverified = result.indicators.filter(i => i.flags.includes('unverified-threshold')).map(i => i.label);
        const mark = official?.[name] !== undefined && official[name] !== result.summary.recognition ? ' ≠' : '';
        const notes = [...failing, ...(unverified.length > 0 ? [`[ngưỡng chưa kiểm chứng: ${sortLabels(unverified).join(', ')}]`] : [])];
        return [[name], [result.summary.recognition + mark], ...(official ? [[official[name] ?? '']] : []), [result.summary.text], [notes.join('; ')]];
    });
    out.push(
        ...renderTable(
            [
                { header: 'Thôn', fit: 'wrap' },
                { header: 'Kết quả', fit: 'whole', paint: verdictSegments },
                ...(official ? [{ header: 'Chính thức', fit: 'whole', paint: verdictSegments } as const] : []),
                { header: 'Tiêu chí', fit: 'wrap' },
                { header: 'Chưa đạt / thiếu dữ liệu', fit: 'notes', dropWhenEmpty: true }
            ],
            rows,
            width
        )
    );
    out.push('');
    out.push([{ text: `${summary.text}.`, style: 'strong' }]);
    const differences = sortChecks(checks.filter(c => c.status !== 'match'));
    if (differences.length > 0) {
        out.push('');
        out.push('Khác biệt so với kết quả chính thức:');
        for (const check of differences) say(checkLine(check, '  '), 6);
    }
    const flagged = villages
        .map(v => ({ name: v.name, labels: v.result.indicators.filter(i => i.flags.includes('unverified-threshold')).map(i => i.label) }))
        .filter(v => v.labels.length > 0);
    if (flagged.length > 0) {
        out.push('');
        say(`Kết quả dựa trên ngưỡng chưa kiểm chứng (${flagged.length}/${villages.length} thôn):`);
        for (const village of flagged) say(`  - ${village.name}: ${sortLabels(village.labels).join(', ')}`, 6);
    }
    return out;
}
