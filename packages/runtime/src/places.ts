// Where a commune is: the seven socio-economic regions of 318/QĐ-TTg and the commune groups of
// 51/2025/QĐ-TTg. The one table from which the commune-file schema's enums, the runtime's codes, the
// pack checks and every message listing the choices are made.

import { foldDiacritics, normalizeSpacing, shortText } from './names.js';

/** The seven regions, in the decision's column order: code and name. */
export const REGIONS: readonly (readonly [code: string, name: string])[] = [
    ['TDMNPB', 'Trung du và miền núi phía Bắc'],
    ['ĐBSH', 'Đồng bằng sông Hồng'],
    ['BTB', 'Bắc Trung Bộ'],
    ['DHNTB', 'Duyên hải Nam Trung Bộ'],
    ['TN', 'Tây Nguyên'],
    ['ĐNB', 'Đông Nam Bộ'],
    ['ĐBSCL', 'Đồng bằng sông Cửu Long']
];

export const REGION_CODES: readonly string[] = REGIONS.map(([code]) => code);

/** Commune groups (nhóm xã) of 51/2025/QĐ-TTg. */
export const COMMUNE_GROUPS: readonly number[] = [1, 2, 3];

function foldRegion(text: string): string {
    return text.normalize('NFC').trim().toUpperCase().replace(/Đ/g, 'D');
}

/** A region as written (any case, NFC or NFD, «Đ» or «D») to its canonical code, or undefined. */
export function regionCode(text: string): string | undefined {
    const folded = foldRegion(text);
    return REGION_CODES.find(code => foldRegion(code) === folded);
}

/** A group as given (1, "2", " 3 ") to its canonical text, or undefined when it is not one of them. */
export function groupCode(value: unknown): string | undefined {
    const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
    return COMMUNE_GROUPS.map(String).find(group => group === text);
}

/** «Vùng «X» không có; dùng một trong: TDMNPB, …». */
export function unknownRegionMessage(given: string): string {
    return `Vùng «${shortText(given)}» không có; dùng một trong: ${REGION_CODES.join(', ')}.`;
}

/** «Nhóm xã «X» không có; chỉ có nhóm 1, 2, 3 (51/2025/QĐ-TTg).» */
export function unknownGroupMessage(given: string): string {
    return `Nhóm xã «${shortText(given)}» không có; chỉ có nhóm ${COMMUNE_GROUPS.join(', ')} (51/2025/QĐ-TTg).`;
}

/** «tỉnh », «thành phố », «TP. » before a province's name, as files and packs write it. */
const PROVINCE_PREFIX = /^(tỉnh|thành phố|tp\.?)\s+/iu;

/** A province's name as written, without «tỉnh» or «thành phố» before it: «tỉnh Lạng Sơn» → «Lạng Sơn». */
export function provinceName(text: string): string {
    return normalizeSpacing(text).replace(PROVINCE_PREFIX, '');
}

/**
 * A province's name to compare by: «tỉnh Lạng Sơn», «Lạng Sơn», «Lang Son» are one province, and «Bà Rịa – Vũng
 * Tàu» (an en dash, as Word writes it) is «Bà Rịa - Vũng Tàu». «toàn quốc» stays «toan quoc».
 */
export function provinceKey(text: string): string {
    return foldDiacritics(provinceName(text)).replace(/\s*[\u2010-\u2015\u2212-]\s*/gu, '-');
}
