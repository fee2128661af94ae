import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import { isCriterion, isPack } from '../../generated/ast.js';
import { symbolOf } from './symbol-names.js';

/**
 * The outline as the decision reads: the pack, then its declarations in order, each criterion (tiêu chí)
 * holding its indicators (chỉ tiêu). Amendments and indicator changes show the indicators they carry.
 */
export class NtmDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const pack = document.parseResult.value;
        if (!isPack(pack) || !pack.$cstNode) return [];
        return this.symbolsOf(pack);
    }

    private symbolsOf(node: AstNode): DocumentSymbol[] {
        const children = isCriterion(node)
            ? node.indicators.flatMap(i => this.symbolsOf(i))
            : isPack(node)
              ? node.members.flatMap(member => this.symbolsOf(member))
              : symbolOf(node)
                ? []
                : AstUtils.streamContents(node)
                      .toArray()
                      .flatMap(child => this.symbolsOf(child));
        const info = symbolOf(node);
        const range = node.$cstNode?.range;
        if (!info || !range) return children;
        return [
            {
                name: info.name,
                detail: info.detail,
                kind: info.kind,
                range,
                selectionRange: selectionRangeOf(node) ?? range,
                children: children.length > 0 ? children : undefined
            }
        ];
    }
}

/** The label or name of a declaration, where editors put the cursor on a jump from the outline. */
function selectionRangeOf(node: AstNode): Range | undefined {
    for (const property of ['label', 'name']) {
        const found = GrammarUtils.findNodeForProperty(node.$cstNode, property);
        if (found) return found.range;
    }
    return undefined;
}
