import { unverifiedThresholds } from '@ntm/evaluation';
import { collectFiles, compilePackFile, relativeToCwd } from '@ntm/evaluation/node';
import { showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';
import { complain, say } from '../report/terminal.js';

/** `ntm check <files or folders>`: diagnostics as `file:line:col severity message`; exit 1 on errors. */
export async function checkCommand(inputs: readonly string[]): Promise<number> {
    const files = await collectFiles(inputs.length > 0 ? inputs : ['.'], ['.ntm'],
        skipped => complain(`Bỏ qua «${relativeToCwd(skipped.path)}»: ${skipped.reason}.`));
    if (files.length === 0) {
        complain(`Không tìm thấy tệp .ntm nào trong: ${inputs.join(', ') || '.'}`);
        return ExitCode.Usage;
    }
    let errors = 0;
    let warnings = 0;
    let unverified = 0;
    for (const file of files) {
        const compiled = await compilePackFile(file).catch((error: Error) => error);
        if (compiled instanceof Error) {
            // One unreadable pack must not stop the rest of the folder.
            complain(`${relativeToCwd(file)}: không kiểm tra được (${compiled.message}).`);
            errors++;
            continue;
        }
        for (const issue of compiled.issues) {
            say(showIssue(issue));
            if (issue.severity === 'error') errors++;
            if (issue.severity === 'warning') warnings++;
        }
        const shown = relativeToCwd(file);
        const listed = unverifiedThresholds(compiled.loaded.pack);
        for (const item of listed) {
            const position = `${shown}:${item.line}:${item.column}`;
            if (item.kind === 'unknown') {
                say(`${position} chưa biết ${item.where}: ${item.note ?? '(không ghi chú)'}` +
                    (item.bounds ? `; cận suy ra: ${item.bounds}${item.basis ? ` (suy từ ${item.basis})` : ''}` : '; không có cận'));
            } else {
                say(`${position} chưa kiểm chứng ${item.where}: ${item.note ?? '(không ghi nguồn)'}`);
            }
        }
        unverified += listed.length;
    }
    say(`${files.length} tệp, ${errors} lỗi, ${warnings} cảnh báo, ${unverified} ngưỡng chưa biết hoặc chưa kiểm chứng.`);
    return errors > 0 ? ExitCode.Failure : ExitCode.Success;
}
