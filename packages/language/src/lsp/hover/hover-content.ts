import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { EffectivePack } from '../../composition/effective-pack.js';
import type {
    Citation,
    Criterion,
    FactDecl,
    Gate,
    Indicator,
    LegalSource,
    Pack,
    QuantityLiteral,
    Scale,
    Table,
    UnknownValue,
    UnverifiedMark,
    UnverifiedNote
} from '../../generated/ast.js';
import {
    isAddIndicator,
    isAmendment,
    isReplaceIndicator,
    isBreakdown,
    isBreakdownMember,
    isComparison,
    isCriterion,
    isFactDecl,
    isGate,
    isIndicator,
    isLegalSource,
    isLevel,
    isNameReference,
    isPack,
    isPresence,
    isQuantityLiteral,
    isScale,
    isTable,
    isUnknownValue,
    isUnverifiedMark,
    isUnverifiedNote
} from '../../generated/ast.js';
import type { NtmTypeComputer } from '../../typing/type-computer.js';
import { typeToString } from '../../typing/ntm-types.js';
import { breakdownIndexOf, collectionIndexOf, isYearly } from '../../typing/fact-indexes.js';
import { code, escapeMarkdown, quote, refText, sourceOf } from './markdown.js';
import { versionLines } from './version-lines.js';

/** Who reads each fact of a pack: indicator labels, «điều kiện công nhận», or derived facts. */
export type ReadersIndex = ReadonlyMap<AstNode, ReadonlySet<string | FactDecl>>;

/** What hovers need beyond the node: types, and per-pack indexes the provider caches. */
export interface HoverContext {
    readonly types: NtmTypeComputer;
    readonly readersOf: (pack: Pack) => ReadersIndex;
    /** The pack as it applies (bases, replacements, amendments); undefined where composition is unavailable. */
    readonly effectiveOf: (pack: Pack) => EffectivePack | undefined;
}

/** Vietnamese Markdown explaining a declaration or threshold, the way the decision text does. */
export function hoverContent(node: AstNode, context: HoverContext): string | undefined {
    const types = context.types;
    if (isPack(node)) return packHover(node, context);
    if (isCriterion(node)) return criterionHover(node);
    if (isIndicator(node)) return indicatorHover(node, context);
    if (isGate(node)) return gateHover(node);
    if (isFactDecl(node)) return factHover(node, types, context.readersOf);
    if (isTable(node)) return tableHover(node);
    if (isLegalSource(node)) return legalSourceHover(node);
    if (isScale(node)) return scaleHover(node);
    if (isLevel(node) && isScale(node.$container))
        return `**Mức «${escapeMarkdown(node.name)}»** của thang «${escapeMarkdown(node.$container.name)}»\n\n${scaleLine(node.$container)}`;
    if (isBreakdown(node))
        return `**Phân tổ «${escapeMarkdown(node.name)}»**: ${node.members.map(m => escapeMarkdown(m.name)).join(', ')}${node.description ? `\n\n${quote(node.description)}` : ''}`;
    if (isBreakdownMember(node) && isBreakdown(node.$container))
        return `**«${escapeMarkdown(node.name)}»**, thành phần của phân tổ «${escapeMarkdown(node.$container.name)}»`;
    if (isQuantityLiteral(node)) return thresholdHover(node, types);
    if (isUnknownValue(node)) return unknownValueHover(node);
    return undefined;
}

