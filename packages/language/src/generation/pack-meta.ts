import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Citation, FactDecl, Indicator, LegalSource, Pack } from '../generated/ast.js';
import { isAddIndicator, isDropIndicator, isFactDecl, isNameReference, isPresence, isReplaceIndicator } from '../generated/ast.js';
import type { EffectivePack, IndicatorVersion } from '../composition/effective-pack.js';
import { isoDate } from '../workspace/levels.js';
import { sourceText } from './generator-helpers.js';
import { objectInline, layoutList } from './code.js';
import { decimalText, str } from './emit-code.js';
import type { CitationData, SourceInfo } from './legal-sources.js';

// What the generated module says about the pack's texts: citations, which text set each rule, points, facts asked.

/** Which text set an indicator version (the runtime's `RuleSource`), for results and hovers. */
export interface RuleSourceData {
    readonly kind: 'original' | 'replaced' | 'added' | 'dropped';
    readonly pack: string;
    readonly amendment?: SourceInfo;
    readonly from?: string;
    readonly text: string;
}

/** A rule source with a label to name its constant by: its kind and decisions (`replaced 1494/QĐ-UBND`). */
export interface RuleSourceCode {
    readonly data: RuleSourceData;
    readonly label: string;
}

export function ruleSource(version: IndicatorVersion, pack: Pack): RuleSourceCode {
    const change = version.change;
    const kind = !change
        ? 'original'
        : isReplaceIndicator(change)
          ? 'replaced'
          : isAddIndicator(change)
            ? 'added'
            : isDropIndicator(change)
              ? 'dropped'
              : 'original';
    const packName = version.origin.name ?? '';
    const amendment = version.amendment?.source?.ref ? sourceInfo(version.amendment.source.ref) : undefined;
    const cited = (version.indicator?.citations ?? version.drop?.citations ?? []).map(c => c.source.$refText);
    const decisions = amendment ? [amendment.number] : cited.length > 0 ? cited : version.origin.sources.slice(0, 1).map(s => s.name);
    const where = version.origin === pack ? `bộ «${packName}»` : `bộ gốc «${packName}»`;
    const verb = kind === 'original' ? 'quy định' : kind === 'replaced' ? 'thay' : kind === 'added' ? 'bổ sung' : 'không áp dụng';
    const text = amendment
        ? `${verb} theo ${amendment.number} của ${amendment.issuer} từ ${version.from} (${where})`
        : `${verb} theo ${decisions.join(', ') || 'bộ tiêu chí'} (${where})`;
    const data: RuleSourceData = {
        kind,
        pack: packName,
        ...(amendment ? { amendment } : {}),
        ...(version.from ? { from: version.from } : {}),
        text
    };
    return { data, label: `${kind} ${decisions.join(' ')}${version.origin === pack ? '' : ` ${packName}`}` };
}

/**
 * Facts some rule in force at any date reads, directly or through a derived fact: a base pack's fact that
 * only a replaced indicator read is not asked of the commune (`ntm template` leaves it out).
 */
export function usedFacts(effective: EffectivePack): Set<FactDecl> {
    const roots: AstNode[] = [
        ...effective.criteria.flatMap(c => c.indicators.flatMap(i => i.versions.flatMap(v => (v.indicator ? [v.indicator] : [])))),
        ...effective.gates,
        ...effective.regionRules
    ];
    const used = new Set<FactDecl>();
    const visit = (node: AstNode): void => {
        for (const child of AstUtils.streamAst(node)) {
            const target = isNameReference(child) ? child.target.ref : isPresence(child) ? child.fact.ref : undefined;
            if (isFactDecl(target) && !used.has(target)) {
                used.add(target);
                if (target.derivation) visit(target.derivation);
            }
        }
    };
    roots.forEach(visit);
    return used;
}

/** An indicator's maximum and deductions as code: each deduction on its line, scored by `scoreIndicator`. */
export function pointsCode(indicator: Indicator, indent: string): string {
    const points = indicator.points[0]!;
    const deductions = indicator.deductions.map(d =>
        objectInline([
            ['kind', str(d.discretionary ? 'discretionary' : 'computed')],
            ['amount', d.amount !== undefined ? str(decimalText(Number(d.amount))) : undefined],
            ['least', d.min !== undefined ? str(decimalText(Number(d.min))) : undefined],
            ['most', d.max !== undefined && !d.toAll ? str(decimalText(Number(d.max))) : undefined],
            ['per', str(d.perYear ? 'year' : d.perUnit ? 'unit' : 'once')],
            ['text', str(sourceText(d))]
        ])
    );
    const list = layoutList('[', deductions, ']', indent + '    ');
    return `{\n${indent}    max: ${str(decimalText(Number(points.max)))},\n${indent}    deductions: ${list},\n${indent}    score: scoreIndicator\n${indent}}`;
}

export function sourceInfo(source: LegalSource): SourceInfo {
    return {
        number: source.name,
        issuer: source.issuer,
        ...(source.date ? { date: isoDate(source.date) ?? source.date } : {}),
        ...(source.title !== undefined ? { title: source.title } : {})
    };
}

export function citationInfo(citation: Citation): CitationData {
    const source = citation.source.ref;
    const base = source ? sourceInfo(source) : { number: citation.source.$refText, issuer: '' };
    return { ...base, ...(citation.location !== undefined ? { location: citation.location } : {}) };
}
