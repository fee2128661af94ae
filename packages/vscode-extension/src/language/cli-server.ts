// The CLI's language server (`ntm lsp`), with test runs of sample communes, as a bundle entry.
import { startServer } from '../../../cli/src/server/main.js';

startServer();
