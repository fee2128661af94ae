import { checkPackFiles, collectFiles, distinctThresholds, relativeToCwd } from '@ntm/evaluation/node';
import { issueJson, showIssue } from '../report/issues.js';
import { sayJsonFailure } from '../report/json-output.js';
import { ExitCode } from '../util/exit-codes.js';
import { emptyInput } from '../util/inputs.js';
import { complain, say, sayJson } from '../report/terminal.js';

/**
 * `ntm check <files or folders>`: diagnostics as `file:line:col severity message`, then every unknown or
 * unverified threshold a pack relies on, its own and those it inherits; exit 1 on errors.
 */
export async function checkCommand(inputs: readonly string[], options: { json?: boolean } = {}): Promise<number> {
    const fail = (code: string, message: string) => {
        if (options.json) sayJsonFailure(code, message);
        else complain(message);
        return ExitCode.Usage;
    };
    const empty = emptyInput(inputs);
    if (empty) return fail('input', empty);
    const skipped: string[] = [];
    const files = await collectFiles(inputs.length > 0 ? inputs : ['.'], ['.ntm'], entry =>
        skipped.push(`Bỏ qua «${relativeToCwd(entry.path)}»: ${entry.reason}.`)
    );
    if (files.length === 0) return fail('no-input', `Không tìm thấy tệp .ntm nào trong: ${inputs.join(', ') || '.'}`);
    const checked = await checkPackFiles(files);
    const count = (severity: string) => checked.reduce((n, c) => n + c.issues.filter(i => i.severity === severity).length, 0);
    const errors = count('error') + checked.filter(c => c.failure).length;
    const summary = { files: files.length, errors, warnings: count('warning'), thresholds: distinctThresholds(checked) };
    if (options.json) {
        sayJson({
            ok: errors === 0,
            skipped,
            summary,
            packs: checked.map(c => ({
                file: relativeToCwd(c.file),
                ...(c.failure ? { failure: c.failure } : {}),
                issues: c.issues.map(issueJson),
                thresholds: c.thresholds.map(({ inheritedFrom, ...t }) => ({ ...t, inherited: inheritedFrom !== undefined })),
                ownThresholds: c.thresholds.filter(t => !t.inheritedFrom).length,
                inheritedThresholds: c.thresholds.filter(t => t.inheritedFrom).length
            }))
        });
        return errors > 0 ? ExitCode.Failure : ExitCode.Success;
    }
    complain(...skipped);
    for (const pack of checked) {
        if (pack.failure) complain(`${relativeToCwd(pack.file)}: không kiểm tra được (${pack.failure}).`);
        say(...pack.issues.map(showIssue), ...pack.thresholds.map(t => t.text));
        const inherited = pack.thresholds.filter(t => t.inheritedFrom).length;
        if (inherited > 0)
            say(
                `${relativeToCwd(pack.file)}: ${pack.thresholds.length} ngưỡng chưa biết hoặc chưa kiểm chứng (${pack.thresholds.length - inherited} của chính bộ này, ${inherited} kế thừa từ bộ gốc).`
            );
    }
    say(`${summary.files} tệp, ${summary.errors} lỗi, ${summary.warnings} cảnh báo, ${summary.thresholds} ngưỡng chưa biết hoặc chưa kiểm chứng.`);
    return errors > 0 ? ExitCode.Failure : ExitCode.Success;
}
