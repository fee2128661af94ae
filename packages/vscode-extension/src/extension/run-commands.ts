import type { Disposable, OutputChannel } from 'vscode';
import { commands, ProgressLocation, Uri, window, workspace } from 'vscode';
import type { RunSamplesParams, RunSamplesResult } from '../protocol.js';
import { COMMANDS } from '../logic/command-ids.js';
import { communeDecorations, packDecorations } from '../logic/decorations.js';
import { renderRunResult } from '../logic/render.js';
import { describeRequestError, INVALID_ANSWER } from '../logic/request-errors.js';
import { isRunSamplesResult } from '../logic/run-result-guard.js';
import type { RunSamplesRequest } from '../logic/sample-runner.js';
import { normalizeUri } from '../logic/sample-runner.js';
import type { ResultDecorations } from './result-decorations.js';
import { readCommuneFileAt } from './workspace-samples.js';

/** The lens commands: run a pack's samples, or evaluate one sample commune; results go to output and decorations. */
export function registerRunCommands(request: RunSamplesRequest, output: OutputChannel, decorations: ResultDecorations): Disposable[] {
    const run = async (target: Uri, params: RunSamplesParams, title: string): Promise<void> => {
        const open = workspace.textDocuments.find(d => d.uri.toString() === target.toString());
        if (open?.isDirty) await open.save();
        const result = await window.withProgress({ location: ProgressLocation.Window, title }, async () => {
            try {
                const answer = await request(params);
                return isRunSamplesResult(answer) ? answer : INVALID_ANSWER;
            } catch (error) {
                return describeRequestError(error);
            }
        });
        output.appendLine(`${title} — ${new Date().toLocaleString('vi-VN')}`);
        if (typeof result === 'string') {
            output.appendLine(result);
            output.show(true);
            void window.showErrorMessage(result);
            return;
        }
        renderRunResult(result).forEach(line => output.appendLine(line));
        output.appendLine('');
        output.show(true);
        await decorate(result, params, decorations);
    };
    return [
        commands.registerCommand(COMMANDS.runPackSamples, async (uri?: string | Uri) => {
            const target = targetUri(uri, '.ntm');
            if (target) await run(target, { packUri: target.toString() }, `Chạy kiểm thử ${baseOf(target)}`);
        }),
        commands.registerCommand(COMMANDS.evaluateCommune, async (uri?: string | Uri) => {
            const target = targetUri(uri, '.json');
            if (target) await run(target, { communeUri: target.toString() }, `Đánh giá ${baseOf(target)}`);
        }),
        commands.registerCommand(COMMANDS.showOutput, () => output.show())
    ];
}

async function decorate(result: RunSamplesResult, params: RunSamplesParams, decorations: ResultDecorations): Promise<void> {
    if (params.packUri) {
        // The verdicts go where each indicator is written: this pack, or the base pack it builds on.
        for (const [uri, lines] of packDecorations(result)) {
            const key = workspace.textDocuments.find(d => normalizeUri(d.uri.toString()) === uri)?.uri.toString() ?? Uri.parse(uri).toString();
            decorations.set(key, lines);
        }
    }
    for (const sample of result.samples) {
        const uri = Uri.parse(sample.communeUri);
        const file = await readCommuneFileAt(uri);
        if (!file) continue;
        const key = workspace.textDocuments.find(d => normalizeUri(d.uri.toString()) === normalizeUri(sample.communeUri))?.uri.toString() ?? uri.toString();
        decorations.set(key, communeDecorations(file, sample));
    }
}

function targetUri(argument: string | Uri | undefined, extension: string): Uri | undefined {
    if (argument instanceof Uri) return argument;
    if (typeof argument === 'string') return Uri.parse(argument);
    const active = window.activeTextEditor?.document.uri;
    if (active?.path.endsWith(extension)) return active;
    void window.showWarningMessage(
        extension === '.ntm' ? 'Hãy mở một tệp bộ tiêu chí .ntm để chạy kiểm thử.' : 'Hãy mở một tệp xã mẫu .json (có «kết quả chính thức») để đánh giá.'
    );
    return undefined;
}

function baseOf(uri: Uri): string {
    return uri.path.split('/').pop() ?? uri.toString();
}
