import { Command, CommanderError, Option } from 'commander';
import { buildCommand } from './commands/build.js';
import type { BuildOptions } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { evalCommand } from './commands/eval.js';
import { templateCommand } from './commands/template.js';
import { testCommand } from './commands/test.js';
import { registerLspCommand } from './commands/lsp.js';
import { registerBatchCommand } from './commands/batch.js';
import { complain } from './report/terminal.js';
import { ExitCode } from './util/exit-codes.js';

const program = new Command('ntm')
    .description('Công cụ cho bộ tiêu chí nông thôn mới (.ntm): kiểm tra, biên dịch, đánh giá xã và chạy xã mẫu.')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

program.command('check').description('Kiểm tra bộ tiêu chí: lỗi và cảnh báo dạng tệp:dòng:cột; liệt kê ngưỡng chưa kiểm chứng.')
    .argument('[paths...]', 'tệp .ntm hoặc thư mục')
    .action(async (paths: string[]) => { process.exitCode = await checkCommand(paths); });

program.command('build').description('Sinh mô-đun JavaScript (kèm .d.ts) đánh giá bộ tiêu chí.')
    .argument('<pack>', 'tệp .ntm')
    .requiredOption('-o, --output <dir>', 'thư mục ghi kết quả')
    .option('--ts', 'ghi mô-đun TypeScript .ts thay cho .js và .d.ts')
    .option('--bundle', 'ghi một tệp .js tự chứa (gộp phần chạy @ntm/runtime cần dùng), không import gì')
    .addOption(new Option('--js').hideHelp()) // the default now; still accepted
    .action(async (pack: string, options: BuildOptions) => { process.exitCode = await buildCommand(pack, options); });

program.command('eval').description('Đánh giá một xã: bảng kết quả tiếng Việt, hoặc JSON với --json.')
    .argument('<pack-or-commune>', 'tệp .ntm (hoặc tệp xã .json nếu tệp xã ghi «bộ tiêu chí»)')
    .argument('[commune]', 'tệp xã .json')
    .option('--json', 'xuất JSON cho máy đọc')
    .option('--ngay <date>', 'ngày đánh giá (ghi đè «ngày đánh giá» trong tệp xã)')
    .option('--ke-hoach', 'kế hoạch: các chỉ tiêu còn thiếu theo từng tiêu chí, với lượng còn thiếu (viết --kế-hoạch cũng được)')
    .action(async (first: string, second: string | undefined, options: { json?: boolean; ngay?: string; keHoach?: boolean }) => {
        process.exitCode = await evalCommand(first, second, options);
    });

program.command('template').description('In một tệp xã trống liệt kê mọi dữ kiện của bộ tiêu chí.')
    .argument('<pack>', 'tệp .ntm')
    .action(async (pack: string) => { process.exitCode = await templateCommand(pack); });

program.command('test').description('Chạy các xã mẫu với bộ tiêu chí của chúng và so với kết quả chính thức.')
    .argument('[paths...]', 'tệp hoặc thư mục xã mẫu (mặc định: examples)')
    .action(async (paths: string[]) => { process.exitCode = await testCommand(paths); });

registerLspCommand(program);
registerBatchCommand(program);

// Analysts type options with diacritics; commander's option names are ASCII.
const ALIASES: Readonly<Record<string, string>> = { '--kế-hoạch': '--ke-hoach', '--ngày': '--ngay' };
const argv = process.argv.map(arg => ALIASES[arg.normalize('NFC')] ?? arg);

try {
    await program.parseAsync(argv);
} catch (error) {
    if (error instanceof CommanderError) {
        process.exitCode = error.exitCode === 0 ? ExitCode.Success : ExitCode.Usage;
    } else if (error && typeof error === 'object' && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'EACCES')) {
        complain(`Không đọc được tệp: ${(error as { path?: string }).path ?? ''} (${String(error.code)}).`);
        process.exitCode = ExitCode.Usage;
    } else {
        complain(`Lỗi nội bộ của ntm: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = ExitCode.Failure;
    }
}
