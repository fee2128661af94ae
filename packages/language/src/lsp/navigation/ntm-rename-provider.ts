import type { GrammarAST, LangiumDocument, NameProvider, References } from 'langium';
import { AstUtils, GrammarAST as Grammar } from 'langium';
import type { LangiumServices, RenameProvider } from 'langium/lsp';
import type { Range, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import type { FactDecl } from '../../generated/ast.js';
import { isFactDecl, isPack } from '../../generated/ast.js';
import { normalizeName } from '../../util/vietnamese-text.js';
import { nodeAtOffset, targetOf } from '../node-at-offset.js';

/** Renames a fact (dữ kiện) at its declaration and every use, in every open pack. */
export class NtmRenameProvider implements RenameProvider {
    private readonly references: References;
    private readonly names: NameProvider;
    private readonly services: LangiumServices;

    constructor(services: LangiumServices) {
        this.services = services;
        this.references = services.references.References;
        this.names = services.references.NameProvider;
    }

    prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        return this.factAt(document, params)?.range;
    }

    rename(document: LangiumDocument, params: RenameParams): WorkspaceEdit | undefined {
        const found = this.factAt(document, params);
        if (!found) return undefined;
        const newName = normalizeName(params.newName);
        const problem = this.nameProblem(newName, found.fact);
        if (problem) throw new ResponseError(-32602, problem);
        const changes: Record<string, TextEdit[]> = {};
        for (const reference of this.references.findReferences(found.fact, { includeDeclaration: true })) {
            (changes[reference.sourceUri.toString()] ??= []).push({ range: reference.segment.range, newText: newName });
        }
        return { changes };
    }

    private factAt(document: LangiumDocument, params: TextDocumentPositionParams): { fact: FactDecl; range: Range } | undefined {
        const found = nodeAtOffset(document, document.textDocument.offsetAt(params.position));
        if (!found) return undefined;
        if (isFactDecl(found.target)) {
            const reference = AstUtils.streamReferences(found.node).find(r => targetOf(r.reference) === found.target)?.reference.$refNode;
            return reference ? { fact: found.target, range: reference.range } : undefined;
        }
        const nameNode = isFactDecl(found.node) ? this.names.getNameNode(found.node) : undefined;
        if (isFactDecl(found.node) && nameNode && nameNode.offset <= found.leaf.offset && found.leaf.end <= nameNode.end) {
            return { fact: found.node, range: nameNode.range };
        }
        return undefined;
    }

    /** A new name must read as a name (words, no keyword such as «có» or «và») and be free in its pack. */
    private nameProblem(name: string, fact: FactDecl): string | undefined {
        if (name.length === 0) return 'Tên mới không được để trống.';
        const lexed = this.services.parser.Lexer.tokenize(name);
        const words = wordTokens(this.services.Grammar);
        const bad = lexed.tokens.find((token, i) => !(words.has(token.tokenType.name) || (i > 0 && token.tokenType.name === 'NUMBER')));
        if (lexed.errors.length > 0 || bad) {
            return `Tên mới «${name}» không dùng được: ${bad ? `«${bad.image}» là từ khóa hoặc ký hiệu` : 'có ký tự không hợp lệ'}; tên chỉ gồm các từ (và số sau từ đầu tiên).`;
        }
        const pack = AstUtils.getContainerOfType(fact, isPack);
        const taken = pack?.members.some(m => m !== fact && (m as { name?: unknown }).name === name);
        return taken ? `Tên «${name}» đã được khai báo trong bộ tiêu chí.` : undefined;
    }
}

/** Token types a name may be made of: those of the grammar's `Word` rule (ID and the soft keywords). */
function wordTokens(grammar: GrammarAST.Grammar): Set<string> {
    const rule = grammar.rules.find(r => r.name === 'Word');
    const names = new Set<string>(['ID']);
    if (rule && Grammar.isParserRule(rule)) {
        for (const node of AstUtils.streamAllContents(rule)) {
            if (Grammar.isKeyword(node)) names.add(node.value);
        }
    }
    return names;
}
