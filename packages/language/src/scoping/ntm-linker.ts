import type { AstNodeDescription, Cancellation, LangiumCoreServices, LangiumDocument, LinkingError, ReferenceInfo } from 'langium';
import { DefaultLinker, interruptAndCheck } from 'langium';
import { languageKeywords } from '../parser/phrase-keywords.js';
import { SOFT_KEYWORDS } from '../parser/ntm-parser-messages.js';
import { forEachReference, nodesOf } from '../util/ast-walk.js';

/** How many nodes are linked between two checks for cancellation (each check may yield to the event loop). */
const NODES_PER_CHECK = 256;

const WHAT: Readonly<Record<string, string>> = {
    FactDecl: 'Dữ kiện',
    Referable: 'Dữ kiện hoặc mức',
    Scale: 'Thang',
    Breakdown: 'Phân tổ',
    BreakdownMember: 'Thành phần phân tổ',
    LegalSource: 'Căn cứ'
};

/** Unresolved names are reported in Vietnamese, with the hint analysts need most. */
export class NtmLinker extends DefaultLinker {
    /** Keywords that cannot be part of a name, longest first. */
    private readonly hardKeywords: readonly string[];

    constructor(services: LangiumCoreServices) {
        super(services);
        const soft = new Set(SOFT_KEYWORDS);
        this.hardKeywords = languageKeywords(services.Grammar)
            .filter(k => /^\p{L}/u.test(k) && !soft.has(k))
            .sort((a, b) => b.length - a.length);
    }

    /** As Langium's, in the same order, over a plain walk of the tree; cancellation is checked every few hundred nodes. */
    override async link(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const nodes = nodesOf(document);
        for (let i = 0; i < nodes.length; i++) {
            if (cancelToken && i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReference(nodes[i]!, info => this.doLink(info, document));
        }
    }

    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const type = this.reflection.getReferenceType(refInfo);
        const name = refInfo.reference.$refText;
        const what = WHAT[type] ?? type;
        const hint =
            type === 'LegalSource'
                ? ' Khai báo văn bản này ở đầu bộ tiêu chí bằng «căn cứ …».'
                : type === 'FactDecl' || type === 'Referable'
                  ? ' Khai báo bằng «dữ kiện …», hoặc kiểm tra chính tả (tên có thể gồm nhiều từ, không được chứa từ khóa như «có», «và», «từ»).'
                  : '';
        return { ...error, message: `${what} «${name}» chưa được khai báo.${hint}${this.capitalisedKeyword(name)}` };
    }

    /** A name that starts with a capitalised keyword: inside a line, a keyword is read only in lower case. */
    private capitalisedKeyword(name: string): string {
        const lower = name.toLowerCase();
        const keyword = this.hardKeywords.find(k => lower.startsWith(k) && !name.startsWith(k) && !/[\p{L}\p{M}\p{N}]/u.test(lower.charAt(k.length)));
        return keyword === undefined
            ? ''
            : ` «${name.slice(0, keyword.length)}» viết hoa ở giữa dòng được đọc là một từ của tên: từ khóa chỉ viết hoa được ở đầu dòng; ở đây viết «${keyword}».`;
    }
}
