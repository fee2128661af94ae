import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { action } from './quick-fix.js';

/** Curly quotes, as a word processor or a PDF puts them around text, that the language does not read. */
const CURLY_QUOTES = new Set(['“', '”', '‘', '’', '„', '‟']);

/**
 * Text pasted from a decision comes with curly quotes («“Môi trường”»), which the lexer refuses one by one.
 * The fix straightens every curly quote the lexer refused in the file at once: fixing only one would turn the
 * rest of the line into an unfinished string. Curly quotes inside a string (`"… “sạch” …"`) are text and stay.
 */
export function curlyQuoteFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const text = document.textDocument;
    const here = text.getText(diagnostic.range);
    if (!CURLY_QUOTES.has(here)) return [];
    const content = text.getText();
    const refused = document.parseResult.lexerErrors
        .flatMap(error => [...content.slice(error.offset, error.offset + error.length)].map((char, i) => ({ char, offset: error.offset + i })))
        .filter(({ char }) => CURLY_QUOTES.has(char));
    const edits: TextEdit[] = refused.map(({ offset }) => ({ range: { start: text.positionAt(offset), end: text.positionAt(offset + 1) }, newText: '"' }));
    if (edits.length === 0) return [];
    const title = edits.length === 1 ? `Thay «${here}» bằng ngoặc kép thẳng «"»` : `Thay ${edits.length} ngoặc cong trong tệp bằng ngoặc kép thẳng «"»`;
    return [action(title, diagnostic, { [document.uri.toString()]: edits }, true)];
}
