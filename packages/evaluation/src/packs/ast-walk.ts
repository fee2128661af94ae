import type { AstNode, CstNode } from 'langium';

// The few syntax-tree walks this package needs, written out so that importing the package does not load
// Langium: evaluating with a cached pack never needs the compiler (see node/evaluator-cache.ts).

export function rootOf(node: AstNode): AstNode {
    let current = node;
    while (current.$container) current = current.$container;
    return current;
}

/** `node` or the nearest node above it of the given type (as Langium's `getContainerOfType`). */
export function containerOfType<T extends AstNode>(node: AstNode, type: string): T | undefined {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        if (current.$type === type) return current as T;
    }
    return undefined;
}

/** Every node below `root`, depth first in document order (as Langium's `streamAllContents`). */
export function* allContents(root: AstNode): Generator<AstNode> {
    for (const [key, value] of Object.entries(root)) {
        if (key.startsWith('$')) continue;
        const children: unknown[] = Array.isArray(value) ? value : [value];
        for (const child of children) {
            if (isAstNode(child)) {
                yield child;
                yield* allContents(child);
            }
        }
    }
}

/**
 * The text of the first number written in a node (`1000…0` as typed), for a value too long to be read as a
 * JavaScript number (shown as Infinity otherwise); the pack has an error there already.
 */
export function numberAsWritten(node: AstNode): string {
    const pending: CstNode[] = node.$cstNode ? [node.$cstNode] : [];
    while (pending.length > 0) {
        const cst = pending.shift()!;
        const leaf = cst as CstNode & { tokenType?: { name: string }; content?: CstNode[] };
        if (leaf.tokenType?.name === 'NUMBER') return leaf.text;
        pending.unshift(...(leaf.content ?? []));
    }
    return '?';
}

function isAstNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
