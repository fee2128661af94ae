import * as path from 'node:path';
import { OutputError, compilePackFile, declarationsOf, relativeToCwd, toJavaScript, writeFilesAtomically } from '@ntm/evaluation/node';
import { showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';
import { notAFile } from '../util/inputs.js';
import { complain, say } from '../report/terminal.js';

/** `ntm build <pack> -o <dir>`: writes the evaluator module, all files or none. */
export async function buildCommand(packFile: string, options: { output: string; js?: boolean }): Promise<number> {
    if (options.output.trim() === '') {
        complain('Thiếu thư mục ghi kết quả: «-o» cần một đường dẫn thư mục.');
        return ExitCode.Usage;
    }
    const unreadable = await notAFile(packFile, 'tệp .ntm');
    if (unreadable) {
        complain(unreadable);
        return ExitCode.Usage;
    }
    const compiled = await compilePackFile(packFile);
    for (const issue of compiled.issues.filter(i => i.severity === 'error')) complain(showIssue(issue));
    if (!compiled.typescript || !compiled.fileName) {
        complain(`Không sinh mã: ${relativeToCwd(compiled.file)} có lỗi.`);
        return ExitCode.Failure;
    }
    const target = path.resolve(options.output, compiled.fileName);
    const files = options.js
        ? [
            { path: target.replace(/\.ts$/, '.js'), text: toJavaScript(compiled.typescript) },
            { path: target.replace(/\.ts$/, '.d.ts'), text: declarationsOf(compiled.typescript, compiled.fileName) }
        ]
        : [{ path: target, text: compiled.typescript }];
    try {
        await writeFilesAtomically(files);
    } catch (error) {
        if (!(error instanceof OutputError)) throw error;
        complain(`Không ghi được: ${error.message}`);
        return ExitCode.Failure;
    }
    for (const file of files) say(`Đã ghi ${relativeToCwd(file.path)}`);
    return ExitCode.Success;
}
