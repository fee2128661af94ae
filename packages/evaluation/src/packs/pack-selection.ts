import type { PackInfo } from '@ntm/runtime';
import { normalizeName, provinceKey, provinceName } from '@ntm/runtime';

/** What a commune asks of a folder of packs: a level, a province, a date. */
export interface PackRequest {
    readonly level?: string;
    readonly province?: string;
    readonly date: string;
}

/** A pack that could be chosen: its file and what its evaluator says of it. */
export interface PackCandidate {
    readonly file: string;
    readonly info: PackInfo;
}

/** The commune file's field an error of choosing is about: the one to correct. */
export type SelectionField = 'cấp' | 'tỉnh' | 'ngày đánh giá' | 'bộ tiêu chí';

export type PackSelection = { readonly pack: string; readonly note?: string } | { readonly error: string; readonly field: SelectionField };

/** «xã NTM nâng cao», «nông thôn mới nâng cao» → «nông thôn mới nâng cao». */
export function levelKey(level: string): string {
    return normalizeName(level)
        .toLowerCase()
        .replace(/^xã /, '')
        .replace(/\bntm\b/, 'nông thôn mới');
}

function inForce(info: PackInfo, date: string): boolean {
    return info.validFrom <= date && (info.validTo === undefined || date <= info.validTo);
}

function validityText(info: PackInfo): string {
    return `từ ${info.validFrom}${info.validTo ? ` đến ${info.validTo}` : ''}`;
}

/**
 * The one pack in force for the commune's level and province on the assessment date, among the packs of a
 * folder: a provincial pack before a national one. None, or two of equal rank, is an error that lists what
 * was considered. `broken` are packs that could not be compiled (named in the error); `show` shortens
 * file names for messages.
 */
export function choosePack(
    candidates: readonly PackCandidate[],
    request: PackRequest,
    folder: string,
    broken: readonly string[] = [],
    show: (file: string) => string = file => file
): PackSelection {
    if (!request.level) {
        return { field: 'cấp', error: `«bộ tiêu chí» là thư mục (${show(folder)}): cần ghi «cấp» (vd. "xã nông thôn mới") để chọn bộ tiêu chí.` };
    }
    const wanted = levelKey(request.level);
    const considered: string[] = [];
    const ranked: Array<PackCandidate & { rank: number }> = [];
    for (const candidate of candidates) {
        const { info } = candidate;
        if (levelKey(info.level) !== wanted) continue;
        const national = provinceKey(info.jurisdiction) === provinceKey('toàn quốc');
        const local = request.province !== undefined && provinceKey(info.jurisdiction) === provinceKey(request.province);
        if (!national && !local) continue;
        considered.push(`${show(candidate.file)} (${info.jurisdiction}, ${validityText(info)})`);
        if (inForce(info, request.date)) ranked.push({ ...candidate, rank: local ? 2 : 1 });
    }
    const best = Math.max(0, ...ranked.map(c => c.rank));
    const chosen = ranked.filter(c => c.rank === best);
    const brokenNote = broken.length > 0 ? ` Bộ có lỗi, bị bỏ qua: ${broken.map(show).join(', ')}.` : '';
    if (chosen.length === 0) {
        // Packs of the level and place that are not in force: the date is what to look at; none of them: the level or place.
        const field: SelectionField =
            considered.length > 0 ? 'ngày đánh giá' : candidates.some(c => levelKey(c.info.level) === wanted) && request.province ? 'tỉnh' : 'cấp';
        return {
            field,
            error:
                `không có bộ tiêu chí nào cấp «${request.level}» cho ${request.province ? `tỉnh ${provinceName(request.province)} hoặc toàn quốc` : 'toàn quốc'} có hiệu lực ngày ${request.date}.` +
                (considered.length > 0
                    ? ` Đã xét: ${considered.join('; ')}.`
                    : ` Trong ${show(folder)} không có bộ nào cùng cấp và địa bàn${candidates.length > 0 ? `; có: ${candidates.map(c => `${show(c.file)} (${c.info.level}, ${c.info.jurisdiction})`).join('; ')}` : ''}.`) +
                brokenNote
        };
    }
    if (chosen.length > 1) {
        return {
            field: 'bộ tiêu chí',
            error:
                `có ${chosen.length} bộ tiêu chí cùng cấp «${request.level}», cùng địa bàn «${chosen[0]!.info.jurisdiction}» cùng có hiệu lực ngày ${request.date}: ` +
                `${chosen.map(c => `${show(c.file)} (${validityText(c.info)})`).join('; ')}. Sửa thời gian hiệu lực để chỉ một bộ áp dụng.`
        };
    }
    const pick = chosen[0]!;
    return { pack: pick.file, note: `chọn ${show(pick.file)} (${pick.info.jurisdiction}, hiệu lực ${validityText(pick.info)}) cho ngày ${request.date}` };
}
