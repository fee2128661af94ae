// Option names: one convention. Each option has a Vietnamese name (as commune files and analysts say it)
// and one English alias; a module reads either (docs/mo-dun.md).

import type { EvaluateOptions } from './result-types.js';
import { NtmEvaluationError } from './result-types.js';

/** The English alias of each option, by its Vietnamese name. */
export const OPTION_ALIASES = {
    ngàyĐánhGiá: 'asOf',
    vùng: 'region',
    nhóm: 'group',
    danhSách: 'lists',
    điểmThẩmTra: 'verifiedScores',
    điểmTựChấm: 'selfScores',
    điểmTráiSốLiệu: 'scoresAgainstEvidence'
} as const;

/**
 * The options under their Vietnamese names, whichever name the caller used; every other option passes
 * through untouched. Both names with different values is a mistake of the caller, refused rather than one
 * silently preferred.
 */
export function canonicalOptions(options: EvaluateOptions | undefined): EvaluateOptions {
    if (options === undefined || options === null) return {};
    const canonical: Record<string, unknown> = { ...options };
    for (const [name, alias] of Object.entries(OPTION_ALIASES)) {
        const own = canonical[name];
        const aliased = canonical[alias];
        if (aliased === undefined) continue;
        if (own !== undefined && own !== aliased) {
            throw new NtmEvaluationError(`Tùy chọn «${name}» và tên khác của nó «${alias}» cùng được cho, với giá trị khác nhau: chỉ dùng một tên.`);
        }
        canonical[name] = aliased;
        delete canonical[alias];
    }
    return canonical as EvaluateOptions;
}
