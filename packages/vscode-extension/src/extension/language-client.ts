import { existsSync } from 'node:fs';
import type { ExtensionContext, OutputChannel } from 'vscode';
import { window } from 'vscode';
import type { CloseHandlerResult, ErrorHandlerResult, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node.js';
import { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State, TransportKind } from 'vscode-languageclient/node.js';
import { RUN_SAMPLES_METHOD } from '../protocol.js';
import type { RunSamplesRequest } from '../logic/sample-runner.js';
import { ServerNotRunningError } from '../logic/request-errors.js';
import { RestartPolicy, startFailureMessage } from '../logic/restart-policy.js';

/** The bundled server, relative to the extension's root (see esbuild.mjs). */
export const SERVER_MODULE = 'out/language/main.cjs';

export interface NtmServer {
    readonly request: RunSamplesRequest;
    stop(): Promise<void>;
}

/**
 * Starts the language server over stdio. The client's own log (server stderr, protocol errors) goes to a
 * separate channel; `output` gets one Vietnamese message if the server cannot start or keeps crashing.
 */
export function startServer(context: ExtensionContext, output: OutputChannel): NtmServer {
    const module = context.asAbsolutePath(SERVER_MODULE);
    let failed = false;
    const fail = (message: string): void => {
        if (failed) return;
        failed = true;
        output.appendLine(message);
        output.show(true);
        void window.showErrorMessage(message);
    };
    if (!existsSync(module)) {
        fail(startFailureMessage(`thiếu tệp ${SERVER_MODULE} trong tiện ích`));
        return { request: () => Promise.reject(new ServerNotRunningError()), stop: async () => undefined };
    }
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.stdio },
        debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const policy = new RestartPolicy();
    const log = window.createOutputChannel('NTM — nhật ký máy chủ');
    context.subscriptions.push(log);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'ntm' },
            { scheme: 'untitled', language: 'ntm' }
        ],
        outputChannel: log,
        revealOutputChannelOn: RevealOutputChannelOn.Never,
        initializationFailedHandler: error => {
            fail(startFailureMessage(startFailureReason(error)));
            return false;
        },
        errorHandler: {
            error: (_error, _message, count): ErrorHandlerResult => ({
                action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
                handled: true
            }),
            closed: (): CloseHandlerResult => {
                if (failed) return { action: CloseAction.DoNotRestart, handled: true };
                const decision = policy.onClosed(Date.now());
                if (decision.message) fail(decision.message);
                return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
            }
        }
    };
    const client = new NtmLanguageClient('ntm', 'NTM', serverOptions, clientOptions);
    const started = client.start().catch((error: unknown) => fail(startFailureMessage(startFailureReason(error))));
    return {
        request: async params => {
            if (!failed) await started;
            if (failed || client.state !== State.Running) throw new ServerNotRunningError();
            return client.sendRequest(RUN_SAMPLES_METHOD, params);
        },
        stop: async () => {
            if (client.state === State.Running) await client.stop();
        }
    };
}

/** JSON-RPC: a request was pending when the connection closed, i.e. the server process ended. */
const PENDING_RESPONSE_REJECTED = -32097;

function startFailureReason(error: unknown): string {
    const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
    if (code === PENDING_RESPONSE_REJECTED) return 'máy chủ dừng ngay khi vừa khởi động';
    return error instanceof Error ? error.message : String(error);
}

/**
 * Two changes to vscode-languageclient's behaviour on failure. Its own error pop-ups (in English, some
 * forced) go to the server log only: the user gets one Vietnamese message from `startServer`. And it stops
 * itself (without awaiting) when initialization fails, a stop that rejects because the client never ran;
 * nothing is left to stop, so that rejection is dropped.
 */
class NtmLanguageClient extends LanguageClient {
    override error(message: string, data?: unknown, _showNotification?: boolean | 'force'): void {
        super.error(message, data, false);
    }

    override async stop(timeout?: number): Promise<void> {
        try {
            await super.stop(timeout);
        } catch {
            // not running: nothing to stop
        }
    }
}
