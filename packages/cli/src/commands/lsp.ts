import type { Command } from 'commander';

/** Adds `ntm lsp`: the language server for editors, over stdio (editors may add `--stdio`, `--clientProcessId=…`). */
export function registerLspCommand(program: Command): void {
    program
        .command('lsp')
        .description('Chạy máy chủ ngôn ngữ (LSP) cho trình soạn thảo, qua stdin/stdout.')
        .option('--stdio', 'giao tiếp qua stdin/stdout (mặc định)')
        .allowUnknownOption()
        // Loaded only for this command: the server brings Langium, which no other command needs at start.
        .action(async () => {
            (await import('@ntm/language-server')).startNtmLanguageServer();
        });
}
