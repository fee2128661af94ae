import type { AstNode, CstNode, LangiumDocument, MultiReference, Reference } from 'langium';
import { AstUtils, CstUtils } from 'langium';

/** What the cursor is on: the node whose text it touches and, when it is on a reference, the declaration. */
export interface NodeAtOffset {
    readonly leaf: CstNode;
    readonly node: AstNode;
    readonly target?: AstNode;
    /** The whole reference (all words of a multi-word name) when the cursor is on one. */
    readonly reference?: CstNode;
}

/** The node under `offset`; a cursor right after a word still counts as on it (as editors place it). */
export function nodeAtOffset(document: LangiumDocument, offset: number): NodeAtOffset | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    let leaf = CstUtils.findLeafNodeAtOffset(root, offset);
    if ((!leaf || leaf.hidden) && offset > 0) {
        leaf = CstUtils.findLeafNodeAtOffset(root, offset - 1);
    }
    if (!leaf || leaf.hidden) return undefined;
    const node = leaf.astNode;
    for (const reference of AstUtils.streamReferences(node)) {
        const refNode = reference.reference.$refNode;
        if (refNode && refNode.offset <= leaf.offset && leaf.end <= refNode.end) {
            return { leaf, node, target: targetOf(reference.reference), reference: refNode };
        }
    }
    return { leaf, node };
}

/** The declaration a reference names; for a reference to several declarations, the first. */
export function targetOf(reference: Reference | MultiReference): AstNode | undefined {
    return 'ref' in reference ? reference.ref : reference.items[0]?.ref;
}
