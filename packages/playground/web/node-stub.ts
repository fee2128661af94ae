// Stands in for `langium/node` in the browser bundles: the server entry that uses it (start-server.ts)
// is reachable from `@ntm/language/lsp` but never started in the browser.
export const NodeFileSystem = {};
