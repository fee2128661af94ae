import * as path from 'node:path';
import { compilePackFile, declarationsOf, relativeToCwd, toJavaScript, writeFilesAtomically } from '@ntm/evaluation/node';
import { showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';

/** `ntm build <pack> -o <dir>`: writes the evaluator module, all files or none. */
export async function buildCommand(packFile: string, options: { output: string; js?: boolean }): Promise<number> {
    const compiled = await compilePackFile(packFile);
    for (const issue of compiled.issues.filter(i => i.severity === 'error')) console.error(showIssue(issue));
    if (!compiled.typescript || !compiled.fileName) {
        console.error(`Không sinh mã: ${relativeToCwd(compiled.file)} có lỗi.`);
        return ExitCode.Failure;
    }
    const target = path.resolve(options.output, compiled.fileName);
    const files = options.js
        ? [
            { path: target.replace(/\.ts$/, '.js'), text: toJavaScript(compiled.typescript) },
            { path: target.replace(/\.ts$/, '.d.ts'), text: declarationsOf(compiled.typescript, compiled.fileName) }
        ]
        : [{ path: target, text: compiled.typescript }];
    await writeFilesAtomically(files);
    for (const file of files) console.log(`Đã ghi ${relativeToCwd(file.path)}`);
    return ExitCode.Success;
}
