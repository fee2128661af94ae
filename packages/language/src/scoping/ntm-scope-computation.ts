import type { AstNode, AstNodeDescription, LangiumDocument } from 'langium';
import { DefaultScopeComputation, MultiMap } from 'langium';
import { isPack } from '../generated/ast.js';

/**
 * Every named element of a pack (facts, scales and their levels, breakdown members, legal sources) is
 * visible throughout the pack, wherever it is declared. Packs export only themselves: fact names never
 * leak from one pack into another.
 */
export class NtmScopeComputation extends DefaultScopeComputation {

    protected override addExportedSymbol(node: AstNode, exports: AstNodeDescription[], document: LangiumDocument): void {
        if (isPack(node)) {
            super.addExportedSymbol(node, exports, document);
        }
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const root = document.parseResult.value;
        if (node === root) {
            return;
        }
        const name = this.nameProvider.getName(node);
        if (name) {
            symbols.add(root, this.descriptions.createDescription(node, name, document));
        }
    }
}
