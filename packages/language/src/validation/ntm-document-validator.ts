import type { AstNode, Cancellation, ValidationAcceptor, ValidationOptions } from 'langium';
import { DefaultDocumentValidator, interruptAndCheck } from 'langium';
import { forEachNode, nodesOf } from '../util/ast-walk.js';

/** How many nodes are checked between two checks for cancellation (each may yield to the event loop). */
const NODES_PER_CHECK = 256;

type Check = (node: AstNode, accept: ValidationAcceptor, token: Cancellation.CancellationToken) => unknown;

/**
 * Langium's validator awaits each check of each node and asks the registry for a node's checks anew every
 * time: on a 2,000-line pack that bookkeeping cost more than the checks. Here the nodes are walked once, the
 * checks of a type are looked up once, and the checks (synchronous in this language; Langium's wrapper turns
 * an exception into a diagnostic) are awaited together every few hundred nodes, in the same order.
 */
export class NtmDocumentValidator extends DefaultDocumentValidator {
    protected override async validateAstNodes(
        rootNode: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken?: Cancellation.CancellationToken
    ): Promise<void> {
        if (this.profiler?.isActive('validating') || !cancelToken) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const document = rootNode.$document;
        // The shared list of the document's nodes, unless a node's children are to be skipped.
        let nodes: readonly AstNode[] = document && document.parseResult.value === rootNode ? nodesOf(document) : [];
        const validated = new Set<AstNode>();
        let pruned = false;
        for (const node of nodes) {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) validated.add(node);
            if (!nodeOptions.validateChildren) pruned = true;
        }
        if (pruned || nodes.length === 0) {
            const list: AstNode[] = [];
            validated.clear();
            forEachNode(rootNode, node => {
                const nodeOptions = this.validateSingleNodeOptions(node, options);
                list.push(node);
                if (nodeOptions.validateNode) validated.add(node);
                return nodeOptions.validateChildren;
            });
            nodes = list;
        }
        const checksOf = new Map<string, Check[]>();
        let pending: unknown[] = [];
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CHECK === 0) {
                await Promise.all(pending);
                pending = [];
                await interruptAndCheck(cancelToken);
            }
            const node = nodes[i]!;
            if (!validated.has(node)) continue;
            let checks = checksOf.get(node.$type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray() as Check[];
                checksOf.set(node.$type, checks);
            }
            for (const check of checks) pending.push(check(node, acceptor, cancelToken));
        }
        await Promise.all(pending);
    }
}
