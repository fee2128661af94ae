import type { CancellationToken } from 'vscode-languageserver';
import type { RunSamplesParams, RunSamplesResult } from '../test-run-protocol.js';

/** What a runner knows of the editor: the folders open in it, as file-system paths. */
export interface SampleRunContext {
    readonly workspaceFolders: readonly string[];
    readonly cancelToken?: CancellationToken;
}

/**
 * Runs sample communes against their pack for the `ntm/chayKiemThu` request. The language package cannot
 * evaluate communes itself (the evaluator and the commune file format live in the CLI, which depends on
 * this package), so the CLI's server supplies a real runner; the default says test runs are unavailable.
 */
export interface SampleRunner {
    run(params: RunSamplesParams, context: SampleRunContext): Promise<RunSamplesResult>;
}

export class UnavailableSampleRunner implements SampleRunner {
    async run(params: RunSamplesParams): Promise<RunSamplesResult> {
        return {
            samples: [{
                communeUri: params.communeUri ?? params.packUri ?? '',
                packUri: params.packUri,
                ran: false,
                problems: ['Máy chủ ngôn ngữ này không chạy được kiểm thử xã mẫu: hãy dùng máy chủ của công cụ ntm (lệnh «ntm lsp»).'],
                checks: []
            }]
        };
    }
}
