import type { LangiumCoreServices, LangiumDocuments, ReferenceInfo, Scope } from 'langium';
import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MapScope, StreamScope, stream } from 'langium';
import type { Expression, Level } from '../generated/ast.js';
import { isComparison, isFactDecl, isLevel, isLevelType, isNameReference, isPack } from '../generated/ast.js';
import { breakdownOf } from '../typing/breakdowns.js';
import { packChain } from '../workspace/pack-chain.js';

/**
 * Resolves a level name against the scale of the fact it is compared with, so two scales may both have a
 * level called "chưa đạt"; likewise a `cho cả` member against the breakdown of the compared fact, so two
 * breakdowns may both have a part called "nam".
 */
export class NtmScopeProvider extends DefaultScopeProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /** Only the packs this pack builds on, nearest first: a provincial pack sees the national facts. */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const root = AstUtils.findRootNode(context.container);
        if (!isPack(root)) return EMPTY_SCOPE;
        const chain = packChain(root, this.documents);
        let scope: Scope = EMPTY_SCOPE;
        for (const base of [...chain.bases].reverse()) {
            const uri = base.$document?.uri.toString();
            if (!uri) continue;
            scope = new MapScope(this.indexManager.allElements(referenceType, new Set([uri])), scope);
        }
        return scope;
    }

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
