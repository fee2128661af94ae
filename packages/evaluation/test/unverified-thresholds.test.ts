import { describe, expect, it } from 'vitest';
import { compilePack, unverifiedThresholds } from '../src/index.js';
import { ntmServices } from '../src/node/index.js';

const HEADER = [
    'bộ tiêu chí thử "Bộ thử"',
    '  cấp xã nông thôn mới',
    '  địa bàn "toàn quốc"',
    '  phiên bản "1"',
    '  căn cứ 318/QĐ-TTg ngày 08/03/2022 của "Thủ tướng Chính phủ"',
    '  hiệu lực từ 08/03/2022 đến 31/12/2025',
    ''
].join('\n');

let count = 0;
async function listed(body: string) {
    const compiled = await compilePack(await ntmServices(), `memory:///unverified-${++count}.ntm`, 'thu.ntm', HEADER + body);
    return { errors: compiled.issues.filter(i => i.severity === 'error').map(i => i.message), items: unverifiedThresholds(compiled.loaded.pack) };
}

describe('the list of unverified and unknown thresholds (ntm check)', () => {
    it('names each by where it is written, with its bounds', async () => {
        const { errors, items } = await listed(
            'dữ kiện x: phần trăm\ntiêu chí 1 "A"\n' +
                '  chỉ tiêu 1.1 "a" x >= 5% chưa kiểm chứng "theo báo cáo"\n' +
                '  chỉ tiêu 1.2 "b" x >= chưa biết (<= 96,8%; suy từ "kết luận") "chưa có văn bản"\n'
        );
        expect(errors).toEqual([]);
        expect(items).toEqual([
            expect.objectContaining({ kind: 'unverified', where: 'chỉ tiêu 1.1', note: 'theo báo cáo' }),
            expect.objectContaining({ kind: 'unknown', where: 'chỉ tiêu 1.2', note: 'chưa có văn bản', bounds: '<= 96.8 %', basis: 'kết luận' })
        ]);
    });

    it('names a recognition condition by its first words', async () => {
        const { errors, items } = await listed(
            'dữ kiện thu nhập: tiền triệu đồng/người/năm\ndữ kiện mức: tiền triệu đồng/người/năm\n' +
                'điều kiện công nhận "Thu nhập bình quân đầu người của xã cao hơn từ 10% trở lên so với mức áp dụng"\n' +
                '  thu nhập >= 110% (chưa kiểm chứng "trích qua báo chí") × mức\n'
        );
        expect(errors).toEqual([]);
        expect(items).toEqual([
            expect.objectContaining({
                kind: 'unverified',
                where: 'điều kiện công nhận «Thu nhập bình quân đầu người của xã…»',
                note: 'trích qua báo chí'
            })
        ]);
    });

    it('an indicator a syntax error left without its label is «(chưa ghi mã)», and a bound without its value is left out', async () => {
        const { errors, items } = await listed(
            'dữ kiện x: phần trăm\ntiêu chí 1 "A"\n' +
                '  chỉ tiêu , "a" x >= 5% chưa kiểm chứng "theo báo cáo"\n' +
                '  chỉ tiêu 1.2 "b" x >= chưa biết (<= ; suy từ "kết luận")\n'
        );
        expect(errors.length).toBeGreaterThan(0);
        expect(items.map(i => `${i.kind} ${i.where}: ${i.note ?? ''} ${i.bounds ?? ''}`)).toEqual([
            'unverified chỉ tiêu (chưa ghi mã): theo báo cáo ',
            'unknown chỉ tiêu 1.2:  '
        ]);
    });
});
