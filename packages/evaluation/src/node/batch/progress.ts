/** What a batch tells about its progress; the CLI passes a terminal bar, tests and apps their own. */
export interface BatchProgress {
    start(total: number): void;
    tick(): void;
    stop(): void;
}

export const NO_PROGRESS: BatchProgress = { start() {}, tick() {}, stop() {} };

/** A run shorter than this shows no bar: it would only flicker. */
const SHOW_AFTER_MS = 1000;

/**
 * A progress bar (cli-progress) on a terminal, for runs that last over a second; nothing when the stream
 * is not a terminal (piped into a file or another program, or in CI).
 */
export async function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Promise<BatchProgress> {
    if (!stream.isTTY) return NO_PROGRESS;
    const { SingleBar, Presets } = (await import('cli-progress')).default;
    const bar = new SingleBar(
        {
            stream,
            format: 'Đánh giá {bar} {value}/{total} xã ({percentage}%) — còn khoảng {eta_formatted}',
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 50
        },
        Presets.shades_classic
    );
    let total = 0;
    let done = 0;
    let shown = false;
    let timer: NodeJS.Timeout | undefined;
    return {
        start(count) {
            total = count;
            timer = setTimeout(() => {
                shown = true;
                bar.start(total, done);
            }, SHOW_AFTER_MS);
            timer.unref();
        },
        tick() {
            done++;
            if (shown) bar.update(done);
        },
        stop() {
            if (timer) clearTimeout(timer);
            if (shown) bar.stop();
        }
    };
}
