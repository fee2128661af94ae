import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createNtmServices } from './index.js';

/** Entry point of the language server (stdio or IPC, as the client chooses). */
const connection = createConnection(ProposedFeatures.all);
const { shared } = createNtmServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
