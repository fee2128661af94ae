import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Breakdown, Comparison, FactDecl } from '../generated/ast.js';
import { isFactDecl, isNameReference } from '../generated/ast.js';
import { breakdownIndexOf } from './fact-indexes.js';

/** The breakdown of the fact a comparison is about, if it has one. */
export function breakdownOf(comparison: Comparison): Breakdown | undefined {
    const seen = new Set<FactDecl>();
    const pending: AstNode[] = [comparison.left];
    while (pending.length > 0) {
        for (const node of AstUtils.streamAst(pending.pop()!)) {
            const fact = isNameReference(node) ? node.target.ref : undefined;
            if (isFactDecl(fact) && !seen.has(fact)) {
                seen.add(fact);
                const breakdown = breakdownIndexOf(fact)?.ref;
                if (breakdown) return breakdown;
                if (fact.derivation) pending.push(fact.derivation);
            }
        }
    }
    return undefined;
}