function packHover(pack: Pack, context: HoverContext): string {
    const lines = [`**Bộ tiêu chí «${escapeMarkdown(pack.title ?? pack.name ?? '')}»**${pack.name ? ` (${code(pack.name)})` : ''}`, ''];
    const item = (label: string, values: readonly string[]) => {
        if (values.length > 0) lines.push(`- ${label}: ${values.map(escapeMarkdown).join('; ')}`);
    };
    item('Cấp', pack.levels);
    item('Địa bàn', pack.jurisdictions);
    item('Phiên bản', pack.versions);
    item(
        'Hiệu lực',
        pack.validities.map(v => (v.to ? `từ ${v.from} đến ${v.to}` : `từ ${v.from}`))
    );
    const effective = context.effectiveOf(pack);
    item(
        'Dựa trên',
        pack.bases.map((b, i) => {
            const base = effective?.chain.bases[i];
            return base ? `${b.path} — «${base.title ?? base.name ?? ''}»` : `${b.path} (chưa mở được)`;
        })
    );
    const amendments = pack.members.filter(isAmendment);
    item(
        'Sửa đổi',
        amendments.map(a => `theo ${refText(a.source)} từ ${a.from} (${a.changes.length} chỉ tiêu)`)
    );
    item(
        'Làm tròn',
        pack.roundings.map(r => sourceOf(r))
    );
    const criteria = pack.members.filter(isCriterion);
    const indicators = criteria.reduce((n, c) => n + c.indicators.length, 0);
    lines.push(
        `- Gồm ${criteria.length} tiêu chí, ${indicators} chỉ tiêu, ${pack.members.filter(isGate).length} điều kiện công nhận, ${pack.members.filter(isFactDecl).length} dữ kiện`
    );
    if (effective && pack.bases.length > 0) {
        const applied = effective.criteria.reduce((n, c) => n + c.indicators.length, 0);
        lines.push(`- Áp dụng cả bộ gốc: ${effective.criteria.length} tiêu chí, ${applied} chỉ tiêu`);
    }
    const unverified = AstUtils.streamAllContents(pack)
        .filter(n => isUnverifiedMark(n) || isUnverifiedNote(n) || isUnknownValue(n))
        .count();
    if (unverified > 0) lines.push(`- **${unverified} giá trị chưa kiểm chứng**`);
    if (pack.sources.length > 0) {
        lines.push('', '**Căn cứ**', '');
        for (const source of pack.sources) lines.push(`- ${legalSourceLine(source)}`);
    }
    return lines.join('\n');
}

function criterionHover(criterion: Criterion): string {
    const lines = [`**Tiêu chí ${criterion.label} «${escapeMarkdown(criterion.title ?? '')}»**`, ''];
    if (criterion.indicators.length > 0) {
        lines.push(`${criterion.indicators.length} chỉ tiêu: ${criterion.indicators.map(i => String(i.label)).join(', ')}`);
    }
    lines.push(...citationLines(criterion.citations));
    return lines.join('\n');
}

function indicatorHover(indicator: Indicator, context: HoverContext): string {
    const criterion = AstUtils.getContainerOfType(indicator, isCriterion);
    const change = isReplaceIndicator(indicator.$container)
        ? ' — thay chỉ tiêu của bộ gốc'
        : isAddIndicator(indicator.$container)
          ? ` — thêm vào tiêu chí ${refText(indicator.$container.criterion)}`
          : '';
    const amendment = AstUtils.getContainerOfType(indicator, isAmendment);
    const amended = amendment ? `, sửa đổi theo ${escapeMarkdown(refText(amendment.source))} từ ${amendment.from}` : '';
    const lines = [
        `**Chỉ tiêu ${indicator.label}**${criterion ? ` — tiêu chí ${criterion.label} «${escapeMarkdown(criterion.title ?? '')}»` : ''}${change}${amended}`,
        ''
    ];
    lines.push(indicator.text ? quote(indicator.text) : '_Chưa trích nguyên văn yêu cầu._');
    if (indicator.applicableIf) lines.push('', `Chỉ áp dụng nếu: ${code(sourceOf(indicator.applicableIf))}`);
    if (indicator.requirement) lines.push('', `Quy tắc: ${code(sourceOf(indicator.requirement))}`);
    lines.push(...pointLines(indicator));
    lines.push(...unverifiedLines(indicator));
    lines.push(...citationLines([...indicator.citations, ...(criterion?.citations ?? [])]));
    const pack = AstUtils.getContainerOfType(indicator, isPack);
    lines.push(...versionLines(indicator, pack ? context.effectiveOf(pack) : undefined));
    return lines.join('\n');
}

/** Maximum points and how an unmet indicator loses them. */
function pointLines(indicator: Indicator): string[] {
    const points = indicator.points[0];
    if (!points) return [];
    const lines = ['', `Điểm tối đa: ${points.max}`];
    for (const deduction of indicator.deductions) {
        const per = deduction.perYear
            ? ' mỗi năm không đạt trong cửa sổ năm'
            : deduction.perUnit
              ? ` mỗi ${escapeMarkdown(deduction.collection?.$refText ?? '')} không đạt`
              : ' một lần nếu không đạt';
        lines.push(
            deduction.discretionary
                ? `Trừ tùy mức (thẩm định viên chấm): từ ${deduction.min} đến ${deduction.toAll ? 'hết điểm' : deduction.max}${per}; máy kiểm tra điểm nhập nằm trong khoảng.`
                : `Trừ ${deduction.amount}${per}; không bao giờ dưới 0.`
        );
    }
    if (indicator.deductions.length === 0) lines.push('Không đạt: 0 điểm (không có quy tắc trừ từng phần).');
    return lines;
}

