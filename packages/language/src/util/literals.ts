import type { Expression, QuantityLiteral } from '../generated/ast.js';
import { isParenthesizedExpression, isQuantityLiteral } from '../generated/ast.js';

/** The number written in the pack that an expression is (`(95%)` is `95%`), or undefined for anything else. */
export function literalOf(expression: Expression | undefined): QuantityLiteral | undefined {
    let inner = expression;
    while (isParenthesizedExpression(inner)) inner = inner.expression;
    return isQuantityLiteral(inner) ? inner : undefined;
}
