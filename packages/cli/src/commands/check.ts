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
    let unverified = 0;
    for (const file of files) {
        const compiled = await compilePackFile(file);
        const shown = relativeToCwd(file);
        const sorted = [...compiled.loaded.diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        for (const diagnostic of sorted) {
            console.log(formatDiagnostic(shown, diagnostic));
            if (diagnostic.severity === 1) errors++;
            if (diagnostic.severity === 2) warnings++;
        }
        const listed = unverifiedThresholds(compiled.loaded.pack, shown);
        for (const line of listed) {
            console.log(line);
        }
        unverified += listed.length;
    }
    console.log(`${files.length} tệp, ${errors} lỗi, ${warnings} cảnh báo, ${unverified} ngưỡng chưa biết hoặc chưa kiểm chứng.`);
    return errors > 0 ? ExitCode.Failure : ExitCode.Success;
}

/** Every threshold declared not yet verified or unknown, with its note, so none is ever silently taken as law. */
function unverifiedThresholds(pack: ast.Pack, file: string): string[] {
    const lines: string[] = [];
    for (const node of AstUtils.streamAllContents(pack)) {
        if (node.$type !== 'UnverifiedMark' && node.$type !== 'UnverifiedNote' && node.$type !== 'UnknownValue') continue;
        const indicator = AstUtils.getContainerOfType(node, (n): n is ast.Indicator => n.$type === 'Indicator');
        const table = AstUtils.getContainerOfType(node, (n): n is ast.Table => n.$type === 'Table');
        const row = AstUtils.getContainerOfType(node, (n): n is ast.TableRow => n.$type === 'TableRow');
        const passMark = AstUtils.getContainerOfType(node, (n): n is ast.PassMark => n.$type === 'PassMark');
        const packPass = AstUtils.getContainerOfType(node, (n): n is ast.PackPassMark => n.$type === 'PackPassMark');
        const start = node.$cstNode?.range.start;
        const criterion = passMark ? AstUtils.getContainerOfType(passMark, (n): n is ast.Criterion => n.$type === 'Criterion') : undefined;
        const where = indicator ? `chỉ tiêu ${indicator.label}` : criterion ? `điểm đạt tiêu chí ${criterion.label}` : packPass ? 'tổng điểm đạt' : table ? `bảng «${table.name}»${row ? `, ${row.rest ? 'còn lại' : row.keys.map(k => k.$cstNode?.text ?? '').join(', ')}` : ''}` : 'bộ tiêu chí';
        const position = `${file}:${(start?.line ?? 0) + 1}:${(start?.character ?? 0) + 1}`;
        if (node.$type === 'UnknownValue') {
            const unknown = node as ast.UnknownValue;
            const bounds = unknown.bounds.map(b => `${b.operator} ${b.value}${b.unit ? ' ' + b.unit : ''}`).join(', ');
            lines.push(`${position} chưa biết ${where}: ${unknown.note ?? '(không ghi chú)'}` +
                (bounds ? `; cận suy ra: ${bounds}${unknown.basis ? ` (suy từ ${unknown.basis})` : ''}` : '; không có cận'));
        } else {
            const marker = node as ast.UnverifiedMark | ast.UnverifiedNote;
            lines.push(`${position} chưa kiểm chứng ${where}: ${marker.note ?? '(không ghi nguồn)'}`);
        }
    }
    return lines;
}
