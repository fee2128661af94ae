import type { Cancellation, LangiumDocument, ReferenceDescription } from 'langium';
import { DefaultReferenceDescriptionProvider, interruptAndCheck } from 'langium';
import { forEachReference, nodesOf } from '../util/ast-walk.js';

const NODES_PER_CHECK = 256;

/** The index of a document's references, as Langium makes it, over a plain walk of the tree (see util/ast-walk.ts). */
export class NtmReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<ReferenceDescription[]> {
        const nodes = nodesOf(document);
        const descriptions: ReferenceDescription[] = [];
        for (let i = 0; i < nodes.length; i++) {
            if (cancelToken && i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReference(nodes[i]!, info => {
                if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
            });
        }
        return descriptions;
    }
}
