import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isBreakdown,
    isBreakdownMember,
    isCitation,
    isCriterion,
    isFactDecl,
    isIndicator,
    isLegalSource,
    isLevel,
    isPack,
    isQuantityLiteral,
    isScale,
    isTable
} from '../../generated/ast.js';
import { targetOf } from '../node-at-offset.js';

/** The kind of token a declaration's name is shown as; references show as what they name. */
function tokenTypeOf(node: AstNode | undefined): string | undefined {
    if (isFactDecl(node)) return SemanticTokenTypes.variable;
    if (isTable(node)) return SemanticTokenTypes.variable;
    if (isLevel(node) || isBreakdownMember(node)) return SemanticTokenTypes.enumMember;
    if (isScale(node) || isBreakdown(node)) return SemanticTokenTypes.type;
    if (isLegalSource(node)) return SemanticTokenTypes.macro;
    if (isCriterion(node)) return SemanticTokenTypes.namespace;
    if (isIndicator(node)) return SemanticTokenTypes.property;
    if (isPack(node)) return SemanticTokenTypes.class;
    return undefined;
}

/**
 * Semantic highlighting: facts, levels, scales, decisions, labels and units are told apart (the TextMate
 * grammar only knows keywords, strings and numbers); declarations carry the `declaration` modifier and
 * derived facts `readonly`.
 */
export class NtmSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        for (const reference of AstUtils.streamReferences(node)) {
            const type = tokenTypeOf(targetOf(reference.reference));
            if (type) acceptor({ node, property: reference.property as never, index: reference.index, type });
        }
        const own = tokenTypeOf(node);
        if (own && 'name' in node && node.name !== undefined && !isLegalSource(node) && !isPack(node)) {
            const modifiers = [SemanticTokenModifiers.declaration, ...(isFactDecl(node) && node.derivation ? [SemanticTokenModifiers.readonly] : [])];
            acceptor({ node, property: 'name' as never, type: own, modifier: modifiers });
        }
        if (isLegalSource(node) || isPack(node)) {
            if (node.name !== undefined) acceptor({ node, property: 'name' as never, type: own!, modifier: SemanticTokenModifiers.declaration });
        }
        if ((isCriterion(node) || isIndicator(node)) && node.label !== undefined) {
            acceptor({ node, property: 'label' as never, type: own!, modifier: SemanticTokenModifiers.declaration });
        }
        if ((isQuantityLiteral(node) || (node as { $type: string }).$type.endsWith('Type')) && typeof (node as { unit?: unknown }).unit === 'string') {
            acceptor({ node, property: 'unit' as never, type: SemanticTokenTypes.type });
        }
        if (isCitation(node) && node.location !== undefined) {
            acceptor({ node, property: 'location' as never, type: SemanticTokenTypes.string, modifier: SemanticTokenModifiers.documentation });
        }
    }
}
