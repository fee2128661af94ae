import type { CstNode, LeafCstNode, ValidationAcceptor } from 'langium';
import { GrammarUtils } from 'langium';
import type { Pack } from '../generated/ast.js';
import { MAX_NUMBER_DIGITS, numberDigits, tooManyDigitsMessage } from '@ntm/runtime';
import { forEachLeaf } from '../util/ast-walk.js';
import { IssueCodes } from './issue-codes.js';

/**
 * Every number of a pack is exact: at most MAX_NUMBER_DIGITS digits, the limit commune files and the
 * generated module's API have too. The parser reads a number as a JavaScript number, so a longer one would
 * be rounded (9007199254740993) or become Infinity (400 digits) without a word.
 */
const LONG_DIGIT_RUN = new RegExp(`[0-9][0-9.,]{${MAX_NUMBER_DIGITS}}`, 'u');

export function numbersMustBeExact(pack: Pack, accept: ValidationAcceptor): void {
    if (!pack.$cstNode) return;
    // Only a run of more than MAX_NUMBER_DIGITS digits (with separators) can be such a number: most packs have none.
    if (!LONG_DIGIT_RUN.test(pack.$cstNode.root.fullText)) return;
    forEachLeaf(pack.$cstNode, leaf => {
        // A number no longer than the limit cannot have more digits than it: most tokens stop here.
        if (leaf.length <= MAX_NUMBER_DIGITS || !isLeaf(leaf) || leaf.tokenType.name !== 'NUMBER' || !isNumberValue(leaf)) return;
        const digits = numberDigits(leaf.text.replace(',', '.')) ?? 0;
        if (digits > MAX_NUMBER_DIGITS) {
            accept('error', tooManyDigitsMessage(leaf.text, digits), { node: leaf.astNode, range: leaf.range, code: IssueCodes.NumberTooLong });
        }
    });
}

/** A NUMBER token assigned as a number; one inside a label (`17.10`) or a name is text and has no limit. */
function isNumberValue(leaf: CstNode): boolean {
    const feature = GrammarUtils.findAssignment(leaf)?.feature;
    if (feature === undefined) return false;
    const value = (leaf.astNode as unknown as Record<string, unknown>)[feature];
    return typeof value === 'number' || (Array.isArray(value) && value.some(v => typeof v === 'number'));
}

function isLeaf(node: CstNode): node is LeafCstNode {
    return 'tokenType' in node;
}
