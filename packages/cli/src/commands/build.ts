import * as path from 'node:path';
import { OutputError, compilePackFile, contractSchemaFiles, relativeToCwd, writeFilesAtomically } from '@ntm/evaluation/node';
import { showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';
import { notAPackFile } from '../util/inputs.js';
import { complain, say } from '../report/terminal.js';
import { bundleModule } from './bundle-module.js';

export interface BuildOptions {
    readonly output: string;
    /** The TypeScript module instead of JavaScript and declarations. */
    readonly ts?: boolean;
    /** One self-contained JavaScript file (and its declarations): the runtime it uses inlined. */
    readonly bundle?: boolean;
}

/**
 * `ntm build <pack> -o <dir>`: writes the evaluator module, all files or none. By default `x.js` (which
 * imports @ntm/runtime) and `x.d.ts`; `--ts` writes `x.ts`; `--bundle` makes `x.js` import nothing. Always
 * with the JSON Schemas of its input and result, `x.input.schema.json` and `x.result.schema.json`.
 */
export async function buildCommand(packFile: string, options: BuildOptions): Promise<number> {
    if (options.output.trim() === '') {
        complain('Thiếu thư mục ghi kết quả: «-o» cần một đường dẫn thư mục.');
        return ExitCode.Usage;
    }
    if (options.ts && options.bundle) {
        complain('«--ts» và «--bundle» không dùng cùng nhau: bản gộp là JavaScript (kèm .d.ts).');
        return ExitCode.Usage;
    }
    const unreadable = await notAPackFile(packFile);
    if (unreadable) {
        complain(unreadable);
        return ExitCode.Usage;
    }
    const compiled = await compilePackFile(packFile);
    for (const issue of compiled.issues.filter(i => i.severity === 'error')) complain(showIssue(issue));
    if (compiled.javascript === undefined || !compiled.typescript || !compiled.declarations || !compiled.ownDeclarations || !compiled.fileName) {
        complain(`Không sinh mã: ${relativeToCwd(compiled.file)} có lỗi.`);
        return ExitCode.Failure;
    }
    const target = path.resolve(options.output, compiled.fileName).replace(/\.ts$/, '');
    const module = options.bundle
        ? await bundleModule(compiled.javascript, compiled.ownDeclarations)
        : { javascript: compiled.javascript, declarations: compiled.declarations };
    // The contract for apps: what the module reads (a commune file for this pack) and what it returns.
    const files = [
        ...(options.ts
            ? [{ path: `${target}.ts`, text: compiled.typescript }]
            : [
                  { path: `${target}.js`, text: module.javascript },
                  { path: `${target}.d.ts`, text: module.declarations }
              ]),
        ...(await contractSchemaFiles(compiled, target))
    ];
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
