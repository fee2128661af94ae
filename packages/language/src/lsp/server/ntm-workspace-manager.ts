import type { LangiumSharedCoreServices } from 'langium';
import { DefaultWorkspaceManager } from 'langium';

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
}
