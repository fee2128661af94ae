import type { EvaluationResult } from '@ntm/language';
import { FLAG_LABELS, SEVERITY_LABELS } from '@ntm/runtime';
import type { CommuneData } from '../commune/commune-data.js';
import type { VerdictCheck } from '../samples/sample-check.js';
import { formatScore } from '../samples/sample-check.js';
import { compareLabels, sortLabels } from '../plan/labels.js';
import { checkLine, sortChecks } from './check-line.js';
import type { Line, Segment } from './styled.js';
import { verdictSegments, verdictStyle } from './styled.js';
import type { Column } from './text-table.js';
import { renderTable } from './text-table.js';
import { wrapLine } from './wrap-line.js';
import { criterionPoints, indicatorRow } from './indicator-row.js';

const verdictColumn = (header: string): Column => ({ header, fit: 'whole', paint: verdictSegments });

/** The readable Vietnamese report of `ntm eval`: one table per criterion, then the summary and differences. */
export function renderEvaluation(
    result: EvaluationResult,
    commune: CommuneData | undefined,
    checks: readonly VerdictCheck[],
    width: number,
    selectionNote?: string
): Line[] {
    const out: Line[] = [];
    const say = (line: Line, indent = 4) => out.push(...wrapLine(line, width, indent));
    const official = commune?.['kết quả chính thức'];
    const place = commune
        ? [commune['xã'] && `xã ${commune['xã']}`, commune['huyện'] && `huyện ${commune['huyện']}`, commune['tỉnh'] && `tỉnh ${commune['tỉnh']}`]
              .filter(Boolean)
              .join(', ')
        : '';
    say(`Đánh giá ${place || 'xã'} theo «${result.pack.title}» (${result.pack.level}, ${result.pack.jurisdiction}, phiên bản ${result.pack.version})`);
    say(`Ngày đánh giá: ${result.assessedAt}. Căn cứ: ${result.pack.sources.map(s => `${s.number} của ${s.issuer}`).join('; ')}.`);
    if (selectionNote) say(`Bộ tiêu chí: ${selectionNote}.`);
    if (result.pack.basedOn.length > 0) say(`Dựa trên: ${result.pack.basedOn.map(b => `«${b.title}»`).join(' ← ')}.`);
    for (const amendment of result.pack.amendments) {
        if (amendment.notEncoded) {
            say(
                `Sửa đổi chưa mã hóa: ${amendment.number} của ${amendment.issuer}, từ ${amendment.from}: bộ tiêu chí chưa có nội dung của văn bản này` +
                    (amendment.from <= result.assessedAt ? '; kết quả ở ngày đánh giá có thể sai ở những chỉ tiêu nó sửa.' : ' (sau ngày đánh giá).')
            );
            continue;
        }
        say(
            `Sửa đổi: ${amendment.number} của ${amendment.issuer}, áp dụng từ ${amendment.from} (${amendment.from <= result.assessedAt ? 'đang áp dụng' : 'chưa áp dụng ở ngày đánh giá'}).`
        );
    }
    if (result.context.regionNote) say(`Vùng: ${result.context.regionNote}.`);
    if (result.context.group) say(`Nhóm xã: ${result.context.group}.`);
    out.push('');
    const scored = result.indicators.some(i => i.score);
    const columns: Column[] = [
        { header: 'Chỉ tiêu', fit: 'whole' },
        { header: 'Giá trị', fit: 'wrap' },
        { header: 'Yêu cầu', fit: 'wrap' },
        verdictColumn('Kết quả'),
        ...(scored ? [{ header: 'Điểm', fit: 'whole' } as const] : []),
        ...(official ? [{ ...verdictColumn('Chính thức'), dropWhenEmpty: true }] : []),
        { header: 'Ghi chú', fit: 'notes', dropWhenEmpty: true }
    ];
    for (const criterion of [...result.criteria].sort((a, b) => compareLabels(a.label, b.label))) {
        const officialVerdict = official?.['tiêu chí']?.[criterion.label];
        const officialScore = official?.['điểm']?.[criterion.label];
        const differs = officialVerdict !== undefined && officialVerdict !== criterion.verdict;
        say([
            { text: `Tiêu chí ${criterion.label} — ${criterion.title}: ` },
            ...styledVerdict(criterion.verdict.toUpperCase(), criterion.verdict),
            ...(differs ? [{ text: ' ' }, { text: '≠', style: 'differs' as const }] : []),
            {
                text:
                    (officialVerdict ? ` (chính thức: ${officialVerdict})` : '') +
                    (criterion.score
                        ? ` — ${criterionPoints(criterion.score)}${officialScore !== undefined ? ` (chính thức: ${formatScore(officialScore)})` : ''}`
                        : '') +
                    ` — đạt ${criterion.indicatorsMet}/${criterion.indicatorsApplicable} chỉ tiêu áp dụng`
            }
        ]);
        for (const line of criterion.explanation ?? []) say(`  ${line}`, 6);
        const indicators = result.indicators.filter(i => i.criterion === criterion.label).sort((a, b) => compareLabels(a.label, b.label));
        const rows = indicators.map(i => indicatorRow(i, official ? (official['chỉ tiêu']?.[i.label] ?? '') : undefined, scored));
        out.push(...renderTable(columns, rows, width));
        out.push('');
    }
    if (result.gates.length > 0) {
        out.push('Điều kiện công nhận:');
        for (const gate of result.gates) {
            say(
                [
                    { text: `  - ${gate.text}: ` },
                    ...styledVerdict(gate.verdict, gate.verdict),
                    { text: gate.missingFacts.length > 0 ? ` (thiếu: ${gate.missingFacts.join('; ')})` : '' }
                ],
                6
            );
            // The figures compared, the threshold and the gap, as an indicator's row gives them.
            // A yes/no condition has no figure: its requirement («có») says nothing the verdict does not.
            const details = [
                gate.value ? `giá trị ${gate.value.text}` : '',
                gate.value && gate.threshold ? `yêu cầu ${gate.threshold}` : '',
                gate.gap?.text ?? '',
                // An unverified threshold is said by its note, with the words of the pack.
                ...gate.flags.filter(f => f !== 'unverified-threshold').map(f => `[${FLAG_LABELS[f]}]`),
                ...gate.notes.map(n => n.text)
            ].filter(Boolean);
            if (details.length > 0) say(`      ${details.join('; ')}`, 8);
        }
        out.push('');
    }
    const s = result.summary;
    if (s.scoresEnteredInRange.length > 0 || s.scoresAgainstEvidence.length > 0) {
        say(
            `Điểm do thẩm định viên nhập: ${s.scoresEnteredInRange.length + s.scoresAgainstEvidence.length} — trong khoảng quy tắc cho phép: ${sortLabels(s.scoresEnteredInRange).join(', ') || 'không có'}; trái số liệu của báo cáo: ${sortLabels(s.scoresAgainstEvidence).join(', ') || 'không có'}.`
        );
    }
    say([
        {
            text: `KẾT QUẢ TÍNH: ${s.text}${result.indicators.length > 0 ? `, ${s.indicatorsMet}/${s.indicatorsTotal} chỉ tiêu áp dụng` : ''} — công nhận: `,
            style: 'strong'
        },
        ...styledVerdict(s.recognition.toUpperCase(), s.recognition)
    ]);
    if (s.points) {
        const points = s.points;
        const awarded =
            points.awarded !== undefined
                ? formatScore(points.awarded)
                : points.possible
                  ? `${formatScore(points.possible.min)}–${formatScore(points.possible.max)}`
                  : '?';
        say(
            [
                { text: `  Tổng điểm: ${awarded}/${formatScore(points.max)} điểm; ` },
                ...(points.passMark
                    ? [
                          { text: `điểm đạt của tổng điểm: ${points.passMark} → ` },
                          ...styledVerdict(points.passVerdict ?? 'thiếu dữ liệu', points.passVerdict ?? 'thiếu dữ liệu')
                      ]
                    : [{ text: 'bộ tiêu chí không đặt điểm đạt cho tổng điểm' }])
            ],
            6
        );
    }
    if (s.criteriaNotMet.length > 0) say(`  Tiêu chí chưa đạt: ${sortLabels(s.criteriaNotMet).join(', ')}`, 6);
    if (s.criteriaMissingData.length > 0) say(`  Tiêu chí thiếu dữ liệu: ${sortLabels(s.criteriaMissingData).join(', ')}`, 6);
    // A file whose official results are left blank (a commune not yet assessed) has nothing to compare.
    const officialGiven =
        official !== undefined &&
        (Object.keys(official['tiêu chí'] ?? {}).length > 0 || Object.keys(official['chỉ tiêu'] ?? {}).length > 0 || official['công nhận'] != null);
    if (official && officialGiven) {
        const officialCriteria = Object.values(official['tiêu chí'] ?? {});
        const met = officialCriteria.filter(v => v === 'đạt' || v === 'không áp dụng').length;
        const recognition = official['công nhận'];
        say([
            { text: `KẾT QUẢ CHÍNH THỨC: đạt ${met}/${officialCriteria.length} tiêu chí — công nhận: `, style: 'strong' },
            ...styledVerdict((recognition ?? 'không ghi').toUpperCase(), recognition ?? ''),
            { text: official['trích dẫn'] ? ` («${official['trích dẫn']}»)` : '' }
        ]);
    }
    const differences = sortChecks(checks.filter(c => c.status !== 'match'));
    if (differences.length > 0) {
        out.push('');
        out.push('Khác biệt so với kết quả chính thức:');
        for (const check of differences) say(checkLine(check, '  '), 6);
    }
    const unverified = result.indicators.filter(i => i.flags.includes('unverified-threshold'));
    if (unverified.length > 0) {
        out.push('');
        say(`Kết quả dựa trên ngưỡng chưa kiểm chứng (${unverified.length} chỉ tiêu): ${sortLabels(unverified.map(i => i.label)).join(', ')}`);
    }
    if (s.gatesOnUnverifiedThresholds.length > 0) {
        if (unverified.length === 0) out.push('');
        say(`Điều kiện công nhận dựa trên ngưỡng chưa kiểm chứng: ${s.gatesOnUnverifiedThresholds.map(t => `«${t}»`).join('; ')}`);
    }
    if (s.indicatorsOnImpliedBounds.length > 0 || s.criteriaOnImpliedBounds.length > 0) {
        const decided = result.criteria.filter(c => c.verdict === 'đạt' || c.verdict === 'chưa đạt');
        say(
            `Kết luận CHỈ dựa trên cận suy ra từ chính kết luận đã biết (vòng tròn, chưa kiểm chứng): ` +
                `${s.criteriaOnImpliedBounds.length}/${decided.length} tiêu chí đã kết luận (${sortLabels(s.criteriaOnImpliedBounds).join(', ') || 'không có'}); ` +
                `${s.indicatorsOnImpliedBounds.length} chỉ tiêu (${sortLabels(s.indicatorsOnImpliedBounds).join(', ')}).`
        );
        const metOnImplied = result.criteria.filter(c => c.verdict === 'đạt' && c.flags.includes('implied-bounds'));
        say(
            `  Trong ${result.summary.criteriaMet} tiêu chí đạt, ${metOnImplied.length} tiêu chí chỉ đạt nhờ cận suy ra: ${sortLabels(metOnImplied.map(c => c.label)).join(', ') || 'không có'}.`,
            6
        );
    }
    if (result.inputIssues.length > 0) {
        out.push('');
        out.push('Vấn đề dữ liệu đầu vào:');
        for (const issue of result.inputIssues) say(`  - ${SEVERITY_LABELS[issue.severity]} ${issue.field}: ${issue.message}`, 6);
    }
    return out;
}

function styledVerdict(text: string, verdict: string): Segment[] {
    const style = verdictStyle(verdict);
    return [style ? { text, style } : { text }];
}
