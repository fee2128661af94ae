import type { ValidationAcceptor } from 'langium';
import { URI } from 'langium';
import type { CountType, Pack } from '../generated/ast.js';
import { isFactDecl, isPack } from '../generated/ast.js';
import type { NtmServices } from '../ntm-module.js';
import { normalizeUnit } from '@ntm/runtime';
import { baseUri } from '../workspace/pack-chain.js';
import { canonicalLevel } from '../workspace/levels.js';
import { IssueCodes } from './issue-codes.js';

/** A level whose packs assess one village at a time (`cấp thôn …`). */
export function isVillageLevel(level: string | undefined): boolean {
    return canonicalLevel(level)?.startsWith('thôn ') ?? false;
}

/**
 * `đếm thôn đạt chuẩn theo "…"`: the file must be a loaded village-level pack, the unit «thôn», the fact one
 * number for the commune (not per year or per member), and the pack counting them a commune-level one. The
 * pack is loaded with the commune pack (workspace/pack-loader.ts), so a missing file is reported here.
 */
export function villageCountMustBeSound(services: NtmServices) {
    return (type: CountType, accept: ValidationAcceptor): void => {
        if (type.villagePack === undefined) return;
        const fact = type.$container;
        if (normalizeUnit(type.unit ?? '') !== 'thôn') {
            accept('error', `«đạt chuẩn theo» đếm thôn: viết «đếm thôn đạt chuẩn theo "…"», không phải «đếm ${type.unit ?? ''}».`, {
                node: type,
                property: 'unit',
                code: IssueCodes.VillageCountUnit
            });
        }
        if (isFactDecl(fact) && fact.indexes.length > 0) {
            accept('error', `Dữ kiện «${fact.name}» đếm thôn đạt chuẩn là một số của cả xã; bỏ «, ${fact.indexes[0]!.$cstNode?.text ?? ''}».`, {
                node: fact,
                property: 'indexes',
                code: IssueCodes.VillageCountIndexed
            });
        }
        const own = packOf(type);
        if (own && isVillageLevel(own.levels[0])) {
            accept('error', `Bộ tiêu chí cấp «${own.levels[0]}» đánh giá một thôn; chỉ bộ cấp xã mới đếm thôn đạt chuẩn theo một bộ khác.`, {
                node: type,
                property: 'villagePack',
                code: IssueCodes.VillageCountInVillagePack
            });
        }
        const document = own?.$document;
        if (!document) return;
        const uri = baseUri(document, type.villagePack);
        const documents = services.shared.workspace.LangiumDocuments;
        const root = documents.hasDocument(uri) ? documents.getDocument(uri)?.parseResult.value : undefined;
        if (!root || !isPack(root) || !root.name) {
            const reason = services.composition.PackRoots.refusalOf(URI.parse(uri.toString()));
            accept('error', reason ?? `Không tìm thấy bộ tiêu chí cấp thôn «${type.villagePack}» (${uri.path}); đường dẫn tính từ tệp này.`, {
                node: type,
                property: 'villagePack',
                code: IssueCodes.VillagePackMissing
            });
            return;
        }
        if (!isVillageLevel(root.levels[0])) {
            accept(
                'error',
                `«${type.villagePack}» là bộ tiêu chí «${root.name}» cấp «${root.levels[0] ?? '?'}»; «đạt chuẩn theo» cần một bộ cấp thôn (cấp thôn nông thôn mới kiểu mẫu, cấp thôn thông minh).`,
                { node: type, property: 'villagePack', code: IssueCodes.VillagePackLevel }
            );
        }
    };
}

function packOf(type: CountType): Pack | undefined {
    let node: unknown = type;
    while (node && !isPack(node)) node = (node as { $container?: unknown }).$container;
    return node as Pack | undefined;
}
