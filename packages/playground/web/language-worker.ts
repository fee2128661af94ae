// The .ntm language server in a Web Worker, over the bundled packs held in memory: diagnostics, hover,
// completion and quick fixes for the pack in the editor, with the packs it builds on found as on disk.
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { createNtmServices } from '@ntm/language/lsp';
import { bundledFiles, uriOf } from './bundled-files.js';
import { MemoryFileSystem } from './memory-file-system.js';

declare const self: DedicatedWorkerGlobalScope;

self.importScripts('./files.js');
const fileSystem = new MemoryFileSystem(bundledFiles().packs.map(file => [uriOf(file.path), file.text] as const));
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { shared } = createNtmServices({ connection, fileSystemProvider: () => fileSystem });
startLanguageServer(shared);
