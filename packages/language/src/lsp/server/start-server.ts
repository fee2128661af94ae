import type { DeepPartial, Module } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { Connection } from 'vscode-languageserver/node.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createNtmServices } from '../index.js';
import type { NtmLspServices } from '../ntm-lsp-module.js';
import { setGuardLog } from './guard.js';
import { addRunSamplesHandler } from './run-samples-handler.js';
import type { SampleRunner } from './sample-runner.js';

export interface NtmServerOptions {
    /** Defaults to the transport named on the command line (`--stdio`, `--node-ipc`, `--socket=`), else stdio. */
    readonly connection?: Connection;
    readonly sampleRunner?: SampleRunner;
}

/** Starts the language server; returns its connection. */
export function startNtmLanguageServer(options: NtmServerOptions = {}): Connection {
    const connection = options.connection ?? defaultConnection();
    // Over stdio, anything written to stdout corrupts the protocol: send stray logging to stderr instead.
    console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
    setGuardLog(message => connection.console.error(message));
    const runner = options.sampleRunner;
    const overrides: Module<NtmLspServices, DeepPartial<NtmLspServices>> = runner ? { testing: { SampleRunner: () => runner } } : {};
    const { shared, Ntm } = createNtmServices({ connection, ...NodeFileSystem }, overrides);
    addRunSamplesHandler(connection, shared, Ntm.testing.SampleRunner);
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
