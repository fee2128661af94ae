import type { AstNode, LangiumDocuments } from 'langium';
import { AstUtils } from 'langium';
import type {
    Amendment,
    Criterion,
    DropIndicator,
    FactDecl,
    Gate,
    Indicator,
    IndicatorChange,
    Pack,
    RegionRule,
    ReplaceIndicator,
    Rounding,
    Table
} from '../generated/ast.js';
import {
    isAddIndicator,
    isAmendment,
    isCriterion,
    isDropIndicator,
    isFactDecl,
    isGate,
    isIndicatorChange,
    isRegionRule,
    isReplaceIndicator,
    isTable
} from '../generated/ast.js';
import { IssueCodes } from '../validation/issue-codes.js';
import { isoDate } from '../workspace/levels.js';
import type { PackChain } from '../workspace/pack-chain.js';
import { packChain } from '../workspace/pack-chain.js';
import { looserThreshold } from './threshold-comparison.js';

/** One version of an indicator: the rule in force from a date (or from the start), or «không áp dụng». */
export interface IndicatorVersion {
    /** ISO date from which this version applies; undefined means from the pack's start. */
    readonly from?: string;
    /** The rule; undefined when the indicator is declared not applicable, or does not exist yet. */
    readonly indicator?: Indicator;
    /** Set when this version declares the indicator not applicable. */
    readonly drop?: DropIndicator;
    /** True for the period before an amendment adds the indicator: it is not part of the pack yet. */
    readonly absent?: boolean;
    /** The pack whose text wrote this version. */
    readonly origin: Pack;
    readonly amendment?: Amendment;
    readonly change?: IndicatorChange;
}

export interface EffectiveIndicator {
    readonly label: string;
    readonly criterion: string;
    /** Sorted by date; the first has no date. */
    readonly versions: IndicatorVersion[];
}

export interface EffectiveCriterion {
    readonly label: string;
    readonly criterion: Criterion;
    readonly origin: Pack;
    readonly indicators: EffectiveIndicator[];
}

export interface CompositionProblem {
    readonly severity: 'error' | 'warning';
    readonly node: AstNode;
    readonly property?: string;
    readonly message: string;
    readonly code: string;
}

/** A pack as it applies: its base packs' content with its own changes and amendments laid over them. */
export interface EffectivePack {
    readonly pack: Pack;
    readonly chain: PackChain;
    readonly criteria: EffectiveCriterion[];
    readonly facts: FactDecl[];
    readonly tables: Table[];
    readonly gates: Gate[];
    readonly regionRules: RegionRule[];
    readonly amendments: Amendment[];
    readonly validFrom?: string;
    readonly validTo?: string;
    readonly rounding?: Rounding;
    /** Problems found while composing, reported by the validator on the pack that causes them. */
    readonly problems: CompositionProblem[];
}

interface Builder {
    criteria: EffectiveCriterion[];
    facts: FactDecl[];
    tables: Table[];
    gates: Gate[];
    regionRules: RegionRule[];
    amendments: Amendment[];
    validFrom?: string;
    validTo?: string;
    rounding?: Rounding;
    problems: CompositionProblem[];
}

/** Composes a pack with everything it builds on. Never throws; problems are collected. */
export function composePack(pack: Pack, documents: LangiumDocuments): EffectivePack {
    const chain = packChain(pack, documents);
    const builder: Builder = { criteria: [], facts: [], tables: [], gates: [], regionRules: [], amendments: [], problems: [] };
    // A cycle has no furthest base: compose the pack alone (the validator reports the cycle).
    const layers = chain.cycle ? [pack] : [...chain.bases].reverse().concat(pack);
    layers.forEach((layer, index) => applyLayer(builder, layer, index > 0));
    // Problems inside base packs are reported when those packs are validated, not on this one.
    const problems = builder.problems.filter(p => nodeIn(p.node, pack));
    return { pack, chain, ...builder, problems };
}

function nodeIn(node: AstNode, pack: Pack): boolean {
    let current: AstNode | undefined = node;
    while (current) {
        if (current === pack) return true;
        current = current.$container;
    }
    return false;
}

