import type { AstNodeDescription, Cancellation, LangiumDocument, LinkingError, ReferenceInfo } from 'langium';
import { DefaultLinker, interruptAndCheck } from 'langium';
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
        const hint = type === 'LegalSource'
            ? ' Khai báo văn bản này ở đầu bộ tiêu chí bằng «căn cứ …».'
            : type === 'FactDecl' || type === 'Referable'
                ? ' Khai báo bằng «dữ kiện …», hoặc kiểm tra chính tả (tên có thể gồm nhiều từ, không được chứa từ khóa như «có», «và», «từ»).'
                : '';
        return { ...error, message: `${what} «${name}» chưa được khai báo.${hint}` };
    }
}
