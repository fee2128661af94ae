import type { AstNodeDescription, GrammarAST, LangiumDocument, LangiumDocuments, MaybePromise, ReferenceInfo } from 'langium';
import { AstUtils, CstUtils, GrammarAST as Grammar, GrammarUtils, TextDocument } from 'langium';
import type { CompletionAcceptor, CompletionBacktrackingInformation, CompletionContext, CompletionValueItem, LangiumServices, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CancellationToken, CompletionItem, CompletionList, CompletionParams, Position } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver';
import { isCriterion, isIndicator, isPack } from '../../generated/ast.js';
import { foldVietnamese, matchesFromStart } from '../text-matching.js';
import { COMMUNE_GROUPS, REGIONS } from '../../composition/dimensions.js';
import { phraseOf } from '../../parser/phrase-keywords.js';
import { memberKeywords, memberStart } from './member-start.js';
import { unitCandidates } from './unit-candidates.js';

/** Stands in for the pack header when only the current member is parsed for completion. */
const STAND_IN_HEADER = 'bộ tiêu chí x "x"\n';

/** What a reference candidate is, in the analyst's words. */
const KIND_DETAIL: Readonly<Record<string, string>> = {
    FactDecl: 'dữ kiện',
    Level: 'mức',
    Scale: 'thang',
    Breakdown: 'phân tổ',
    BreakdownMember: 'thành phần phân tổ',
    LegalSource: 'căn cứ',
    Criterion: 'tiêu chí',
    Indicator: 'chỉ tiêu',
    Table: 'bảng',
    Pack: 'bộ tiêu chí'
};

/**
 * Completion of keywords, names (facts, levels, decisions, labels), units, regions and commune groups. Matching ignores diacritics,
 * and the typed text is kept as the filter text, so an editor that filters on its own keeps `rác thải`
 * for `rac thai`. Labels of criteria and indicators match their quoted text too.
 */
export class NtmCompletionProvider extends DefaultCompletionProvider {
    private readonly documents: LangiumDocuments;
    private readonly memberKeywords: readonly string[];

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.memberKeywords = memberKeywords(services.Grammar);
    }

    /**
     * What may follow the text up to `offset`. Langium parses the whole text before the cursor for each
     * completion context; parsing only the current member, after a stand-in header, gives the same answer
     * and keeps completion fast in a long pack.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const text = document.getText();
        const start = memberStart(text, offset, this.memberKeywords);
        if (start === 0) return super.findFeaturesAt(document, offset);
        const local = TextDocument.create(document.uri, document.languageId, document.version, STAND_IN_HEADER + text.slice(start, offset));
        return super.findFeaturesAt(local, local.getText().length);
    }

    /** Langium lexes the whole text to find the tokens around the cursor; lexing the current member is enough. */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const start = memberStart(text, offset, this.memberKeywords);
        const found = super.backtrackToAnyToken(start === 0 ? text : text.slice(start), offset - start);
        const shift = (value: number | undefined) => (value === undefined ? undefined : value + start);
        return {
            nextTokenStart: found.nextTokenStart + start,
            nextTokenEnd: found.nextTokenEnd + start,
            previousTokenStart: shift(found.previousTokenStart),
            previousTokenEnd: shift(found.previousTokenEnd)
        };
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        // Inside quoted text or a comment the analyst is writing prose: no keywords or names there.
        if (insideTextOrComment(document, document.textDocument.offsetAt(params.position))) return { isIncomplete: false, items: [] };
        return super.getCompletion(document, params, cancelToken);
    }

    /**
     * Before Langium's own contexts, one per run of words ending at the cursor (longest first), so that a
     * phrase typed without diacritics (`chi tieu`, `ty le rac thai`) is completed and replaced as a whole.
     */
    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        const textDocument = document.textDocument;
        const offset = textDocument.offsetAt(position);
        const text = textDocument.getText();
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        const words = /(?:[\p{L}\p{M}\p{N}_]+[ \t]+){1,5}[\p{L}\p{M}\p{N}_]+$/u.exec(text.slice(lineStart, offset));
        if (words) {
            const start = lineStart + words.index;
            const starts = [...words[0].matchAll(/(?<![\p{L}\p{M}\p{N}_])[\p{L}\p{M}\p{N}_]/gu)].map(m => start + m.index!).slice(0, -1);
            const root = document.parseResult.value.$cstNode;
            for (const tokenOffset of starts) {
                const node = root ? CstUtils.findLeafNodeBeforeOffset(root, tokenOffset)?.astNode : undefined;
                yield {
                    document,
                    textDocument,
                    offset,
                    position,
                    node,
                    tokenOffset,
                    tokenEndOffset: offset,
                    features: this.findFeaturesAt(textDocument, tokenOffset)
                };
            }
        }
        yield* super.buildContexts(document, position);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, Grammar.isParserRule)?.name;
        if (rule === 'Unit' || rule === 'UnitPart') {
            for (const unit of unitCandidates(this.documents)) {
                acceptor(context, { label: unit, kind: CompletionItemKind.Unit, detail: 'đơn vị', sortText: '0' });
            }
            return;
        }
        const property = AstUtils.getContainerOfType(next.feature, Grammar.isAssignment)?.feature;
        if (property === 'region') {
            for (const [code, name] of REGIONS) {
                acceptor(context, { label: code, kind: CompletionItemKind.EnumMember, detail: name, sortText: '0', data: { matchText: name } });
            }
            return;
        }
        if (property === 'group') {
            for (const group of COMMUNE_GROUPS) {
                acceptor(context, { label: String(group), kind: CompletionItemKind.EnumMember, detail: `nhóm xã ${group}`, sortText: '0' });
            }
            return;
        }
        if (rule === 'Label') {
            const label = nextLabel(context);
            if (label) acceptor(context, { label, kind: CompletionItemKind.Value, detail: 'mã tiếp theo', sortText: '0' });
            return;
        }
        // Langium offers keywords only; a phrase keyword is a terminal (grammar/phrases.langium), offered the same way.
        const phrase = Grammar.isRuleCall(next.feature) ? phraseOf(next.feature.rule.ref) : undefined;
        if (phrase !== undefined) return this.acceptKeyword(context, phrase, acceptor);
        return super.completionFor(context, next, acceptor);
    }

    /**
     * Langium takes the node before the cursor as the owner of the reference being completed. After a
     * half-typed `căn cứ` or `thêm vào tiêu chí` that node is the indicator, criterion or pack around it,
     * which has no such reference, and the scope lookup throws (no names offered): the owner is then a
     * new node of the type the grammar gives the reference.
     */
    protected override completionForCrossReference(
        context: CompletionContext,
        next: NextFeature<GrammarAST.CrossReference>,
        acceptor: CompletionAcceptor
    ): MaybePromise<void> {
        const property = AstUtils.getContainerOfType(next.feature, Grammar.isAssignment)?.feature;
        const node = context.node;
        if (next.type || !property || !node || this.astReflection.getTypeMetaData(node.$type).properties[property]?.referenceType) {
            return super.completionForCrossReference(context, next, acceptor);
        }
        return super.completionForCrossReference(context, { ...next, type: ownerTypeOf(next.feature) }, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        this.acceptKeyword(context, keyword.value, acceptor);
    }

    private acceptKeyword(context: CompletionContext, keyword: string, acceptor: CompletionAcceptor): void {
        acceptor(context, { label: keyword, kind: CompletionItemKind.Keyword, detail: 'từ khóa', sortText: '1' });
    }

    /** Without Langium's documentation lookup per candidate (a comment search each): the detail says what it is. */
    protected override createReferenceCompletionItem(
        description: AstNodeDescription,
        _refInfo: ReferenceInfo,
        _context: CompletionContext
    ): CompletionValueItem {
        const node = description.node;
        const text = isIndicator(node) ? node.text : isCriterion(node) ? node.title : undefined;
        return {
            nodeDescription: description,
            kind: this.nodeKindProvider.getCompletionItemKind(description),
            sortText: '0',
            detail: text ?? KIND_DETAIL[description.type] ?? description.type,
            data: { matchText: text }
        };
    }

    protected override fillCompletionItem(context: CompletionContext, item: CompletionValueItem): CompletionItem | undefined {
        const label = typeof item.label === 'string' ? item.label : 'nodeDescription' in item ? item.nodeDescription.name : undefined;
        if (label === undefined) return undefined;
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        const matchText = (item.data as { matchText?: string } | undefined)?.matchText;
        // A keyword must be typed from its first word; a name may be found by any of its words.
        const matches =
            item.kind === CompletionItemKind.Keyword
                ? matchesFromStart(typed, label)
                : this.fuzzyMatcher.match(typed, label) || (matchText !== undefined && this.fuzzyMatcher.match(typed, matchText));
        if (!matches) return undefined;
        const textEdit = { newText: label, range: { start: context.textDocument.positionAt(context.tokenOffset), end: context.position } };
        const completion = super.fillCompletionItem(context, { ...item, label, textEdit });
        if (!completion) return undefined;
        // Editors filter the list again on the typed text; without diacritics that text would match nothing.
        return { ...completion, filterText: typed.trim().length > 0 ? typed : undefined, data: undefined };
    }
}

