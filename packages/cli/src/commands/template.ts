import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { OutputError, relativeToCwd, templateForPack, writeFilesAtomically } from '@ntm/evaluation/node';
import { showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';
import { emptyName, notAPackFile } from '../util/inputs.js';
import { complain, say } from '../report/terminal.js';

/**
 * `ntm template <pack> [-o <tệp.json>]`: a commune file to fill for the pack. Its «bộ tiêu chí» is written
 * relative to the folder of the file (`-o`), or of the current folder when printed.
 */
export async function templateCommand(packFile: string, options: { output?: string } = {}): Promise<number> {
    const unreadable = (await notAPackFile(packFile)) ?? (options.output?.trim() === '' ? emptyName('tệp xã sẽ ghi («-o»)') : undefined);
    if (unreadable) {
        complain(unreadable);
        return ExitCode.Usage;
    }
    const target = options.output !== undefined ? path.resolve(options.output) : undefined;
    const template = await templateForPack(packFile, target ? path.dirname(target) : process.cwd());
    if ('errors' in template) {
        complain(...template.errors.map(showIssue));
        return ExitCode.Failure;
    }
    if (template.skipped.length > 0) {
        complain(
            `Bỏ qua ${template.skipped.length} dữ kiện của bộ gốc chỉ quy tắc không áp dụng ở bộ này dùng (ghi trong «mô tả dữ kiện»): ${template.skipped.join('; ')}.`
        );
    }
    if (!target) {
        process.stdout.write(template.text);
        return ExitCode.Success;
    }
    if (existsSync(target)) {
        complain(`Không ghi đè: «${relativeToCwd(target)}» đã có. Chọn tên khác hoặc xóa tệp cũ.`);
        return ExitCode.Failure;
    }
    try {
        await writeFilesAtomically([{ path: target, text: template.text }]);
    } catch (error) {
        if (!(error instanceof OutputError)) throw error;
        complain(`Không ghi được: ${error.message}`);
        return ExitCode.Failure;
    }
    say(`Đã ghi ${relativeToCwd(target)} (bộ tiêu chí: ${template.packPath}). Điền «xã», «ngày đánh giá» và số liệu; để null những gì báo cáo không ghi.`);
    return ExitCode.Success;
}