function findIndicator(builder: Builder, label: string): EffectiveIndicator | undefined {
    for (const criterion of builder.criteria) {
        const found = criterion.indicators.find(i => i.label === label);
        if (found) return found;
    }
    return undefined;
}

function applyLayer(builder: Builder, layer: Pack, hasBase: boolean): void {
    const problem = (severity: CompositionProblem['severity'], node: AstNode, message: string, code: string, property?: string) =>
        builder.problems.push({ severity, node, message, code, property });
    const baseName = builder.criteria[0] ? packName(builder.criteria[0].origin) : undefined;

    // Validity: a pack is never in force beyond the pack it builds on.
    const validity = layer.validities[0];
    const from = isoDate(validity?.from);
    const to = validity?.to !== undefined ? isoDate(validity.to) : undefined;
    if (hasBase && from && builder.validFrom && from < builder.validFrom) {
        problem(
            'warning',
            validity!,
            `Hiệu lực bắt đầu ${validity!.from}, trước khi bộ gốc có hiệu lực (${builder.validFrom}); trước ngày đó không đánh giá được.`,
            IssueCodes.ValidityOutsideBase
        );
    }
    builder.validFrom = maxDate(builder.validFrom, from);
    builder.validTo = minDate(builder.validTo, to);
    builder.rounding = layer.roundings[0] ?? builder.rounding;

    for (const fact of layer.members.filter(isFactDecl)) {
        const previous = builder.facts.find(f => f.name === fact.name && f.$container !== layer);
        if (previous && fact.name !== undefined) {
            problem(
                'error',
                fact,
                `Dữ kiện «${fact.name}» đã khai báo trong bộ gốc «${packName(previous.$container as Pack)}»; dùng lại dữ kiện đó, không khai báo lại.`,
                IssueCodes.DuplicateName,
                'name'
            );
            continue;
        }
        builder.facts.push(fact);
    }
    for (const table of layer.members.filter(isTable)) {
        const index = table.name === undefined ? -1 : builder.tables.findIndex(t => t.name === table.name);
        if (index >= 0 && hasBase) {
            if (table.citations.length === 0) {
                problem(
                    'error',
                    table,
                    `Bảng «${table.name}» thay bảng cùng tên của bộ gốc: cần «căn cứ» văn bản quy định giá trị mới.`,
                    IssueCodes.ChangeWithoutCitation,
                    'name'
                );
            }
            builder.tables[index] = table;
        } else {
            builder.tables.push(table);
        }
    }
    builder.gates.push(...layer.members.filter(isGate));
    builder.regionRules.push(...layer.members.filter(isRegionRule));

    for (const criterion of layer.members.filter(isCriterion)) {
        if (criterion.label === undefined) continue;
        const label = String(criterion.label);
        if (hasBase && builder.criteria.some(c => c.label === label)) {
            problem(
                'error',
                criterion,
                `Tiêu chí ${label} đã có trong bộ gốc «${baseName}»; dùng «thay chỉ tiêu …» hoặc «thêm vào tiêu chí ${label} chỉ tiêu …».`,
                IssueCodes.CriterionRedeclared,
                'label'
            );
            continue;
        }
        builder.criteria.push({
            label,
            criterion,
            origin: layer,
            indicators: criterion.indicators
                .filter(i => i.label !== undefined)
                .map(indicator => ({
                    label: String(indicator.label),
                    criterion: label,
                    versions: [{ indicator, origin: layer }]
                }))
        });
    }

    for (const change of layer.members.filter(isIndicatorChange)) {
        if (!hasBase) {
            problem(
                'error',
                change,
                'Bộ tiêu chí này không dựa trên bộ nào («dựa trên "…"»): sửa trực tiếp chỉ tiêu, hoặc ghi thay đổi trong «sửa đổi theo … từ …».',
                IssueCodes.ChangeWithoutBase
            );
            continue;
        }
        const citations = isDropIndicator(change) ? change.citations : (change.indicator?.citations ?? []);
        if (citations.length === 0) {
            problem('error', change, 'Thay đổi so với bộ gốc phải có «căn cứ» văn bản quy định nó.', IssueCodes.ChangeWithoutCitation);
        }
        applyChange(builder, change, layer, undefined, problem, baseName);
    }

    const amendments = layer.members.filter(isAmendment);
    builder.amendments.push(...amendments);
    const seen = new Map<string, IndicatorChange>();
    for (const amendment of amendments) {
        const date = isoDate(amendment.from);
        if (amendment.from !== undefined && !date) {
            problem('error', amendment, `Ngày «${amendment.from}» không tồn tại.`, IssueCodes.BadDate, 'from');
            continue;
        }
        if (date && ((builder.validFrom && date < builder.validFrom) || (builder.validTo && date > builder.validTo))) {
            problem(
                'error',
                amendment,
                `Sửa đổi từ ${amendment.from} nằm ngoài thời gian hiệu lực của bộ tiêu chí (${describeValidity(builder)}).`,
                IssueCodes.AmendmentOutsideValidity,
                'from'
            );
        }
        for (const change of amendment.changes) {
            const label = changeLabel(change);
            if (label === undefined || !date) continue;
            const key = `${label}\u0000${date}`;
            const earlier = seen.get(key);
            if (earlier) {
                const line = (earlier.$cstNode?.range.start.line ?? 0) + 1;
                problem(
                    'error',
                    change,
                    `Chỉ tiêu ${label} đã được sửa đổi từ cùng ngày ${amendment.from} ở dòng ${line}: hai sửa đổi cùng ngày cho một chỉ tiêu mâu thuẫn nhau.`,
                    IssueCodes.ConflictingAmendments
                );
                continue;
            }
            seen.set(key, change);
            applyChange(builder, change, layer, { amendment, date }, problem, baseName);
        }
    }
}

