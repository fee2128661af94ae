import type { ExtensionContext } from 'vscode';
import { languages, window, workspace } from 'vscode';
import { NtmLensProvider } from './lens-provider.js';
import type { NtmServer } from './language-client.js';
import { startServer } from './language-client.js';
import { ResultDecorations } from './result-decorations.js';
import { registerRunCommands } from './run-commands.js';
import { SampleTestExplorer } from './test-explorer.js';

let server: NtmServer | undefined;

/**
 * Wires the extension: the language server (all language features), code lenses, run commands,
 * result decorations and the Test Explorer. The logic behind each lives in `../logic` (no `vscode`).
 */
export function activate(context: ExtensionContext): void {
    const output = window.createOutputChannel('NTM');
    server = startServer(context, output);
    const request = server.request;
    const decorations = new ResultDecorations();
    const lenses = new NtmLensProvider();
    context.subscriptions.push(
        output,
        decorations,
        languages.registerCodeLensProvider([{ language: 'ntm' }, { language: 'json', pattern: '**/*.json' }], lenses),
        workspace.onDidChangeTextDocument(event => {
            if (event.document.languageId === 'json') lenses.refresh();
        }),
        ...registerRunCommands(request, output, decorations),
        new SampleTestExplorer(request, lines => lines.forEach(line => output.appendLine(line)))
    );
}

export async function deactivate(): Promise<void> {
    await server?.stop();
}
