import type { AstNode, LangiumDocument, Mutable } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { DocumentState, isOperationCancelled } from 'langium';
import { NtmDocumentFactory } from '../../workspace/ntm-document-factory.js';

/**
 * A safety net behind `NtmDocumentUpdateHandler`: a document that is neither open nor readable any more
 * (its file deleted or renamed without the server being told) keeps the text it had. Langium would throw
 * on the missing file in every later build, so no document of the workspace would be validated again.
 */
export class NtmLangiumDocumentFactory extends NtmDocumentFactory {
    override async update<T extends AstNode = AstNode>(
        document: Mutable<LangiumDocument<T>>,
        cancellationToken: CancellationToken
    ): Promise<LangiumDocument<T>> {
        try {
            return await super.update(document, cancellationToken);
        } catch (error) {
            if (isOperationCancelled(error) || this.textDocuments?.get(document.uri.toString())) throw error;
            console.error(`[ntm] Không đọc được ${document.uri.toString()}, giữ nội dung đã biết: ${error instanceof Error ? error.message : String(error)}`);
            const root = document.parseResult.value;
            if (!root.$cstNode) {
                // Never parsed (created for this update): an empty text, not the placeholder model.
                document.parseResult = await this.parseAsync<T>(document.uri, '', cancellationToken);
                (document.parseResult.value as Mutable<AstNode>).$document = document;
            }
            document.state = DocumentState.Parsed;
            return document;
        }
    }
}
