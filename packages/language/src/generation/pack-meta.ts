import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Citation, Criterion, FactDecl, Indicator, LegalSource, Pack } from '../generated/ast.js';
import { isAddIndicator, isDropIndicator, isFactDecl, isNameReference, isPresence, isReplaceIndicator } from '../generated/ast.js';
import type { EffectivePack, IndicatorVersion } from '../composition/effective-pack.js';
import { isoDate } from '../workspace/levels.js';
import { sourceText } from './generator-helpers.js';
import { decimalText } from './emit-code.js';

// What the generated module says about the pack's texts: citations, which text set each rule, points, facts asked.

/** Which text set an indicator version, for results and hovers. */
export function ruleSource(version: IndicatorVersion, pack: Pack): object {
    const change = version.change;
    const kind = !change ? 'original' : isReplaceIndicator(change) ? 'replaced' : isAddIndicator(change) ? 'added' : isDropIndicator(change) ? 'dropped' : 'original';
    const packName = version.origin.name ?? '';
    const amendment = version.amendment?.source?.ref ? sourceInfo(version.amendment.source.ref) : undefined;
    const cited = (version.indicator?.citations ?? (version.drop?.citations ?? [])).map(c => c.source.$refText);
    const decisions = amendment ? [amendment.number] : cited.length > 0 ? cited : version.origin.sources.slice(0, 1).map(s => s.name);
    const where = version.origin === pack ? `bộ «${packName}»` : `bộ gốc «${packName}»`;
    const verb = kind === 'original' ? 'quy định' : kind === 'replaced' ? 'thay' : kind === 'added' ? 'bổ sung' : 'không áp dụng';
    const text = amendment
        ? `${verb} theo ${amendment.number} của ${amendment.issuer} từ ${version.from} (${where})`
        : `${verb} theo ${decisions.join(', ') || 'bộ tiêu chí'} (${where})`;
    return {
        kind, pack: packName, ...(amendment ? { amendment } : {}), ...(version.from ? { from: version.from } : {}), text
    };
}

/**
 * Facts some rule in force at any date reads, directly or through a derived fact: a base pack's fact that
 * only a replaced indicator read is not asked of the commune (`ntm template` leaves it out).
 */
export function usedFacts(effective: EffectivePack): Set<FactDecl> {
    const roots: AstNode[] = [
        ...effective.criteria.flatMap(c => c.indicators.flatMap(i => i.versions.flatMap(v => v.indicator ? [v.indicator] : []))),
        ...effective.gates, ...effective.regionRules
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

/** An indicator's maximum and deductions, as the runtime reads them. */
export function pointsMeta(indicator: Indicator): object {
    const points = indicator.points[0]!;
    return {
        max: decimalText(Number(points.max)),
        deductions: indicator.deductions.map(d => ({
            kind: d.discretionary ? 'discretionary' : 'computed',
            ...(d.amount !== undefined ? { amount: decimalText(Number(d.amount)) } : {}),
            ...(d.min !== undefined ? { least: decimalText(Number(d.min)) } : {}),
            ...(d.max !== undefined && !d.toAll ? { most: decimalText(Number(d.max)) } : {}),
            per: d.perYear ? 'year' : d.perUnit ? 'unit' : 'once',
            text: sourceText(d)
        }))
    };
}

export function sourceInfo(source: LegalSource): { number: string; issuer: string; date?: string; title?: string } {
    return {
        number: source.name,
        issuer: source.issuer,
        ...(source.date ? { date: isoDate(source.date) ?? source.date } : {}),
        ...(source.title !== undefined ? { title: source.title } : {})
    };
}

export function citationInfo(citation: Citation): ReturnType<typeof sourceInfo> & { location?: string } {
    const source = citation.source.ref;
    const base = source ? sourceInfo(source) : { number: citation.source.$refText, issuer: '' };
    return { ...base, ...(citation.location !== undefined ? { location: citation.location } : {}) };
}

/** An indicator's own citations, else its criterion's, else the pack's sources. */
export function citationsOf(own: readonly Citation[], criterion: Criterion | undefined, pack: Pack): ReturnType<typeof citationInfo>[] {
    if (own.length > 0) return own.map(citationInfo);
    if (criterion && criterion.citations.length > 0) return criterion.citations.map(citationInfo);
    return pack.sources.map(sourceInfo);
}
