import type { AstNode } from 'langium';
import type { EffectivePack, ast } from '@ntm/language';
import { allContents, containerOfType, numberAsWritten, rootOf } from './ast-walk.js';

/** A threshold a pack declares not verified against the decision, or unknown. */
export interface UnverifiedThreshold {
    /** 1-based. */
    readonly line: number;
    readonly column: number;
    readonly kind: 'unknown' | 'unverified';
    /** «chỉ tiêu 5.5», «điểm đạt tiêu chí 6», «bảng «x», TDMNPB», «điều kiện công nhận «…»». */
    readonly where: string;
    readonly note?: string;
    /** For an unknown threshold: its implied bounds («> 38.6») and where they come from. */
    readonly bounds?: string;
    readonly basis?: string;
    /** For one a pack inherits: the URI of the base pack that writes it (line and column are in that file). */
    readonly inheritedFrom?: string;
}

const MARKS = new Set(['UnverifiedMark', 'UnverifiedNote', 'UnknownValue']);

/** How a listing names what a syntax error left without its label or name. */
const NO_LABEL = '(chưa ghi mã)';
const NO_NAME = '(chưa đặt tên)';

function describe(node: AstNode): Omit<UnverifiedThreshold, 'inheritedFrom'> {
    const indicator = containerOfType<ast.Indicator>(node, 'Indicator');
    const table = containerOfType<ast.Table>(node, 'Table');
    const row = containerOfType<ast.TableRow>(node, 'TableRow');
    const passMark = containerOfType<ast.PassMark>(node, 'PassMark');
    const packPass = containerOfType<ast.PackPassMark>(node, 'PackPassMark');
    const gate = containerOfType<ast.Gate>(node, 'Gate');
    const start = node.$cstNode?.range.start;
    const criterion = passMark ? containerOfType<ast.Criterion>(passMark, 'Criterion') : undefined;
    const where = indicator
        ? `chỉ tiêu ${indicator.label ?? NO_LABEL}`
        : criterion
          ? `điểm đạt tiêu chí ${criterion.label ?? NO_LABEL}`
          : packPass
            ? 'tổng điểm đạt'
            : gate
              ? `điều kiện công nhận «${shortGateText(gate.text ?? NO_NAME)}»`
              : table
                ? `bảng «${table.name ?? NO_NAME}»${row ? `, ${row.rest ? 'còn lại' : row.keys.map(k => k.$cstNode?.text ?? '').join(', ')}` : ''}`
                : 'bộ tiêu chí';
    const position = { line: (start?.line ?? 0) + 1, column: (start?.character ?? 0) + 1 };
    if (node.$type === 'UnknownValue') {
        const unknown = node as ast.UnknownValue;
        // A bound cut short by a syntax error is left out: the error is reported on the pack.
        const bounds = unknown.bounds
            .filter(b => b.operator !== undefined && b.value !== undefined)
            .map(b => `${b.operator} ${Number.isFinite(b.value) ? String(b.value) : numberAsWritten(b)}${b.unit ? ' ' + b.unit : ''}`)
            .join(', ');
        return { ...position, kind: 'unknown', where, note: unknown.note, ...(bounds ? { bounds, basis: unknown.basis } : {}) };
    }
    const marker = node as ast.UnverifiedMark | ast.UnverifiedNote;
    return { ...position, kind: 'unverified', where, note: marker.note };
}

/** A condition's text as a listing names it: its first words (the whole text is the decision's sentence). */
function shortGateText(text: string): string {
    const words = text.split(/\s+/).filter(Boolean);
    return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}

function marksIn(node: AstNode): AstNode[] {
    return [...(MARKS.has(node.$type) ? [node] : []), ...[...allContents(node)].filter(n => MARKS.has(n.$type))];
}

/** The URI of the document a node is written in. */
function documentUri(node: AstNode): string {
    return (rootOf(node) as AstNode & { $document?: { uri: { toString(): string } } }).$document?.uri.toString() ?? '';
}

/** Every threshold the pack's own text declares not yet verified or unknown, so none is ever silently taken as law. */
export function unverifiedThresholds(pack: ast.Pack): UnverifiedThreshold[] {
    return marksIn(pack).map(describe);
}

/**
 * The unverified and unknown thresholds a pack inherits from the packs it builds on: those written in the
 * base text that is still in effect (an indicator the pack replaces or drops takes its thresholds with it).
 */
export function inheritedThresholds(effective: EffectivePack): UnverifiedThreshold[] {
    const own = documentUri(effective.pack);
    const uriOf = documentUri;
    const nodes: AstNode[] = [
        ...effective.criteria.flatMap(c => [
            ...(c.criterion.passMark ? [c.criterion.passMark] : []),
            ...c.indicators.flatMap(i => i.versions.flatMap(v => (v.indicator ? [v.indicator] : [])))
        ]),
        ...effective.tables,
        ...effective.gates,
        ...effective.regionRules,
        ...effective.facts
    ];
    const seen = new Set<AstNode>();
    const found: UnverifiedThreshold[] = [];
    for (const node of nodes) {
        const uri = uriOf(node);
        if (uri === own) continue;
        for (const mark of marksIn(node)) {
            if (seen.has(mark)) continue;
            seen.add(mark);
            found.push({ ...describe(mark), inheritedFrom: uri });
        }
    }
    return found.sort((a, b) => a.inheritedFrom!.localeCompare(b.inheritedFrom!) || a.line - b.line || a.column - b.column);
}

/** `tệp:dòng:cột chưa biết chỉ tiêu 2.2: …; cận suy ra: …`, as `ntm check` lists it; `shownFile` is the file that writes it. */
export function thresholdText(item: UnverifiedThreshold, shownFile: string): string {
    const position = `${shownFile}:${item.line}:${item.column}`;
    const inherited = item.inheritedFrom ? ' [kế thừa từ bộ gốc]' : '';
    if (item.kind === 'unknown') {
        return (
            `${position} chưa biết ${item.where}: ${item.note ?? '(không ghi chú)'}` +
            (item.bounds ? `; cận suy ra: ${item.bounds}${item.basis ? ` (suy từ ${item.basis})` : ''}` : '; không có cận') +
            inherited
        );
    }
    return `${position} chưa kiểm chứng ${item.where}: ${item.note ?? '(không ghi nguồn)'}${inherited}`;
}
