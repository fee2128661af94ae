import type { CancellationToken, Disposable, TestController, TestItem, TestRun, TestRunRequest } from 'vscode';
import { Location, Position, Range, TestMessage, TestRunProfileKind, tests, Uri, workspace } from 'vscode';
import { samplesToRerun } from '../logic/rerun.js';
import type { RunSamplesRequest, RunSink } from '../logic/sample-runner.js';
import { runSamples } from '../logic/sample-runner.js';
import type { CommuneFile } from '../logic/sample-file.js';
import type { Outcome, TestNode } from '../logic/test-tree.js';
import { sampleTestNode } from '../logic/test-tree.js';
import { EXCLUDE_SETTING, findSampleFiles, isExcluded, readCommuneFileAt } from './workspace-samples.js';

/**
 * The Test Explorer: one item per sample commune, one child per official verdict. Runs go through the
 * server's `ntm/chayKiemThu` request (via `runSamples`); continuous runs re-run after each save.
 */
export class SampleTestExplorer implements Disposable {
    private readonly controller: TestController;
    private readonly nodes = new Map<string, TestNode>();
    private readonly continuous = new Set<{ request: TestRunRequest; token: CancellationToken }>();
    private readonly subscriptions: Disposable[] = [];

    constructor(
        private readonly request: RunSamplesRequest,
        private readonly log: (lines: readonly string[]) => void
    ) {
        this.controller = tests.createTestController('ntm-xa-mau', 'Xã mẫu NTM');
        this.controller.resolveHandler = async item => {
            if (!item) await this.discover();
        };
        this.controller.refreshHandler = async () => this.discover();
        this.controller.createRunProfile('Chạy kiểm thử', TestRunProfileKind.Run, (request, token) => this.runHandler(request, token), true, undefined, true);

        const watcher = workspace.createFileSystemWatcher('**/*.json');
        this.subscriptions.push(
            watcher,
            watcher.onDidCreate(uri => this.update(uri)),
            watcher.onDidChange(uri => this.update(uri)),
            watcher.onDidDelete(uri => this.remove(uri.toString())),
            workspace.onDidSaveTextDocument(document => this.onSaved(document.uri)),
            workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration(EXCLUDE_SETTING)) void this.discover();
            })
        );
        // Known items also give the run buttons in the gutter of sample files, before the view is opened.
        void this.discover();
    }

    async discover(): Promise<void> {
        const files = await findSampleFiles();
        const seen = new Set(files.map(f => f.uri));
        for (const id of [...this.nodes.keys()]) if (!seen.has(id)) this.remove(id);
        files.forEach(file => this.upsert(file));
    }

    private async update(uri: Uri): Promise<void> {
        const file = isExcluded(uri) ? undefined : await readCommuneFileAt(uri);
        if (file?.kind === 'sample') this.upsert(file);
        else this.remove(uri.toString());
    }

    private upsert(file: CommuneFile): void {
        const node = sampleTestNode(file);
        this.nodes.set(node.id, node);
        const item = this.toItem(node);
        this.controller.items.add(item);
    }

    private remove(id: string): void {
        this.nodes.delete(id);
        this.controller.items.delete(id);
    }

    private toItem(node: TestNode): TestItem {
        const uri = Uri.parse(node.uri);
        const item = this.controller.createTestItem(node.id, node.label, uri);
        if (node.line !== undefined) item.range = new Range(node.line, 0, node.line, 0);
        item.description = node.description;
        item.error = node.error;
        item.children.replace(node.children.map(child => this.toItem(child)));
        return item;
    }

    private async onSaved(uri: Uri): Promise<void> {
        const ids = samplesToRerun(uri.toString(), [...this.nodes.keys()]);
        if (ids.length === 0) return;
        if (uri.path.endsWith('.json')) await this.update(uri);
        const items = ids.map(id => this.controller.items.get(id)).filter((i): i is TestItem => i !== undefined);
        this.controller.invalidateTestResults(items);
        for (const entry of this.continuous) {
            if (entry.token.isCancellationRequested) {
                this.continuous.delete(entry);
                continue;
            }
            const wanted = this.rootsOf(entry.request).filter(id => ids.includes(id));
            if (wanted.length > 0) await this.execute(entry.request, wanted, entry.token);
        }
    }

    private async runHandler(request: TestRunRequest, token: CancellationToken): Promise<void> {
        if (this.nodes.size === 0) await this.discover();
        if (request.continuous) {
            const entry = { request, token };
            this.continuous.add(entry);
            token.onCancellationRequested(() => this.continuous.delete(entry));
        }
        await this.execute(request, this.rootsOf(request), token);
    }

    /** The sample communes a request covers: requested items mapped to their sample, minus exclusions. */
    private rootsOf(request: TestRunRequest): string[] {
        const rootOf = (item: TestItem): string => {
            let current = item;
            while (current.parent) current = current.parent;
            return current.id;
        };
        const included = request.include ? request.include.map(rootOf) : [...this.nodes.keys()];
        const excluded = new Set((request.exclude ?? []).filter(item => !item.parent).map(item => item.id));
        return [...new Set(included)].filter(id => !excluded.has(id) && this.nodes.has(id));
    }

    private async execute(request: TestRunRequest, ids: readonly string[], token: CancellationToken): Promise<void> {
        // The server reads packs and communes from disk: save the ones being edited first.
        await Promise.all(workspace.textDocuments.filter(d => d.isDirty && (d.uri.path.endsWith('.ntm') || ids.includes(d.uri.toString()))).map(d => d.save()));
        const run = this.controller.createTestRun(request, 'Xã mẫu NTM');
        try {
            const nodes = ids.map(id => this.nodes.get(id)).filter((n): n is TestNode => n !== undefined);
            await runSamples(nodes, this.request, this.sink(run), () => token.isCancellationRequested);
        } finally {
            run.end();
        }
    }

    private find(id: string): TestItem | undefined {
        const root = this.controller.items.get(id.split('#')[0] ?? id);
        return root?.id === id ? root : root?.children.get(id);
    }

    private sink(run: TestRun): RunSink {
        return {
            started: id => {
                const item = this.find(id);
                if (item) run.started(item);
            },
            report: (outcome: Outcome) => {
                const item = this.find(outcome.id);
                if (item) report(run, item, outcome);
            },
            added: (parentId, node) => {
                const parent = this.controller.items.get(parentId);
                if (parent && !parent.children.get(node.id)) parent.children.add(this.toItem(node));
            },
            output: lines => {
                run.appendOutput(lines.join('\r\n') + '\r\n');
                this.log(lines);
            }
        };
    }

    dispose(): void {
        this.subscriptions.forEach(s => s.dispose());
        this.controller.dispose();
    }
}

function report(run: TestRun, item: TestItem, outcome: Outcome): void {
    const message = (): TestMessage => {
        const text = outcome.message ?? '';
        const testMessage =
            outcome.expected !== undefined && outcome.actual !== undefined ? TestMessage.diff(text, outcome.expected, outcome.actual) : new TestMessage(text);
        if (item.uri && item.range) testMessage.location = new Location(item.uri, new Position(item.range.start.line, 0));
        return testMessage;
    };
    switch (outcome.state) {
        case 'passed':
            run.passed(item);
            break;
        case 'failed':
            run.failed(item, message());
            break;
        case 'errored':
            run.errored(item, message());
            break;
        case 'skipped':
            run.skipped(item);
            break;
    }
}
