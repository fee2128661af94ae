import type { Command } from 'commander';
import { startNtmLanguageServer } from '@ntm/language-server';

/** Adds `ntm lsp`: the language server for editors, over stdio (editors may add `--stdio`, `--clientProcessId=…`). */
export function registerLspCommand(program: Command): void {
    program.command('lsp').description('Chạy máy chủ ngôn ngữ (LSP) cho trình soạn thảo, qua stdin/stdout.')
        .option('--stdio', 'giao tiếp qua stdin/stdout (mặc định)')
        .allowUnknownOption()
        .action(() => { startNtmLanguageServer(); });
}
