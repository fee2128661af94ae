/** JSON-RPC error code for a method the server does not know. */
const METHOD_NOT_FOUND = -32601;

/** A Vietnamese sentence for a failed request to the language server. */
export function describeRequestError(error: unknown): string {
    const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if (code === METHOD_NOT_FOUND) {
        return 'Máy chủ ngôn ngữ NTM chưa hỗ trợ chạy kiểm thử (ntm/chayKiemThu). Hãy cập nhật tiện ích.';
    }
    if (error instanceof ServerNotRunningError) {
        return 'Máy chủ ngôn ngữ NTM không chạy nên không chạy được kiểm thử. Xem kênh «NTM» trong bảng Output.';
    }
    return `Máy chủ ngôn ngữ NTM báo lỗi khi chạy kiểm thử: ${message}`;
}

/** Thrown by the adapter when a request is made while the server is stopped or failed to start. */
export class ServerNotRunningError extends Error {
    constructor() {
        super('Máy chủ ngôn ngữ NTM không chạy.');
        this.name = 'ServerNotRunningError';
    }
}

export const INVALID_ANSWER = 'Máy chủ ngôn ngữ NTM trả về kết quả chạy kiểm thử không đúng dạng (phiên bản máy chủ và tiện ích không khớp?).';
