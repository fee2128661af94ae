import { AstUtils } from 'langium';
import type { ast } from '@ntm/language';
import { compilePackFile, formatDiagnostic } from '../compile/compile-pack.js';
import { collectFiles, relativeToCwd } from '../util/files.js';
import { ExitCode } from '../util/exit-codes.js';

/** `ntm check <files or folders>`: diagnostics as `file:line:col severity message`; exit 1 on errors. */
export async function checkCommand(inputs: readonly string[]): Promise<number> {
    const files = await collectFiles(inputs.length > 0 ? inputs : ['.'], ['.ntm']);
    if (files.length === 0) {
        console.error(`Không tìm thấy tệp .ntm nào trong: ${inputs.join(', ') || '.'}`);
        return ExitCode.Usage;
    }
    let errors = 0;
    let warnings = 0;
    for (const file of files) {
        const compiled = await compilePackFile(file);
        const shown = relativeToCwd(file);
        const sorted = [...compiled.loaded.diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        for (const diagnostic of sorted) {
            console.log(formatDiagnostic(shown, diagnostic));
            if (diagnostic.severity === 1) errors++;
            if (diagnostic.severity === 2) warnings++;
        }
        for (const line of unverifiedThresholds(compiled.loaded.pack, shown)) {
            console.log(line);
        }
    }
    console.log(`${files.length} tệp, ${errors} lỗi, ${warnings} cảnh báo.`);
    return errors > 0 ? ExitCode.Failure : ExitCode.Success;
}

/** Every threshold declared not yet verified, with its note, so none is ever silently taken as law. */
function unverifiedThresholds(pack: ast.Pack, file: string): string[] {
    const lines: string[] = [];
    for (const node of AstUtils.streamAllContents(pack)) {
        if (node.$type !== 'UnverifiedMark' && node.$type !== 'UnverifiedNote') continue;
        const marker = node as ast.UnverifiedMark | ast.UnverifiedNote;
        const indicator = AstUtils.getContainerOfType(node, (n): n is ast.Indicator => n.$type === 'Indicator');
        const start = node.$cstNode?.range.start;
        const where = indicator ? `chỉ tiêu ${indicator.label}` : 'bộ tiêu chí';
        lines.push(`${file}:${(start?.line ?? 0) + 1}:${(start?.character ?? 0) + 1} chưa kiểm chứng ${where}: ${marker.note ?? '(không ghi nguồn)'}`);
    }
    return lines;
}
