// The .ntm language server in a browser Web Worker (no file system): diagnostics, hover, completion for
// the documents the page opens. Test runs need Node and are not offered here.
import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { createNtmServices } from '@ntm/language/lsp';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { shared } = createNtmServices({ connection, ...EmptyFileSystem });
startLanguageServer(shared);
