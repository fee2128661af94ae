import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { buildCommand } from './commands/build.js';
import type { BuildOptions } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { evalCommand } from './commands/eval.js';
import type { EvalOptions } from './commands/eval.js';
import { templateCommand } from './commands/template.js';
import { workbookTemplateCommand } from './commands/batch.js';
import { testCommand } from './commands/test.js';
import { registerLspCommand } from './commands/lsp.js';
import { registerBatchCommand } from './commands/batch.js';
import { sayJsonFailure } from './report/json-output.js';
import { complain } from './report/terminal.js';
import { ExitCode } from './util/exit-codes.js';
import { vietnameseHelp, vietnameseParserMessage } from './util/parser-texts.js';

// Analysts type options with diacritics; commander's option names are ASCII.
const ALIASES: Readonly<Record<string, string>> = { '--kế-hoạch': '--ke-hoach', '--ngày': '--ngay' };
const argv = process.argv.map(arg => ALIASES[arg.normalize('NFC')] ?? arg);
/** In `--json` mode every outcome, a wrong command line included, is JSON on stdout. */
const jsonMode = argv.slice(2).includes('--json');
let parserMessage: string | undefined;

// A reader that stops early (`ntm eval … | head`) is not an error.
process.stdout.on('error', error => {
    if ((error as { code?: string }).code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

/** The CLI package's version (bin/ntm.js answers `ntm --version` alone before this module loads; this lists it in help). */
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const program = vietnameseHelp(new Command('ntm'))
    .description('Công cụ cho bộ tiêu chí nông thôn mới (.ntm): kiểm tra, biên dịch, đánh giá xã và chạy xã mẫu.')
    .version(version, '-V, --version', 'in phiên bản của ntm')
    .exitOverride()
    .configureOutput({
        outputError: (text, write) => {
            parserMessage = vietnameseParserMessage(text);
            if (!jsonMode) write(parserMessage + '\n');
        }
    });

program
    .command('check')
    .description('Kiểm tra bộ tiêu chí: lỗi và cảnh báo dạng tệp:dòng:cột; liệt kê ngưỡng chưa biết hoặc chưa kiểm chứng, kể cả của bộ gốc.')
    .argument('[tệp-hoặc-thư-mục...]', 'tệp .ntm hoặc thư mục (mặc định: thư mục hiện tại)')
    .option('--json', 'xuất JSON cho máy đọc')
    .action(async (paths: string[], options: { json?: boolean }) => {
        process.exitCode = await checkCommand(paths, options);
    });

program
    .command('build')
    .description('Sinh mô-đun JavaScript (kèm .d.ts) đánh giá bộ tiêu chí.')
    .argument('<tệp.ntm>', 'bộ tiêu chí')
    .requiredOption('-o, --output <thư-mục>', 'thư mục ghi kết quả')
    .option('--ts', 'ghi mô-đun TypeScript .ts thay cho .js và .d.ts')
    .option('--bundle', 'ghi một tệp .js tự chứa (gộp phần chạy @ntm/runtime cần dùng), không import gì')
    .addOption(new Option('--js').hideHelp()) // the default now; still accepted
    .action(async (pack: string, options: BuildOptions) => {
        process.exitCode = await buildCommand(pack, options);
    });

program
    .command('eval')
    .description('Đánh giá một xã: bảng kết quả tiếng Việt, hoặc JSON với --json.')
    .argument('<bộ-tiêu-chí-hoặc-tệp-xã>', 'tệp .ntm hoặc thư mục bộ tiêu chí (hoặc tệp xã .json nếu tệp xã ghi «bộ tiêu chí»)')
    .argument('[tệp-xã]', 'tệp xã .json')
    .option('--json', 'xuất JSON cho máy đọc')
    .option('--ngay <ngày>', 'ngày đánh giá, ghi đè «ngày đánh giá» trong tệp xã (viết --ngày cũng được)')
    .option('--ke-hoach', 'kế hoạch: các chỉ tiêu còn thiếu, xếp theo khoảng cách tới ngưỡng (viết --kế-hoạch cũng được)')
    .action(async (first: string, second: string | undefined, options: EvalOptions) => {
        process.exitCode = await evalCommand(first, second, options);
    });

program
    .command('template')
    .description('Viết một tệp xã để điền cho bộ tiêu chí: dữ kiện, thuộc tính, kết quả chính thức, sai khác đã biết.')
    .argument('<tệp.ntm>', 'bộ tiêu chí')
    .option('-o, --output <tệp.json>', 'ghi ra tệp này (đường dẫn bộ tiêu chí tính từ thư mục của tệp); không có thì in ra màn hình')
    .option('--xlsx', 'ghi bảng tính mẫu .xlsx cho nhiều xã (như «ntm batch template»; cần -o <tệp.xlsx>)')
    .action(async (pack: string, options: { output?: string; xlsx?: boolean }) => {
        process.exitCode = options.xlsx ? await workbookTemplateCommand(pack, [], options.output) : await templateCommand(pack, options);
    });

program
    .command('test')
    .description('Chạy các xã mẫu với bộ tiêu chí của chúng và so với kết quả chính thức.')
    .argument('[tệp-hoặc-thư-mục...]', 'tệp hoặc thư mục xã mẫu (mặc định: examples)')
    .option('--json', 'xuất JSON cho máy đọc')
    .action(async (paths: string[], options: { json?: boolean }) => {
        process.exitCode = await testCommand(paths, options);
    });

registerLspCommand(program);
registerBatchCommand(program);

try {
    await program.parseAsync(argv);
} catch (error) {
    if (error instanceof CommanderError) {
        const usage = error.exitCode !== 0;
        if (jsonMode && usage) sayJsonFailure(error.code, parserMessage ?? vietnameseParserMessage(error.message));
        process.exitCode = usage ? ExitCode.Usage : ExitCode.Success;
    } else if (error && typeof error === 'object' && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'EACCES')) {
        const where = (error as { path?: string }).path;
        // Loaded here only: the start-up of every command stays light (bench: ntm --version).
        const { unreadableFileText } = await import('@ntm/evaluation/node');
        const message = where ? unreadableFileText(where, String(error.code)) : `Không đọc được tệp (${String(error.code)}).`;
        if (jsonMode) sayJsonFailure(String(error.code), message);
        else complain(message);
        process.exitCode = ExitCode.Usage;
    } else {
        const message = `Lỗi nội bộ của ntm: ${error instanceof Error ? error.message : String(error)}`;
        if (jsonMode) sayJsonFailure('internal', message);
        else complain(message);
        process.exitCode = ExitCode.Failure;
    }
}
