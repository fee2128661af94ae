import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { normalizeName } from '@ntm/runtime';
import type { BatchTally } from '../../batch/batch-table.js';
import { BatchTable } from '../../batch/batch-table.js';
import type { BatchProblem } from '../../batch/problems.js';
import type { ReportPage } from '../../batch/report-model.js';
import { reportPage } from '../../batch/report-model.js';
import { OutputError, collectFiles, stageFiles } from '../files.js';
import type { StagedFile } from '../files.js';
import type { BatchInput } from './batch-inputs.js';
import { communeFilesInput, spreadsheetInput } from './batch-inputs.js';
import { findChromium, htmlToPdf } from './chromium.js';
import type { BatchProgress } from './progress.js';
import { NO_PROGRESS } from './progress.js';
import { isSpreadsheet } from './read-spreadsheet.js';
import type { CoverRow, ReportRenderer } from './report-html.js';
import { reportRenderer } from './report-html.js';
import { writeWorkbook } from './write-workbook.js';
import { collectWhenGrown } from './collect-garbage.js';

/** Printable reports: one file for the batch (a page per commune), one file per commune, or none. */
export type ReportMode = 'combined' | 'per-commune' | 'none';

export interface BatchRunOptions {
    /** A spreadsheet (`.xlsx`, `.csv`), or commune files and folders of them. */
    readonly inputs: readonly string[];
    /** A pack file or a folder of packs; required for a spreadsheet, optional for commune files that name theirs. */
    readonly pack?: string;
    /** Where outputs go (default: the input's folder). */
    readonly outputDir?: string;
    /** Overrides every commune's assessment date. */
    readonly date?: string;
    readonly report?: ReportMode;
    /** Also print the reports to PDF with headless Chromium. */
    readonly pdf?: boolean;
    readonly progress?: BatchProgress;
    /** Each problem as soon as it is known (the CLI prints it on stderr). */
    readonly onProblem?: (problem: BatchProblem) => void;
}

export interface BatchRunResult {
    readonly tally: BatchTally;
    readonly problems: readonly BatchProblem[];
    /** Files written, workbook first. */
    readonly outputs: readonly string[];
}

/** From this many communes on, the batch keeps its heap near its live set (collect-garbage.ts); a district's few dozen never need it. */
const MANY_COMMUNES = 1000;

/** Let the event loop breathe (progress bar, stream writes) this often during evaluation. */
const YIELD_EVERY_MS = 50;

/**
 * Evaluates every commune of a spreadsheet or of a set of commune files and writes the output workbook and
 * the printable reports. A commune that cannot be evaluated is listed with its reason and the others go on;
 * every output appears at once, or none does (a killed run leaves the previous files as they were).
 */
