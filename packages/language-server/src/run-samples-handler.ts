import type { LangiumSharedServices } from 'langium/lsp';
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { RunSamplesParams, RunSamplesResult } from '@ntm/evaluation';
import { RUN_SAMPLES_METHOD } from '@ntm/evaluation';
import type { SampleRunner } from '@ntm/evaluation/node';

/** Registers `ntm/chayKiemThu`: checks the parameters, then hands over to the runner. */
export function addRunSamplesHandler(connection: Connection, shared: LangiumSharedServices, runner: SampleRunner): void {
    connection.onRequest(RUN_SAMPLES_METHOD, async (params: unknown, cancelToken): Promise<RunSamplesResult | ResponseError> => {
        if (!isRunSamplesParams(params)) {
            return new ResponseError(-32602, 'Tham số không hợp lệ: cần «packUri» (tệp .ntm) hoặc «communeUri» (tệp xã .json).');
        }
        const folders = shared.workspace.WorkspaceManager.workspaceFolders ?? [];
        try {
            return await runner.run(params, { workspaceFolders: folders.map(f => URI.parse(f.uri).fsPath), cancelToken });
        } catch (error) {
            if (cancelToken.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Đã hủy lượt chạy kiểm thử.');
            connection.console.error(`[ntm] ${RUN_SAMPLES_METHOD} gặp lỗi nội bộ: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
            return {
                samples: [
                    {
                        communeUri: params.communeUri ?? params.packUri ?? '',
                        packUri: params.packUri,
                        ran: false,
                        checks: [],
                        problems: [`Lỗi nội bộ khi chạy kiểm thử: ${error instanceof Error ? error.message : String(error)}`]
                    }
                ]
            };
        }
    });
}

export function isRunSamplesParams(value: unknown): value is RunSamplesParams {
    if (typeof value !== 'object' || value === null) return false;
    const { packUri, communeUri } = value as Record<string, unknown>;
    const optionalString = (v: unknown) => v === undefined || (typeof v === 'string' && v.length > 0);
    return optionalString(packUri) && optionalString(communeUri) && (packUri !== undefined || communeUri !== undefined);
}
