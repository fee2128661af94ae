// A minimal LSP client for the benchmark: the built `ntm lsp --stdio` in its own process, over stdio.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

export class LspServer {
    constructor(bin, cwd) {
        this.child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        this.stderr = '';
        this.child.stderr.on('data', chunk => {
            this.stderr += chunk;
        });
        this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
        this.waiting = new Map();
        this.versions = new Map();
        this.connection.onNotification('textDocument/publishDiagnostics', params => {
            const waiter = this.waiting.get(params.uri);
            if (waiter && (params.version === undefined || params.version >= waiter.version)) {
                this.waiting.delete(params.uri);
                waiter.resolve(params.diagnostics);
            }
        });
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('workspace/configuration', params => params.items.map(() => null));
        this.connection.listen();
    }

    async initialize(folder) {
        const folders = folder ? [{ uri: pathToFileURL(folder).toString(), name: 'bench' }] : null;
        await this.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: folders?.[0].uri ?? null,
            workspaceFolders: folders,
            capabilities: {}
        });
        await this.connection.sendNotification('initialized', {});
    }

    /** Resolves with the next diagnostics published for `uri` (for `version` or later when the server says). */
    nextDiagnostics(uri, version = 0) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}\n${this.stderr}`)), 60_000);
            this.waiting.set(uri, {
                version,
                resolve: value => {
                    clearTimeout(timer);
                    resolve(value);
                }
            });
        });
    }

    async open(uri, text) {
        this.versions.set(uri, 1);
        const published = this.nextDiagnostics(uri, 1);
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ntm', version: 1, text } });
        return published;
    }

    async change(uri, text) {
        const version = this.versions.get(uri) + 1;
        this.versions.set(uri, version);
        const published = this.nextDiagnostics(uri, version);
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        return published;
    }

    request(method, params) {
        return this.connection.sendRequest(method, params);
    }

    /** Resident and peak resident memory of the server process, in MiB (Linux /proc). */
    memory() {
        try {
            const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
            const kib = name => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
            return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
        } catch {
            return { rssMiB: NaN, peakRssMiB: NaN };
        }
    }

    /** CPU time (user + system) the server process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
    cpuMs() {
        try {
            const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
            return (Number(fields[11]) + Number(fields[12])) * 10;
        } catch {
            return NaN;
        }
    }

    async dispose() {
        try {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
            await this.connection.sendNotification('exit');
        } catch {
            // killed below either way
        }
        this.connection.dispose();
        if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
}
