import type { LangiumDocuments } from 'langium';
import { AstUtils } from 'langium';

/** Units analysts write most; the workspace's own units are added to these. */
const COMMON_UNITS = ['%', 'hộ', 'người', 'km', 'ha', 'xã', 'thôn', 'trường', 'm2/người', 'triệu đồng/người/năm', 'lít/người/ngày'];

/** Every unit written in the open packs, then the common ones, without repeats. */
export function unitCandidates(documents: LangiumDocuments): string[] {
    const units = new Set<string>();
    for (const document of documents.all) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            const unit = (node as { unit?: unknown }).unit;
            if (typeof unit === 'string' && unit.length > 0) units.add(unit);
        }
    }
    for (const unit of COMMON_UNITS) units.add(unit);
    return [...units];
}
