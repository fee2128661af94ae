import type { EvaluationResult, IndicatorResult } from '@ntm/language';
import type { CommuneData } from '../commune/commune-file.js';
import type { VerdictCheck } from '../commune/sample-check.js';
import { checkPassed } from '../commune/sample-check.js';
import { renderTable } from './text-table.js';

/** The readable Vietnamese report of `ntm eval`: one table per criterion, then the summary and differences. */
export function renderEvaluation(result: EvaluationResult, commune: CommuneData | undefined, checks: readonly VerdictCheck[], selectionNote?: string): string {
    const out: string[] = [];
    const official = commune?.['kết quả chính thức'];
    const place = commune ? [commune['xã'] && `xã ${commune['xã']}`, commune['huyện'] && `huyện ${commune['huyện']}`, commune['tỉnh'] && `tỉnh ${commune['tỉnh']}`].filter(Boolean).join(', ') : '';
    out.push(`Đánh giá ${place || 'xã'} theo «${result.pack.title}» (${result.pack.level}, ${result.pack.jurisdiction}, phiên bản ${result.pack.version})`);
    out.push(`Ngày đánh giá: ${result.assessedAt}. Căn cứ: ${result.pack.sources.map(s => `${s.number} của ${s.issuer}`).join('; ')}.`);
    if (selectionNote) out.push(`Bộ tiêu chí: ${selectionNote}.`);
    if (result.pack.basedOn.length > 0) out.push(`Dựa trên: ${result.pack.basedOn.map(b => `«${b.title}»`).join(' ← ')}.`);
    for (const amendment of result.pack.amendments) {
        out.push(`Sửa đổi: ${amendment.number} của ${amendment.issuer}, áp dụng từ ${amendment.from}${amendment.from <= result.assessedAt ? ' (đang áp dụng)' : ' (chưa áp dụng ở ngày đánh giá)'}.`);
    }
    if (result.context.regionNote) out.push(`Vùng: ${result.context.regionNote}.`);
    if (result.context.group) out.push(`Nhóm xã: ${result.context.group}.`);
    out.push('');
    for (const criterion of result.criteria) {
        const officialVerdict = official?.['tiêu chí']?.[criterion.label];
        out.push(`Tiêu chí ${criterion.label} — ${criterion.title}: ${criterion.verdict.toUpperCase()}` +
            (officialVerdict ? ` (chính thức: ${officialVerdict})` : '') +
            ` — đạt ${criterion.indicatorsMet}/${criterion.indicatorsApplicable} chỉ tiêu áp dụng`);
        const rows = result.indicators.filter(i => i.criterion === criterion.label).map(i => indicatorRow(i, official?.['chỉ tiêu']?.[i.label]));
        out.push(renderTable(['Chỉ tiêu', 'Giá trị', 'Yêu cầu', 'Kết quả', 'Chính thức', 'Ghi chú'], rows, [8, 34, 34, 13, 13, 400]));
        out.push('');
    }
    if (result.gates.length > 0) {
        out.push('Điều kiện công nhận:');
        for (const gate of result.gates) {
            out.push(`  - ${gate.text}: ${gate.verdict}${gate.missingFacts.length > 0 ? ` (thiếu: ${gate.missingFacts.join('; ')})` : ''}`);
        }
        out.push('');
    }
    const s = result.summary;
    out.push(`KẾT QUẢ TÍNH: ${s.text}, ${s.indicatorsMet}/${s.indicatorsTotal} chỉ tiêu áp dụng — công nhận: ${s.recognition.toUpperCase()}`);
    if (s.criteriaNotMet.length > 0) out.push(`  Tiêu chí chưa đạt: ${s.criteriaNotMet.join(', ')}`);
    if (s.criteriaMissingData.length > 0) out.push(`  Tiêu chí thiếu dữ liệu: ${s.criteriaMissingData.join(', ')}`);
    if (official) {
        const officialCriteria = Object.values(official['tiêu chí'] ?? {});
        const met = officialCriteria.filter(v => v === 'đạt' || v === 'không áp dụng').length;
        out.push(`KẾT QUẢ CHÍNH THỨC: đạt ${met}/${officialCriteria.length} tiêu chí — công nhận: ${(official['công nhận'] ?? 'không ghi').toUpperCase()}` +
            (official['trích dẫn'] ? ` («${official['trích dẫn']}»)` : ''));
    }
    const differences = checks.filter(c => c.status !== 'khớp');
    if (differences.length > 0) {
        out.push('');
        out.push('Khác biệt so với kết quả chính thức:');
        for (const check of differences) {
            const cause = check.discrepancy ? ` — ${check.discrepancy['nguyên nhân']}: ${check.discrepancy['giải thích']}` : '';
            const mark = checkPassed(check) ? '•' : '✗';
            const what = check.level === check.label ? check.level : `${check.level} ${check.label}`;
            const why = !check.discrepancy && checkPassed(check) ? ` (${check.detail.filter(d => d.startsWith('do ')).join('; ')})` : '';
            out.push(`  ${mark} ${what}: máy «${check.computed ?? '—'}», chính thức «${check.official ?? '—'}» — ${check.status}${cause}${why}`);
        }
    }
    const unverified = result.indicators.filter(i => i.flags.includes('ngưỡng chưa kiểm chứng'));
    if (unverified.length > 0) {
        out.push('');
        out.push(`Kết quả dựa trên ngưỡng chưa kiểm chứng (${unverified.length} chỉ tiêu): ${unverified.map(i => i.label).join(', ')}`);
    }
    if (s.indicatorsOnImpliedBounds.length > 0 || s.criteriaOnImpliedBounds.length > 0) {
        const decided = result.criteria.filter(c => c.verdict === 'đạt' || c.verdict === 'chưa đạt');
        out.push(`Kết luận CHỈ dựa trên cận suy ra từ chính kết luận đã biết (vòng tròn, chưa kiểm chứng): ` +
            `${s.criteriaOnImpliedBounds.length}/${decided.length} tiêu chí đã kết luận (${s.criteriaOnImpliedBounds.join(', ') || 'không có'}); ` +
            `${s.indicatorsOnImpliedBounds.length} chỉ tiêu (${s.indicatorsOnImpliedBounds.join(', ')}).`);
        const metOnImplied = result.criteria.filter(c => c.verdict === 'đạt' && c.flags.includes('dựa trên cận suy ra'));
        out.push(`  Trong ${result.summary.criteriaMet} tiêu chí đạt, ${metOnImplied.length} tiêu chí chỉ đạt nhờ cận suy ra: ${metOnImplied.map(c => c.label).join(', ') || 'không có'}.`);
    }
    if (result.inputIssues.length > 0) {
        out.push('');
        out.push('Vấn đề dữ liệu đầu vào:');
        for (const issue of result.inputIssues) out.push(`  - ${issue.severity} ${issue.field}: ${issue.message}`);
    }
    return out.join('\n');
}

function indicatorRow(indicator: IndicatorResult, official: string | undefined): string[] {
    const value = indicator.value?.text ?? (indicator.factsUsed.length === 1 ? indicator.factsUsed[0]!.text : indicator.factsUsed.map(u => u.text).join('; ')) ?? '';
    const notes = [
        ...(indicator.gap ? [indicator.gap.text] : []),
        ...(indicator.missingFacts.length > 0 ? [`thiếu: ${indicator.missingFacts.join('; ')}`] : []),
        ...indicator.flags.map(f => `[${f}]`),
        ...indicator.notes.filter(n => !n.startsWith('Ngưỡng chưa kiểm chứng'))
    ];
    const mismatch = official !== undefined && official !== indicator.verdict ? ' ≠' : '';
    return [indicator.label, value || '—', indicator.threshold ?? indicator.rule, indicator.verdict + mismatch, official ?? '', notes.join('; ')];
}
