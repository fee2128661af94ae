import type { AstNode, LangiumSharedCoreServices } from 'langium';
import { AstUtils, DocumentCache, DocumentState } from 'langium';
import { packsBuildingOn } from './pack-dependents.js';

/**
 * Values computed from a pack's nodes (types, composition), kept per document. Like Langium's
 * `DocumentCache`, a document's entries go when it changes or is deleted; as they also depend on the packs
 * it builds on, they go as well when one of those changes, and when the document is linked again. An edit
 * keeps the entries of unrelated packs (a `WorkspaceCache` would drop everything on every keystroke).
 */
export class PackCache<K extends AstNode, V> extends DocumentCache<K, V> {
    /** Nodes outside any document (built by hand) are cached by identity alone. */
    private readonly detached = new WeakMap<K, V>();

    constructor(shared: LangiumSharedCoreServices) {
        super(shared);
        const documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        this.onDispose(
            builder.onUpdate((changed, deleted) => {
                for (const uri of packsBuildingOn([...changed, ...deleted], documents)) this.clear(uri);
            })
        );
        // Anything read through the document's previous links is stale once they are made again.
        this.onDispose(builder.onDocumentPhase(DocumentState.Linked, document => this.clear(document.uri)));
    }

    /** The value for `node`, computed at most once per version of its pack and of the packs under it. */
    of(node: K, compute: () => V): V {
        const uri = AstUtils.findRootNode(node).$document?.uri;
        if (uri) return this.get(uri, node, compute);
        if (this.detached.has(node)) return this.detached.get(node)!;
        const value = compute();
        this.detached.set(node, value);
        return value;
    }
}
