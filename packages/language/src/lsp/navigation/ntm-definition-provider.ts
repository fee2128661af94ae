import type { LangiumDocument, LangiumDocuments } from 'langium';
import { GrammarUtils, URI, UriUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultDefinitionProvider } from 'langium/lsp';
import type { DefinitionParams, LocationLink } from 'vscode-languageserver';
import { isBaseRef } from '../../generated/ast.js';
import { nodeAtOffset } from '../node-at-offset.js';

/**
 * Langium's go-to-definition for names and labels (across files when the reference is), plus the pack a
 * `dựa trên "…"` line builds on: the path is resolved against the pack's own folder.
 */
export class NtmDefinitionProvider extends DefaultDefinitionProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async getDefinition(document: LangiumDocument, params: DefinitionParams): Promise<LocationLink[] | undefined> {
        const found = nodeAtOffset(document, document.textDocument.offsetAt(params.position));
        if (found && isBaseRef(found.node) && typeof found.node.path === 'string') {
            const path = found.node.path.replace(/\\/gu, '/');
            const target = path.startsWith('/') ? URI.file(path) : UriUtils.resolvePath(UriUtils.dirname(document.uri), path);
            const targetDocument = this.documents.hasDocument(target) ? this.documents.getDocument(target) : undefined;
            const root = targetDocument?.parseResult.value.$cstNode;
            const start = { line: 0, character: 0 };
            const range = root?.range ?? { start, end: start };
            const nameRange = targetDocument ? GrammarUtils.findNodeForProperty(root, 'name')?.range : undefined;
            return [{ originSelectionRange: found.leaf.range, targetUri: target.toString(), targetRange: range, targetSelectionRange: nameRange ?? range }];
        }
        return super.getDefinition(document, params);
    }
}
