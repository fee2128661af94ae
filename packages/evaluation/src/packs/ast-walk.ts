import type { AstNode } from 'langium';

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

function isAstNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
