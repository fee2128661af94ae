import * as path from 'node:path';
import ts from 'typescript';
import { compilePackFile, formatDiagnostic, toJavaScript } from '../compile/compile-pack.js';
import { relativeToCwd, writeFilesAtomically } from '../util/files.js';
import { ExitCode } from '../util/exit-codes.js';

/** `ntm build <pack> -o <dir>`: writes the evaluator module, all files or none. */
export async function buildCommand(packFile: string, options: { output: string; js?: boolean }): Promise<number> {
    const compiled = await compilePackFile(packFile);
    const shown = relativeToCwd(compiled.file);
    for (const diagnostic of compiled.loaded.diagnostics.filter(d => d.severity === 1)) {
        console.error(formatDiagnostic(shown, diagnostic));
    }
    if (!compiled.typescript || !compiled.fileName) {
        console.error(`Không sinh mã: ${shown} có lỗi.`);
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

/** The `.d.ts` of a generated module, produced by the TypeScript compiler in memory. */
function declarationsOf(typescript: string, fileName: string): string {
    let declarations = '';
    const options: ts.CompilerOptions = { declaration: true, emitDeclarationOnly: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, skipLibCheck: true, types: [] };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = name => name === fileName ? typescript : readFile(name);
    host.fileExists = name => name === fileName || ts.sys.fileExists(name);
    host.getSourceFile = (name, language) => name === fileName ? ts.createSourceFile(name, typescript, language) : getSourceFile(name, language);
    host.writeFile = (name, text) => { if (name.endsWith('.d.ts')) declarations = text; };
    ts.createProgram([fileName], options, host).emit();
    return declarations;
}
