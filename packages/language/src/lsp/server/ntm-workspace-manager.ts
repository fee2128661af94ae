import type { LangiumSharedCoreServices } from 'langium';
import { DefaultWorkspaceManager, URI, UriUtils } from 'langium';

/**
 * Validates every pack of the workspace at startup, not only the open ones, so the editor lists the same
 * problems as `ntm check` over the folder from the start (Langium validates closed files only later, after
 * an edit elsewhere, which made the list depend on what the analyst happened to open).
 */
export class NtmWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
    }

    /**
     * Whether `uri` is a file the startup load would take: on disk, in a workspace folder, in no hidden,
     * `node_modules` or `out` folder. Such a file stays in the workspace when its editor closes.
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

/** The path of `path` below `folder` (both `/`-separated URI paths), or undefined when it is not inside. */
function pathBelow(folder: string, path: string): string | undefined {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}