type ProblemSink = (severity: CompositionProblem['severity'], node: AstNode, message: string, code: string, property?: string) => void;

function changeLabel(change: IndicatorChange): string | undefined {
    if (isDropIndicator(change)) return change.target?.$refText;
    const label = change.indicator?.label;
    return label === undefined ? undefined : String(label);
}

function applyChange(
    builder: Builder,
    change: IndicatorChange,
    layer: Pack,
    dated: { amendment: Amendment; date: string } | undefined,
    problem: ProblemSink,
    baseName: string | undefined
): void {
    const label = changeLabel(change);
    if (label === undefined) return; // cut short by a syntax error
    const existing = findIndicator(builder, label);
    const versionBase = { origin: layer, amendment: dated?.amendment, change };
    if (isAddIndicator(change)) {
        const criterionLabel = change.criterion?.ref?.label;
        if (existing) {
            problem(
                'error',
                change,
                `Chỉ tiêu ${label} đã có (tiêu chí ${existing.criterion}); dùng «thay chỉ tiêu ${label}» để thay nó.`,
                IssueCodes.DuplicateLabel
            );
            return;
        }
        const target = builder.criteria.find(c => c.label === String(criterionLabel));
        if (!target) return; // the unresolved reference is reported by the linker
        const versions: IndicatorVersion[] = dated
            ? [
                  { absent: true, origin: layer },
                  { from: dated.date, indicator: change.indicator, ...versionBase }
              ]
            : [{ indicator: change.indicator, ...versionBase }];
        target.indicators.push({ label, criterion: target.label, versions });
        return;
    }
    if (!existing) {
        problem(
            'error',
            change,
            `Không có chỉ tiêu ${label} trong bộ tiêu chí${baseName ? ` (kể cả bộ gốc «${baseName}»)` : ''} để ${isDropIndicator(change) ? 'khai báo không áp dụng' : 'thay'}.`,
            IssueCodes.UnknownIndicatorChanged
        );
        return;
    }
    if (isReplaceIndicator(change) && existing.versions.every(v => v.origin === layer) && !dated) {
        problem('error', change, `Chỉ tiêu ${label} do chính bộ này khai báo: sửa trực tiếp, không dùng «thay».`, IssueCodes.UnknownIndicatorChanged);
        return;
    }
    const newVersion: IndicatorVersion = isDropIndicator(change)
        ? { drop: change, from: dated?.date, ...versionBase }
        : { indicator: (change as ReplaceIndicator).indicator, from: dated?.date, ...versionBase };
    if (dated) {
        if (isReplaceIndicator(change)) warnIfLooser(existing.versions, change, layer, dated.date, builder.validTo, problem);
        existing.versions.push(newVersion);
        existing.versions.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
        return;
    }
    // An undated change of a base indicator replaces it for the whole validity of this pack.
    // Only amendments that apply while this pack is in force matter.
    const baseAmended = existing.versions.filter(v => v.from !== undefined && (builder.validTo === undefined || v.from <= builder.validTo));
    if (baseAmended.length > 0) {
        problem(
            'warning',
            change,
            `Bộ gốc sửa đổi chỉ tiêu ${label} từ ${baseAmended.map(v => v.from).join(', ')}; bản thay của bộ này được dùng cho mọi thời điểm — hãy xem lại.`,
            IssueCodes.ReplacedAmendedIndicator
        );
    }
    if (isReplaceIndicator(change)) {
        warnIfLooser(existing.versions, change, layer, builder.validFrom, builder.validTo, problem);
    }
    existing.versions.splice(0, existing.versions.length, newVersion);
}

