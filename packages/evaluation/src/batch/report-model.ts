import type { CitationInfo, EvaluationResult, GateResult, IndicatorResult, Verdict } from '@ntm/language';
import { FLAG_LABELS, vietnameseDate } from '@ntm/runtime';
import { PLAN_ITEM_LABELS, buildPlan } from '../plan/plan.js';
import { planTotals, standingText } from '../report/plan-text.js';
import type { BatchProblem } from './problems.js';
import { formatProblem } from './problems.js';

/**
 * One commune's printable report, in the shape of a district's verification report: the legal bases, then
 * criterion by criterion the requirements, the commune's figures, the verdict and the gap with its
 * citation, the unverified thresholds, the recognition conditions and the plan. Plain data: the template
 * that prints it escapes every text (pack and commune texts are anyone's input).
 */
export interface ReportPage {
    readonly id: string;
    readonly title: string;
    readonly subtitle: string;
    readonly place: string;
    readonly assessedAt: string;
    readonly source?: string;
    readonly pack: { readonly title: string; readonly level: string; readonly jurisdiction: string; readonly version: string };
    readonly bases: readonly string[];
    readonly summary: string;
    readonly recognition: VerdictView;
    readonly criteria: readonly CriterionView[];
    readonly gates: readonly GateView[];
    /** Each threshold not verified against the decision: «Chỉ tiêu 17.6» or «Điều kiện công nhận «…»», and its note. */
    readonly unverified: readonly { readonly what: string; readonly note: string }[];
    readonly plan: readonly PlanView[];
    /** Recognition conditions still to meet, after the criteria's items. */
    readonly planGates: readonly { readonly kind: string; readonly text: string; readonly now: string; readonly detail: readonly string[] }[];
    /** Whether there is anything to do: an item, a condition not met, or recognition not reached. */
    readonly hasPlan: boolean;
    /** What the plan says when there is nothing to do. */
    readonly done: string;
    readonly planTotal: string;
    readonly warnings: readonly string[];
    /** The sections' numbers (I, II, …): a pack of conditions only has no section of criteria. */
    readonly sections: { readonly criteria: string; readonly gates: string; readonly unverified: string; readonly plan: string };
}

export interface VerdictView {
    readonly text: Verdict;
    /** A CSS class: `dat`, `chua-dat`, `thieu-du-lieu`, `khong-ap-dung`. */
    readonly css: string;
}

export interface CriterionView {
    readonly label: string;
    readonly title: string;
    /** «Tiêu chí 17 về Môi trường» (a title that already says «Về …» keeps it). */
    readonly heading: string;
    readonly verdict: VerdictView;
    readonly conclusion: string;
    readonly score: string;
    readonly indicators: readonly IndicatorView[];
}

export interface IndicatorView {
    readonly label: string;
    readonly requirement: string;
    readonly rule: string;
    readonly figures: readonly string[];
    readonly threshold: string;
    readonly verdict: VerdictView;
    readonly gap: string;
    /** For a scored indicator: «3,5/4 điểm» (or the range still open). */
    readonly score: string;
    readonly citations: readonly string[];
    readonly notes: readonly string[];
}

/** A recognition condition as the report shows it: like an indicator, without a label. */
export interface GateView {
    readonly text: string;
    readonly threshold: string;
    readonly figures: readonly string[];
    readonly verdict: VerdictView;
    readonly gap: string;
    readonly citations: readonly string[];
    readonly notes: readonly string[];
}

export interface PlanView {
    readonly criterion: string;
    readonly items: readonly {
        readonly n: number;
        readonly kind: string;
        readonly indicator: string;
        readonly requirement: string;
        readonly now: string;
        readonly detail: readonly string[];
    }[];
}

const CSS: Readonly<Record<Verdict, string>> = { đạt: 'dat', 'chưa đạt': 'chua-dat', 'thiếu dữ liệu': 'thieu-du-lieu', 'không áp dụng': 'khong-ap-dung' };

