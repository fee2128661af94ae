import type { Disposable, TextEditor, TextEditorDecorationType } from 'vscode';
import { MarkdownString, Range, ThemeColor, window, workspace } from 'vscode';
import type { DecorationKind, LineDecoration } from '../logic/decorations.js';

const COLORS: Record<DecorationKind, string> = {
    pass: 'testing.iconPassed',
    known: 'testing.iconQueued',
    fail: 'testing.iconFailed'
};

/** Shows run results at the end of lines; they stay until the document is edited or run again. */
export class ResultDecorations implements Disposable {
    private readonly types = new Map<DecorationKind, TextEditorDecorationType>();
    private readonly byUri = new Map<string, readonly LineDecoration[]>();
    private readonly subscriptions: Disposable[] = [];

    constructor() {
        for (const kind of Object.keys(COLORS) as DecorationKind[]) {
            this.types.set(
                kind,
                window.createTextEditorDecorationType({
                    after: { margin: '0 0 0 2em', color: new ThemeColor(COLORS[kind]) }
                })
            );
        }
        this.subscriptions.push(
            window.onDidChangeVisibleTextEditors(editors => editors.forEach(editor => this.apply(editor))),
            workspace.onDidChangeTextDocument(event => {
                if (event.contentChanges.length > 0 && this.byUri.delete(event.document.uri.toString())) {
                    window.visibleTextEditors.filter(e => e.document === event.document).forEach(e => this.apply(e));
                }
            })
        );
    }

    set(uri: string, decorations: readonly LineDecoration[]): void {
        this.byUri.set(uri, decorations);
        window.visibleTextEditors.filter(e => e.document.uri.toString() === uri).forEach(e => this.apply(e));
    }

    private apply(editor: TextEditor): void {
        const decorations = this.byUri.get(editor.document.uri.toString()) ?? [];
        for (const [kind, type] of this.types) {
            editor.setDecorations(
                type,
                decorations
                    .filter(d => d.kind === kind && d.line < editor.document.lineCount)
                    .map(d => {
                        const end = editor.document.lineAt(d.line).range.end;
                        return {
                            range: new Range(end, end),
                            hoverMessage: new MarkdownString(d.hover),
                            renderOptions: { after: { contentText: d.text } }
                        };
                    })
            );
        }
    }

    dispose(): void {
        this.subscriptions.forEach(s => s.dispose());
        this.types.forEach(t => t.dispose());
    }
}
