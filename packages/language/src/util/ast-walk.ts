import type { AstNode, CstNode, LangiumDocument, Reference, ReferenceInfo } from 'langium';

// Plain recursions over a syntax tree, in the order of Langium's `streamAst` and `streamReferences`. On a
// 2,000-line pack (30,000 nodes, 60,000 tokens) Langium's lazy streams, walked on every keystroke by
// indexing, scoping, linking and validation, cost more than all the checks together.

/**
 * Calls `visit` on `node` and every node under it, parents first, children in property order. When `visit`
 * returns false the node's children are skipped.
 */
export function forEachNode(node: AstNode, visit: (node: AstNode) => unknown): void {
    if (visit(node) === false) return;
    const record = node as unknown as Record<string, unknown>;
    for (const key of Object.keys(record)) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[key];
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isNode(item)) forEachNode(item, visit);
            }
        } else if (isNode(value)) {
            forEachNode(value, visit);
        }
    }
}

/** Every node under `node`, not `node` itself (as `streamAllContents`). */
export function forEachContent(node: AstNode, visit: (node: AstNode) => void): void {
    forEachNode(node, child => {
        if (child !== node) visit(child);
    });
}

/** The references held by `node` itself, as `streamReferences` gives them. */
export function forEachReference(node: AstNode, visit: (info: ReferenceInfo) => void): void {
    const record = node as unknown as Record<string, unknown>;
    for (const property of Object.keys(record)) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[property];
        if (isReferenceLike(value)) {
            visit({ reference: value as Reference, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (isReferenceLike(element) && 'ref' in (element as object)) {
                    visit({ reference: element as Reference, container: node, property, index });
                }
            }
        }
    }
}

/** Every leaf of a concrete syntax tree, in text order. */
export function forEachLeaf(node: CstNode, visit: (leaf: CstNode) => void): void {
    const content = (node as { content?: readonly CstNode[] }).content;
    if (!content) {
        visit(node);
        return;
    }
    for (const child of content) forEachLeaf(child, visit);
}

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** A reference or a multi-reference, as Langium's `isReference` / `isMultiReference` tell them. */
function isReferenceLike(value: unknown): boolean {
    return (
        typeof value === 'object' && value !== null && typeof (value as { $refText?: unknown }).$refText === 'string' && ('ref' in value || 'items' in value)
    );
}

const nodeLists = new WeakMap<object, readonly AstNode[]>();

/**
 * Every node of a parsed tree, parents first (as `streamAst`), listed once per parse and shared by indexing,
 * linking and validation, which each walked the whole tree.
 */
export function nodesOf(document: LangiumDocument): readonly AstNode[] {
    const key = document.parseResult;
    let nodes = nodeLists.get(key);
    if (!nodes) {
        const list: AstNode[] = [];
        forEachNode(document.parseResult.value, node => {
            list.push(node);
        });
        nodes = list;
        nodeLists.set(key, nodes);
    }
    return nodes;
}