function unknownValueHover(value: UnknownValue): string {
    const indicator = AstUtils.getContainerOfType(value, isIndicator);
    const lines = [`**Ngưỡng chưa biết**${indicator ? ` của chỉ tiêu ${indicator.label}` : ''} «chưa kiểm chứng»`, ''];
    if (value.bounds.length > 0) lines.push(`Cận suy ra: ${value.bounds.map(b => code(sourceOf(b))).join(', ')}`);
    if (value.basis) lines.push(`Suy từ: ${escapeMarkdown(value.basis)}`);
    if (value.note) lines.push('', quote(value.note));
    lines.push('', 'Kết luận dựa trên giá trị này chỉ dựa vào cận suy ra, không phải giá trị của văn bản.');
    return lines.join('\n');
}

function gateHover(gate: Gate): string {
    return [`**Điều kiện công nhận**`, '', quote(gate.text ?? ''), '', `Quy tắc: ${code(sourceOf(gate.requirement))}`, ...citationLines(gate.citations)].join(
        '\n'
    );
}

function factHover(fact: FactDecl, types: NtmTypeComputer, readersOf: (pack: Pack) => ReadersIndex): string {
    const type = types.typeOfFact(fact);
    const lines = [`**Dữ kiện «${escapeMarkdown(fact.name)}»**`, '', `Kiểu: ${escapeMarkdown(typeToString(type))}`];
    if (fact.derivation) lines.push(`Tính từ: ${code(sourceOf(fact.derivation))}`);
    const breakdown = breakdownIndexOf(fact)?.ref;
    const collection = collectionIndexOf(fact)?.ref;
    if (breakdown) lines.push(`Phân theo: ${escapeMarkdown(breakdown.name)} (${breakdown.members.map(m => escapeMarkdown(m.name)).join(', ')})`);
    if (isYearly(fact)) lines.push('Giá trị theo từng năm: tệp xã ghi `{ "2022": …, "2023": … }`.');
    if (collection) lines.push(`Giá trị theo từng ${escapeMarkdown(collection.name)}: tệp xã ghi theo tên trong «danh sách».`);
    if (fact.description) lines.push('', quote(fact.description));
    const pack = AstUtils.getContainerOfType(fact, isPack);
    const users = pack ? indicatorsReading(fact, readersOf(pack)) : [];
    lines.push('', users.length > 0 ? `Dùng trong chỉ tiêu: ${users.join(', ')}` : '_Chưa được chỉ tiêu nào dùng._');
    return lines.join('\n');
}

function tableHover(table: Table): string {
    const lines = [`**Bảng «${escapeMarkdown(table.name)}»** theo ${table.dimensions.join(', ')}`, ''];
    if (table.description) lines.push(quote(table.description), '');
    for (const row of table.rows) {
        const unverified = AstUtils.streamAst(row).some(n => isUnverifiedMark(n) || isUnknownValue(n));
        const sources = row.citations.map(c => refText(c.source));
        lines.push(
            `- ${code(sourceOf(row).split(/\s+căn cứ\s/u)[0] ?? '')}${unverified ? ' — **chưa kiểm chứng**' : ''}${sources.length > 0 ? ` — căn cứ ${sources.map(escapeMarkdown).join(', ')}` : ''}`
        );
    }
    lines.push(...citationLines(table.citations));
    return lines.join('\n');
}

function legalSourceHover(source: LegalSource): string {
    return `**Căn cứ** ${legalSourceLine(source)}`;
}

function scaleHover(scale: Scale): string {
    return `**Thang «${escapeMarkdown(scale.name)}»**\n\n${scaleLine(scale)}${scale.description ? `\n\n${quote(scale.description)}` : ''}`;
}

function scaleLine(scale: Scale): string {
    return `Các mức từ thấp đến cao: ${scale.levels.map(l => escapeMarkdown(l.name)).join(' < ')}`;
}