export function verdictView(verdict: Verdict): VerdictView {
    return { text: verdict, css: CSS[verdict] };
}

export interface ReportInput {
    readonly id: string;
    readonly commune: { readonly name: string; readonly district?: string; readonly province?: string; readonly source?: string };
    readonly result: EvaluationResult;
    /** The commune's warnings (data it could read, but doubts). */
    readonly warnings?: readonly BatchProblem[];
}

export function reportPage(input: ReportInput): ReportPage {
    const { result, commune } = input;
    const year = result.assessedAt.slice(0, 4);
    const place = [`xã ${commune.name}`, commune.district ? `huyện ${commune.district}` : '', commune.province ? `tỉnh ${commune.province}` : '']
        .filter(Boolean)
        .join(', ');
    const plan = buildPlan(result);
    let n = 0;
    const planViews: PlanView[] = plan.criteria.map(c => ({
        criterion: `Tiêu chí ${c.label} — ${c.title} (${c.verdict})`,
        items: c.items.map(item => ({
            n: ++n,
            kind: PLAN_ITEM_LABELS[item.kind],
            indicator: item.indicator,
            requirement: item.requirement,
            now: standingText(item, item.gap ?? ''),
            detail: item.detail
        }))
    }));
    const planGates = plan.gates.map(gate => ({
        kind: PLAN_ITEM_LABELS[gate.kind],
        text: gate.text,
        now: standingText(gate, gate.kind === 'collect-data' ? `thiếu số liệu: ${gate.detail.join('; ')}` : (gate.gap ?? '')),
        detail: gate.unverified
    }));
    const recognised = result.summary.recognition === 'đạt';
    return {
        id: input.id,
        title: `Kết quả đánh giá mức độ đạt chuẩn ${result.pack.level} năm ${year}`,
        subtitle: `đối với ${place}`,
        place,
        assessedAt: vietnameseDate(result.assessedAt),
        ...(commune.source ? { source: commune.source } : {}),
        pack: { title: result.pack.title, level: result.pack.level, jurisdiction: result.pack.jurisdiction, version: result.pack.version },
        bases: result.pack.sources.map(
            s => `Căn cứ ${s.number}${s.date ? ` ngày ${vietnameseDate(s.date)}` : ''} của ${s.issuer}${s.title ? ` — ${s.title}` : ''}.`
        ),
        summary: result.summary.text,
        recognition: verdictView(result.summary.recognition),
        criteria: result.criteria.map(criterion => ({
            label: criterion.label,
            title: criterion.title,
            heading: `Tiêu chí ${criterion.label} ${about(criterion.title)}`,
            verdict: verdictView(criterion.verdict),
            conclusion: conclusion(criterion.verdict, criterion.label, criterion.title, criterion.indicatorsMet, criterion.indicatorsApplicable),
            score: criterion.score
                ? `Điểm: ${points(criterion.score.awarded, criterion.score.possible)}/${decimal(criterion.score.max)}${criterion.score.passMark ? ` (điểm đạt ${criterion.score.passMark})` : ''}.`
                : '',
            indicators: result.indicators.filter(i => i.criterion === criterion.label).map(indicatorView)
        })),
        gates: result.gates.map(gateView),
        unverified: [
            ...result.indicators.flatMap(i => unverifiedNotes(i).map(note => ({ what: `Chỉ tiêu ${i.label}`, note }))),
            ...result.gates.flatMap(g => unverifiedNotes(g).map(note => ({ what: `Điều kiện công nhận «${g.text}»`, note })))
        ],
        plan: planViews,
        planGates,
        hasPlan: planViews.length > 0 || planGates.length > 0 || !recognised,
        done: recognised ? `Xã đạt mọi tiêu chí${result.gates.length > 0 ? ' và mọi điều kiện công nhận' : ''} của bộ tiêu chí: không còn việc phải làm.` : '',
        planTotal: planTotals(plan),
        sections: sectionNumbers(result.criteria.length > 0, result.gates.length > 0),
        warnings: (input.warnings ?? []).map(w => formatProblem(w, baseName(w.file)))
    };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** I is the overall result; then criteria and conditions where the pack has them, unverified thresholds, the plan. */
function sectionNumbers(criteria: boolean, gates: boolean): ReportPage['sections'] {
    let next = 1;
    const number = (present: boolean) => (present ? ROMAN[next++]! : '');
    return { criteria: number(criteria), gates: number(gates), unverified: number(true), plan: number(true) };
}

function unverifiedNotes(result: IndicatorResult | GateResult): string[] {
    return result.notes.filter(n => n.code === 'unverified-threshold').map(n => n.text);
}

/** The figures a verdict read, each named, then each one missing: a verdict lacking data says which figure it lacks. */
function figuresOf(result: IndicatorResult | GateResult): string[] {
    // A threshold the documents do not give is not the commune's missing figure: said as what it is.
    const thresholds = new Set('missingThresholds' in result ? result.missingThresholds : []);
    return [...result.factsUsed.map(f => `${f.fact}: ${f.text}`), ...result.missingFacts.map(f => (thresholds.has(f) ? f : `${f}: chưa có số liệu`))];
}

function gateView(gate: GateResult): GateView {
    return {
        text: gate.text,
        // A yes/no condition has no figure: its requirement («có») would only repeat the verdict.
        threshold: gate.value ? (gate.threshold ?? '') : '',
        figures: figuresOf(gate),
        verdict: verdictView(gate.verdict),
        gap: gate.gap?.text ?? '',
        citations: gate.citations.map(citationText),
        notes: [...gate.flags.map(f => FLAG_LABELS[f]), ...gate.notes.filter(n => n.code !== 'unverified-threshold').map(n => n.text)]
    };
}

/** «về Môi trường»; a title such as «Về thu nhập bình quân» already says it. */
function about(title: string): string {
    return /^về\s/iu.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : `về ${title}`;
}

function conclusion(verdict: Verdict, label: string, title: string, met: number, applicable: number): string {
    const counted = applicable > 0 ? ` (${met}/${applicable} chỉ tiêu đạt)` : '';
    switch (verdict) {
        case 'đạt':
            return `Đạt chuẩn tiêu chí số ${label} ${about(title)}${counted}.`;
        case 'chưa đạt':
            return `Chưa đạt tiêu chí số ${label} ${about(title)}${counted}.`;
        case 'thiếu dữ liệu':
            return `Chưa đủ số liệu để kết luận tiêu chí số ${label} ${about(title)}${counted}.`;
        default:
            return `Tiêu chí số ${label} ${about(title)} không áp dụng.`;
    }
}

function indicatorView(indicator: IndicatorResult): IndicatorView {
    return {
        label: indicator.label,
        requirement: indicator.requirementText ?? indicator.rule,
        rule: indicator.rule,
        figures: figuresOf(indicator),
        threshold: indicator.threshold ?? '',
        verdict: verdictView(indicator.verdict),
        gap: indicator.gap?.text ?? '',
        score: indicator.score ? `${points(indicator.score.awarded, indicator.score.possible)}/${decimal(indicator.score.max)} điểm` : '',
        citations: indicator.citations.map(citationText),
        notes: [...indicator.flags.map(f => FLAG_LABELS[f]), ...indicator.notes.filter(n => n.code !== 'unverified-threshold').map(n => n.text)]
    };
}

/** Points as Vietnamese write them (3,5), or the range the missing data leaves open. */
function points(awarded: number | undefined, possible: { readonly min: number; readonly max: number } | undefined): string {
    if (awarded !== undefined) return decimal(awarded);
    return possible ? `${decimal(possible.min)}–${decimal(possible.max)}` : '?';
}

function decimal(value: number): string {
    return String(Math.round(value * 100) / 100).replace('.', ',');
}

function citationText(citation: CitationInfo): string {
    return `${citation.number}${citation.location ? `, ${citation.location}` : ''}`;
}

function baseName(file: string): string {
    return file.split(/[\\/]/).pop() ?? file;
}
