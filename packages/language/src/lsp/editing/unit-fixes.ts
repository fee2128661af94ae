import type { LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { Expression } from '../../generated/ast.js';
import { isComparison, isQuantityLiteral } from '../../generated/ast.js';
import type { NtmServices } from '../../ntm-module.js';
import { unitOf } from '../../typing/ntm-types.js';
import { decimalShift, PERCENT } from '../../typing/units.js';
import { nodeAtOffset } from '../node-at-offset.js';
import { replaceAction } from './quick-fix.js';

/**
 * A threshold written in a unit other than the fact's (`độ dài >= 500 m` for a fact in km): write it in the
 * fact's unit, converted when both units measure the same thing (`0,5 km`, the number moved by a power of
 * ten, exactly), or with the declared unit in place of the one typed (a slip of the keyboard, `5 hộ` for
 * `5 km`). Only a literal with a unit is rewritten; a fact on both sides is the analyst's to sort out.
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
    const fixes: CodeAction[] = [];
    const shift = decimalShift(literal.unit, declared);
    if (shift !== undefined) {
        const converted = shiftDecimal(numberNode.text, shift);
        fixes.push(
            replaceAction(
                `Đổi ${numberNode.text} ${literal.unit} thành ${written(converted)} (đơn vị của dữ kiện)`,
                diagnostic,
                uri,
                whole,
                written(converted),
                true
            )
        );
    }
    fixes.push(
        replaceAction(`Dùng đơn vị khai báo của dữ kiện: ${written(numberNode.text)}`, diagnostic, uri, whole, written(numberNode.text), shift === undefined)
    );
    return fixes;
}

/**
 * `digits` (as written: `500`, `0,5`, `4.662`) with its decimal point moved `places` to the right (left when
 * negative), written with a decimal comma as the packs are: no floating point, so 0,1 km is exactly 100 m.
 */
export function shiftDecimal(digits: string, places: number): string {
    const [whole = '0', fraction = ''] = digits.split(/[.,]/u);
    const all = whole + fraction;
    const point = whole.length + places;
    const padded = point <= 0 ? '0'.repeat(1 - point) + all : point > all.length ? all + '0'.repeat(point - all.length) : all;
    const at = Math.max(point, 1);
    const integer = padded.slice(0, at).replace(/^0+(?=\d)/u, '');
    const decimals = padded.slice(at).replace(/0+$/u, '');
    return decimals ? `${integer},${decimals}` : integer;
}
