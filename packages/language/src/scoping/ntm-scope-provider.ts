import type { ReferenceInfo, Scope } from 'langium';
import { DefaultScopeProvider, StreamScope, stream } from 'langium';
import type { Expression, Level } from '../generated/ast.js';
import { isComparison, isFactDecl, isLevel, isLevelType, isNameReference } from '../generated/ast.js';
import { breakdownOf } from '../typing/breakdowns.js';

/**
 * Resolves a level name against the scale of the fact it is compared with, so two scales may both have a
 * level called "chưa đạt"; likewise a `cho cả` member against the breakdown of the compared fact, so two
 * breakdowns may both have a part called "nam".
 */
export class NtmScopeProvider extends DefaultScopeProvider {

    override getScope(context: ReferenceInfo): Scope {
        const scope = super.getScope(context);
        const reference = context.container;
        if (isComparison(reference) && context.property === 'members') {
            // Reading the compared fact here is safe: its reference never depends on this scope.
            const members = breakdownOf(reference)?.members ?? [];
            const preferred = members.map(member => this.descriptions.createDescription(member, member.name));
            return preferred.length > 0 ? new StreamScope(stream(preferred), scope) : scope;
        }
        if (!isNameReference(reference) || context.property !== 'target') {
            return scope;
        }
        const comparison = reference.$container;
        if (!isComparison(comparison) || comparison.left === reference) {
            return scope;
        }
        const scale = scaleOf(comparison.left);
        if (!scale) {
            return scope;
        }
        const preferred = scale.levels.map(level => this.descriptions.createDescription(level, level.name));
        return preferred.length > 0 ? new StreamScope(stream(preferred), scope) : scope;
    }
}

function scaleOf(expression: Expression): { levels: Level[] } | undefined {
    if (!isNameReference(expression)) {
        return undefined;
    }
    // Reading the left-hand reference here is safe: it never depends on this scope.
    const target = expression.target.ref;
    if (isFactDecl(target) && isLevelType(target.type)) {
        return target.type.scale.ref;
    }
    if (isLevel(target) && target.$container) {
        return target.$container;
    }
    return undefined;
}
