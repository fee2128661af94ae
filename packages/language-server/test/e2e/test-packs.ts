// Small packs the end-to-end tests open in the server: a national one, a provincial one building on it.

/** A pack's opening lines, under 318/QĐ-TTg: titled «Bộ thử <name>» unless told, building on `basedOn` when given. */
export function packHeader(name: string, options: { readonly title?: string; readonly basedOn?: string } = {}): string {
    return [
        `bộ tiêu chí ${name} "${options.title ?? `Bộ thử ${name}`}"`,
        '  cấp xã nông thôn mới',
        '  địa bàn "toàn quốc"',
        '  phiên bản "1"',
        '  căn cứ 318/QĐ-TTg ngày 08/03/2022 của "Thủ tướng Chính phủ"',
        ...(options.basedOn ? [`  dựa trên "${options.basedOn}"`] : []),
        '  hiệu lực từ 08/03/2022 đến 31/12/2025',
        ''
    ].join('\n');
}

/** A national pack with one fact and one indicator (written as `quoc-gia/ntm.ntm`). */
export const NATIONAL_PACK = `${packHeader('quốc gia')}dữ kiện tỷ lệ hộ nghèo: phần trăm\n  "Tỷ lệ hộ nghèo đa chiều"\ntiêu chí 11 "Hộ nghèo"\n  chỉ tiêu 11.1 "Tỷ lệ nghèo dưới 1%" tỷ lệ hộ nghèo < 1%\n`;

/** A provincial pack building on `../quoc-gia/ntm.ntm`, with an indicator of its own. */
export const PROVINCIAL_PACK = `${packHeader('tỉnh', { basedOn: '../quoc-gia/ntm.ntm' })}tiêu chí 20 "Riêng"\n  chỉ tiêu 20.1 "Tỷ lệ nghèo dưới 0,5%" tỷ lệ hộ nghèo < 0.5%\n`;
