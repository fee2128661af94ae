import type { ConfigurationProvider, FileSystemNode, LangiumCoreServices, LangiumSharedCoreServices, TextDocumentProvider, WorkspaceFolder } from 'langium';
import { DefaultWorkspaceManager, URI, UriUtils } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';
import type { NtmServices } from '../../ntm-module.js';
import { EXCLUDE_KEY, EXCLUDE_SECTION, exclusionPatterns, PathExclusion, pathBelow } from '../../workspace/exclusion.js';

/** How long the startup load waits for the client's settings before loading everything. */
const SETTINGS_TIMEOUT_MS = 3000;

/**
 * Loads and validates every pack of the workspace at startup, not only the open ones, so the editor lists
 * the same problems as `ntm check` over the folder from the start (Langium validates closed files only
 * later, after an edit elsewhere, which made the list depend on what the analyst happened to open).
 * Files matching the client's `ntm.boQua` globs are left out (deliberately broken test fixtures); an
 * excluded file the analyst opens is still validated while it is open.
 */
export class NtmWorkspaceManager extends DefaultWorkspaceManager {
    private exclusion = new PathExclusion();
    /** Set once a client has initialized the server: only then do settings come. */
    private client = false;
    private readonly configuration: () => ConfigurationProvider;
    private readonly textDocuments: () => TextDocumentProvider | undefined;
    private readonly languages: () => readonly LangiumCoreServices[];

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.languages = () => services.ServiceRegistry.all;
        this.initialBuildOptions = { validation: true };
        this.configuration = () => services.workspace.ConfigurationProvider;
        this.textDocuments = () => services.workspace.TextDocuments;
    }

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.client = true;
        this.configuration().onConfigurationSectionUpdate(update => {
            if (update.section === EXCLUDE_SECTION) this.changeExclusion(update.configuration);
        });
    }

    protected override async performStartup(folders: WorkspaceFolder[]) {
        if (this.client) this.exclusion = new PathExclusion(exclusionPatterns(await this.excludeSetting()));
        // `dựa trên` may lead only into the workspace folders (a pack cannot make the server read /etc/passwd).
        const roots = folders.map(folder => URI.parse(folder.uri));
        for (const language of this.languages()) {
            (language as Partial<NtmServices>).composition?.PackRoots.setRoots(roots);
        }
        return super.performStartup(folders);
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        return super.shouldIncludeEntry(entry) && !this.isExcluded(entry.uri);
    }

    /** Whether a path matches the `ntm.boQua` globs of the workspace folder it is in. */
    isExcluded(uri: URI): boolean {
        if (this.exclusion.patterns.length === 0) return false;
        const relative = this.relativePath(uri);
        return relative !== undefined && this.exclusion.excludes(relative);
    }

    /**
     * Whether `uri` is a file the startup load would take: on disk, in a workspace folder, in no hidden,
     * `node_modules` or `out` folder, not excluded. Such a file stays in the workspace when its editor closes.
     */
    async isWorkspaceFile(uri: URI): Promise<boolean> {
        const folder = this.folderOf(uri);
        const relative = folder && pathBelow(folder.path, uri.path);
        if (!folder || !relative) return false;
        let current = folder;
        for (const name of relative.split('/').slice(0, -1)) {
            current = UriUtils.joinPath(current, name);
            if (!this.shouldIncludeEntry({ uri: current, isDirectory: true, isFile: false })) return false;
        }
        try {
            const stat = await this.fileSystemProvider.stat(uri);
            return stat.isFile && this.shouldIncludeEntry(stat);
        } catch {
            return false;
        }
    }

    /** The client answers `workspace/configuration` after `initialized`: wait for it, but never forever. */
    private async excludeSetting(): Promise<unknown> {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = new Promise<false>(resolve => {
            timer = setTimeout(() => resolve(false), SETTINGS_TIMEOUT_MS);
        });
        try {
            const answered = await Promise.race([this.configuration().ready.then(() => true), late]);
            if (!answered)
                console.error(`[ntm] Trình soạn thảo chưa gửi thiết lập sau ${SETTINGS_TIMEOUT_MS} ms: nạp mọi tệp, kể cả các tệp trong «ntm.boQua».`);
            return answered ? await this.configuration().getConfiguration(EXCLUDE_SECTION, EXCLUDE_KEY) : undefined;
        } catch {
            return undefined;
        } finally {
            clearTimeout(timer);
        }
    }

    /** A changed setting: closed files now excluded leave the workspace, files no longer excluded join it. */
    private changeExclusion(section: unknown): void {
        const value = typeof section === 'object' && section !== null ? (section as Record<string, unknown>)[EXCLUDE_KEY] : undefined;
        const next = new PathExclusion(exclusionPatterns(value));
        if (next.equals(this.exclusion)) return;
        this.exclusion = next;
        this.mutex
            .write(async token => {
                const open = (uri: URI) => this.textDocuments()?.get(uri.toString()) !== undefined;
                const dropped = this.langiumDocuments.all
                    .map(d => d.uri)
                    .filter(uri => !open(uri) && this.isExcluded(uri))
                    .toArray();
                const found = (await Promise.all((this.folders ?? []).map(f => this.searchFolder(this.getRootFolder(f)))))
                    .flat()
                    .filter(uri => !this.langiumDocuments.hasDocument(uri));
                await this.documentBuilder.update(found, dropped, token);
            })
            .catch((error: unknown) => console.error('[ntm] Không áp dụng được thiết lập «ntm.boQua»:', error));
    }

    private relativePath(uri: URI): string | undefined {
        const folder = this.folderOf(uri);
        return folder ? pathBelow(folder.path, uri.path) : undefined;
    }

    /** The innermost workspace folder holding `uri`. */
    private folderOf(uri: URI): URI | undefined {
        let best: URI | undefined;
        for (const folder of this.folders ?? []) {
            const root = URI.parse(folder.uri);
            if (root.scheme !== uri.scheme || root.authority !== uri.authority || pathBelow(root.path, uri.path) === undefined) continue;
            if (!best || root.path.length > best.path.length) best = root;
        }
        return best;
    }
}
