import type { GrammarAST } from 'langium';
import { GrammarAST as Grammar } from 'langium';
import { keywordOf } from '../../parser/phrase-keywords.js';

/**
 * The keywords that begin a pack member (`dữ kiện`, `tiêu chí`, …), read from the grammar's `PackMember`
 * rule so that members added to the grammar are found too.
 */
export function memberKeywords(grammar: GrammarAST.Grammar): string[] {
    const member = grammar.rules.find(rule => rule.name === 'PackMember');
    const keywords = new Set<string>();
    const visit = (element: GrammarAST.AbstractElement | undefined, seen: Set<GrammarAST.AbstractRule>): void => {
        if (!element) return;
        const keyword = keywordOf(element);
        if (keyword !== undefined) keywords.add(keyword);
        else if (Grammar.isAlternatives(element)) element.elements.forEach(e => visit(e, seen));
        else if (Grammar.isGroup(element) || Grammar.isUnorderedGroup(element)) {
            const first = element.elements.find(e => !Grammar.isAction(e));
            visit(first, seen);
        } else if (Grammar.isAssignment(element)) visit(element.terminal, seen);
        else if (Grammar.isRuleCall(element)) {
            const rule = element.rule.ref;
            if (rule && Grammar.isParserRule(rule) && !seen.has(rule)) visit(rule.definition, new Set([...seen, rule]));
        }
    };
    if (member && Grammar.isParserRule(member)) visit(member.definition, new Set([member]));
    return [...keywords];
}

/**
 * The offset of the line where the pack member around `offset` begins (a member keyword at column 0), or 0.
 * Members parse the same whatever precedes them, so completion need not parse the whole pack.
 */
export function memberStart(text: string, offset: number, keywords: readonly string[]): number {
    let lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    for (;;) {
        if (keywords.some(keyword => text.startsWith(keyword, lineStart) && !/[\p{L}\p{M}\p{N}_]/u.test(text.charAt(lineStart + keyword.length)))) {
            return lineStart;
        }
        if (lineStart === 0) return 0;
        lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    }
}