export async function runBatch(options: BatchRunOptions): Promise<BatchRunResult> {
    const first = options.inputs[0];
    if (!first) throw new OutputError('Không có đầu vào.');
    const mode: ReportMode = options.report ?? 'combined';
    const chromium = options.pdf ? findChromium() : undefined;
    if (options.pdf && !chromium) {
        throw new OutputError('Không tìm thấy Chromium để in PDF: cài bằng «apt-get install chromium» (hoặc đặt biến NTM_CHROMIUM), hay bỏ --pdf.');
    }
    if (options.inputs.length > 1 && options.inputs.some(isSpreadsheet)) {
        throw new OutputError('Mỗi lần chạy một bảng tính (hoặc nhiều tệp/thư mục tệp xã .json).');
    }
    const spreadsheet = isSpreadsheet(first);
    if (spreadsheet && !options.pack) throw new OutputError('Bảng tính cần một bộ tiêu chí: ntm batch <bộ-tiêu-chí> <bảng-tính>.');
    const input: BatchInput = spreadsheet
        ? await spreadsheetInput(path.resolve(first), path.resolve(options.pack!), options.date)
        : await communeFilesInput(
              options.inputs.map(i => path.resolve(i)),
              options.pack ? path.resolve(options.pack) : undefined,
              options.date
          );
    if (input.count === 0 && !input.problems.some(p => p.severity === 'error')) {
        throw new OutputError(
            spreadsheet
                ? `Bảng tính ${path.basename(first)} không có dòng xã nào (trang «Xã»: dòng 1 là tên cột, mỗi dòng sau là một xã).`
                : `Không tìm thấy tệp xã .json nào trong: ${options.inputs.join(', ')}.`
        );
    }
    const base = outputBase(first, spreadsheet);
    const folder = path.resolve(options.outputDir ?? path.dirname(path.resolve(first)));
    const workbookPath = path.join(folder, `${base}-ket-qua.xlsx`);

    const table = new BatchTable();
    const problems: BatchProblem[] = [];
    const report = (found: readonly BatchProblem[]) => {
        table.addProblems(found);
        problems.push(...found);
        for (const p of found) options.onProblem?.(p);
    };
    report(input.problems);

    const renderer = mode === 'none' ? undefined : await reportRenderer();
    const pages = new PageSink(renderer, mode);
    await pages.open();
    const progress = options.progress ?? NO_PROGRESS;
    progress.start(input.count);
    // Memory kept in bounds while evaluating as while writing (collect-garbage.ts).
    const many = input.count >= MANY_COMMUNES;
    const keepMemoryDown = many ? collectWhenGrown() : undefined;
    let lastYield = Date.now();
    try {
        for await (const outcome of input.communes()) {
            report(outcome.problems);
            if (outcome.result) {
                table.addEvaluated(outcome.info, outcome.result);
                const data = outcome.data;
                const result = outcome.result;
                pages.add(outcome.info.name, result.summary.text, id =>
                    reportPage({
                        id,
                        commune: {
                            name: outcome.info.name,
                            ...(data?.['huyện'] ? { district: data['huyện'] } : {}),
                            ...(data?.['tỉnh'] ? { province: data['tỉnh'] } : {}),
                            ...(data?.['nguồn'] ? { source: data['nguồn'] } : {})
                        },
                        result,
                        warnings: outcome.problems.filter(p => p.severity === 'warning')
                    })
                );
            } else {
                const reason = failureReason(outcome.problems);
                table.addFailed(outcome.info, reason);
                pages.fail(outcome.info.name, reason);
            }
            progress.tick();
            if (Date.now() - lastYield > YIELD_EVERY_MS) {
                keepMemoryDown?.();
                await pages.drain();
                await new Promise(resolve => setImmediate(resolve));
                lastYield = Date.now();
            }
        }
    } finally {
        progress.stop();
    }
    const outputs = await writeOutputs(table, pages, { folder, base, workbookPath, mode, chromium, many });
    return { tally: table.tally(), problems, outputs };
}

/**
 * Why a commune was not evaluated, as «Tổng hợp» and the report cover show it: its first error at its column,
 * and how many more there are (each on «Lỗi dữ liệu»).
 */
function failureReason(problems: readonly BatchProblem[]): string {
    const errors = problems.filter(p => p.severity === 'error');
    const first = errors[0];
    if (!first) return 'không đánh giá được';
    const more = errors.length > 1 ? ` (và ${errors.length - 1} lỗi khác: xem trang «Lỗi dữ liệu»)` : '';
    return `${first.header ? `cột «${first.header}»: ` : ''}${first.message}${more}`;
}

/**
 * How a command line's paths split into the pack and the inputs: the first path is the pack when it is a
 * `.ntm` file, or a folder with packs in it, and more paths follow; otherwise every path is an input
 * (commune files that name their pack). `ntm batch a.json b.json` evaluates two communes, never reads
 * `a.json` as a pack.
 */
export async function packAndInputs(paths: readonly string[]): Promise<{ readonly pack?: string; readonly inputs: readonly string[] }> {
    const [first, ...rest] = paths;
    if (first === undefined || rest.length === 0) return { inputs: paths };
    const stat = await fs.stat(first).catch(() => undefined);
    const pack = stat?.isDirectory() ? (await collectFiles([first], ['.ntm'])).length > 0 : first.endsWith('.ntm');
    return pack ? { pack: first, inputs: rest } : { inputs: paths };
}

function outputBase(first: string, spreadsheet: boolean): string {
    const name = path.basename(path.resolve(first));
    return spreadsheet || name.endsWith('.json') ? name.replace(/\.[^.]+$/, '') : name;
}

interface OutputPlan {
    readonly folder: string;
    readonly base: string;
    readonly workbookPath: string;
    readonly mode: ReportMode;
    readonly chromium?: string;
    /** A batch large enough to keep its heap near its live set while writing. */
    readonly many: boolean;
}

