// Dates as analysts write them. The one date reader of the project: packs, commune files, options and
// command lines all go through it.

/**
 * Year, month and day as written: ISO `YYYY-MM-DD` (with one-digit month and day too when `loose`, to say
 * what is wrong with them) or Vietnamese `dd/mm/yyyy` — also `dd-mm-yyyy` and `dd.mm.yyyy`, as offices type
 * them (the four-digit year last leaves no doubt). A two-digit year is never guessed.
 */
function dateParts(text: string, loose: boolean): [year: string, month: string, day: string] | undefined {
    const trimmed = text.trim();
    const iso = (loose ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/ : /^(\d{4})-(\d{2})-(\d{2})$/).exec(trimmed);
    if (iso) return [iso[1]!, iso[2]!, iso[3]!];
    const vn = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(trimmed);
    return vn ? [vn[4]!, vn[3]!, vn[1]!] : undefined;
}

/**
 * Why a text is not a date `parseDate` reads: the format (`format: true`), or a day that does not exist
 * in its month («31/11/2024»: «tháng 11/2024 chỉ có 30 ngày»). Messages name the text; this says what is wrong.
 */
export function dateProblem(text: string): { readonly reason: string; readonly format: boolean } {
    const parts = dateParts(text, true);
    if (!parts) return { reason: 'viết YYYY-MM-DD hoặc dd/mm/yyyy', format: true };
    const [year, month, day] = parts.map(Number) as [number, number, number];
    if (month < 1 || month > 12) return { reason: `không có tháng ${month}`, format: false };
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days) return { reason: `tháng ${month}/${year} chỉ có ${days} ngày`, format: false };
    return { reason: 'viết YYYY-MM-DD (tháng và ngày hai chữ số) hoặc dd/mm/yyyy', format: true };
}

/** `YYYY-MM-DD` or `dd/mm/yyyy` to ISO `YYYY-MM-DD`; undefined when neither, or when the day does not exist. */
export function parseDate(text: string): string | undefined {
    const parts = dateParts(text, false);
    if (!parts) return undefined;
    const [year, month, day] = parts;
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
        return undefined;
    }
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** An ISO date as Vietnamese write it: `2024-11-26` → `26/11/2024`; any other text as it is. */
export function vietnameseDate(iso: string): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
