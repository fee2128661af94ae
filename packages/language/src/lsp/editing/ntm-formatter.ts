import type { CstNode, LangiumDocument } from 'langium';
import { CstUtils, GrammarAST } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentRangeFormattingParams, Range, TextEdit } from 'vscode-languageserver';
import { lineDepth } from './line-roles.js';

const COMPARE_OPERATORS = new Set(['>=', '≥', '<=', '≤', '=', '<', '>', '≠']);

/**
 * A conservative formatter that keeps the analyst's layout: it indents the lines that start a
 * declaration, an indicator or an indicator's rule by the pack's own indentation step, moves continuation
 * lines along with the line they continue, puts one space between words and around comparison operators,
 * and removes trailing blanks. It never joins or splits lines, never touches comments or text in quotes,
 * and leaves a pack with syntax errors alone.
 */
export class NtmFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const { start, end } = params.range;
        return this.edits(document).filter(edit => edit.range.start.line >= start.line && edit.range.end.line <= end.line);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): undefined {
        return undefined;
    }

    private edits(document: LangiumDocument): TextEdit[] {
        const result = document.parseResult;
        const root = result.value.$cstNode;
        if (!root || result.lexerErrors.length > 0 || result.parserErrors.length > 0) return [];
        const lines = document.textDocument.getText().split(/\r\n|\r|\n/u);
        const leaves = CstUtils.flattenCst(root).toArray();
        const firstOnLine = new Map<number, CstNode>();
        for (const leaf of leaves) {
            const line = leaf.range.start.line;
            if (!firstOnLine.has(line)) firstOnLine.set(line, leaf);
        }
        const step = indentStep(lines, firstOnLine);
        const edits: TextEdit[] = [];
        let shift = 0;
        for (const [line, first] of [...firstOnLine].sort((a, b) => a[0] - b[0])) {
            const text = lines[line] ?? '';
            const current = /^[ \t]*/u.exec(text)![0];
            if (first.hidden || first.range.start.character !== current.length) continue;
            const depth = lineDepth(first);
            const wanted = depth !== undefined ? step.repeat(depth) : ' '.repeat(Math.max(0, width(current) + shift));
            if (depth !== undefined) shift = width(wanted) - width(current);
            if (wanted !== current) edits.push(replace(line, 0, current.length, wanted));
        }
        edits.push(...this.spacing(leaves, lines));
        return edits;
    }

    /** One space between tokens on a line (not before a comment, which may be aligned) and around operators. */
    private spacing(leaves: readonly CstNode[], lines: readonly string[]): TextEdit[] {
        const edits: TextEdit[] = [];
        const visible = leaves.filter(leaf => !leaf.hidden || leaf.text.startsWith('//') || leaf.text.startsWith('/*'));
        for (let i = 1; i < visible.length; i++) {
            const previous = visible[i - 1]!;
            const next = visible[i]!;
            if (previous.range.end.line !== next.range.start.line || next.hidden || previous.hidden) continue;
            const gap = next.offset - previous.end;
            const aroundOperator = isCompareOperator(previous) || isCompareOperator(next);
            const missingAroundOperator = gap === 0 && aroundOperator && !isOpening(previous) && !isClosing(next);
            if (gap > 1 || missingAroundOperator) {
                edits.push(replace(previous.range.end.line, previous.range.end.character, next.range.start.character, ' '));
            }
        }
        lines.forEach((text, line) => {
            const trailing = /[ \t]+$/u.exec(text);
            if (trailing && !insideToken(leaves, line, trailing.index)) edits.push(replace(line, trailing.index, text.length, ''));
        });
        return edits;
    }
}

function isCompareOperator(leaf: CstNode): boolean {
    return GrammarAST.isKeyword(leaf.grammarSource) && COMPARE_OPERATORS.has(leaf.grammarSource.value) && leaf.astNode.$type === 'Comparison';
}

function isOpening(leaf: CstNode): boolean {
    return leaf.text === '(';
}

function isClosing(leaf: CstNode): boolean {
    return leaf.text === ')';
}

/** Whether a position lies inside a token spanning several lines (a string or block comment). */
function insideToken(leaves: readonly CstNode[], line: number, character: number): boolean {
    return leaves.some(
        leaf =>
            (leaf.range.start.line < line && leaf.range.end.line >= line) ||
            (leaf.range.start.line === line && leaf.range.end.line > line && leaf.range.start.character <= character)
    );
}

/** The pack's own indentation step: that of its first indented header or indicator line, else two spaces. */
function indentStep(lines: readonly string[], firstOnLine: ReadonlyMap<number, CstNode>): string {
    for (const [line, first] of firstOnLine) {
        if (!first.hidden && lineDepth(first) === 1) {
            const indentation = /^[ \t]*/u.exec(lines[line] ?? '')![0];
            if (indentation.length > 0) return indentation.startsWith('\t') ? '\t' : indentation;
        }
    }
    return '  ';
}

function width(indentation: string): number {
    return indentation.replace(/\t/gu, '    ').length;
}

function replace(line: number, from: number, to: number, newText: string): TextEdit {
    const range: Range = { start: { line, character: from }, end: { line, character: to } };
    return { range, newText };
}
