import type { AstNode, LangiumDocument, NameProvider, Reference, References, ScopeProvider } from 'langium';
import { DocumentValidator } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { isFactDecl } from '../../generated/ast.js';
import type { NtmServices } from '../../ntm-module.js';
import { languageKeywords } from '../../parser/phrase-keywords.js';
import { LOOK_ALIKE_LETTERS } from '../../util/vietnamese-text.js';
import { IssueCodes } from '../../validation/issue-codes.js';
import { nodeAtOffset } from '../node-at-offset.js';
import { closestNames } from '../text-matching.js';
import { keywordCaseFixes } from './keyword-case-fixes.js';
import { action } from './quick-fix.js';
import { curlyQuoteFixes } from './quote-fixes.js';
import { unitFixes } from './unit-fixes.js';

/**
 * Quick fixes where the fix is clear: a misspelt name (the closest declared names, ignoring diacritics and
 * look-alike letters), a name with look-alike letters (fixed at its declaration and every use), a
 * number written with a thousands dot, a threshold in another unit than its fact's (`unit-fixes.ts`), curly
 * quotes pasted from a document (`quote-fixes.ts`) and a keyword pasted in another case
 * (`keyword-case-fixes.ts`). A decimal comma needs no fix: `98,5` is read as 98.5.
 */
export class NtmCodeActionProvider implements CodeActionProvider {
    private readonly scopes: ScopeProvider;
    private readonly references: References;
    private readonly names: NameProvider;
    private readonly services: LangiumServices & Pick<NtmServices, 'typing'>;
    private keywords: readonly string[] | undefined;

    constructor(services: LangiumServices & Pick<NtmServices, 'typing'>) {
        this.services = services;
        this.scopes = services.references.ScopeProvider;
        this.references = services.references.References;
        this.names = services.references.NameProvider;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        return params.context.diagnostics.flatMap(diagnostic => this.fixesFor(document, diagnostic));
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const code = (diagnostic.data as { code?: unknown } | undefined)?.code ?? diagnostic.code;
        switch (code) {
            case DocumentValidator.LinkingError:
                return this.misspeltName(document, diagnostic);
            case IssueCodes.LookAlikeCharacter:
                return this.lookAlike(document, diagnostic);
            case IssueCodes.ThousandsDot:
                return thousandsDot(document, diagnostic);
            case IssueCodes.UnitMismatch:
                return unitFixes(this.services, document, diagnostic);
            case DocumentValidator.LexingError:
                return curlyQuoteFixes(document, diagnostic);
            case DocumentValidator.ParsingError:
                return keywordCaseFixes((this.keywords ??= languageKeywords(this.services.Grammar)), document, diagnostic);
            default:
                return [];
        }
    }

    private misspeltName(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const found = document.references.find(r => r.$refNode && sameRange(r.$refNode.range, diagnostic.range));
        const container = found?.$refNode?.astNode;
        const property = (diagnostic.data as { property?: string } | undefined)?.property;
        if (!found || !container || !property) return [];
        const candidates = this.scopes
            .getScope({ reference: found as Reference, container, property })
            .getAllElements()
            .map(d => d.name);
        return closestNames(found.$refText, candidates).map((name, i) =>
            action(`Sửa thành «${name}»`, diagnostic, { [document.uri.toString()]: [{ range: diagnostic.range, newText: name }] }, i === 0)
        );
    }

    private lookAlike(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const declaration = nodeAtOffset(document, document.textDocument.offsetAt(diagnostic.range.start))?.node;
        const name = declaration ? this.names.getName(declaration) : undefined;
        if (!declaration || !name) return [];
        const fixed = [...name].map(char => LOOK_ALIKE_LETTERS.get(char) ?? char).join('');
        const taken = isFactDecl(declaration) && declaration.$container.members.some(m => m !== declaration && (m as { name?: unknown }).name === fixed);
        if (fixed === name || taken) return [];
        const changes: Record<string, TextEdit[]> = {};
        for (const reference of this.references.findReferences(declaration as AstNode, { includeDeclaration: true })) {
            (changes[reference.sourceUri.toString()] ??= []).push({ range: reference.segment.range, newText: fixed });
        }
        return [action(`Sửa tên thành «${fixed}» (ở khai báo và mọi chỗ dùng)`, diagnostic, changes, true)];
    }
}

function thousandsDot(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const text = document.textDocument.getText(diagnostic.range);
    const digits = /^\d{1,3}\.\d{3}/u.exec(text)?.[0];
    if (!digits) return [];
    const at = { start: diagnostic.range.start, end: document.textDocument.positionAt(document.textDocument.offsetAt(diagnostic.range.start) + digits.length) };
    const uri = document.uri.toString();
    return [
        action(
            `Viết ${digits.replace('.', '')} (dấu chấm là phân cách hàng nghìn)`,
            diagnostic,
            { [uri]: [{ range: at, newText: digits.replace('.', '') }] },
            false
        ),
        action(`Viết ${digits.replace('.', ',')} (số thập phân)`, diagnostic, { [uri]: [{ range: at, newText: digits.replace('.', ',') }] }, false)
    ];
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
