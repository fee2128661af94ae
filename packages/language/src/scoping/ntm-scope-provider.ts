import type { AstNodeDescription, LangiumCoreServices, LangiumDocuments, LocalSymbols, ReferenceInfo, Scope, Stream } from 'langium';
import { AstUtils, DefaultScopeProvider, DocumentState, EMPTY_SCOPE, MapScope, MultiMapScope, StreamScope, WorkspaceCache, stream } from 'langium';
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
    /** The bases' scope per pack and reference type, made again once the index has changed. */
    private readonly baseScopes: WorkspaceCache<string, Scope>;
    /** A pack's own symbols of one reference type, by name; kept as long as the document's local symbols are. */
    private readonly localScopes = new WeakMap<LocalSymbols, Map<string, NamedSymbols>>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.baseScopes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    /** Only the packs this pack builds on, nearest first: a provincial pack sees the national facts. */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const root = AstUtils.findRootNode(context.container);
        if (!isPack(root)) return EMPTY_SCOPE;
        const key = `${root.$document?.uri.toString() ?? ''}\u0000${referenceType}`;
        return this.baseScopes.get(key, () => {
            const chain = packChain(root, this.documents);
            let scope: Scope = EMPTY_SCOPE;
            for (const base of [...chain.bases].reverse()) {
                const uri = base.$document?.uri.toString();
                if (!uri) continue;
                scope = new MapScope(this.indexManager.allElements(referenceType, new Set([uri])), scope);
            }
            return scope;
        });
    }

    /**
     * As Langium's, but a name is looked up in a map of the pack's symbols instead of a scan of all of them
     * for every reference (which made linking grow with the square of the pack). The scope computation puts
     * every local symbol on the root, so the root's symbols, of the reference's type, in declaration order,
     * are the whole local scope: the first declared of a name wins, as in a scan.
     */
    private localScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const document = AstUtils.getDocument(context.container);
        const symbols = document.localSymbols;
        const global = this.getGlobalScope(referenceType, context);
        const root = document.parseResult.value;
        if (!symbols?.has(root)) return global;
        let byType = this.localScopes.get(symbols);
        if (!byType) {
            byType = new Map();
            this.localScopes.set(symbols, byType);
        }
        let named = byType.get(referenceType);
        if (!named) {
            named = new NamedSymbols(
                symbols
                    .getStream(root)
                    .filter(desc => this.reflection.isSubtype(desc.type, referenceType))
                    .toArray()
            );
            byType.set(referenceType, named);
        }
        return named.scope(global);
    }

    override getScope(context: ReferenceInfo): Scope {
        const scope = this.localScope(context);
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

/** Symbols of one type with a map by name; the scope keeps their declaration order for completion. */
class NamedSymbols {
    private readonly byName: MultiMapScope;

    constructor(private readonly descriptions: readonly AstNodeDescription[]) {
        this.byName = new MultiMapScope(descriptions);
    }

    scope(outer: Scope): Scope {
        return new IndexedScope(this.byName, stream(this.descriptions), outer);
    }
}

class IndexedScope implements Scope {
    constructor(
        private readonly local: MultiMapScope,
        private readonly ordered: Stream<AstNodeDescription>,
        private readonly outer: Scope
    ) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.local.getElement(name) ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return this.local.getElements(name).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.ordered.concat(this.outer.getAllElements());
    }
}
