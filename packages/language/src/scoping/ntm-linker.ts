import type { AstNodeDescription, LinkingError, ReferenceInfo } from 'langium';
import { DefaultLinker } from 'langium';

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
