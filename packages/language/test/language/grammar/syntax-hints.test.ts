import { describe, expect, it } from 'vitest';
import { PACK_HEADER, loadTestPack } from '../../helpers/ntm-test-services.js';

// Syntax errors an analyst new to the language meets first (found by a trial from the docs alone): each
// says what is wrong and how to write it, without a cascade of follow-on errors above the real one.

async function errors(text: string): Promise<string[]> {
    const loaded = await loadTestPack(text, 'hints');
    return loaded.diagnostics.filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`);
}

const HEADER_LINES = PACK_HEADER.split('\n').slice(1).join('\n');

describe('syntax errors with a hint', () => {
    it('a keyword typed as a word of the pack name is named as a keyword, with the name joined; no «thiếu cấp» for the lines after', async () => {
        const found = await errors(`bộ tiêu chí thử bảng "Bộ thử"\n${HEADER_LINES}dữ kiện a: phần trăm\n`);
        expect(found[0]).toBe(
            '1: Cần một chuỗi trong ngoặc kép nhưng gặp «bảng». «bảng» là từ khóa của ngôn ngữ, không dùng được trong tên: nối bằng dấu gạch dưới (vd. «thử_bảng»), đổi chữ, hoặc xem ngon-ngu.md mục 4.'
        );
        expect(found.filter(e => e.includes('Bộ tiêu chí thiếu'))).toEqual([]);
    });

    it('a keyword opening the next line, where a text is missing, gets no such hint', async () => {
        const found = await errors(PACK_HEADER.replace('của "Thủ tướng Chính phủ"', 'của'));
        expect(found[0]).toBe('6: Cần một chuỗi trong ngoặc kép nhưng gặp «hiệu lực».');
    });

    it('«có» before a number says that «có» reads a yes/no fact and a count takes a sign', async () => {
        const found = await errors(`${PACK_HEADER}dữ kiện số thôn thông minh: đếm thôn\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "a" có ít nhất 1 thôn thông minh\n`);
        expect(found[0]).toMatch(
            /^9: Không hiểu «có ít nhất 1» ở đây: cách viết này không khớp cấu trúc nào\. «có» chỉ đi với một dữ kiện có\/không .*«số thôn thông minh >= 1 thôn»/u
        );
    });

    it('«110 phần trăm» in a rule says to write the sign', async () => {
        const found = await errors(`${PACK_HEADER}dữ kiện a: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "a" a >= 110 phần trăm\n`);
        expect(found).toEqual([expect.stringMatching(/^9: Không hiểu «phần trăm» ở đây: .* Số phần trăm viết bằng dấu %: «110%»/u)]);
    });

    it('a «chỉ tiêu» after a declaration written between indicators says the declaration closed the criterion', async () => {
        const loaded = await loadTestPack(
            `${PACK_HEADER}dữ kiện a: phần trăm\ntiêu chí 2 "A"\n  chỉ tiêu 2.1 "a" a >= 95%\ndữ kiện c: phần trăm\n  chỉ tiêu 2.2 "c" c >= 95%\n`,
            'hints'
        );
        const messages = loaded.diagnostics.map(d => `${d.range.start.line + 1}: ${d.message}`);
        expect(messages).toEqual([
            '11: Cần hết tệp nhưng gặp «chỉ tiêu». Một «chỉ tiêu» phải nằm ngay trong một «tiêu chí»: một khai báo (dữ kiện, bảng, thang…) viết giữa các chỉ tiêu đã kết thúc tiêu chí ấy. Chuyển khai báo đó lên trước dòng «tiêu chí», xem ngon-ngu.md mục 9.'
        ]);
    });

    it('a second requirement line under one indicator says to join them with «và»; no «unused fact» for what the error cut off', async () => {
        const loaded = await loadTestPack(
            `${PACK_HEADER}dữ kiện a: phần trăm\ndữ kiện c: phần trăm\ntiêu chí 2 "A"\n  chỉ tiêu 2.1 "a"\n    a >= 95%\n    c >= 95%\n`,
            'hints'
        );
        const messages = loaded.diagnostics.map(d => `${d.range.start.line + 1}: ${d.message}`);
        expect(messages).toEqual([expect.stringMatching(/^12: Cần hết tệp nhưng gặp «c»\. Mỗi chỉ tiêu có một yêu cầu: .*nối bằng «và»/u)]);
    });

    it("a unit written in a table's cell is said once, at its first word, not as regions «triệu», «đồng», «người»", async () => {
        const found = await errors(
            `${PACK_HEADER}dữ kiện thu nhập: tiền triệu đồng/người/năm\nbảng thu nhập tối thiểu: tiền triệu đồng/người/năm, theo vùng\n  ĐNB: 72 triệu đồng/người/năm\n  còn lại: 70\ntiêu chí 10 "A"\n  chỉ tiêu 10.1 "a" thu nhập >= thu nhập tối thiểu\n`
        );
        expect(found).toContain('9: «triệu» viết sau số của ô trước: trong bảng chỉ ghi số, đơn vị lấy theo kiểu của bảng (triệu đồng/người/năm).');
        expect(found.filter(e => e.includes('Vùng «'))).toEqual([]);
    });

    it('bounds of an unknown threshold in two units name them, a bound without a unit as such', async () => {
        const found = await errors(`${PACK_HEADER}dữ kiện a: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "a" a >= chưa biết (> 50, <= 90%)\n`);
        expect(found).toEqual(['9: Các cận của giá trị chưa biết phải ghi cùng một đơn vị; ở đây: không ghi đơn vị, «%».']);
    });
});