/**
 * A replacement is compared with every version of the base indicator in force while the replacement is:
 * a province's 96% must not pass silently because the national 95% was amended to 97% later. The overlap is
 * [from, to] of the replacement (its amendment date, else this pack's validity) against each version's period.
 */
function warnIfLooser(
    versions: readonly IndicatorVersion[],
    change: ReplaceIndicator,
    layer: Pack,
    from: string | undefined,
    to: string | undefined,
    problem: ProblemSink
): void {
    const replacement = change.indicator;
    if (!replacement) return;
    const looser: { version: IndicatorVersion; base: string; replacement: string }[] = [];
    versions.forEach((version, index) => {
        if (!version.indicator || version.origin === layer) return;
        const until = versions[index + 1]?.from;
        const overlaps = (version.from === undefined || to === undefined || version.from <= to) && (until === undefined || from === undefined || until > from);
        if (!overlaps) return;
        const found = looserThreshold(version.indicator.requirement, replacement.requirement);
        if (found) looser.push({ version, ...found });
    });
    const first = looser[0];
    if (!first) return;
    const baseName = packName(AstUtils.findRootNode(first.version.indicator!) as Pack);
    const tail = ': bộ của tỉnh thường chỉ được chặt hơn — kiểm tra lại văn bản.';
    if (looser.length === 1 && !first.version.amendment) {
        problem(
            'warning',
            replacement,
            `Ngưỡng ${first.replacement} lỏng hơn ngưỡng ${first.base} của bộ gốc «${baseName}»${tail}`,
            IssueCodes.LooserThanBase,
            'requirement'
        );
        return;
    }
    const each = looser.map(l => `${l.base} (${versionText(l.version)})`).join('; ');
    problem(
        'warning',
        replacement,
        `Ngưỡng ${first.replacement} lỏng hơn ngưỡng của bộ gốc «${baseName}» trong thời gian cùng hiệu lực: ${each}${tail}`,
        IssueCodes.LooserThanBase,
        'requirement'
    );
}

/** «bản ban đầu», or «sửa đổi theo 211/QĐ-TTg từ 01/03/2024». */
function versionText(version: IndicatorVersion): string {
    const amendment = version.amendment;
    if (!amendment) return 'bản ban đầu';
    return `sửa đổi theo ${amendment.source?.$refText ?? '?'} từ ${amendment.from ?? version.from ?? '?'}`;
}

/** A pack's name for a message; a base cut short before its name is still named. */
function packName(pack: Pack): string {
    return pack.name ?? '(chưa ghi mã)';
}

function maxDate(a: string | undefined, b: string | undefined): string | undefined {
    return a === undefined ? b : b === undefined ? a : a > b ? a : b;
}

function minDate(a: string | undefined, b: string | undefined): string | undefined {
    return a === undefined ? b : b === undefined ? a : a < b ? a : b;
}

function describeValidity(builder: Builder): string {
    return `từ ${builder.validFrom ?? '?'}${builder.validTo ? ` đến ${builder.validTo}` : ''}`;
}
