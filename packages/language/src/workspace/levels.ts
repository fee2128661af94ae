import { parseDate } from '@ntm/runtime';

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

/** `16/09/2022` → `2022-09-16`, or undefined when the date does not exist (the runtime's date reader). */
export function isoDate(text: string | undefined): string | undefined {
    return text === undefined ? undefined : parseDate(text);
}
