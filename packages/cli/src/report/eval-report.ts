import type { EvaluationResult, IndicatorResult } from '@ntm/language';
import { FLAG_LABELS, SEVERITY_LABELS } from '@ntm/runtime'; // not @ntm/language: `ntm eval` of a cached pack loads no compiler
import type { CommuneData, VerdictCheck } from '@ntm/evaluation';
import { formatScore } from '@ntm/evaluation';
import { checkLine } from './check-line.js';
import { renderTable } from './text-table.js';

/** The readable Vietnamese report of `ntm eval`: one table per criterion, then the summary and differences. */
export function renderEvaluation(result: EvaluationResult, commune: CommuneData | undefined, checks: readonly VerdictCheck[], selectionNote?: string): string[] {
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
    const scored = result.indicators.some(i => i.score);
    for (const criterion of result.criteria) {
        const officialVerdict = official?.['tiêu chí']?.[criterion.label];
        const officialScore = official?.['điểm']?.[criterion.label];
        out.push(`Tiêu chí ${criterion.label} — ${criterion.title}: ${criterion.verdict.toUpperCase()}` +
            (officialVerdict ? ` (chính thức: ${officialVerdict})` : '') +
            (criterion.score ? ` — ${criterionPoints(criterion.score)}${officialScore !== undefined ? ` (chính thức: ${formatScore(officialScore)})` : ''}` : '') +
            ` — đạt ${criterion.indicatorsMet}/${criterion.indicatorsApplicable} chỉ tiêu áp dụng`);
        for (const line of criterion.explanation ?? []) out.push(`  ${line}`);
        const rows = result.indicators.filter(i => i.criterion === criterion.label).map(i => indicatorRow(i, official?.['chỉ tiêu']?.[i.label], scored));
        const headers = ['Chỉ tiêu', 'Giá trị', 'Yêu cầu', 'Kết quả', ...(scored ? ['Điểm'] : []), 'Chính thức', 'Ghi chú'];
        out.push(...renderTable(headers, rows, [8, 34, 34, 13, ...(scored ? [16] : []), 13, 400]));
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
    if (s.scoresEnteredInRange.length > 0 || s.scoresAgainstEvidence.length > 0) {
        out.push(`Điểm do thẩm định viên nhập: ${s.scoresEnteredInRange.length + s.scoresAgainstEvidence.length} — trong khoảng quy tắc cho phép: ${s.scoresEnteredInRange.join(', ') || 'không có'}; trái số liệu của báo cáo: ${s.scoresAgainstEvidence.join(', ') || 'không có'}.`);
    }
    out.push(`KẾT QUẢ TÍNH: ${s.text}, ${s.indicatorsMet}/${s.indicatorsTotal} chỉ tiêu áp dụng — công nhận: ${s.recognition.toUpperCase()}`);
    if (s.criteriaNotMet.length > 0) out.push(`  Tiêu chí chưa đạt: ${s.criteriaNotMet.join(', ')}`);
    if (s.criteriaMissingData.length > 0) out.push(`  Tiêu chí thiếu dữ liệu: ${s.criteriaMissingData.join(', ')}`);
    if (official) {
        const officialCriteria = Object.values(official['tiêu chí'] ?? {});
        const met = officialCriteria.filter(v => v === 'đạt' || v === 'không áp dụng').length;
        out.push(`KẾT QUẢ CHÍNH THỨC: đạt ${met}/${officialCriteria.length} tiêu chí — công nhận: ${(official['công nhận'] ?? 'không ghi').toUpperCase()}` +
            (official['trích dẫn'] ? ` («${official['trích dẫn']}»)` : ''));
    }
    const differences = checks.filter(c => c.status !== 'match');
    if (differences.length > 0) {
        out.push('');
        out.push('Khác biệt so với kết quả chính thức:');
        for (const check of differences) {
            out.push(`  ${checkLine(check)}`);
        }
    }
    const unverified = result.indicators.filter(i => i.flags.includes('unverified-threshold'));
    if (unverified.length > 0) {
        out.push('');
        out.push(`Kết quả dựa trên ngưỡng chưa kiểm chứng (${unverified.length} chỉ tiêu): ${unverified.map(i => i.label).join(', ')}`);
    }
    if (s.indicatorsOnImpliedBounds.length > 0 || s.criteriaOnImpliedBounds.length > 0) {
        const decided = result.criteria.filter(c => c.verdict === 'đạt' || c.verdict === 'chưa đạt');
        out.push(`Kết luận CHỈ dựa trên cận suy ra từ chính kết luận đã biết (vòng tròn, chưa kiểm chứng): ` +
            `${s.criteriaOnImpliedBounds.length}/${decided.length} tiêu chí đã kết luận (${s.criteriaOnImpliedBounds.join(', ') || 'không có'}); ` +
            `${s.indicatorsOnImpliedBounds.length} chỉ tiêu (${s.indicatorsOnImpliedBounds.join(', ')}).`);
        const metOnImplied = result.criteria.filter(c => c.verdict === 'đạt' && c.flags.includes('implied-bounds'));
        out.push(`  Trong ${result.summary.criteriaMet} tiêu chí đạt, ${metOnImplied.length} tiêu chí chỉ đạt nhờ cận suy ra: ${metOnImplied.map(c => c.label).join(', ') || 'không có'}.`);
    }
    if (result.inputIssues.length > 0) {
        out.push('');
        out.push('Vấn đề dữ liệu đầu vào:');
        for (const issue of result.inputIssues) out.push(`  - ${SEVERITY_LABELS[issue.severity]} ${issue.field}: ${issue.message}`);
    }
    return out;
}

function criterionPoints(score: NonNullable<EvaluationResult['criteria'][number]['score']>): string {
    const awarded = score.awarded !== undefined ? formatScore(score.awarded) : score.possible ? `${formatScore(score.possible.min)}–${formatScore(score.possible.max)}` : '?';
    return `${awarded}/${formatScore(score.max)} điểm` + (score.self !== undefined ? ` (tự chấm ${formatScore(score.self)})` : '') + (score.passMark ? `, điểm đạt ${score.passMark}` : '');
}

function indicatorPoints(indicator: IndicatorResult): string {
    const s = indicator.score;
    if (!s) return '';
    if (s.by === 'not-applicable') return '—';
    const awarded = s.awarded !== undefined ? formatScore(s.awarded) : s.possible ? `${formatScore(s.possible.min)}–${formatScore(s.possible.max)}?` : '?';
    const mark = s.by === 'assessor-in-range' ? ' (TĐV)' : s.by === 'assessor-against-evidence' ? ' (TĐV!)' : '';
    return `${awarded}/${formatScore(s.max)}${mark}${s.self !== undefined ? ` tự ${formatScore(s.self)}` : ''}`;
}

function indicatorRow(indicator: IndicatorResult, official: string | undefined, scored = false): string[] {
    // Values of a year window or a list of villages are shown with their year or village.
    const indexed = (fact: string) => /\((năm \d{4}|\S+ .+)\)$/.exec(fact)?.[1];
    const value = indicator.value?.text ?? (indicator.factsUsed.length === 1
        ? indicator.factsUsed[0]!.text
        : indicator.factsUsed.map(u => indexed(u.fact) ? `${indexed(u.fact)}: ${u.text}` : u.text).join('; ')) ?? '';
    const notes = [
        ...(indicator.gap ? [indicator.gap.text] : []),
        ...(indicator.missingFacts.length > 0 ? [`thiếu: ${indicator.missingFacts.join('; ')}`] : []),
        ...indicator.flags.map(f => `[${FLAG_LABELS[f]}]`),
        // Unverified thresholds are listed under the table; a score given against the evidence shows in its ledger line.
        ...indicator.notes.filter(n => n.code !== 'unverified-threshold' && n.code !== 'score-against-evidence').map(n => n.text)
    ];
    const mismatch = official !== undefined && official !== indicator.verdict ? ' ≠' : '';
    const ledger = indicator.score && indicator.score.by !== 'rule' ? indicator.score.ledger.slice(-1) : [];
    return [indicator.label, value || '—', indicator.threshold ?? indicator.rule, indicator.verdict + mismatch,
        ...(scored ? [indicatorPoints(indicator)] : []), official ?? '', [...notes, ...ledger].join('; ')];
}

/** A village-level pack over the villages of a commune: each village's result, then «k/n thôn đạt». */
export function renderVillages(villages: readonly { readonly name: string; readonly result: EvaluationResult }[], official: Readonly<Record<string, string>> | undefined): string[] {
    const out: string[] = [];
    const first = villages[0]?.result;
    if (first) out.push(`Đánh giá từng thôn theo «${first.pack.title}» (${first.pack.level}), ngày ${first.assessedAt}:`);
    const rows = villages.map(({ name, result }) => {
        const failing = result.criteria.filter(c => c.verdict !== 'đạt' && c.verdict !== 'không áp dụng').map(c => `${c.label} (${c.verdict})`);
        const mark = official?.[name] !== undefined && official[name] !== result.summary.recognition ? ' ≠' : '';
        return [name, result.summary.recognition + mark, official?.[name] ?? '', result.summary.text, failing.join(', ')];
    });
    out.push(...renderTable(['Thôn', 'Kết quả', 'Chính thức', 'Tiêu chí', 'Chưa đạt / thiếu dữ liệu'], rows, [24, 14, 13, 40, 400]));
    const met = villages.filter(v => v.result.summary.recognition === 'đạt').length;
    out.push(`${met}/${villages.length} thôn đạt.`);
    return out;
}
