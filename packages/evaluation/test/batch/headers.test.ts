// Headers are facts by name, with or without diacritics; a near miss gets «did you mean», and two facts
// that differ only by diacritics make a header without them an error, never a guess.
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '@ntm/language';
import { matchHeaders } from '@ntm/evaluation';

const specs: FactSpec[] = [
    { name: 'số hộ nghèo', kind: 'count', unit: 'hộ' },
    { name: 'số hộ ngheo', kind: 'count', unit: 'hộ' },
    { name: 'tổng số hộ', kind: 'count', unit: 'hộ' },
    { name: 'thu nhập bình quân đầu người', kind: 'money', unit: 'triệu đồng/người/năm' },
    { name: 'tỷ lệ lao động qua đào tạo', kind: 'percent', unit: '%', members: ['nam', 'nữ'] },
    { name: 'số vụ phạm tội', kind: 'count', unit: 'vụ', index: 'năm' },
    { name: 'nhà văn hóa đạt chuẩn', kind: 'boolean', unit: '', index: 'thôn' }
];

const bind = (headers: string[]) => matchHeaders(headers, specs, { kind: 'communes' }).map(c => c.binding);

describe('matching headers to facts', () => {
    it('matches exactly, then without diacritics, in any Unicode form and spacing', () => {
        const [[exact], [folded], [nfd]] = [bind(['tổng số hộ']), bind(['Tong so ho']), bind(['tổng  số hộ'.normalize('NFD')])];
        expect(exact).toMatchObject({ kind: 'fact', spec: { name: 'tổng số hộ' } });
        expect(folded).toMatchObject({ kind: 'fact', spec: { name: 'tổng số hộ' } });
        expect(nfd).toMatchObject({ kind: 'fact', spec: { name: 'tổng số hộ' } });
    });

    it('refuses a header that two facts differing only by diacritics would match', () => {
        const [ambiguous, exact] = bind(['so ho ngheo', 'số hộ nghèo']);
        expect(ambiguous).toMatchObject({ kind: 'invalid', message: expect.stringContaining('mơ hồ') });
        expect(ambiguous).toMatchObject({ message: expect.stringContaining('«số hộ nghèo» và «số hộ ngheo»') });
        expect(exact).toMatchObject({ kind: 'fact', spec: { name: 'số hộ nghèo' } });
    });

    it('says «did you mean» for a near miss', () => {
        expect(bind(['tong so hoo'])[0]).toMatchObject({ kind: 'invalid', message: expect.stringContaining('Có phải «tổng số hộ»?') });
    });

    it('reads the commune-file fields, attributes and scores', () => {
        expect(bind(['Xã', 'Ngày đánh giá', 'vung', 'điểm thẩm tra [6.1.1]', 'thuộc tính [ghi chú vùng]', 'STT', 'Ghi chú của huyện'])).toEqual([
            { kind: 'field', field: 'xã' },
            { kind: 'field', field: 'ngày đánh giá' },
            { kind: 'field', field: 'vùng' },
            { kind: 'keyed', field: 'điểm thẩm tra', key: '6.1.1' },
            { kind: 'keyed', field: 'thuộc tính', key: 'ghi chú vùng' },
            { kind: 'ignored' },
            { kind: 'ignored' }
        ]);
    });

    it('takes breakdown members and years in brackets, and checks them', () => {
        expect(bind(['tỷ lệ lao động qua đào tạo [nu]', 'tỷ lệ lao động qua đào tạo [tổng]', 'số vụ phạm tội [2023]'])).toEqual([
            { kind: 'fact', spec: specs[4], key: 'nữ' },
            { kind: 'fact', spec: specs[4] },
            { kind: 'fact', spec: specs[5], key: '2023' }
        ]);
        expect(bind(['tỷ lệ lao động qua đào tạo [trẻ em]'])[0]).toMatchObject({ kind: 'invalid', message: expect.stringContaining('nam, nữ, tổng') });
        expect(bind(['số vụ phạm tội'])[0]).toMatchObject({ kind: 'invalid', message: expect.stringContaining('[2023]') });
        expect(bind(['nhà văn hóa đạt chuẩn'])[0]).toMatchObject({ kind: 'invalid', message: expect.stringContaining('trang tính «thôn»') });
    });

    it("accepts the fact's own unit after its name and refuses another", () => {
        expect(bind(['thu nhập bình quân đầu người (triệu đồng / người / năm)'])[0]).toMatchObject({ kind: 'fact' });
        expect(bind(['thu nhập bình quân đầu người (nghìn đồng)'])[0]).toMatchObject({ kind: 'invalid', message: expect.stringContaining('«nghìn đồng»') });
    });

    it('refuses the same fact in two columns', () => {
        expect(bind(['tổng số hộ', 'tong so ho'])[1]).toMatchObject({
            kind: 'invalid',
            message: expect.stringContaining('Cột này và cột «tổng số hộ» cùng là dữ kiện «tổng số hộ» (tên cột được so không kể dấu')
        });
        expect(bind(['tổng số hộ', 'tổng số hộ'])[1]).toMatchObject({ kind: 'invalid', message: expect.stringContaining('Cột trùng') });
    });

    it('on a collection sheet takes the member column and the facts kept per member', () => {
        const columns = matchHeaders(['xã', 'thôn', 'nhà văn hóa đạt chuẩn', 'tổng số hộ'], specs, { kind: 'collection', collection: 'thôn' });
        expect(columns.map(c => c.binding.kind)).toEqual(['field', 'member', 'fact', 'invalid']);
    });
});
