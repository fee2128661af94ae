import type { AstNodeDescription, GrammarAST, LangiumDocuments, MaybePromise, ReferenceInfo } from 'langium';
import { AstUtils, GrammarAST as Grammar } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionValueItem, LangiumServices, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver';
import { isCriterion, isIndicator, isPack } from '../../generated/ast.js';
import { unitCandidates } from './unit-candidates.js';

/** What a reference candidate is, in the analyst's words. */
const KIND_DETAIL: Readonly<Record<string, string>> = {
    FactDecl: 'dữ kiện', Level: 'mức', Scale: 'thang', Breakdown: 'phân tổ', BreakdownMember: 'thành phần phân tổ',
    LegalSource: 'căn cứ', Criterion: 'tiêu chí', Indicator: 'chỉ tiêu', Table: 'bảng', Pack: 'bộ tiêu chí'
};

/**
 * Completion of keywords, names (facts, levels, decisions, labels) and units. Matching ignores diacritics,
 * and the typed text is kept as the filter text, so an editor that filters on its own keeps `rác thải`
 * for `rac thai`. Labels of criteria and indicators match their quoted text too.
 */
export class NtmCompletionProvider extends DefaultCompletionProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = Grammar.isRuleCall(next.feature) ? next.feature.rule.ref?.name : undefined;
        if (rule === 'Unit' || rule === 'UnitPart') {
            for (const unit of unitCandidates(this.documents)) {
                acceptor(context, { label: unit, kind: CompletionItemKind.Unit, detail: 'đơn vị', sortText: '0' });
            }
            return;
        }
        if (rule === 'Label') {
            const label = nextLabel(context, next);
            if (label) acceptor(context, { label, kind: CompletionItemKind.Value, detail: 'mã tiếp theo', sortText: '0' });
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        acceptor(context, { label: keyword.value, kind: CompletionItemKind.Keyword, detail: 'từ khóa', sortText: '1' });
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        const text = isIndicator(node) ? node.text : isCriterion(node) ? node.title : undefined;
        return { ...item, detail: text ?? KIND_DETAIL[description.type] ?? description.type, data: { matchText: text } };
    }

    protected override fillCompletionItem(context: CompletionContext, item: CompletionValueItem): CompletionItem | undefined {
        const label = typeof item.label === 'string' ? item.label : 'nodeDescription' in item ? item.nodeDescription.name : undefined;
        if (label === undefined) return undefined;
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        const matchText = (item.data as { matchText?: string } | undefined)?.matchText;
        const matches = this.fuzzyMatcher.match(typed, label) || (matchText !== undefined && this.fuzzyMatcher.match(typed, matchText));
        if (!matches) return undefined;
        const textEdit = { newText: label, range: { start: context.textDocument.positionAt(context.tokenOffset), end: context.position } };
        const completion = super.fillCompletionItem(context, { ...item, label, textEdit });
        if (!completion) return undefined;
        // Editors filter the list again on the typed text; without diacritics that text would match nothing.
        return { ...completion, filterText: typed.trim().length > 0 ? typed : undefined, data: undefined };
    }
}

/** The next free label after `tiêu chí` (a number) or `chỉ tiêu` inside a criterion (`17.12`). */
function nextLabel(context: CompletionContext, next: NextFeature): string | undefined {
    const assignment = AstUtils.getContainerOfType(next.feature, Grammar.isAssignment);
    const rule = assignment ? AstUtils.getContainerOfType(assignment, Grammar.isParserRule)?.name : undefined;
    const node = context.node;
    if (rule === 'Indicator') {
        const criterion = node ? (isCriterion(node) ? node : AstUtils.getContainerOfType(node, isCriterion)) : undefined;
        if (!criterion || criterion.label === undefined) return undefined;
        const used = criterion.indicators.map(i => Number(String(i.label).split('.')[1])).filter(n => Number.isInteger(n));
        return `${criterion.label}.${Math.max(0, ...used) + 1}`;
    }
    if (rule === 'Criterion') {
        const pack = node ? AstUtils.getContainerOfType(node, isPack) : undefined;
        const used = pack?.members.filter(isCriterion).map(c => Number(c.label)).filter(n => Number.isInteger(n)) ?? [];
        return String(Math.max(0, ...used) + 1);
    }
    return undefined;
}
