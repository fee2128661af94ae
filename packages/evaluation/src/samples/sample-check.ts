import type { CriterionResult, EvaluationResult, IndicatorResult, Verdict } from '@ntm/runtime';
import type { CommuneData, KnownDiscrepancy, OfficialVerdict } from '../commune/commune-data.js';
import { NOT_ASSESSED } from '../commune/commune-data.js';
import type { CheckLevel, CheckStatus } from './check-codes.js';
import { CHECK_LEVEL_LABELS, statusPasses } from './check-codes.js';
import { shortOfMet, undeclaredCriteria, undeclaredIndicators } from './undeclared-parts.js';
import { officialContradictions } from './official-contradictions.js';

export interface VerdictCheck {
    readonly level: CheckLevel;
    readonly label: string;
    /** A verdict, or for level «điểm» a score as text («19,4»). */
    readonly official?: string;
    readonly computed?: string;
    readonly status: CheckStatus;
    readonly discrepancy?: KnownDiscrepancy;
    /** Why: the indicator's explanation, or which declared discrepancy explains a criterion. */
    readonly detail: readonly string[];
    /**
     * For a criterion (or the recognition) that differs only because of declared differences inside it: the
     * level and labels of those («chỉ tiêu 2.1, 2.2»).
     */
    readonly explainedBy?: { readonly level: CheckLevel; readonly labels: readonly string[] };
    /** For a check of one village's indicator, criterion or recognition: the village («các thôn»). */
    readonly village?: string;
}

export function checkPassed(check: VerdictCheck): boolean {
    return statusPasses(check.status);
}

/**
 * Compares the engine's verdicts with a report's official ones. A difference passes only when declared as
 * a known discrepancy (with its cause); a declared difference that no longer occurs fails, so the list of
 * known discrepancies stays true. A criterion (or recognition) that differs because of a declared
 * indicator discrepancy inside it is explained by that declaration.
 */
