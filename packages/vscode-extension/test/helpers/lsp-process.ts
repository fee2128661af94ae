import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import type { MessageConnection } from 'vscode-jsonrpc/node.js';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import {
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    ShutdownRequest
} from 'vscode-languageserver-protocol';

/** A language server process driven over stdio, as an editor does. */
export interface ServerSession {
    readonly connection: MessageConnection;
    readonly process: ChildProcess;
    readonly stderr: () => string;
    diagnostics(uri: string, timeoutMs?: number): Promise<Diagnostic[]>;
    open(uri: string, text: string): Promise<void>;
    close(): Promise<void>;
}

export async function startServer(module: string, workspaceUri: string, cwd: string): Promise<ServerSession> {
    const child = spawn(process.execPath, [module, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr!.on('data', chunk => {
        errors += String(chunk);
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Map<string, PublishDiagnosticsParams>();
    const waiters: (() => void)[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        published.set(params.uri, params);
        waiters.splice(0).forEach(wake => wake());
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: workspaceUri,
        workspaceFolders: [{ uri: workspaceUri, name: 'xa-mau' }],
        capabilities: {}
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return {
        connection,
        process: child,
        stderr: () => errors,
        open: (uri, text) =>
            connection
                .sendNotification(DidOpenTextDocumentNotification.type, {
                    textDocument: { uri, languageId: 'ntm', version: 1, text }
                })
                .then(() => undefined),
        diagnostics: (uri, timeoutMs = 20_000) =>
            new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; server stderr:\n${errors}`)), timeoutMs);
                const check = (): void => {
                    const params = published.get(uri);
                    if (params && params.diagnostics.length > 0) {
                        clearTimeout(timer);
                        resolve(params.diagnostics);
                    } else {
                        waiters.push(check);
                    }
                };
                check();
            }),
        close: async () => {
            try {
                await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise(r => setTimeout(r, 2000))]);
                await connection.sendNotification(ExitNotification.type);
            } finally {
                connection.dispose();
                child.kill();
            }
        }
    };
}
