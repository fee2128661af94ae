import '@ntm/language/lsp/main';
