import type { CstNode, ValidationAcceptor } from 'langium';
import { CstUtils, GrammarUtils } from 'langium';
import type { Pack } from '../generated/ast.js';
import { MAX_NUMBER_DIGITS, numberDigits, tooManyDigitsMessage } from '@ntm/runtime';
import { IssueCodes } from './issue-codes.js';

/**
 * Every number of a pack is exact: at most MAX_NUMBER_DIGITS digits, the limit commune files and the
 * generated module's API have too. The parser reads a number as a JavaScript number, so a longer one would
 * be rounded (9007199254740993) or become Infinity (400 digits) without a word.
 */
export function numbersMustBeExact(pack: Pack, accept: ValidationAcceptor): void {
    if (!pack.$cstNode) return;
    for (const leaf of CstUtils.flattenCst(pack.$cstNode)) {
        if (leaf.tokenType.name !== 'NUMBER' || !isNumberValue(leaf)) continue;
        const digits = numberDigits(leaf.text.replace(',', '.')) ?? 0;
        if (digits > MAX_NUMBER_DIGITS) {
            accept('error', tooManyDigitsMessage(leaf.text, digits), { node: leaf.astNode, range: leaf.range, code: IssueCodes.NumberTooLong });
        }
    }
}

/** A NUMBER token assigned as a number; one inside a label (`17.10`) or a name is text and has no limit. */
function isNumberValue(leaf: CstNode): boolean {
    const feature = GrammarUtils.findAssignment(leaf)?.feature;
    if (feature === undefined) return false;
    const value = (leaf.astNode as unknown as Record<string, unknown>)[feature];
    return typeof value === 'number' || (Array.isArray(value) && value.some(v => typeof v === 'number'));
}
