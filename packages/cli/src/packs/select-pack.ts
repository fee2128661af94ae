import { promises as fs } from 'node:fs';
import type { PackInfo } from '@ntm/language';
import { collectFiles, relativeToCwd } from '../util/files.js';
import { evaluatorFor } from '../commands/evaluate-commune.js';

/** What a commune asks of a folder of packs: a level, a province, a date. */
export interface PackRequest {
    readonly level?: string;
    readonly province?: string;
    readonly date: string;
}

export type PackSelection =
    | { readonly pack: string; readonly note?: string }
    | { readonly error: string };

/** «tỉnh Lạng Sơn», «Lạng Sơn», «TP Hà Nội» → «lạng sơn». */
function placeKey(text: string): string {
    return text.normalize('NFC').toLowerCase().replace(/^(tỉnh|thành phố|tp\.?)\s+/u, '').replace(/\s+/g, ' ').trim();
}

function inForce(info: PackInfo, date: string): boolean {
    return info.validFrom <= date && (info.validTo === undefined || date <= info.validTo);
}

function validityText(info: PackInfo): string {
    return `từ ${info.validFrom}${info.validTo ? ` đến ${info.validTo}` : ''}`;
}

/**
 * A pack path as given, or, when it names a folder, the one pack in force for the commune's level and
 * province on the assessment date: a provincial pack before a national one. None, or two of equal rank,
 * is an error that lists what was considered.
 */
export async function selectPack(target: string, request: PackRequest): Promise<PackSelection> {
    const stat = await fs.stat(target).catch(() => undefined);
    if (!stat) return { error: `không tìm thấy bộ tiêu chí «${relativeToCwd(target)}».` };
    if (!stat.isDirectory()) return { pack: target };
    if (!request.level) {
        return { error: `«bộ tiêu chí» là thư mục (${relativeToCwd(target)}): cần ghi «cấp» (vd. "xã nông thôn mới") để chọn bộ tiêu chí.` };
    }
    const files = await collectFiles([target], ['.ntm']);
    const considered: string[] = [];
    const broken: string[] = [];
    const candidates: Array<{ file: string; info: PackInfo; rank: number }> = [];
    const wanted = normalizeLevel(request.level);
    for (const file of files) {
        const { evaluator } = await evaluatorFor(file);
        if (!evaluator) {
            broken.push(relativeToCwd(file));
            continue;
        }
        const info = evaluator.PACK;
        if (normalizeLevel(info.level) !== wanted) continue;
        const national = placeKey(info.jurisdiction) === 'toàn quốc';
        const local = request.province !== undefined && placeKey(info.jurisdiction) === placeKey(request.province);
        if (!national && !local) continue;
        considered.push(`${relativeToCwd(file)} (${info.jurisdiction}, ${validityText(info)})`);
        if (inForce(info, request.date)) candidates.push({ file, info, rank: local ? 2 : 1 });
    }
    const best = Math.max(0, ...candidates.map(c => c.rank));
    const chosen = candidates.filter(c => c.rank === best);
    const brokenNote = broken.length > 0 ? ` Bộ có lỗi, bị bỏ qua: ${broken.join(', ')}.` : '';
    if (chosen.length === 0) {
        return {
            error: `không có bộ tiêu chí nào cấp «${request.level}» cho ${request.province ? `tỉnh ${placeKey(request.province)} hoặc toàn quốc` : 'toàn quốc'} có hiệu lực ngày ${request.date}.` +
                (considered.length > 0 ? ` Đã xét: ${considered.join('; ')}.` : ` Trong ${relativeToCwd(target)} không có bộ nào cùng cấp và địa bàn.`) + brokenNote
        };
    }
    if (chosen.length > 1) {
        return {
            error: `có ${chosen.length} bộ tiêu chí cùng cấp «${request.level}», cùng địa bàn «${chosen[0]!.info.jurisdiction}» cùng có hiệu lực ngày ${request.date}: ` +
                `${chosen.map(c => `${relativeToCwd(c.file)} (${validityText(c.info)})`).join('; ')}. Sửa thời gian hiệu lực để chỉ một bộ áp dụng.`
        };
    }
    const pick = chosen[0]!;
    return { pack: pick.file, note: `chọn ${relativeToCwd(pick.file)} (${pick.info.jurisdiction}, hiệu lực ${validityText(pick.info)}) cho ngày ${request.date}` };
}

function normalizeLevel(level: string): string {
    const text = level.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    return text.replace(/^xã /, '').replace(/\bntm\b/, 'nông thôn mới');
}
