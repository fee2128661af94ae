/**
 * A recording stand-in for the `vscode` module, enough to activate the bundled extension in Node and to
 * let vscode-languageclient start a real server. Members the extension does not use answer with no-op
 * disposables (namespaces) or inert classes (top level), so the client's feature setup runs through.
 */

export interface Disposable {
    dispose(): void;
}

class EventEmitter<T> {
    private readonly listeners = new Set<(value: T) => void>();
    readonly event = (listener: (value: T) => void): Disposable => {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
    };
    fire(value: T): void {
        this.listeners.forEach(l => l(value));
    }
    dispose(): void {
        this.listeners.clear();
    }
}

class Position {
    constructor(
        readonly line: number,
        readonly character: number
    ) {}
}

class Range {
    readonly start: Position;
    readonly end: Position;
    constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
        this.start = typeof a === 'number' ? new Position(a, b as number) : a;
        this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
    }
}

class Uri {
    private constructor(
        readonly scheme: string,
        readonly path: string,
        private readonly text: string
    ) {}
    static parse(text: string): Uri {
        const match = /^([a-z]+):\/\/[^/]*(\/.*)?$/.exec(text);
        return new Uri(match?.[1] ?? 'file', decodeURIComponent(match?.[2] ?? text), text);
    }
    static file(path: string): Uri {
        return new Uri('file', path, 'file://' + encodeURI(path));
    }
    get fsPath(): string {
        return this.path;
    }
    toString(): string {
        return this.text;
    }
    with(): Uri {
        return this;
    }
}

class CodeLens {
    constructor(
        readonly range: Range,
        readonly command?: { title: string; command: string; arguments?: unknown[] }
    ) {}
}

class TestMessage {
    expectedOutput?: string;
    actualOutput?: string;
    location?: unknown;
    constructor(readonly message: string) {}
    static diff(message: string, expected: string, actual: string): TestMessage {
        const m = new TestMessage(message);
        m.expectedOutput = expected;
        m.actualOutput = actual;
        return m;
    }
}

export interface FakeOutputChannel {
    readonly name: string;
    readonly lines: string[];
}

export interface FakeTestItem {
    id: string;
    label: string;
    uri?: Uri;
    range?: Range;
    description?: string;
    error?: string;
    parent?: FakeTestItem;
    children: ItemCollection;
}

class ItemCollection {
    private readonly items = new Map<string, FakeTestItem>();
    constructor(private readonly owner?: FakeTestItem) {}
    get size(): number {
        return this.items.size;
    }
    add(item: FakeTestItem): void {
        item.parent = this.owner;
        this.items.set(item.id, item);
    }
    get(id: string): FakeTestItem | undefined {
        return this.items.get(id);
    }
    delete(id: string): void {
        this.items.delete(id);
    }
    replace(items: readonly FakeTestItem[]): void {
        this.items.clear();
        items.forEach(item => this.add(item));
    }
    forEach(callback: (item: FakeTestItem) => void): void {
        this.items.forEach(item => callback(item));
    }
    [Symbol.iterator](): IterableIterator<[string, FakeTestItem]> {
        return this.items[Symbol.iterator]();
    }
}

export interface RunRecord {
    readonly results: { id: string; state: string; message?: string }[];
    readonly output: string[];
    ended: boolean;
}

export interface FakeRunProfile {
    readonly label: string;
    readonly supportsContinuousRun: boolean;
    readonly runHandler: (request: unknown, token: unknown) => Promise<void> | void;
}

export interface FakeTestController {
    readonly id: string;
    readonly items: ItemCollection;
    readonly profiles: FakeRunProfile[];
    readonly runs: RunRecord[];
    resolveHandler?: (item?: FakeTestItem) => Promise<void>;
}

function noOpNamespace<T extends object>(members: T): T {
    return new Proxy(members, {
        get: (target, key) =>
            key in target ? (target as Record<PropertyKey, unknown>)[key] : typeof key === 'symbol' ? undefined : () => ({ dispose: () => undefined })
    });
}

/** An editor shown on screen, recording the decorations set on it. */
export interface FakeEditor {
    readonly document: { uri: Uri; lineCount: number; lineAt(line: number): { range: Range } };
    readonly decorations: Map<unknown, { range: Range; renderOptions?: { after?: { contentText?: string } } }[]>;
    setDecorations(type: unknown, options: { range: Range; renderOptions?: { after?: { contentText?: string } } }[]): void;
}