export function checkSample(result: EvaluationResult, data: CommuneData): VerdictCheck[] {
    const official = data['kết quả chính thức'] ?? {};
    const declared = data['sai khác đã biết'] ?? [];
    const checks: VerdictCheck[] = [];
    const explainedCriteria = new Map<string, string[]>();
    const indicatorsByLabel = new Map(result.indicators.map(i => [i.label, i] as const));
    const usedDeclarations = new Set<KnownDiscrepancy>();
    /** A declared indicator difference, explaining its criterion's. */
    const explainedBy = (indicator: IndicatorResult) =>
        explainedCriteria.set(indicator.criterion, [...(explainedCriteria.get(indicator.criterion) ?? []), indicator.label]);
    // The first declaration for each label, looked up once per official verdict: linear in the file.
    const firstBy = (key: 'chỉ tiêu' | 'tiêu chí' | 'điểm'): Map<string, KnownDiscrepancy> => {
        const map = new Map<string, KnownDiscrepancy>();
        for (const d of declared) {
            const label = d[key];
            if (label !== undefined && !map.has(label)) map.set(label, d);
        }
        return map;
    };
    const byIndicator = firstBy('chỉ tiêu');
    const byCriterion = firstBy('tiêu chí');
    const byScore = firstBy('điểm');

    for (const [label, verdict] of Object.entries(official['chỉ tiêu'] ?? {})) {
        const indicator = indicatorsByLabel.get(label);
        const declaration = byIndicator.get(label);
        if (declaration) usedDeclarations.add(declaration);
        const check = compare('indicator', label, verdict, indicator?.verdict, declaration, indicator ? explain(indicator) : []);
        if (check.status === 'known-difference' && indicator) explainedBy(indicator);
        checks.push(check);
    }
    const criteriaByLabel = new Map(result.criteria.map(c => [c.label, c] as const));
    // A declaration at an indicator the report gives no verdict of its own, under a criterion it says is met:
    // that «đạt» says every indicator was (tep-xa.md mục 6), so a machine «chưa đạt» there is a difference too.
    for (const declaration of declared) {
        const label = declaration['chỉ tiêu'];
        if (label === undefined || declaration.thôn !== undefined || usedDeclarations.has(declaration) || official['chỉ tiêu']?.[label] !== undefined) continue;
        const indicator = indicatorsByLabel.get(label);
        if (!indicator || !criterionSaysEachMet(official, criteriaByLabel.get(indicator.criterion))) continue;
        usedDeclarations.add(declaration);
        const implied = `báo cáo không kết luận riêng chỉ tiêu ${label}; tiêu chí ${indicator.criterion} «đạt» nghĩa là mọi chỉ tiêu của nó đạt`;
        // Against the implied «đạt», «không áp dụng» is no difference either.
        const differs = shortOfMet(indicator.verdict);
        const check = compare('indicator', label, 'đạt', differs ? indicator.verdict : 'đạt', declaration, [implied, ...explain(indicator)]);
        if (check.status === 'known-difference') explainedBy(indicator);
        checks.push({ ...check, computed: indicator.verdict });
    }
    const explainedByCriteria: string[] = [];
    for (const [label, verdict] of Object.entries(official['tiêu chí'] ?? {})) {
        const criterion = criteriaByLabel.get(label);
        const declaration = byCriterion.get(label);
        if (declaration) usedDeclarations.add(declaration);
        // Explained by its indicators only when every indicator that differs is declared.
        const undeclared =
            criterion && explainedCriteria.has(label)
                ? undeclaredIndicators(
                      criterion,
                      result.indicators.filter(i => i.criterion === label),
                      verdict,
                      official['chỉ tiêu'] ?? {},
                      new Set(explainedCriteria.get(label))
                  )
                : [];
        const inherited = !declaration && explainedCriteria.has(label) && undeclared.length === 0;
        const detail = criterion
            ? [
                  ...(criterion.indicatorsNotMet.length > 0 ? [`chỉ tiêu chưa đạt: ${criterion.indicatorsNotMet.join(', ')}`] : []),
                  ...(criterion.indicatorsMissingData.length > 0 ? [`chỉ tiêu thiếu dữ liệu: ${criterion.indicatorsMissingData.join(', ')}`] : []),
                  ...(inherited ? [`do sai khác đã biết ở chỉ tiêu ${explainedCriteria.get(label)!.join(', ')}`] : []),
                  ...(undeclared.length > 0
                      ? [
                            `sai khác đã khai báo ở chỉ tiêu ${explainedCriteria.get(label)!.join(', ')}, nhưng chỉ tiêu khác cũng khác mà chưa khai báo: ${undeclared.join('; ')}`
                        ]
                      : [])
              ]
            : [];
        const check = compare(
            'criterion',
            label,
            verdict,
            criterion?.verdict,
            declaration,
            detail,
            inherited ? { level: 'indicator', labels: explainedCriteria.get(label)! } : undefined
        );
        if (check.status === 'known-difference') explainedByCriteria.push(label);
        checks.push(check);
    }
    if (official['công nhận'] !== undefined) {
        const declaration = declared.find(d => d['công nhận'] === true);
        if (declaration) usedDeclarations.add(declaration);
        const undeclared =
            explainedByCriteria.length > 0 ? undeclaredCriteria(result, official['công nhận'], official['tiêu chí'] ?? {}, new Set(explainedByCriteria)) : [];
        const inherited = !declaration && explainedByCriteria.length > 0 && undeclared.length === 0;
        checks.push(
            compare(
                'recognition',
                'công nhận',
                official['công nhận'],
                result.summary.recognition,
                declaration,
                [
                    result.summary.text,
                    ...(inherited ? [`do sai khác đã biết ở tiêu chí ${explainedByCriteria.join(', ')}`] : []),
                    ...(undeclared.length > 0
                        ? [
                              `sai khác đã khai báo ở tiêu chí ${explainedByCriteria.join(', ')}, nhưng phần khác cũng khác mà chưa khai báo: ${undeclared.join('; ')}`
                          ]
                        : [])
                ],
                inherited ? { level: 'criterion', labels: explainedByCriteria } : undefined
            )
        );
    }
    for (const [label, points] of Object.entries(official['điểm'] ?? {})) {
        const declaration = byScore.get(label);
        if (declaration) usedDeclarations.add(declaration);
        checks.push(compareScore(label, points, computedScore(result, label), declaration, criteriaByLabel.get(label)?.explanation ?? []));
    }
    for (const declaration of declared) {
        if (!usedDeclarations.has(declaration)) {
            const label = declaration['chỉ tiêu'] ?? declaration['tiêu chí'] ?? declaration['điểm'] ?? 'công nhận';
            checks.push({
                level: declaration['chỉ tiêu'] ? 'indicator' : declaration['tiêu chí'] ? 'criterion' : declaration['điểm'] ? 'score' : 'recognition',
                label,
                status: 'declared-but-gone',
                discrepancy: declaration,
                detail: ['sai khác được khai báo nhưng tệp không có kết quả chính thức tương ứng']
            });
        }
    }
    checks.push(...officialContradictions(result, data));
    return checks;
}

