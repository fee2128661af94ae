import type { Module } from 'langium';
import type { LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { DefaultDocumentHighlightProvider, DefaultFoldingRangeProvider, DefaultReferencesProvider } from 'langium/lsp';
import type { NtmAddedServices } from '../ntm-module.js';
import { FoldingFuzzyMatcher } from './completion/folding-fuzzy-matcher.js';
import { NtmCompletionProvider } from './completion/ntm-completion-provider.js';
import { NtmCodeActionProvider } from './editing/ntm-code-actions.js';
import { NtmFormatter } from './editing/ntm-formatter.js';
import { NtmSemanticTokenProvider } from './editing/ntm-semantic-tokens.js';
import { NtmHoverProvider } from './hover/ntm-hover-provider.js';
import { NtmDefinitionProvider } from './navigation/ntm-definition-provider.js';
import { NtmDocumentSymbolProvider } from './navigation/ntm-document-symbol-provider.js';
import { NtmRenameProvider } from './navigation/ntm-rename-provider.js';
import { NtmWorkspaceSymbolProvider } from './navigation/ntm-workspace-symbol-provider.js';
import { guarded } from './server/guard.js';
import { NtmLangiumDocumentFactory } from './server/ntm-document-factory.js';
import { NtmDocumentUpdateHandler } from './server/ntm-document-update-handler.js';
import { NtmWorkspaceManager } from './server/ntm-workspace-manager.js';

/** The language's services with the editor features (test runs of sample communes are the server's, in @ntm/language-server). */
export type NtmLspServices = LangiumServices & NtmAddedServices;

const empty = () => [];

/** Every provider is guarded: an internal error gives an empty answer, never an exception to the client. */
export const NtmLspModule: Module<NtmLspServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: services => guarded(new NtmHoverProvider(services), 'HoverProvider'),
        CompletionProvider: services => guarded(new NtmCompletionProvider(services), 'CompletionProvider'),
        DefinitionProvider: services => guarded(new NtmDefinitionProvider(services), 'DefinitionProvider'),
        ReferencesProvider: services => guarded(new DefaultReferencesProvider(services), 'ReferencesProvider', empty),
        DocumentHighlightProvider: services => guarded(new DefaultDocumentHighlightProvider(services), 'DocumentHighlightProvider'),
        FoldingRangeProvider: services => guarded(new DefaultFoldingRangeProvider(services), 'FoldingRangeProvider', empty),
        DocumentSymbolProvider: () => guarded(new NtmDocumentSymbolProvider(), 'DocumentSymbolProvider', empty),
        RenameProvider: services => guarded(new NtmRenameProvider(services), 'RenameProvider'),
        SemanticTokenProvider: services => guarded(new NtmSemanticTokenProvider(services), 'SemanticTokenProvider', () => ({ data: [] })),
        Formatter: () => guarded(new NtmFormatter(), 'Formatter', empty),
        CodeActionProvider: services => guarded(new NtmCodeActionProvider(services), 'CodeActionProvider', empty)
    }
};

export const NtmSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: services => new NtmWorkspaceManager(services),
        LangiumDocumentFactory: services => new NtmLangiumDocumentFactory(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new NtmDocumentUpdateHandler(services),
        WorkspaceSymbolProvider: services => guarded(new NtmWorkspaceSymbolProvider(services), 'WorkspaceSymbolProvider', empty),
        FuzzyMatcher: () => new FoldingFuzzyMatcher()
    }
};
