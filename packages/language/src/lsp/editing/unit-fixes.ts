import type { LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { Expression } from '../../generated/ast.js';
import { isComparison, isQuantityLiteral } from '../../generated/ast.js';
import type { NtmServices } from '../../ntm-module.js';
import { unitOf } from '../../typing/ntm-types.js';
import { PERCENT } from '../../typing/units.js';
import { nodeAtOffset } from '../node-at-offset.js';
import { replaceAction } from './quick-fix.js';

/**
 * A threshold written in a unit that measures something else than the fact's (`số hộ >= 5 km`): write it with
 * the declared unit in place of the one typed (a slip of the keyboard, `5 hộ`). A unit of the same kind at
 * another scale (`500 m` for a fact in km) needs no fix: the language converts it exactly, so it is never
 * diagnosed. Only a literal with a unit is rewritten; a fact on both sides is the analyst's to sort out.
 */
export function unitFixes(services: Pick<NtmServices, 'typing'>, document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const text = document.textDocument;
    const found = nodeAtOffset(document, text.offsetAt(diagnostic.range.start))?.node;
    let node = found;
    while (node && !isComparison(node)) node = node.$container;
    if (!node || !isComparison(node)) return [];
    const comparison = node;
    const start = text.offsetAt(diagnostic.range.start);
    const literal = [comparison.right, comparison.low, comparison.high].find((e): e is Expression => e?.$cstNode?.offset === start);
    if (!literal || !isQuantityLiteral(literal) || !literal.unit || !literal.$cstNode) return [];
    const declaredType = services.typing.TypeComputer.typeOf(comparison.left);
    const declared = unitOf(declaredType);
    if ((declaredType.kind !== 'number' && declaredType.kind !== 'percent') || (declaredType.kind === 'number' && declaredType.bareLiteral) || declared === '')
        return [];
    const numberNode = GrammarUtils.findNodeForProperty(literal.$cstNode, 'value');
    const unitNode = GrammarUtils.findNodeForProperty(literal.$cstNode, 'unit');
    if (!numberNode || !unitNode) return [];
    const uri = document.uri.toString();
    const written = (value: string) => (declared === PERCENT ? `${value}%` : `${value} ${declared}`);
    const whole = { start: text.positionAt(numberNode.offset), end: text.positionAt(unitNode.end) };
    return [replaceAction(`Dùng đơn vị khai báo của dữ kiện: ${written(numberNode.text)}`, diagnostic, uri, whole, written(numberNode.text), true)];
}
