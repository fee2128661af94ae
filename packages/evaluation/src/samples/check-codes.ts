/** What one check of a sample compares: an indicator's, a criterion's, the recognition's, a score's or a village's verdict. */
export type CheckLevel = 'indicator' | 'criterion' | 'recognition' | 'score' | 'village';

export const CHECK_LEVEL_LABELS: Readonly<Record<CheckLevel, string>> = {
    indicator: 'chỉ tiêu',
    criterion: 'tiêu chí',
    recognition: 'công nhận',
    score: 'điểm',
    village: 'thôn'
};

/** How an official verdict compares with the computed one. */
export type CheckStatus =
    | 'match'
    | 'known-difference'
    | 'undeclared-difference'
    | 'declared-but-gone'
    | 'computed-differs-from-declared'
    | 'not-in-pack'
    | 'not-assessed'
    | 'official-contradiction';

export const CHECK_STATUS_LABELS: Readonly<Record<CheckStatus, string>> = {
    match: 'khớp',
    'known-difference': 'sai khác đã biết',
    'undeclared-difference': 'sai khác chưa khai báo',
    'declared-but-gone': 'sai khác đã khai báo nhưng không còn',
    'computed-differs-from-declared': 'kết quả máy khác khai báo',
    'not-in-pack': 'không có trong bộ tiêu chí',
    'not-assessed': 'báo cáo chưa đánh giá',
    'official-contradiction': 'kết quả chính thức tự mâu thuẫn'
};

/**
 * A check passes when the verdicts match or the difference is declared with its cause; an item the report did
 * not assess has nothing to differ from.
 */
export function statusPasses(status: CheckStatus): boolean {
    return status === 'match' || status === 'known-difference' || status === 'not-assessed';
}
