/**
 * Decides whether a crashed language server is restarted. A server that keeps crashing is given up
 * after a few tries, with one Vietnamese message instead of a stream of errors.
 */
export class RestartPolicy {
    private readonly crashes: number[] = [];
    private gaveUp = false;

    constructor(
        private readonly maxRestarts = 3,
        private readonly windowMs = 3 * 60_000
    ) {}

    /** Call when the connection closed; `message` is set exactly once, when giving up. */
    onClosed(now: number): { readonly restart: boolean; readonly message?: string } {
        if (this.gaveUp) return { restart: false };
        this.crashes.push(now);
        while (this.crashes.length > 0 && now - this.crashes[0]! > this.windowMs) this.crashes.shift();
        if (this.crashes.length <= this.maxRestarts) return { restart: true };
        this.gaveUp = true;
        const minutes = Math.round(this.windowMs / 60_000);
        return {
            restart: false,
            message:
                `Máy chủ ngôn ngữ NTM đã dừng đột ngột ${this.crashes.length} lần trong ${minutes} phút nên tiện ích không khởi động lại nữa. ` +
                'Tô màu cú pháp vẫn dùng được; báo lỗi, giải thích khi rê chuột và chạy kiểm thử tạm ngừng. ' +
                'Chi tiết lỗi ở kênh «NTM — nhật ký máy chủ»; chạy lệnh «Developer: Reload Window» để thử lại.'
        };
    }

    get stopped(): boolean {
        return this.gaveUp;
    }
}

/** The message when the server cannot be started at all. */
export function startFailureMessage(reason: string): string {
    return (
        `Không khởi động được máy chủ ngôn ngữ NTM: ${reason}. ` +
        'Tô màu cú pháp vẫn dùng được; báo lỗi, giải thích khi rê chuột và chạy kiểm thử tạm ngừng. ' +
        'Chi tiết lỗi ở kênh «NTM — nhật ký máy chủ»; cài lại tiện ích từ tệp .vsix rồi chạy lệnh «Developer: Reload Window».'
    );
}
