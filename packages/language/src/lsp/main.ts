import { startNtmLanguageServer } from './server/start-server.js';

/** Entry point of the language server without test runs (the VS Code bundle); `ntm lsp` adds them. */
startNtmLanguageServer();