export function fakeEditor(uri: string, text: string): FakeEditor {
    const lines = text.split('\n');
    const decorations = new Map<unknown, { range: Range }[]>();
    return {
        document: {
            uri: Uri.parse(uri),
            lineCount: lines.length,
            lineAt: line => ({ range: new Range(line, 0, line, lines[line]?.length ?? 0) })
        },
        decorations,
        setDecorations: (type, options) => {
            decorations.set(type, options);
        }
    };
}

export interface FakeWorkspaceOptions {
    /** Settings by full key (`ntm.boQua`), as `workspace.getConfiguration(section).get(key)` returns them. */
    readonly settings?: Record<string, unknown>;
    /** Paths of the workspace folders. */
    readonly folders?: readonly string[];
}

/** Builds a fresh fake `vscode` and the records of what the extension did with it. */
export function createFakeVscode(files: Record<string, string> = {}, editors: FakeEditor[] = [], options: FakeWorkspaceOptions = {}) {
    const saved = new EventEmitter<{ uri: Uri; isDirty: boolean }>();
    const configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
    const settings: Record<string, unknown> = { ...options.settings };
    const folders = (options.folders ?? []).map((folder, index) => ({ uri: Uri.file(folder), name: folder.split('/').pop() ?? folder, index }));
    /** A section's value: the setting itself, or the object of the settings below it (`ntm` → `{ boQua }`). */
    const setting = (key: string): unknown => {
        if (key in settings) return settings[key];
        const below = Object.entries(settings).filter(([k]) => k.startsWith(`${key}.`));
        return below.length > 0 ? Object.fromEntries(below.map(([k, v]) => [k.slice(key.length + 1), v])) : undefined;
    };
    const channels: FakeOutputChannel[] = [];
    const commands = new Map<string, (...args: unknown[]) => unknown>();
    const codeLensProviders: { selector: unknown; provider: { provideCodeLenses(document: unknown): CodeLens[] } }[] = [];
    const controllers: FakeTestController[] = [];
    const notifications: string[] = [];

    const createTestItem = (id: string, label: string, uri?: Uri): FakeTestItem => {
        const item = { id, label, uri } as FakeTestItem;
        item.children = new ItemCollection(item);
        return item;
    };

    const vscode: Record<string, unknown> = {
        version: '1.91.0',
        env: { language: 'vi', appName: 'fake', machineId: 'test', sessionId: 'test', openExternal: async () => true },
        EventEmitter,
        Position,
        Range,
        Uri,
        CodeLens,
        TestMessage,
        Location: class {
            constructor(
                readonly uri: Uri,
                readonly range: unknown
            ) {}
        },
        ThemeColor: class {
            constructor(readonly id: string) {}
        },
        MarkdownString: class {
            constructor(readonly value = '') {}
            appendText(t: string) {
                return t;
            }
            appendMarkdown(t: string) {
                return t;
            }
        },
        Disposable: class {
            static from(...items: Disposable[]) {
                return { dispose: () => items.forEach(i => i.dispose()) };
            }
            constructor(readonly callOnDispose: () => void) {}
            dispose() {
                this.callOnDispose();
            }
        },
        CancellationTokenSource: class {
            private readonly emitter = new EventEmitter<void>();
            readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
            cancel() {
                this.token.isCancellationRequested = true;
                this.emitter.fire();
            }
            dispose() {
                this.emitter.dispose();
            }
        },
        CancellationError: class extends Error {},
        TestRunProfileKind: { Run: 1, Debug: 2, Coverage: 3 },
        ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
        window: noOpNamespace({
            visibleTextEditors: editors,
            activeTextEditor: undefined,
            createOutputChannel: (name: string) => {
                const channel = { name, lines: [] as string[] };
                channels.push(channel);
                return {
                    name,
                    append: (text: string) => channel.lines.push(text),
                    appendLine: (text: string) => channel.lines.push(text),
                    replace: () => undefined,
                    clear: () => undefined,
                    show: () => undefined,
                    hide: () => undefined,
                    dispose: () => undefined
                };
            },
            createTextEditorDecorationType: (options: unknown) => ({ options, dispose: () => undefined }),
            showErrorMessage: async (message: string) => {
                notifications.push(message);
                return undefined;
            },
            showWarningMessage: async (message: string) => {
                notifications.push(message);
                return undefined;
            },
            showInformationMessage: async (message: string) => {
                notifications.push(message);
                return undefined;
            },
            withProgress: async (_options: unknown, task: () => Promise<unknown>) => task()
        }),
        workspace: noOpNamespace({
            workspaceFolders: folders.length > 0 ? folders : undefined,
            getWorkspaceFolder: (uri: Uri) =>
                folders.filter(f => uri.path.startsWith(`${f.uri.path}/`)).sort((a, b) => b.uri.path.length - a.uri.path.length)[0],
            textDocuments: [],
            getConfiguration: (section?: string) => ({
                get: (key: string, fallback?: unknown) => setting(section ? `${section}.${key}` : key) ?? fallback,
                has: (key: string) => setting(section ? `${section}.${key}` : key) !== undefined,
                inspect: () => undefined,
                update: async () => undefined
            }),
            onDidSaveTextDocument: saved.event,
            onDidChangeConfiguration: configurationChanged.event,
            findFiles: async () => Object.keys(files).map(uri => Uri.parse(uri)),
            fs: { readFile: async (uri: Uri) => new TextEncoder().encode(files[uri.toString()] ?? '') },
            createFileSystemWatcher: () => ({
                onDidCreate: () => ({ dispose: () => undefined }),
                onDidChange: () => ({ dispose: () => undefined }),
                onDidDelete: () => ({ dispose: () => undefined }),
                dispose: () => undefined
            })
        }),
        languages: noOpNamespace({
            registerCodeLensProvider: (selector: unknown, provider: { provideCodeLenses(document: unknown): CodeLens[] }) => {
                codeLensProviders.push({ selector, provider });
                return { dispose: () => undefined };
            },
            createDiagnosticCollection: () => ({
                set: () => undefined,
                delete: () => undefined,
                clear: () => undefined,
                dispose: () => undefined,
                forEach: () => undefined
            })
        }),
        commands: noOpNamespace({
            registerCommand: (id: string, callback: (...args: unknown[]) => unknown) => {
                commands.set(id, callback);
                return { dispose: () => commands.delete(id) };
            },
            executeCommand: async () => undefined
        }),
        tests: {
            createTestController: (id: string) => {
                const controller: FakeTestController & Record<string, unknown> = {
                    id,
                    items: new ItemCollection(),
                    profiles: [],
                    runs: [],
                    createTestItem,
                    createRunProfile: (
                        label: string,
                        _kind: number,
                        runHandler: FakeRunProfile['runHandler'],
                        _isDefault?: boolean,
                        _tag?: unknown,
                        supportsContinuousRun = false
                    ) => {
                        const profile = { label, runHandler, supportsContinuousRun };
                        controller.profiles.push(profile);
                        return { ...profile, dispose: () => undefined };
                    },
                    createTestRun: () => {
                        const record: RunRecord = { results: [], output: [], ended: false };
                        controller.runs.push(record);
                        const result = (state: string) => (item: FakeTestItem, message?: TestMessage) =>
                            record.results.push({ id: item.id, state, ...(message ? { message: message.message } : {}) });
                        return {
                            started: result('started'),
                            passed: result('passed'),
                            failed: result('failed'),
                            errored: result('errored'),
                            skipped: result('skipped'),
                            appendOutput: (text: string) => record.output.push(text),
                            end: () => {
                                record.ended = true;
                            }
                        };
                    },
                    invalidateTestResults: () => undefined,
                    dispose: () => undefined
                };
                controllers.push(controller);
                return controller;
            }
        }
    };
    const module = new Proxy(vscode, {
        get: (target, key) => (key in target ? target[key as string] : typeof key === 'symbol' || key === 'then' || key === '__esModule' ? undefined : class {})
    });
    /** As VS Code does when a document is saved. */
    const save = (uri: string) => saved.fire({ uri: Uri.parse(uri), isDirty: false });
    /** As VS Code does when the user changes a setting. */
    const changeSetting = (key: string, value: unknown) => {
        settings[key] = value;
        configurationChanged.fire({ affectsConfiguration: section => key === section || key.startsWith(`${section}.`) });
    };
    return { module, channels, commands, codeLensProviders, controllers, notifications, save, changeSetting };
}
