import type { AstNode, AstNodeDescription, LangiumDocument, LocalSymbols, ParseResult } from 'langium';
import { DefaultScopeComputation, MultiMap } from 'langium';
import type { Pack } from '../generated/ast.js';
import { isCriterion, isIndicator, isPack, isReplaceIndicator } from '../generated/ast.js';
import { nodesOf } from '../util/ast-walk.js';

/**
 * Every named element of a pack (facts, scales and their levels, breakdown members, tables, legal sources)
 * is visible throughout the pack, wherever it is declared; criteria and indicators are found by label.
 * Everything is also exported, but the scope provider only lets a pack see the packs it builds on
 * (`dựa trên`): fact names never leak between unrelated packs.
 */
export class NtmScopeComputation extends DefaultScopeComputation {
    /** The descriptions made for the index, reused for the local symbols of the same parse (the same nodes and names). */
    private readonly exported = new WeakMap<ParseResult, AstNodeDescription[]>();

    protected override addExportedSymbol(node: AstNode, exports: AstNodeDescription[], document: LangiumDocument): void {
        const name = this.symbolName(node);
        if (name) {
            exports.push(this.descriptions.createDescription(node, name, document));
        }
    }

    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        for (const node of nodesOf(document)) this.addExportedSymbol(node, exports, document);
        this.exported.set(document.parseResult, exports);
        return exports;
    }

    /** Every symbol but the pack's own name, on the root (see `addLocalSymbol`), in the order of the index. */
    override async collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        const root = document.parseResult.value;
        const exported = this.exported.get(document.parseResult);
        if (!exported) {
            const symbols = new MultiMap<AstNode, AstNodeDescription>();
            for (const node of nodesOf(document)) this.addLocalSymbol(node, document, symbols);
            return symbols;
        }
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const description of exported) {
            if (description.node !== root) symbols.add(root, description);
        }
        return symbols;
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const root = document.parseResult.value;
        if (node === root) {
            return;
        }
        const name = this.symbolName(node);
        if (name) {
            symbols.add(root, this.descriptions.createDescription(node, name, document));
        }
    }

    /** Criteria and indicators are named by their labels; an indicator replaced by `thay` is not a new target. */
    private symbolName(node: AstNode): string | undefined {
        if (isCriterion(node)) return node.label === undefined ? undefined : String(node.label);
        if (isIndicator(node)) {
            if (isReplaceIndicator(node.$container)) return undefined;
            return node.label === undefined ? undefined : String(node.label);
        }
        if (isPack(node)) return (node as Pack).name;
        return this.nameProvider.getName(node);
    }
}
