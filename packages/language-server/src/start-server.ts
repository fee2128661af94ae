import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { Connection } from 'vscode-languageserver/node.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createNtmServices, setGuardLog } from '@ntm/language/lsp';
import type { SampleRunner } from '@ntm/evaluation/node';
import { WorkerSampleRunner } from '@ntm/evaluation/node';
import { addRunSamplesHandler } from './run-samples-handler.js';

export interface NtmServerOptions {
    /** Defaults to the transport named on the command line (`--stdio`, `--node-ipc`, `--socket=`), else stdio. */
    readonly connection?: Connection;
    /** Runs sample communes for `ntm/chayKiemThu`; by default in a worker thread per request. */
    readonly sampleRunner?: SampleRunner;
}

/** Starts the language server (every editor feature of @ntm/language, and test runs of sample communes); returns its connection. */
export function startNtmLanguageServer(options: NtmServerOptions = {}): Connection {
    const connection = options.connection ?? defaultConnection();
    // Over stdio, anything written to stdout corrupts the protocol: send stray logging to stderr instead.
    console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
    setGuardLog(message => connection.console.error(message));
    const { shared } = createNtmServices({ connection, ...NodeFileSystem });
    addRunSamplesHandler(connection, shared, options.sampleRunner ?? new WorkerSampleRunner());
    startLanguageServer(shared);
    return connection;
}

/**
 * vscode-languageserver picks the transport from the command line and throws without one, so a server
 * started as `ntm lsp` (no `--stdio`) would never answer; stdio is the default here.
 */
function defaultConnection(): Connection {
    const named = process.argv.some(arg => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'));
    return named ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
}
