import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';

/** A quick fix that edits documents: `changes` by document URI. */
export function action(title: string, diagnostic: Diagnostic, changes: Record<string, TextEdit[]>, isPreferred: boolean): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes } };
}

/** A quick fix that replaces one range of one document. */
export function replaceAction(title: string, diagnostic: Diagnostic, uri: string, range: Range, newText: string, isPreferred: boolean): CodeAction {
    return action(title, diagnostic, { [uri]: [{ range, newText }] }, isPreferred);
}
