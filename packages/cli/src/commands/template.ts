import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { communeTemplate, packOutline, templateFacts, templateText } from '@ntm/evaluation';
import { OutputError, evaluatorFor, relativeToCwd, writeFilesAtomically } from '@ntm/evaluation/node';
import { showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';
import { notAFile } from '../util/inputs.js';
import { complain, say } from '../report/terminal.js';

export interface TemplateOptions { output?: string }

/**
 * `ntm template <pack> [-o <tệp.json>]`: a commune file to fill for the pack. Its «bộ tiêu chí» is written
 * relative to the folder of the file (`-o`), or of the current folder when printed.
 */
export async function templateCommand(packFile: string, options: TemplateOptions = {}): Promise<number> {
    const unreadable = await notAFile(packFile, 'tệp .ntm');
    if (unreadable) {
        complain(unreadable);
        return ExitCode.Usage;
    }
    const { compiled, evaluator } = await evaluatorFor(packFile);
    if (!evaluator) {
        for (const issue of compiled.issues.filter(i => i.severity === 'error')) complain(showIssue(issue));
        return ExitCode.Failure;
    }
    const target = options.output !== undefined ? path.resolve(options.output) : undefined;
    if (options.output !== undefined && options.output.trim() === '') {
        complain('Thiếu tên tệp: «-o» cần đường dẫn của tệp xã sẽ ghi.');
        return ExitCode.Usage;
    }
    const folder = target ? path.dirname(target) : process.cwd();
    const packPath = path.relative(folder, compiled.file).split(path.sep).join('/');
    const outline = compiled.effective ? packOutline(compiled.effective, evaluator.PACK.level) : undefined;
    const template = communeTemplate(evaluator.FACT_SPECS, packPath, outline);
    const { skipped } = templateFacts(evaluator.FACT_SPECS);
    if (skipped.length > 0) {
        complain(`Bỏ qua ${skipped.length} dữ kiện của bộ gốc chỉ quy tắc không áp dụng ở bộ này dùng (ghi trong «mô tả dữ kiện»): ${skipped.map(s => s.name).join('; ')}.`);
    }
    if (!target) {
        process.stdout.write(templateText(template));
        return ExitCode.Success;
    }
    if (existsSync(target)) {
        complain(`Không ghi đè: «${relativeToCwd(target)}» đã có. Chọn tên khác hoặc xóa tệp cũ.`);
        return ExitCode.Failure;
    }
    try {
        await writeFilesAtomically([{ path: target, text: templateText(template) }]);
    } catch (error) {
        if (!(error instanceof OutputError)) throw error;
        complain(`Không ghi được: ${error.message}`);
        return ExitCode.Failure;
    }
    say(`Đã ghi ${relativeToCwd(target)} (bộ tiêu chí: ${packPath}). Điền «xã», «ngày đánh giá» và số liệu; để null những gì báo cáo không ghi.`);
    return ExitCode.Success;
}