async function writeOutputs(table: BatchTable, pages: PageSink, plan: OutputPlan): Promise<string[]> {
    const reportPath = path.join(plan.folder, `${plan.base}-bao-cao.html`);
    const perCommune = pages.singles.map(single => path.join(plan.folder, `${plan.base}-bao-cao`, `${single.file}.html`));
    const htmlPaths = plan.mode === 'combined' ? [reportPath] : plan.mode === 'per-commune' ? perCommune : [];
    const pdfPaths = plan.chromium ? htmlPaths.map(p => p.replace(/\.html$/, '.pdf')) : [];
    const staged = await stageFiles([plan.workbookPath, ...htmlPaths, ...pdfPaths]);
    try {
        const [workbookFile, ...rest] = staged.files;
        const afterSheet = plan.many ? collectWhenGrown() : undefined;
        await writeStream(workbookFile!, stream => writeWorkbook(table.workbook(), stream, afterSheet ? { afterSheet } : {}));
        const htmlFiles = rest.slice(0, htmlPaths.length);
        if (plan.mode === 'combined') await pages.writeCombined(htmlFiles[0]!);
        else for (const [i, file] of htmlFiles.entries()) await file.handle.writeFile(pages.singles[i]!.html);
        for (const [i, file] of rest.slice(htmlPaths.length).entries()) {
            await file.handle.writeFile(await htmlToPdf(plan.chromium!, await fs.readFile(htmlFiles[i]!.temp, 'utf8')));
        }
        await staged.commit();
    } catch (error) {
        await staged.discard();
        throw error;
    } finally {
        await pages.close();
    }
    return [plan.workbookPath, ...htmlPaths, ...pdfPaths];
}

async function writeStream(file: StagedFile, write: (stream: Writable) => Promise<void>): Promise<void> {
    const stream = file.stream();
    await write(stream);
    if (!stream.writableFinished) await finished(stream);
}

/**
 * The report's pages as they come: in the combined report they go to a scratch file (the cover, which
 * lists every commune, is written before them at the end); one file per commune keeps each page.
 */
class PageSink {
    count = 0;
    readonly singles: { file: string; html: string }[] = [];
    private readonly cover: CoverRow[] = [];
    private scratch?: { folder: string; file: string; stream: Writable };
    private rows = 0;

    constructor(
        private readonly renderer: ReportRenderer | undefined,
        private readonly mode: ReportMode
    ) {}

    async open(): Promise<void> {
        if (!this.renderer || this.mode !== 'combined') return;
        const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'ntm-batch-'));
        const file = path.join(folder, 'pages.html');
        this.scratch = { folder, file, stream: createWriteStream(file) };
    }

    /** A commune's page, made only when there are reports to print (a page costs about as much as the evaluation). */
    add(name: string, summary: string, pageOf: (id: string) => ReportPage): void {
        this.count++;
        this.rows++;
        if (!this.renderer) return;
        const page = pageOf(`xa-${this.count}`);
        this.cover.push({ n: this.rows, id: page.id, name, verdict: page.recognition, summary });
        const html = this.renderer.page(page);
        if (this.mode === 'combined') this.scratch!.stream.write(html);
        else
            this.singles.push({
                // Numbered as «Tổng hợp» numbers the commune (failed ones keep their place).
                file: `${String(this.rows).padStart(3, '0')}-${slug(name)}`,
                html: this.renderer.start(page.title) + html + this.renderer.end()
            });
    }

    fail(name: string, reason: string): void {
        this.rows++;
        this.cover.push({ n: this.rows, name, reason });
    }

    async drain(): Promise<void> {
        const stream = this.scratch?.stream;
        if (stream?.writableNeedDrain) await new Promise(resolve => stream.once('drain', resolve));
    }

    async writeCombined(target: StagedFile): Promise<void> {
        const renderer = this.renderer!;
        const title = 'Báo cáo kết quả đánh giá các xã';
        await target.handle.writeFile(
            renderer.start(title) + renderer.cover(title, `${this.count} xã được đánh giá, ${this.rows - this.count} xã không đánh giá được`, this.cover)
        );
        const scratch = this.scratch!;
        scratch.stream.end();
        await finished(scratch.stream);
        const out = target.stream();
        for await (const chunk of createReadStream(scratch.file)) {
            if (!out.write(chunk)) await new Promise(resolve => out.once('drain', resolve));
        }
        out.write(renderer.end());
        out.end();
        await finished(out);
    }

    async close(): Promise<void> {
        if (!this.scratch) return;
        this.scratch.stream.destroy();
        await fs.rm(this.scratch.folder, { recursive: true, force: true });
    }
}

/** A file name from a commune's name: no diacritics, no separators (`Liêm Cần` → `liem-can`). */
function slug(name: string): string {
    const folded = normalizeName(name).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    return (
        folded
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')
            .slice(0, 60) || 'xa'
    );
}
