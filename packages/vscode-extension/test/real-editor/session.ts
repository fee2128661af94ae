import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** What run.mjs hands the test (environment variable `NTM_REAL_EDITOR`, JSON). */
export interface Session {
    /** code-server, e.g. `http://127.0.0.1:41234/`. */
    readonly url: string;
    /** The copy of the repository the workbench opens. */
    readonly workspace: string;
    /** code-server's log folder (`<user-data-dir>/logs`): extension host log and output channels. */
    readonly logs: string;
    /** Where screenshots and measurements are kept (git-ignored). */
    readonly artefacts: string;
    /** The Chromium binary Playwright drives (Debian's `/usr/bin/chromium`). */
    readonly chromium: string;
}

export function sessionFromEnvironment(): Session | undefined {
    const value = process.env['NTM_REAL_EDITOR'];
    return value ? (JSON.parse(value) as Session) : undefined;
}

/** Step durations in milliseconds, written as the test goes so that a failed run still reports them. */
export class StepTimes {
    private readonly times: Record<string, number> = {};

    constructor(private readonly file: string) {}

    record(step: string, ms: number): void {
        this.times[step] = ms;
        writeFileSync(this.file, `${JSON.stringify(this.times, null, 2)}\n`);
    }

    static in(session: Session): StepTimes {
        return new StepTimes(path.join(session.artefacts, 'steps.json'));
    }
}
