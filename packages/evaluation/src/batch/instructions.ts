import type { PackInfo } from '@ntm/language';
import { vietnameseDate } from '@ntm/runtime';
import { VILLAGES_SHEET } from './headers.js';
import type { InputSheet } from './input-sheets.js';

/** The template's «Hướng dẫn» sheet, one paragraph per row, for district staff (docs/bang-tinh.md in full). */
export function instructionRows(pack: PackInfo, packPath: string, sheets: readonly InputSheet[]): string[] {
    const collections = sheets
        .slice(1)
        .filter(s => s.name !== VILLAGES_SHEET)
        .map(s => `«${s.name}»`);
    const villages = sheets.some(s => s.name === VILLAGES_SHEET);
    const extra = [
        ...(collections.length > 0
            ? [
                  `Dữ kiện theo từng thôn (hay từng trường…): ghi ở trang ${collections.join(', ')}, mỗi dòng một thôn, cột «xã» ghi đúng tên xã như trên trang «Xã».`
              ]
            : []),
        ...(villages
            ? [
                  `Trang «${VILLAGES_SHEET}»: mỗi thôn của xã một dòng (kể cả thôn chưa có số liệu), với dữ kiện của thôn theo bộ tiêu chí cấp thôn. Máy đánh giá từng thôn rồi đếm số thôn đạt chuẩn cho xã: không ghi số đếm đó ở trang «Xã».`
              ]
            : [])
    ];
    return [
        `Bảng nhập số liệu các xã — ${pack.title}`,
        `Bộ tiêu chí: ${packPath} (${pack.level}, ${pack.jurisdiction}, phiên bản ${pack.version}, hiệu lực từ ${vietnameseDate(pack.validFrom)}${pack.validTo ? ` đến ${vietnameseDate(pack.validTo)}` : ''}).`,
        '',
        '1. Trang «Xã»: mỗi dòng một xã. Cột «xã» và «ngày đánh giá» là bắt buộc. Di chuột vào ô tiêu đề để xem kiểu, đơn vị và mô tả của từng dữ kiện.',
        '2. Ô để trống nghĩa là thiếu số liệu — máy không bao giờ coi là 0. Nếu xã thật sự có giá trị 0, hãy ghi 0.',
        '3. Số: gõ như thường lệ (97,3). Ô định dạng phần trăm (97,3 %) được đọc là 97,3 %. Có thể ghi «trên 90,72», «từ 80 đến 110», «ít nhất 4» khi báo cáo chỉ cho một khoảng, và ghi kèm đơn vị («38,6 triệu đồng/người/năm») để máy kiểm tra đơn vị.',
        '4. Có/không và các mức: chọn trong danh sách của ô. Ngày: ô định dạng ngày, hoặc gõ dd/mm/yyyy.',
        '5. Dữ kiện có phân tổ (nam, nữ): cột «tên dữ kiện» là tổng, cột «tên dữ kiện [nữ]» là của nữ. Dữ kiện theo từng năm: mỗi năm một cột «tên dữ kiện [2023]».',
        '6. Ghi chú của phòng: đặt ở cột có tên bắt đầu bằng «ghi chú» (máy bỏ qua). Cột có tên khác không khớp dữ kiện nào là lỗi của những xã có ghi ở cột đó — một tên cột gõ sai không bao giờ lặng lẽ thành «thiếu dữ liệu».',
        ...extra.map((text, i) => `${7 + i}. ${text}`),
        '',
        `Chạy: ntm batch ${packPath} <tệp này> — máy ghi bảng kết quả (.xlsx) và báo cáo in được (.html) cạnh tệp này. Dòng nào có lỗi được liệt kê ở trang «Lỗi dữ liệu», các xã khác vẫn được đánh giá.`,
        'Tài liệu đầy đủ: docs/bang-tinh.md.'
    ];
}
