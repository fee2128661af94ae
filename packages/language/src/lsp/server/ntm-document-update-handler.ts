import type { TextDocument, TextDocumentProvider } from 'langium';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { CancellationToken, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { NtmWorkspaceManager } from './ntm-workspace-manager.js';

/**
 * Langium keeps every document ever opened, so a long session grew by the whole AST of each closed
 * buffer, and rebuilding a closed buffer that is not on disk (untitled, deleted or renamed while open)
 * read the missing file and ended the server. When an editor closes, a file the workspace load would
 * take goes back to its text on disk; any other document leaves the workspace (documents, index,
 * diagnostics).
 */
export class NtmDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly textDocuments: TextDocumentProvider;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.textDocuments = services.workspace.TextDocuments;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        this.write(async token => {
            // Opened again meanwhile: the update queued by that open reads the editor's text.
            if (this.textDocuments.get(uri.toString())) return;
            const onDisk = await (this.workspaceManager as NtmWorkspaceManager).isWorkspaceFile(uri);
            await this.documentBuilder.update(onDisk ? [uri] : [], onDisk ? [] : [uri], token);
        });
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.write(token => this.documentBuilder.update(changed, deleted, token));
    }

    /** After the workspace load, in the workspace lock; a failed update is logged, never left to end the process. */
    private write(action: (token: CancellationToken) => Promise<void>): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(action))
            .catch((error: unknown) => console.error('[ntm] Cập nhật tài liệu không thành công:', error));
    }
}
