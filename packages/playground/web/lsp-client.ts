// Monaco talking LSP to the language worker: each pack is a model whose URI is the pack's in the worker's
// workspace, opened and changed as an editor does; diagnostics become markers, and hover, completion and
// quick fixes are asked of the server.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import type { MessageConnection } from 'vscode-jsonrpc/browser.js';
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from 'vscode-jsonrpc/browser.js';
import type {
    CodeAction,
    CompletionItem,
    CompletionList,
    Diagnostic,
    Hover,
    MarkupContent,
    PublishDiagnosticsParams,
    Range,
    TextEdit
} from 'vscode-languageserver-protocol';
import { ROOT_URI } from './bundled-files.js';

const SEVERITY: Record<number, monaco.MarkerSeverity> = {
    1: monaco.MarkerSeverity.Error,
    2: monaco.MarkerSeverity.Warning,
    3: monaco.MarkerSeverity.Info,
    4: monaco.MarkerSeverity.Hint
};

/** LSP completion kinds (1-based) to Monaco's. */
const COMPLETION_KIND: Record<number, monaco.languages.CompletionItemKind> = {
    3: monaco.languages.CompletionItemKind.Function,
    5: monaco.languages.CompletionItemKind.Field,
    6: monaco.languages.CompletionItemKind.Variable,
    10: monaco.languages.CompletionItemKind.Property,
    11: monaco.languages.CompletionItemKind.Unit,
    12: monaco.languages.CompletionItemKind.Value,
    13: monaco.languages.CompletionItemKind.Enum,
    14: monaco.languages.CompletionItemKind.Keyword,
    15: monaco.languages.CompletionItemKind.Snippet,
    18: monaco.languages.CompletionItemKind.Reference,
    20: monaco.languages.CompletionItemKind.EnumMember
};

export function toMonacoRange(range: Range): monaco.Range {
    return new monaco.Range(range.start.line + 1, range.start.character + 1, range.end.line + 1, range.end.character + 1);
}

function toLspRange(range: monaco.IRange): Range {
    return {
        start: { line: range.startLineNumber - 1, character: range.startColumn - 1 },
        end: { line: range.endLineNumber - 1, character: range.endColumn - 1 }
    };
}

function toMarker(d: Diagnostic): monaco.editor.IMarkerData {
    return {
        severity: SEVERITY[d.severity ?? 1] ?? monaco.MarkerSeverity.Error,
        message: d.message,
        code: typeof d.code === 'string' ? d.code : undefined,
        ...toMonacoRange(d.range)
    };
}

function markdown(contents: Hover['contents']): monaco.IMarkdownString[] {
    const list = Array.isArray(contents) ? contents : [contents];
    return list.map(c =>
        typeof c === 'string' ? { value: c } : 'kind' in c ? { value: (c as MarkupContent).value } : { value: '```' + c.language + '\n' + c.value + '\n```' }
    );
}

export class LanguageClient {
    readonly connection: MessageConnection;
    /** The server's diagnostics by model URI, kept to hand back with a request for quick fixes. */
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly versions = new Map<string, number>();

    constructor(worker: Worker) {
        this.connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
        // The server asks for settings (`ntm.boQua`: none here) and registers capabilities: answer plainly.
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            const model = monaco.editor.getModels().find(m => m.uri.toString() === params.uri);
            if (model) monaco.editor.setModelMarkers(model, 'ntm', params.diagnostics.map(toMarker));
        });
        this.connection.listen();
    }

    async start(): Promise<void> {
        await this.connection.sendRequest('initialize', {
            processId: null,
            rootUri: ROOT_URI,
            workspaceFolders: [{ uri: ROOT_URI, name: 'ntm' }],
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true },
                textDocument: {
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    publishDiagnostics: {},
                    synchronization: {},
                    completion: { completionItem: { snippetSupport: false } },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
                }
            }
        });
        await this.connection.sendNotification('initialized', {});
        this.registerProviders();
    }

    /** Opens a model in the server and keeps it in step with every edit. */
    open(model: monaco.editor.ITextModel): void {
        const uri = model.uri.toString();
        this.versions.set(uri, 1);
        void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ntm', version: 1, text: model.getValue() } });
        model.onDidChangeContent(() => {
            const version = (this.versions.get(uri) ?? 1) + 1;
            this.versions.set(uri, version);
            void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: model.getValue() }] });
        });
    }

    /** The diagnostics the server last published for `uri`; undefined until it has published any. */
    publishedFor(uri: string): readonly Diagnostic[] | undefined {
        return this.diagnostics.get(uri);
    }

    private position(model: monaco.editor.ITextModel, position: monaco.Position) {
        return { textDocument: { uri: model.uri.toString() }, position: { line: position.lineNumber - 1, character: position.column - 1 } };
    }

    private registerProviders(): void {
        monaco.languages.registerHoverProvider('ntm', {
            provideHover: async (model, position) => {
                const hover: Hover | null = await this.connection.sendRequest('textDocument/hover', this.position(model, position));
                if (!hover) return null;
                return { contents: markdown(hover.contents), ...(hover.range ? { range: toMonacoRange(hover.range) } : {}) };
            }
        });
        monaco.languages.registerCompletionItemProvider('ntm', {
            triggerCharacters: [' '],
            provideCompletionItems: async (model, position) => {
                const answer: CompletionList | CompletionItem[] | null = await this.connection.sendRequest(
                    'textDocument/completion',
                    this.position(model, position)
                );
                const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
                const word = model.getWordUntilPosition(position);
                const fallback = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
                return {
                    suggestions: items.map(item => {
                        const edit = item.textEdit && 'range' in item.textEdit ? (item.textEdit as TextEdit) : undefined;
                        return {
                            label: item.label,
                            kind: COMPLETION_KIND[item.kind ?? 0] ?? monaco.languages.CompletionItemKind.Text,
                            insertText: edit?.newText ?? item.insertText ?? item.label,
                            range: edit ? toMonacoRange(edit.range) : fallback,
                            ...(item.detail ? { detail: item.detail } : {}),
                            ...(item.sortText ? { sortText: item.sortText } : {}),
                            ...(item.filterText ? { filterText: item.filterText } : {})
                        };
                    })
                };
            }
        });
        monaco.languages.registerCodeActionProvider('ntm', {
            provideCodeActions: async (model, range) => {
                const uri = model.uri.toString();
                const overlapping = (this.diagnostics.get(uri) ?? []).filter(d => toMonacoRange(d.range).intersectRanges(range));
                const answer: CodeAction[] | null = await this.connection.sendRequest('textDocument/codeAction', {
                    textDocument: { uri },
                    range: toLspRange(range),
                    context: { diagnostics: overlapping }
                });
                const actions = (answer ?? []).map(action => ({
                    title: action.title,
                    kind: action.kind ?? 'quickfix',
                    isPreferred: action.isPreferred ?? false,
                    edit: {
                        edits: Object.entries(action.edit?.changes ?? {}).flatMap(([target, edits]) =>
                            edits.map(edit => ({
                                resource: monaco.Uri.parse(target),
                                versionId: undefined,
                                textEdit: { range: toMonacoRange(edit.range), text: edit.newText }
                            }))
                        )
                    }
                }));
                return { actions, dispose: () => undefined };
            }
        });
    }
}
