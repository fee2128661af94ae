import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Pack } from '../generated/ast.js';
import type { NtmServices } from '../ntm-module.js';

export interface LoadedPack {
    readonly document: LangiumDocument<Pack>;
    readonly pack: Pack;
    readonly diagnostics: readonly Diagnostic[];
    readonly hasErrors: boolean;
}

/** Parses, links and validates one pack from text; `uri` names it in diagnostics. */
export async function loadPackText(services: NtmServices, text: string, uri: string): Promise<LoadedPack> {
    const documents = services.shared.workspace.LangiumDocuments;
    const parsedUri = URI.parse(uri);
    if (documents.hasDocument(parsedUri)) {
        await services.shared.workspace.DocumentBuilder.update([], [parsedUri]);
    }
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Pack>(text, parsedUri);
    documents.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const diagnostics = document.diagnostics ?? [];
    return { document, pack: document.parseResult.value, diagnostics, hasErrors: diagnostics.some(d => d.severity === 1) };
}
