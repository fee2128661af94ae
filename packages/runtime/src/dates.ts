// Dates as analysts write them. The one date reader of the project: packs, commune files, options and
// command lines all go through it.

/** `YYYY-MM-DD` or `dd/mm/yyyy` to ISO `YYYY-MM-DD`; undefined when neither, or when the day does not exist. */
/**
 * Why a text is not a date `parseDate` reads: the format (`format: true`), or a day that does not exist
 * in its month («31/11/2024»: «tháng 11/2024 chỉ có 30 ngày»). Messages name the text; this says what is wrong.
 */
export function dateProblem(text: string): { readonly reason: string; readonly format: boolean } {
    const trimmed = text.trim();
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
    const [year, month, day] = (iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : []).map(Number);
    if (year === undefined || month === undefined || day === undefined) return { reason: 'viết YYYY-MM-DD hoặc dd/mm/yyyy', format: true };
    if (month < 1 || month > 12) return { reason: `không có tháng ${month}`, format: false };
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days) return { reason: `tháng ${month}/${year} chỉ có ${days} ngày`, format: false };
    return { reason: 'viết YYYY-MM-DD (tháng và ngày hai chữ số) hoặc dd/mm/yyyy', format: true };
}

export function parseDate(text: string): string | undefined {
    const trimmed = text.trim();
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
    const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
    if (!year || !month || !day) {
        return undefined;
    }
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
        return undefined;
    }
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
