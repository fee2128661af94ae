import type { AstNode } from 'langium';
import { GrammarUtils } from 'langium';

/**
 * A number property as the analyst wrote it (`0,5`, `4.662`, `99999999999999999999999`), or undefined when a
 * syntax error left it out. The parser turns numbers into JavaScript numbers, which keep about 16 digits and
 * make a very long one Infinity; messages and generated code use the written text instead.
 */
export function writtenNumber(node: AstNode, property: string): string | undefined {
    const value = (node as unknown as Record<string, unknown>)[property];
    if (value === undefined) return undefined;
    return GrammarUtils.findNodeForProperty(node.$cstNode, property)?.text.trim() ?? String(value);
}

/**
 * The exact decimal of a written number as the runtime's `lit` reads it: a point, no trailing zeros (`0,50` →
 * `0.5`, `5,0` → `5`, a whole number as before), and every digit kept.
 */
export function exactDecimal(written: string): string {
    const text = written.replace(',', '.');
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * A number for a message: as read (`0,5` shows as 0.5, as in every message), or as written when it is too long
 * to be read as a number; undefined when a syntax error left it out.
 */
export function shownNumber(node: AstNode, property: string): string | undefined {
    const value = (node as unknown as Record<string, unknown>)[property];
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : writtenNumber(node, property);
}