/** The AST type that holds a cross-reference: the action's type (`{infer AddIndicator}`) or the rule's. */
function ownerTypeOf(reference: GrammarAST.CrossReference): string | undefined {
    const action = GrammarUtils.getActionAtElement(reference);
    if (action) return GrammarUtils.getActionType(action);
    const rule = AstUtils.getContainerOfType(reference, Grammar.isParserRule);
    return rule ? GrammarUtils.getTypeName(rule) : undefined;
}

/** The next free label after `tiêu chí` (a number) or `chỉ tiêu` inside a criterion (`17.12`). */
function nextLabel(context: CompletionContext): string | undefined {
    const before = foldVietnamese(context.textDocument.getText().slice(Math.max(0, context.tokenOffset - 40), context.tokenOffset));
    const node = context.node;
    if (/chi tieu\s*$/u.test(before)) {
        const criterion = node ? (isCriterion(node) ? node : AstUtils.getContainerOfType(node, isCriterion)) : undefined;
        if (!criterion || criterion.label === undefined) return undefined;
        const used = criterion.indicators.map(i => Number(String(i.label).split('.')[1])).filter(n => Number.isInteger(n));
        return `${criterion.label}.${Math.max(0, ...used) + 1}`;
    }
    if (/tieu chi\s*$/u.test(before)) {
        const pack = node ? AstUtils.getContainerOfType(node, isPack) : undefined;
        const used =
            pack?.members
                .filter(isCriterion)
                .map(c => Number(c.label))
                .filter(n => Number.isInteger(n)) ?? [];
        return String(Math.max(0, ...used) + 1);
    }
    return undefined;
}

/** Whether the cursor is inside a string or a comment (right after a closing quote does not count). */
function insideTextOrComment(document: LangiumDocument, offset: number): boolean {
    const root = document.parseResult.value.$cstNode;
    if (!root || offset === 0) return false;
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset - 1);
    if (!leaf || leaf.offset >= offset) return false;
    const text = leaf.text;
    if (leaf.hidden) return text.startsWith('//') || (text.startsWith('/*') && (offset < leaf.end || !text.endsWith('*/')));
    const isString = text.startsWith('"');
    return isString && (offset < leaf.end || text.length === 1 || !text.endsWith('"'));
}
