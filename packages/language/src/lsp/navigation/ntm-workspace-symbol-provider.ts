import type { LangiumDocuments } from 'langium';
import { AstUtils } from 'langium';
import type { LangiumSharedServices, WorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { matchesTyped } from '../text-matching.js';
import { symbolOf } from './symbol-names.js';

/** Facts, criteria, indicators, scales and tables of every pack in the workspace; the query ignores diacritics. */
export class NtmWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumSharedServices) {
        this.documents = services.workspace.LangiumDocuments;
    }

    getSymbols(params: WorkspaceSymbolParams): WorkspaceSymbol[] {
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                const info = symbolOf(node);
                const range = node.$cstNode?.range;
                if (!info || !range || !matchesTyped(params.query, `${info.name} ${info.detail ?? ''}`)) continue;
                symbols.push({ name: info.name, kind: info.kind, containerName: info.detail, location: { uri: document.uri.toString(), range } });
                if (symbols.length >= 1000) return symbols;
            }
        }
        return symbols;
    }
}
