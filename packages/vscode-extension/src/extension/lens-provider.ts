import type { CodeLensProvider, Event } from 'vscode';
import { CodeLens, EventEmitter, Range } from 'vscode';
import { lensesFor } from '../logic/lenses.js';

/** Shows the lenses computed by `lensesFor` (pure logic) in the editor. */
export class NtmLensProvider implements CodeLensProvider {
    private readonly changed = new EventEmitter<void>();
    readonly onDidChangeCodeLenses: Event<void> = this.changed.event;

    provideCodeLenses(document: { uri: { toString(): string }; languageId: string; getText(): string }): CodeLens[] {
        return lensesFor({ uri: document.uri.toString(), languageId: document.languageId, text: document.getText() }).map(
            lens =>
                new CodeLens(new Range(lens.line, 0, lens.line, 0), {
                    title: lens.title,
                    tooltip: lens.tooltip,
                    command: lens.command
                })
        );
    }

    refresh(): void {
        this.changed.fire();
    }
}
