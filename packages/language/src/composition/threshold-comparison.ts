import type { Comparison, Condition, Expression } from '../generated/ast.js';
import { isComparison, isGroupedCondition, isQuantityLiteral } from '../generated/ast.js';
import { sourceText } from '../generation/generator-helpers.js';
import { normalizeName, ratCmp, ratFromNumber, ratMul, unitConversion } from '@ntm/runtime';

type Direction = 'at-least' | 'at-most';

interface SimpleThreshold {
    readonly subject: string;
    readonly direction: Direction;
    readonly strict: boolean;
    readonly value: number;
    readonly unit: string;
    readonly text: string;
}

/**
 * When a replacement requirement is a plain threshold on the same quantity as the base requirement, says
 * whether it is looser (lets through a value the base rejects). Anything more complex is not judged.
 */
export function looserThreshold(base: Condition | undefined, replacement: Condition | undefined): { base: string; replacement: string } | undefined {
    const a = simpleThreshold(base);
    const b = simpleThreshold(replacement);
    if (!a || !b || a.subject !== b.subject || a.direction !== b.direction) return undefined;
    // 400 m against 0,5 km: compared exactly in the base's unit; units of different kinds are not judged.
    const factor = a.unit === b.unit || a.unit === '' || b.unit === '' ? ratFromNumber(1) : unitConversion(b.unit, a.unit);
    if (!factor) return undefined;
    const order = ratCmp(ratMul(ratFromNumber(b.value), factor), ratFromNumber(a.value));
    const looser = a.direction === 'at-least' ? order < 0 || (order === 0 && !b.strict && a.strict) : order > 0 || (order === 0 && !b.strict && a.strict);
    return looser ? { base: a.text, replacement: b.text } : undefined;
}

function simpleThreshold(condition: Condition | undefined): SimpleThreshold | undefined {
    while (condition && isGroupedCondition(condition)) condition = condition.condition;
    if (!condition || !isComparison(condition) || condition.members.length > 0) return undefined;
    const comparison: Comparison = condition;
    const subject = normalize(sourceText(comparison.left));
    if (comparison.low && !comparison.high) return literal(comparison.low, 'at-least', false, subject, comparison);
    if (!comparison.operator || !comparison.right) return undefined;
    switch (comparison.operator) {
        case '>=':
        case '≥':
            return literal(comparison.right, 'at-least', false, subject, comparison);
        case '>':
            return literal(comparison.right, 'at-least', true, subject, comparison);
        case '<=':
        case '≤':
            return literal(comparison.right, 'at-most', false, subject, comparison);
        case '<':
            return literal(comparison.right, 'at-most', true, subject, comparison);
        default:
            return undefined;
    }
}

function literal(expression: Expression, direction: Direction, strict: boolean, subject: string, comparison: Comparison): SimpleThreshold | undefined {
    if (!isQuantityLiteral(expression)) return undefined;
    return {
        subject,
        direction,
        strict,
        value: Number(expression.value),
        unit: expression.unit ?? '',
        text: `«${sourceText(comparison)}»`
    };
}

const normalize = normalizeName;
