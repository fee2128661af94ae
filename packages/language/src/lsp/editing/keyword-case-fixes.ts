import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { replaceAction } from './quick-fix.js';

/**
 * A keyword pasted in another case (`Tiêu chí`, `CHỈ TIÊU`, `Và`): the language's keywords are lower case,
 * so the parser stops at it. Offered where the parser reports an error: the longest keyword the text there
 * spells, ignoring case and with any blanks between its words, written as the language writes it.
 */
export function keywordCaseFixes(keywords: readonly string[], document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const text = document.textDocument;
    const from = text.offsetAt(diagnostic.range.start);
    const rest = text
        .getText()
        .slice(from, from + 80)
        .normalize('NFC');
    let best: { keyword: string; written: string } | undefined;
    for (const keyword of keywords) {
        if (!/^\p{L}/u.test(keyword) || (best && best.keyword.length >= keyword.length)) continue;
        const pattern = new RegExp(`^${keyword.split(' ').map(escapeRegExp).join('[ \\t]+')}(?![\\p{L}\\p{M}\\p{N}_])`, 'iu');
        const written = pattern.exec(rest)?.[0];
        if (written && written !== keyword && written.toLowerCase() !== written) best = { keyword, written };
    }
    if (!best) return [];
    // The text may be in NFD: replace as many characters as the keyword takes there.
    const length = lengthInOriginal(text.getText().slice(from), best.written);
    const range = { start: diagnostic.range.start, end: text.positionAt(from + length) };
    return [replaceAction(`Viết từ khóa chữ thường: «${best.keyword}»`, diagnostic, document.uri.toString(), range, best.keyword, true)];
}

function escapeRegExp(word: string): string {
    return word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** How many characters of `original` (NFC or NFD) make up `nfc`, its NFC prefix. */
function lengthInOriginal(original: string, nfc: string): number {
    for (let n = nfc.length; n <= original.length; n++) {
        if (original.slice(0, n).normalize('NFC') === nfc) return n;
    }
    return nfc.length;
}
