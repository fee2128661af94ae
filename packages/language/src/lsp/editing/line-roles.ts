import type { AstNode, CstNode } from 'langium';
import { GrammarAST } from 'langium';
import { isCitation, isIndicator, isPack } from '../../generated/ast.js';
import { keywordOf } from '../../parser/phrase-keywords.js';

/** Header lines of a pack that start with a keyword of the pack itself rather than a node of their own. */
const PACK_HEADER_KEYWORDS = new Set(['cấp', 'địa bàn', 'phiên bản']);
/** Nodes that sit one level under the line that starts their container. */
const PACK_LEVEL = new Set(['LegalSource', 'Validity', 'BaseRef', 'Rounding']);
const INDICATOR_PARTS = new Set(['UnverifiedNote', 'Deduction', 'Rounding', 'Citation', 'PointsMax']);
/** Parts of a criterion's header line: on a line of their own they continue that header where the analyst put them. */
const CRITERION_HEADER_PARTS = new Set(['PointsMax', 'PassMark']);

/**
 * How deep a line is, in indentation steps, from the node its first token starts: 0 for declarations,
 * 1 for header items, indicators and criterion citations, 2 for an indicator's rule and notes. Undefined
 * for a continuation line, which keeps its place relative to the line it continues: so does a derived fact's
 * formula on the lines after `=`, whose alignment often shows how the analyst reads it.
 */
export function lineDepth(first: CstNode): number | undefined {
    const node = first.astNode;
    if (isPack(node) && PACK_HEADER_KEYWORDS.has(keywordOf(first.grammarSource) ?? '')) return 1;
    if (isIndicator(node) && GrammarAST.isKeyword(first.grammarSource) && first.grammarSource.value === '(') return 2;
    const outer = outermostStartingAt(node, first.offset);
    if (!outer) return descriptionDepth(first);
    const container = outer.$container;
    if (!container) return 0;
    if (isPack(container)) return PACK_LEVEL.has(outer.$type) ? 1 : outer.$containerProperty === 'members' ? 0 : undefined;
    switch (container.$type) {
        case 'Criterion':
            return CRITERION_HEADER_PARTS.has(outer.$type) ? undefined : 1;
        case 'Indicator':
            return container.$container?.$type === 'Criterion' && (INDICATOR_PARTS.has(outer.$type) || outer.$containerProperty === 'requirement')
                ? 2
                : undefined;
        case 'Gate':
            return outer.$containerProperty === 'requirement' || isCitation(outer) ? 1 : undefined;
        case 'Table':
            return 1;
        default:
            return undefined;
    }
}

/** The largest node that starts exactly at `offset` (a line starting `chỉ tiêu` starts the indicator). */
function outermostStartingAt(node: AstNode, offset: number): AstNode | undefined {
    let found: AstNode | undefined;
    for (let current: AstNode | undefined = node; current?.$cstNode && current.$cstNode.offset === offset; current = current.$container) {
        found = current;
    }
    return found;
}

/** A description or title string on a line of its own, under the declaration it belongs to. */
function descriptionDepth(first: CstNode): number | undefined {
    const node = first.astNode;
    if (!GrammarAST.isRuleCall(first.grammarSource) || first.grammarSource.rule.ref?.name !== 'STRING') return undefined;
    if (isPack(node.$container)) return node.$type === 'LegalSource' ? 2 : 1;
    return undefined;
}
