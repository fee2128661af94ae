/** The recognition levels a pack may be written for, with the spellings analysts use. */
export const KNOWN_LEVELS: ReadonlyMap<string, string> = new Map([
    ['xã nông thôn mới', 'xã nông thôn mới'],
    ['xã NTM', 'xã nông thôn mới'],
    ['xã nông thôn mới nâng cao', 'xã nông thôn mới nâng cao'],
    ['xã NTM nâng cao', 'xã nông thôn mới nâng cao'],
    ['xã nông thôn mới kiểu mẫu', 'xã nông thôn mới kiểu mẫu'],
    ['xã NTM kiểu mẫu', 'xã nông thôn mới kiểu mẫu'],
    ['thôn nông thôn mới kiểu mẫu', 'thôn nông thôn mới kiểu mẫu'],
    ['thôn NTM kiểu mẫu', 'thôn nông thôn mới kiểu mẫu'],
    ['thôn thông minh', 'thôn thông minh']
]);

export function canonicalLevel(level: string | undefined): string | undefined {
    return level === undefined ? undefined : KNOWN_LEVELS.get(level);
}

/** `16/09/2022` → `2022-09-16`, or undefined when the date does not exist. */
export function isoDate(text: string | undefined): string | undefined {
    const match = text === undefined ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!match) return undefined;
    const [, d = '', m = '', y = ''] = match;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
        return undefined;
    }
    return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
