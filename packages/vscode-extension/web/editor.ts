// A browser page with the Monaco editor talking to the .ntm language server in a Web Worker over LSP:
// diagnostics become markers, hovers come from the server. Used by the browser test; `window.ntm` lets
// the test set the text and read the markers.
// edcore.main: the editor with all its contributions (hover, markers…), no bundled languages.
import 'monaco-editor/esm/vs/editor/edcore.main.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from 'vscode-jsonrpc/browser.js';
import type { Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { textMateTokens } from './textmate-tokens.js';

declare global {
    interface Window {
        ntm: {
            ready: Promise<void>;
            setText(text: string): void;
            revealLine(line: number): void;
            markers(): monaco.editor.IMarker[];
            hoverAt(line: number, character: number): Promise<Hover | null>;
            tokenize(text: string): { offset: number; type: string }[][];
        };
    }
}

window.MonacoEnvironment = { getWorker: () => new Worker('./editor.worker.js') };

const DOCUMENT_URI = 'file:///bo-tieu-chi/thu.ntm';

const worker = new Worker('./language-worker.js');
const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
connection.listen();

monaco.languages.register({ id: 'ntm', extensions: ['.ntm'] });
const highlighting = textMateTokens('./ntm.tmLanguage.json', './onig.wasm');
monaco.languages.setTokensProvider('ntm', highlighting);
const model = monaco.editor.createModel('', 'ntm', monaco.Uri.parse(DOCUMENT_URI));
const editor = monaco.editor.create(document.getElementById('editor')!, { model, automaticLayout: true, fontSize: 15, hover: { delay: 100 } });

const SEVERITY: Record<number, monaco.MarkerSeverity> = {
    1: monaco.MarkerSeverity.Error,
    2: monaco.MarkerSeverity.Warning,
    3: monaco.MarkerSeverity.Info,
    4: monaco.MarkerSeverity.Hint
};

function toMarker(d: Diagnostic): monaco.editor.IMarkerData {
    return {
        severity: SEVERITY[d.severity ?? 1] ?? monaco.MarkerSeverity.Error,
        message: d.message,
        startLineNumber: d.range.start.line + 1,
        startColumn: d.range.start.character + 1,
        endLineNumber: d.range.end.line + 1,
        endColumn: d.range.end.character + 1
    };
}

function hoverContents(contents: Hover['contents']): monaco.IMarkdownString[] {
    const list = Array.isArray(contents) ? contents : [contents];
    return list.map(c =>
        typeof c === 'string' ? { value: c } : 'kind' in c ? { value: (c as MarkupContent).value } : { value: '```' + c.language + '\n' + c.value + '\n```' }
    );
}

connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.uri === DOCUMENT_URI) monaco.editor.setModelMarkers(model, 'ntm', params.diagnostics.map(toMarker));
});

monaco.languages.registerHoverProvider('ntm', {
    provideHover: async (_model, position) => {
        const hover: Hover | null = await connection.sendRequest('textDocument/hover', {
            textDocument: { uri: DOCUMENT_URI },
            position: { line: position.lineNumber - 1, character: position.column - 1 }
        });
        if (!hover) return null;
        const range =
            hover.range &&
            new monaco.Range(hover.range.start.line + 1, hover.range.start.character + 1, hover.range.end.line + 1, hover.range.end.character + 1);
        return { contents: hoverContents(hover.contents), ...(range ? { range } : {}) };
    }
});

let version = 1;
const ready = (async () => {
    await highlighting;
    await connection.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        workspaceFolders: null,
        capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {}, synchronization: {} } }
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: DOCUMENT_URI, languageId: 'ntm', version, text: model.getValue() } });
    model.onDidChangeContent(() => {
        void connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: DOCUMENT_URI, version: ++version },
            contentChanges: [{ text: model.getValue() }]
        });
    });
    document.getElementById('status')!.textContent = 'Máy chủ ngôn ngữ đã sẵn sàng.';
})();

window.ntm = {
    ready,
    setText: text => model.setValue(text),
    revealLine: line => editor.revealLineNearTop(line),
    markers: () => monaco.editor.getModelMarkers({ resource: model.uri }),
    tokenize: text => monaco.editor.tokenize(text, 'ntm').map(line => line.map(t => ({ offset: t.offset, type: t.type }))),
    hoverAt: (line, character) => connection.sendRequest('textDocument/hover', { textDocument: { uri: DOCUMENT_URI }, position: { line, character } })
};
