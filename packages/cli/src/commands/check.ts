import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileIssue, UnverifiedThreshold } from '@ntm/evaluation';
import { inheritedThresholds, unverifiedThresholds } from '@ntm/evaluation';
import { collectFiles, compilePackFile, relativeToCwd } from '@ntm/evaluation/node';
import { issueJson, showIssue } from '../report/issues.js';
import { sayJsonFailure } from '../report/json-output.js';
import { ExitCode } from '../util/exit-codes.js';
import { emptyInput } from '../util/inputs.js';
import { complain, say, sayJson } from '../report/terminal.js';

export interface CheckOptions { json?: boolean }

interface CheckedPack {
    readonly file: string;
    readonly issues: readonly FileIssue[];
    /** Its own thresholds (in `file`) and those it inherits (each in the base file that writes it). */
    readonly thresholds: readonly (UnverifiedThreshold & { readonly shownFile: string })[];
    readonly failure?: string;
}

function thresholdLine(item: UnverifiedThreshold & { readonly shownFile: string }): string {
    const position = `${item.shownFile}:${item.line}:${item.column}`;
    const inherited = item.inheritedFrom ? ' [kế thừa từ bộ gốc]' : '';
    if (item.kind === 'unknown') {
        return `${position} chưa biết ${item.where}: ${item.note ?? '(không ghi chú)'}` +
            (item.bounds ? `; cận suy ra: ${item.bounds}${item.basis ? ` (suy từ ${item.basis})` : ''}` : '; không có cận') + inherited;
    }
    return `${position} chưa kiểm chứng ${item.where}: ${item.note ?? '(không ghi nguồn)'}${inherited}`;
}

/**
 * `ntm check <files or folders>`: diagnostics as `file:line:col severity message`, then every unknown or
 * unverified threshold a pack relies on, its own and those it inherits from its base; exit 1 on errors.
 */
export async function checkCommand(inputs: readonly string[], options: CheckOptions = {}): Promise<number> {
    const empty = emptyInput(inputs);
    if (empty) {
        if (options.json) sayJsonFailure('input', empty);
        else complain(empty);
        return ExitCode.Usage;
    }
    const skipped: string[] = [];
    const files = await collectFiles(inputs.length > 0 ? inputs : ['.'], ['.ntm'],
        entry => skipped.push(`Bỏ qua «${relativeToCwd(entry.path)}»: ${entry.reason}.`));
    if (!options.json) for (const line of skipped) complain(line);
    if (files.length === 0) {
        const message = `Không tìm thấy tệp .ntm nào trong: ${inputs.join(', ') || '.'}`;
        if (options.json) sayJsonFailure('no-input', message);
        else complain(message);
        return ExitCode.Usage;
    }
    const checked: CheckedPack[] = [];
    for (const file of files) {
        const compiled = await compilePackFile(file).catch((error: Error) => error);
        if (compiled instanceof Error) {
            // One unreadable pack must not stop the rest of the folder.
            checked.push({ file, issues: [], thresholds: [], failure: compiled.message });
            continue;
        }
        const shown = relativeToCwd(file);
        const own = unverifiedThresholds(compiled.loaded.pack).map(t => ({ ...t, shownFile: shown }));
        const inherited = compiled.effective
            ? inheritedThresholds(compiled.effective).map(t => ({ ...t, shownFile: relativeToCwd(fileURLToPath(t.inheritedFrom!)) }))
            : [];
        checked.push({ file, issues: compiled.issues, thresholds: [...own, ...inherited] });
    }
    const errors = checked.reduce((n, c) => n + c.issues.filter(i => i.severity === 'error').length + (c.failure ? 1 : 0), 0);
    const warnings = checked.reduce((n, c) => n + c.issues.filter(i => i.severity === 'warning').length, 0);
    // A threshold a base pack writes counts once, however many checked packs rely on it.
    const distinct = new Set(checked.flatMap(c => c.thresholds.map(t =>
        `${path.resolve(t.inheritedFrom ? fileURLToPath(t.inheritedFrom) : c.file)}:${t.line}:${t.column}`)));
    if (options.json) {
        sayJson({
            ok: errors === 0,
            packs: checked.map(c => ({
                file: relativeToCwd(c.file),
                ...(c.failure ? { failure: c.failure } : {}),
                issues: c.issues.map(issueJson),
                thresholds: c.thresholds.map(({ shownFile, inheritedFrom, ...t }) => ({ file: shownFile, ...t, inherited: inheritedFrom !== undefined, text: thresholdLine({ shownFile, inheritedFrom, ...t }) })),
                ownThresholds: c.thresholds.filter(t => !t.inheritedFrom).length,
                inheritedThresholds: c.thresholds.filter(t => t.inheritedFrom).length
            })),
            skipped,
            summary: { files: files.length, errors, warnings, thresholds: distinct.size }
        });
        return errors > 0 ? ExitCode.Failure : ExitCode.Success;
    }
    for (const pack of checked) {
        if (pack.failure) {
            complain(`${relativeToCwd(pack.file)}: không kiểm tra được (${pack.failure}).`);
            continue;
        }
        for (const issue of pack.issues) say(showIssue(issue));
        for (const item of pack.thresholds) say(thresholdLine(item));
        const inherited = pack.thresholds.filter(t => t.inheritedFrom).length;
        if (inherited > 0) {
            say(`${relativeToCwd(pack.file)}: ${pack.thresholds.length} ngưỡng chưa biết hoặc chưa kiểm chứng (${pack.thresholds.length - inherited} của chính bộ này, ${inherited} kế thừa từ bộ gốc).`);
        }
    }
    say(`${files.length} tệp, ${errors} lỗi, ${warnings} cảnh báo, ${distinct.size} ngưỡng chưa biết hoặc chưa kiểm chứng.`);
    return errors > 0 ? ExitCode.Failure : ExitCode.Success;
}