function compare(
    level: CheckLevel,
    label: string,
    official: OfficialVerdict,
    computed: Verdict | undefined,
    declaration: KnownDiscrepancy | undefined,
    detail: readonly string[],
    explainedBy?: VerdictCheck['explainedBy']
): VerdictCheck {
    if (computed === undefined) {
        return { level, label, official, status: 'not-in-pack', detail: [`${CHECK_LEVEL_LABELS[level]} ${label} không có trong bộ tiêu chí`] };
    }
    if (official === NOT_ASSESSED) {
        // Nothing to differ from: a declared difference here is one that cannot exist.
        return declaration
            ? {
                  level,
                  label,
                  official,
                  computed,
                  status: 'declared-but-gone',
                  discrepancy: declaration,
                  detail: [`báo cáo chưa đánh giá ${CHECK_LEVEL_LABELS[level]} ${label}: không có kết luận nào để khác`, ...detail]
              }
            : { level, label, official, computed, status: 'not-assessed', detail };
    }
    const differs = computed !== official;
    if (!differs) {
        return declaration
            ? { level, label, official, computed, status: 'declared-but-gone', discrepancy: declaration, detail }
            : { level, label, official, computed, status: 'match', detail };
    }
    if (declaration) {
        const expected = declaration['kết quả máy'];
        return expected !== undefined && expected !== computed
            ? { level, label, official, computed, status: 'computed-differs-from-declared', discrepancy: declaration, detail }
            : { level, label, official, computed, status: 'known-difference', discrepancy: declaration, detail };
    }
    return explainedBy
        ? { level, label, official, computed, status: 'known-difference', detail, explainedBy }
        : { level, label, official, computed, status: 'undeclared-difference', detail };
}

/** Whether the report's verdict of a criterion says each of its indicators was met: «đạt», and not judged by points. */
function criterionSaysEachMet(official: NonNullable<CommuneData['kết quả chính thức']>, criterion: CriterionResult | undefined): boolean {
    return criterion !== undefined && official['tiêu chí']?.[criterion.label] === 'đạt' && criterion.score === undefined;
}

function explain(indicator: IndicatorResult): string[] {
    return [
        ...indicator.explanation,
        ...(indicator.missingFacts.length > 0 ? [`thiếu: ${indicator.missingFacts.join('; ')}`] : []),
        ...indicator.notes.map(note => note.text)
    ];
}

/** A criterion's score, or «tổng» for the pack's total; undefined when it cannot be known. */
function computedScore(result: EvaluationResult, label: string): { value?: number; known: boolean } {
    if (label === 'tổng') {
        const total = result.summary.points;
        return { value: total?.awarded, known: total !== undefined };
    }
    const criterion = result.criteria.find(c => c.label === label);
    return { value: criterion?.score?.awarded, known: criterion?.score !== undefined };
}

export function formatScore(n: number): string {
    return String(Math.round(n * 100) / 100).replace('.', ',');
}

/** Scores are compared exactly (to the hundredth the reports write). */
function compareScore(
    label: string,
    official: number,
    computed: { value?: number; known: boolean },
    declaration: KnownDiscrepancy | undefined,
    detail: readonly string[]
): VerdictCheck {
    const what = label === 'tổng' ? 'tổng điểm' : `tiêu chí ${label}`;
    if (!computed.known) {
        return { level: 'score', label, official: formatScore(official), status: 'not-in-pack', detail: [`${what} không được chấm điểm trong bộ tiêu chí`] };
    }
    const shown = computed.value === undefined ? 'chưa xác định' : formatScore(computed.value);
    const same = computed.value !== undefined && Math.abs(computed.value - official) < 0.005;
    if (same) {
        return declaration
            ? { level: 'score', label, official: formatScore(official), computed: shown, status: 'declared-but-gone', discrepancy: declaration, detail }
            : { level: 'score', label, official: formatScore(official), computed: shown, status: 'match', detail };
    }
    if (declaration) {
        const expected = declaration['điểm máy'];
        return expected !== undefined && (computed.value === undefined || Math.abs(expected - computed.value) >= 0.005)
            ? {
                  level: 'score',
                  label,
                  official: formatScore(official),
                  computed: shown,
                  status: 'computed-differs-from-declared',
                  discrepancy: declaration,
                  detail
              }
            : { level: 'score', label, official: formatScore(official), computed: shown, status: 'known-difference', discrepancy: declaration, detail };
    }
    return { level: 'score', label, official: formatScore(official), computed: shown, status: 'undeclared-difference', detail };
}
