import { describe, expect, it } from 'vitest';
import { expectedVerdicts, formatIssue, parseCommuneFile } from '../src/index.js';

const SAMPLE = `{
  "xã": "Thử",
  "bộ tiêu chí": "a.ntm",
  "ngày đánh giá": "2024-06-30",
  "dữ kiện": { "số hộ": 12 },
  "kết quả chính thức": {
    "chỉ tiêu": { "1.1": "đạt" },
    "công nhận": "chưa đạt"
  }
}`;

const messages = (text: string) => parseCommuneFile(text, 'xa.json').issues.map(i => formatIssue(i));

describe('parseCommuneFile, the one reader of commune files', () => {
    it('reads a sample and knows where each official verdict is written', () => {
        const file = parseCommuneFile(SAMPLE, 'xa.json');
        expect(file.issues).toEqual([]);
        expect(file.kind).toBe('sample');
        expect(expectedVerdicts(file).map(e => [e.level, e.label, e.official, e.position.line, e.position.column])).toEqual([
            ['indicator', '1.1', 'đạt', 7, 19],
            ['recognition', 'công nhận', 'chưa đạt', 8, 5]
        ]);
        expect(file.positionOf(['dữ kiện', 'số hộ'])).toEqual({ line: 5, column: 16 });
    });

    it('accepts a file saved with a byte-order mark (Notepad), with positions unchanged', () => {
        const file = parseCommuneFile('\uFEFF' + SAMPLE, 'xa.json');
        expect(file.issues).toEqual([]);
        expect(file.positionOf(['dữ kiện', 'số hộ'])).toEqual({ line: 5, column: 16 });
    });

    it('reads keys and texts saved in NFD as the NFC an analyst meant', () => {
        const file = parseCommuneFile(SAMPLE.normalize('NFD'), 'xa.json');
        expect(file.issues).toEqual([]);
        expect(file.data?.['xã']).toBe('Thử');
        expect(file.data?.['kết quả chính thức']?.['công nhận']).toBe('chưa đạt');
    });

    it('refuses a key written twice, naming both lines (JSON would keep only the last)', () => {
        const text = SAMPLE.replace('"ngày đánh giá": "2024-06-30",', '"ngày đánh giá": "2024-06-30",\n  "ngày đánh giá": "2023-06-30",');
        expect(messages(text)).toEqual([
            'xa.json:5:3 lỗi ngày đánh giá: Trường «ngày đánh giá» được ghi hai lần (dòng 4 và dòng 5): giữ một lần, với giá trị đúng.'
        ]);
    });

    it('says where JSON is broken, in Vietnamese', () => {
        expect(messages(SAMPLE.replace('"a.ntm",', '"a.ntm"'))).toEqual(['xa.json:4:3 lỗi (tệp): JSON không hợp lệ: thiếu dấu phẩy.']);
        expect(messages('   ')).toEqual(['xa.json:1:1 lỗi (tệp): Tệp rỗng: cần một đối tượng JSON { … }.']);
        expect(messages('[1, 2]')).toEqual(['xa.json:1:1 lỗi (tệp): Tệp xã phải là một đối tượng JSON { … }.']);
    });

    it('names field, line and column of a value of the wrong kind or an unknown field', () => {
        expect(messages(SAMPLE.replace('"chưa đạt"', '"không đạt"'))).toEqual([
            'xa.json:8:5 lỗi kết quả chính thức.công nhận: Giá trị phải là một trong: «đạt», «chưa đạt», «không áp dụng», «thiếu dữ liệu», «chưa đánh giá».'
        ]);
        expect(messages(SAMPLE.replace('"xã": "Thử",', '"xa": "Thử",'))).toEqual([
            'xa.json:1:1 lỗi (gốc): Thiếu trường «xã».',
            'xa.json:2:3 lỗi xa: Trường «xa» không thuộc định dạng tệp xã (xem docs/tep-xa.md).'
        ]);
        expect(messages(SAMPLE.replace('"dữ kiện": { "số hộ": 12 },', ''))).toEqual([
            'xa.json:1:1 lỗi (gốc): Cần «dữ kiện» (dữ kiện của xã) hoặc «các thôn» (dữ kiện của từng thôn).'
        ]);
    });

    it("takes the allowed regions from the runtime's one table", () => {
        const text = SAMPLE.replace('"ngày đánh giá": "2024-06-30",', '"ngày đánh giá": "2024-06-30", "thuộc tính": { "vùng": "Tây Bắc" },');
        expect(messages(text)[0]).toContain('«TDMNPB», «ĐBSH», «BTB», «DHNTB», «TN», «ĐNB», «ĐBSCL»');
    });
});

describe('a commune file pasted from Word', () => {
    it('reads keys with non-breaking or doubled spaces, in NFD, as the field meant, with their positions', () => {
        const text = SAMPLE.normalize('NFD')
            .replace('"ngày đánh giá"'.normalize('NFD'), '"ngày\u00A0đánh  giá "'.normalize('NFD'))
            .replace('"số hộ"'.normalize('NFD'), '"số\u00A0hộ"');
        const file = parseCommuneFile(text, 'xa.json');
        expect(file.issues).toEqual([]);
        expect(file.data?.['ngày đánh giá']).toBe('2024-06-30');
        expect(file.data?.['dữ kiện']).toEqual({ 'số hộ': 12 });
        expect(file.positionOf(['dữ kiện', 'số hộ']).line).toBe(5);
    });

    it('refuses two keys that read the same once blanks and Unicode form are set aside', () => {
        const text = SAMPLE.replace('"dữ kiện": { "số hộ": 12 },', '"dữ kiện": { "số hộ": 12, "số\u00A0hộ": 13 },');
        expect(messages(text)).toEqual(['xa.json:5:29 lỗi dữ kiện.số hộ: Trường «số hộ» được ghi hai lần (dòng 5 và dòng 5): giữ một lần, với giá trị đúng.']);
    });

    it('says that curly quotes are the problem, where the first one is', () => {
        expect(messages(SAMPLE.replace('"xã": "Thử"', '“xã”: "Thử"'))).toEqual([
            'xa.json:2:3 lỗi (tệp): JSON không hợp lệ: dấu ngoặc kép cong «“» (chép từ Word): tên trường và chuỗi trong tệp xã viết trong dấu ngoặc kép thẳng "…".'
        ]);
        expect(messages(SAMPLE.replace('"xã": "Thử"', '"xã": “Thử”'))).toEqual([
            'xa.json:2:9 lỗi (tệp): JSON không hợp lệ: dấu ngoặc kép cong «“» (chép từ Word): tên trường và chuỗi trong tệp xã viết trong dấu ngoặc kép thẳng "…".'
        ]);
    });
});
