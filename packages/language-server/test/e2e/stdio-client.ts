import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node.js';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import {
    DidChangeTextDocumentNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    ShutdownRequest
} from 'vscode-languageserver-protocol';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const NTM_BIN = path.join(REPO, 'packages/cli/bin/ntm.js');

export function fileUri(file: string): string {
    return pathToFileURL(file).toString();
}

export interface StdioServerOptions {
    /** Options for the server's `node` (e.g. `--expose-gc`), before the script. */
    readonly nodeArgs?: readonly string[];
    /** Added to the server's environment. */
    readonly env?: Readonly<Record<string, string>>;
    /** The client's settings, answered to `workspace/configuration` by section (e.g. `{ ntm: { boQua: […] } }`). */
    readonly settings?: Readonly<Record<string, unknown>>;
}

/**
 * The built `ntm lsp --stdio` as its own process, driven over stdio with vscode-jsonrpc, as an editor does.
 * Diagnostics are collected per URI; `stderr` keeps what the server logged, for failure messages.
 */
export class StdioServer {
    readonly connection: MessageConnection;
    readonly child: ChildProcess;
    stderr = '';
    private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
    private readonly waiters: Array<() => void> = [];
    private versions = new Map<string, number>();

    constructor(
        args: readonly string[] = ['lsp', '--stdio'],
        private readonly options: StdioServerOptions = {}
    ) {
        this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), NTM_BIN, ...args], {
            cwd: REPO,
            stdio: ['pipe', 'pipe', 'pipe'],
            env: { ...process.env, ...options.env }
        });
        this.child.stderr!.on('data', (chunk: Buffer) => {
            this.stderr += chunk.toString('utf8');
        });
        this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, [...(this.diagnostics.get(params.uri) ?? []), params]);
            for (const wake of this.waiters.splice(0)) wake();
        });
        this.connection.onNotification('window/logMessage', (params: { message: string }) => {
            this.stderr += `[log] ${params.message}\n`;
        });
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
            params.items.map(item => options.settings?.[item.section ?? ''] ?? null)
        );
        this.connection.listen();
    }

    async initialize(workspaceFolder?: string): Promise<InitializeResult> {
        const folders = workspaceFolder ? [{ uri: fileUri(workspaceFolder), name: path.basename(workspaceFolder) }] : null;
        const result = await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: folders?.[0]?.uri ?? null,
            workspaceFolders: folders,
            capabilities: {
                textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: false } } },
                // Asked for only when the test gives settings, as a client without configuration support would.
                workspace: this.options.settings ? { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } : {}
            }
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
        return result;
    }

    async open(uri: string, text: string): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'ntm', version: 1, text } });
    }

    async change(uri: string, text: string): Promise<void> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    async close(uri: string): Promise<void> {
        this.versions.delete(uri);
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    /** The next diagnostics published for `uri` after `count` earlier publications. */
    async diagnosticsFor(uri: string, count = 0, timeoutMs = 20_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        while ((this.diagnostics.get(uri)?.length ?? 0) <= count) {
            if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr:\n${this.stderr}`);
            await new Promise<void>(resolve => {
                this.waiters.push(resolve);
                setTimeout(resolve, 200);
            });
        }
        return this.diagnostics.get(uri)![count]!.diagnostics;
    }

    /** The latest diagnostics published for `uri` once they satisfy `accept` (e.g. those of an edit's text). */
    async diagnosticsWhen(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const latest = this.diagnostics.get(uri)?.at(-1)?.diagnostics;
            if (latest && accept(latest)) return latest;
            if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; server stderr:\n${this.stderr}`);
            await new Promise<void>(resolve => {
                this.waiters.push(resolve);
                setTimeout(resolve, 200);
            });
        }
    }

    published(uri: string): number {
        return this.diagnostics.get(uri)?.length ?? 0;
    }

    /** Shuts the server down politely, then makes sure the process is gone whatever happened. */
    async dispose(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise(resolve => setTimeout(resolve, 2000))]);
            await this.connection.sendNotification(ExitNotification.type);
        } catch {
            // The process may already be gone; it is killed below either way.
        }
        this.connection.dispose();
        if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
}
