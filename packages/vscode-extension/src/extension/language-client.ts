import type { ExtensionContext, OutputChannel } from 'vscode';
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

/** Starts the language server over stdio; a server that fails is reported once in `output`. */
export function startServer(context: ExtensionContext, output: OutputChannel): NtmServer {
    const module = context.asAbsolutePath(SERVER_MODULE);
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.stdio },
        debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const policy = new RestartPolicy();
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'ntm' }, { scheme: 'untitled', language: 'ntm' }],
        outputChannel: output,
        revealOutputChannelOn: RevealOutputChannelOn.Never,
        initializationFailedHandler: error => {
            output.appendLine(startFailureMessage(error instanceof Error ? error.message : String(error)));
            return false;
        },
        errorHandler: {
            error: (_error, _message, count): ErrorHandlerResult => ({
                action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
                handled: true
            }),
            closed: (): CloseHandlerResult => {
                const decision = policy.onClosed(Date.now());
                if (decision.message) {
                    output.appendLine(decision.message);
                    output.show(true);
                }
                return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
            }
        }
    };
    const client = new LanguageClient('ntm', 'NTM', serverOptions, clientOptions);
    let failedToStart = false;
    client.start().catch((error: unknown) => {
        failedToStart = true;
        if (!policy.stopped) {
            output.appendLine(startFailureMessage(error instanceof Error ? error.message : String(error)));
            output.show(true);
        }
    });
    return {
        request: async params => {
            if (failedToStart || policy.stopped || client.state === State.Stopped) throw new ServerNotRunningError();
            return client.sendRequest(RUN_SAMPLES_METHOD, params);
        },
        stop: async () => {
            if (client.state === State.Running) await client.stop();
        }
    };
}
