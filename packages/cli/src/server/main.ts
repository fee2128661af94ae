import type { Command } from 'commander';
import { startNtmLanguageServer } from '@ntm/language/lsp/server';
import { WorkerSampleRunner } from './worker-sample-runner.js';

/** `ntm lsp`: the language server with test runs of sample communes, over stdio by default. */
export function startServer(): void {
    startNtmLanguageServer({ sampleRunner: new WorkerSampleRunner() });
}

/** Adds the `lsp` command; editors start it as `ntm lsp --stdio` (and may add `--clientProcessId=…`). */
export function registerLspCommand(program: Command): void {
    program.command('lsp').description('Chạy máy chủ ngôn ngữ (LSP) cho trình soạn thảo, qua stdin/stdout.')
        .option('--stdio', 'giao tiếp qua stdin/stdout (mặc định)')
        .allowUnknownOption()
        .action(() => startServer());
}
