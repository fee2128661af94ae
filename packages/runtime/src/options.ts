// Option names: one convention. Each option has a Vietnamese name (as commune files and analysts say it)
// and one English alias; a module reads either (docs/mo-dun.md).

import type { EvaluateOptions } from './result-types.js';
import { NtmEvaluationError } from './result-types.js';
import { parseDate } from './dates.js';

/** The English alias of each option, by its Vietnamese name. */
export const OPTION_ALIASES = {
    ngàyĐánhGiá: 'asOf',
    vùng: 'region',
    nhóm: 'group',
    danhSách: 'lists',
    điểmThẩmTra: 'verifiedScores',
    điểmTựChấm: 'selfScores',
    điểmTráiSốLiệu: 'scoresAgainstEvidence',
    giảiThích: 'explain'
} as const;

/** The values an option with a fixed set of values may take: anything else is the caller's mistake, said at once. */
const CHOICES: Readonly<Record<string, readonly unknown[]>> = {
    unknownFacts: ['error', 'warning'],
    giảiThích: [true, false]
};

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
        if (own !== undefined && !sameValue(name, own, aliased)) {
            throw new NtmEvaluationError(`Tùy chọn «${name}» và tên khác của nó «${alias}» cùng được cho, với giá trị khác nhau: chỉ dùng một tên.`);
        }
        canonical[name] = own ?? aliased;
        delete canonical[alias];
    }
    for (const [name, allowed] of Object.entries(CHOICES)) {
        const value = canonical[name];
        if (value !== undefined && !allowed.includes(value)) {
            throw new NtmEvaluationError(
                `Tùy chọn «${name}» nhận ${allowed.map(v => (typeof v === 'string' ? `'${v}'` : String(v))).join(' hoặc ')}; nhận được ${JSON.stringify(value) ?? String(value)}.`
            );
        }
    }
    return canonical as EvaluateOptions;
}

/** The same value under both names: a date written two ways («2024-11-26», «26/11/2024») is one date. */
function sameValue(name: string, a: unknown, b: unknown): boolean {
    if (a === b) return true;
    return name === 'ngàyĐánhGiá' && typeof a === 'string' && typeof b === 'string' && parseDate(a) !== undefined && parseDate(a) === parseDate(b);
}