function thresholdHover(literal: QuantityLiteral, types: NtmTypeComputer): string | undefined {
    const comparison = AstUtils.getContainerOfType(literal, isComparison);
    const indicator = AstUtils.getContainerOfType(literal, isIndicator);
    const lines = [`**Ngưỡng** ${code(sourceOf(literal))}${indicator ? ` của chỉ tiêu ${indicator.label}` : ''}`, ''];
    if (comparison) {
        const compared = types.typeOf(comparison.left);
        lines.push(`So sánh: ${code(sourceOf(comparison))}`, `Kiểu, đơn vị của vế trái: ${escapeMarkdown(typeToString(compared))}`);
    }
    const notes = [literal.unverified, ...(indicator?.unverified ?? [])].filter((n): n is UnverifiedMark | UnverifiedNote => n !== undefined);
    lines.push(
        '',
        notes.length > 0
            ? `**Giá trị chưa kiểm chứng** «chưa kiểm chứng»${notes.map(n => (n.note ? `: ${escapeMarkdown(n.note)}` : '')).join('')}`
            : 'Giá trị lấy từ văn bản trích dẫn (không ghi «chưa kiểm chứng»).'
    );
    if (indicator?.text) lines.push('', quote(indicator.text));
    const criterion = indicator ? AstUtils.getContainerOfType(indicator, isCriterion) : undefined;
    lines.push(...citationLines([...(indicator?.citations ?? []), ...(criterion?.citations ?? [])]));
    return lines.join('\n');
}

function unverifiedLines(indicator: Indicator): string[] {
    const marks = AstUtils.streamAst(indicator)
        .filter(n => isUnverifiedMark(n) || isUnverifiedNote(n) || isUnknownValue(n))
        .toArray();
    if (marks.length === 0) return [];
    return [
        '',
        '**Có giá trị chưa kiểm chứng** «chưa kiểm chứng»:',
        '',
        ...marks.map(m => `- ${escapeMarkdown((m as { note?: string }).note ?? sourceOf(m))}`)
    ];
}

function citationLines(citations: readonly Citation[]): string[] {
    if (citations.length === 0) return [];
    return [
        '',
        '**Căn cứ**',
        '',
        ...citations.map(c => {
            const source = c.source?.ref;
            const where = c.location ? ` — «${escapeMarkdown(c.location)}»` : '';
            return `- ${source ? legalSourceLine(source) : escapeMarkdown(refText(c.source))}${where}`;
        })
    ];
}

function legalSourceLine(source: LegalSource): string {
    const details = [source.issuer, source.date ? `ngày ${source.date}` : undefined].filter(Boolean).join(', ');
    return `${escapeMarkdown(source.name)}${details ? ` (${escapeMarkdown(details)})` : ''}${source.title ? `: ${escapeMarkdown(source.title)}` : ''}`;
}

/** One pass over a pack: who reads each fact (an indicator, a gate, or another fact's derivation). */
export function readersIndex(pack: Pack): ReadersIndex {
    const readers = new Map<AstNode, Set<string | FactDecl>>();
    for (const node of AstUtils.streamAllContents(pack)) {
        const read = isNameReference(node) ? node.target.ref : isPresence(node) ? node.fact.ref : undefined;
        if (!read) continue;
        const indicator = AstUtils.getContainerOfType(node, isIndicator);
        const reader = indicator
            ? String(indicator.label)
            : AstUtils.getContainerOfType(node, isGate)
              ? 'điều kiện công nhận'
              : AstUtils.getContainerOfType(node, isFactDecl);
        if (reader === undefined) continue;
        if (!readers.has(read)) readers.set(read, new Set());
        readers.get(read)!.add(reader);
    }
    return readers;
}

/** Labels of the indicators (and gates) whose rules read a fact, directly or through derived facts. */
function indicatorsReading(fact: FactDecl, readers: ReadersIndex): string[] {
    const labels = new Set<string>();
    const seen = new Set<AstNode>();
    const pending: AstNode[] = [fact];
    while (pending.length > 0) {
        const current = pending.pop()!;
        if (seen.has(current)) continue;
        seen.add(current);
        for (const reader of readers.get(current) ?? []) {
            if (typeof reader === 'string') labels.add(reader);
            else pending.push(reader);
        }
    }
    return [...labels];
}
