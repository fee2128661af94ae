import type { EvaluationResult } from '@ntm/runtime';
import type { CommuneData } from '../commune/commune-data.js';
import type { VerdictCheck } from './sample-check.js';

/**
 * Official verdicts that contradict each other: a criterion «đạt» while one of its indicators that applies is
 * officially «chưa đạt» (a criterion is met only when all its applicable indicators are; a scored criterion is
 * judged by points, so it is left out). One failing check per such criterion: either the file misquotes the
 * report, or the report contradicts itself and the verdict that cannot be trusted should be left blank (null).
 */
export function officialContradictions(result: EvaluationResult, data: CommuneData): VerdictCheck[] {
    const official = data['kết quả chính thức'] ?? {};
    const indicators = official['chỉ tiêu'] ?? {};
    const checks: VerdictCheck[] = [];
    for (const [label, verdict] of Object.entries(official['tiêu chí'] ?? {})) {
        if (verdict !== 'đạt') continue;
        const criterion = result.criteria.find(c => c.label === label);
        if (!criterion || criterion.score) continue;
        const failing = result.indicators
            .filter(i => i.criterion === label && i.verdict !== 'không áp dụng' && indicators[i.label] === 'chưa đạt')
            .map(i => i.label);
        if (failing.length === 0) continue;
        checks.push({
            level: 'criterion',
            label,
            official: verdict,
            computed: criterion.verdict,
            status: 'official-contradiction',
            detail: [
                `kết quả chính thức ghi tiêu chí ${label} «đạt» nhưng chỉ tiêu ${failing.join(', ')} «chưa đạt»: một tiêu chí chỉ đạt khi mọi chỉ tiêu áp dụng đều đạt`,
                'kiểm tra lại tệp đã chép đúng báo cáo; nếu chính báo cáo tự mâu thuẫn, để trống (null) kết luận không tin được và ghi lý do trong «ghi chú dữ kiện» hoặc «nguồn»'
            ]
        });
    }
    return checks;
}
