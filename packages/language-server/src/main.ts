import { startNtmLanguageServer } from './start-server.js';

/** Entry point of the language server (`node out/main.js --stdio`; the VS Code extension bundles it). */
startNtmLanguageServer();
