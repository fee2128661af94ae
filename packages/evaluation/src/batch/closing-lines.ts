import type { BatchTally, CriterionTally } from './batch-table.js';

/**
 * The lines that close a batch: how many communes were evaluated and how many failed, then đạt / chưa đạt
 * per criterion (with missing data and not applicable only where they occur).
 */
export function closingLines(tally: BatchTally): string[] {
    const failed = tally.failed > 0 ? `; ${tally.failed} xã không đánh giá được` : '';
    // Warnings leave a commune evaluated, but an officer should read them before signing.
    const warned = tally.warnings > 0 ? `; ${tally.warnings} cảnh báo` : '';
    const where = failed || warned ? ' (xem trang «Lỗi dữ liệu»)' : '';
    const lines = [`Đã đánh giá ${tally.evaluated} xã${failed}${warned}${where}; ${tally.recognised} xã đạt công nhận.`];
    if (tally.criteria.length > 0 && tally.evaluated > 0) {
        // Packs of the batch may give one label to two criteria: then each is named with its title.
        const labels = tally.criteria.map(c => c.label);
        const named = (c: CriterionTally) => (labels.indexOf(c.label) === labels.lastIndexOf(c.label) ? c.label : `${c.label} «${c.title}»`);
        lines.push(
            `Theo tiêu chí — ${tally.criteria
                .map(c => {
                    const extra = [
                        c.counts['thiếu dữ liệu'] ? `${c.counts['thiếu dữ liệu']} thiếu dữ liệu` : '',
                        c.counts['không áp dụng'] ? `${c.counts['không áp dụng']} không áp dụng` : ''
                    ].filter(Boolean);
                    return `${named(c)}: ${c.counts['đạt']} đạt, ${c.counts['chưa đạt']} chưa đạt${extra.length > 0 ? `, ${extra.join(', ')}` : ''}`;
                })
                .join('; ')}.`
        );
    }
    if (tally.gates.length > 0 && tally.evaluated > 0) {
        lines.push(
            `Theo điều kiện công nhận — ${tally.gates
                .map((g, i) => {
                    const extra = g.counts['thiếu dữ liệu'] ? `, ${g.counts['thiếu dữ liệu']} thiếu dữ liệu` : '';
                    return `ĐK${i + 1}: ${g.counts['đạt']} đạt, ${g.counts['chưa đạt']} chưa đạt${extra}`;
                })
                .join('; ')} (ĐK theo thứ tự trên trang «Điều kiện công nhận»).`
        );
    }
    return lines;
}
