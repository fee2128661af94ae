import type { Command } from 'commander';
import { closingLines, formatProblem } from '@ntm/evaluation';
import { OutputError, relativeToCwd } from '@ntm/evaluation/node';
import { showIssue } from '../report/issues.js';
import { complain, say } from '../report/terminal.js';
import { ExitCode } from '../util/exit-codes.js';
import { emptyInput, emptyName, firstUnreadable, notAPackFile } from '../util/inputs.js';

interface RunOptions {
    output?: string;
    ngay?: string;
    moiXa?: boolean;
    baoCao?: boolean;
    pdf?: boolean;
}

/**
 * Adds `ntm batch`: many communes from a spreadsheet (or commune files) to a workbook and printable reports,
 * and `ntm batch template`: the blank input workbook of a pack. The batch library (and the spreadsheet
 * library under it) is loaded only when one of them runs.
 */
export function registerBatchCommand(program: Command): void {
    const batch = program
        .command('batch')
        .description('Đánh giá nhiều xã từ bảng tính (.xlsx, .csv) hoặc thư mục tệp xã: bảng kết quả .xlsx và báo cáo in được.');
    batch
        .command('run', { isDefault: true })
        .description('Đánh giá các xã (mặc định).')
        .argument('<bộ-tiêu-chí-hoặc-đầu-vào>', 'bộ tiêu chí (.ntm hoặc thư mục), hoặc thư mục tệp xã ghi sẵn «bộ tiêu chí»')
        .argument('[đầu-vào...]', 'bảng tính .xlsx/.csv, hoặc tệp/thư mục tệp xã .json')
        .option('-o, --output <thư-mục>', 'thư mục ghi kết quả (mặc định: thư mục của đầu vào)')
        .option('--ngay <ngày>', 'ngày đánh giá cho mọi xã (ghi đè cột «ngày đánh giá»)')
        .option('--moi-xa', 'mỗi xã một tệp báo cáo (mặc định: một tệp cho cả đợt, mỗi xã bắt đầu ở trang mới)')
        .option('--no-bao-cao', 'không ghi báo cáo in được')
        .option('--pdf', 'in báo cáo ra PDF bằng Chromium (cần cài chromium)')
        .action(async (first: string, rest: string[], options: RunOptions) => {
            process.exitCode = await batchCommand(first, rest, options);
        });
    batch
        .command('template')
        .description('Ghi bảng tính mẫu (.xlsx) của bộ tiêu chí: mỗi dữ kiện một cột, có chú thích, danh sách chọn, trang hướng dẫn.')
        .argument('<tệp.ntm>', 'bộ tiêu chí')
        .argument('[tệp-xã...]', 'tệp/thư mục tệp xã .json để điền sẵn vào bảng')
        .requiredOption('-o, --output <tệp.xlsx>', 'tệp .xlsx ghi ra')
        .action(async (pack: string, communes: string[], options: { output: string }) => {
            process.exitCode = await workbookTemplateCommand(pack, communes, options.output);
        });
}

async function batchCommand(first: string, rest: string[], options: RunOptions): Promise<number> {
    // A path that is not there is a wrong command line, said before any work (and before any file is written).
    const unreadable = emptyInput([first, ...rest]) ?? (await firstUnreadable([first, ...rest]));
    if (unreadable) {
        complain(unreadable);
        return ExitCode.Usage;
    }
    const { runBatch, packAndInputs, terminalProgress, PackError } = await import('@ntm/evaluation/batch');
    const { pack, inputs } = await packAndInputs([first, ...rest]);
    try {
        const result = await runBatch({
            inputs,
            ...(pack ? { pack } : {}),
            ...(options.output ? { outputDir: options.output } : {}),
            ...(options.ngay ? { date: options.ngay } : {}),
            report: options.baoCao === false ? 'none' : options.moiXa ? 'per-commune' : 'combined',
            pdf: options.pdf === true,
            progress: await terminalProgress(process.stderr),
            onProblem: problem => complain(formatProblem(problem, relativeToCwd(problem.file)))
        });
        for (const file of result.outputs) say(`Đã ghi ${relativeToCwd(file)}`);
        say(...closingLines(result.tally));
        return result.tally.failed > 0 || result.problems.some(p => p.severity === 'error') ? ExitCode.Failure : ExitCode.Success;
    } catch (error) {
        if (error instanceof PackError) {
            for (const issue of error.issues) complain(showIssue(issue));
            complain(error.message);
            return ExitCode.Failure;
        }
        if (!(error instanceof OutputError)) throw error;
        complain(error.message);
        return ExitCode.Usage;
    }
}

/** `ntm batch template <pack> -o <tệp.xlsx> [tệp-xã...]` (and `ntm template --xlsx`): the input workbook. */
export async function workbookTemplateCommand(pack: string, communes: string[], output: string | undefined): Promise<number> {
    const unreadable =
        (await notAPackFile(pack)) ??
        emptyInput(communes) ??
        (await firstUnreadable(communes)) ??
        (output?.trim() ? undefined : emptyName('tệp .xlsx sẽ ghi («-o»)'));
    if (unreadable) {
        complain(unreadable);
        return ExitCode.Usage;
    }
    const { writeInputTemplate, PackError } = await import('@ntm/evaluation/batch');
    try {
        const result = await writeInputTemplate(pack, output!, communes);
        for (const issue of result.issues) complain(showIssue(issue));
        say(`Đã ghi ${relativeToCwd(result.output)}${result.communes > 0 ? ` (${result.communes} xã)` : ''}`);
        return result.issues.some(issue => issue.severity === 'error') ? ExitCode.Failure : ExitCode.Success;
    } catch (error) {
        if (!(error instanceof PackError) && !(error instanceof OutputError)) throw error;
        for (const issue of error instanceof PackError ? error.issues : []) complain(showIssue(issue));
        complain(error.message);
        return ExitCode.Failure;
    }
}
