/**
 * The server's test-run request as the extension sees it. The contract is owned by the language package;
 * this is the one place the extension imports it from.
 */
export * from '../../language/src/lsp/test-run-protocol.js';
