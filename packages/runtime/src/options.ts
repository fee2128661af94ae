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

type Canonical = { -readonly [K in keyof typeof OPTION_ALIASES]?: EvaluateOptions[K] };

/**
 * The options under their Vietnamese names, whichever name the caller used. Both names with different
 * values is a mistake of the caller, refused rather than one silently preferred.
 */
export function canonicalOptions(options: EvaluateOptions | undefined): EvaluateOptions {
    if (options === undefined || options === null) return {};
    const canonical: Canonical & { unknownFacts?: 'error' | 'warning' } = {};
    const given = options as Record<string, unknown>;
    for (const [name, alias] of Object.entries(OPTION_ALIASES) as [keyof Canonical, string][]) {
        const own = given[name];
        const aliased = given[alias];
        if (own !== undefined && aliased !== undefined && own !== aliased) {
            throw new NtmEvaluationError(`Tùy chọn «${name}» và tên khác của nó «${alias}» cùng được cho, với giá trị khác nhau: chỉ dùng một tên.`);
        }
        const value = own !== undefined ? own : aliased;
        if (value !== undefined) (canonical as Record<string, unknown>)[name] = value;
    }
    if (options.unknownFacts !== undefined) canonical.unknownFacts = options.unknownFacts;
    return canonical;
}
