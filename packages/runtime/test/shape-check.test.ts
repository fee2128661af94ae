// The runtime's reader of commune files checks shape with a small JSON Schema interpreter (shape-check.ts);
// `anyOf` is general: a value passes when any branch does, and a failure says what to fix.
import { describe, expect, it } from 'vitest';
import { COMMUNE_SCHEMA, shapeProblems } from '../src/index.js';

const commune = (official: unknown) => ({ xã: 'A', 'ngày đánh giá': '2024-01-01', 'dữ kiện': {}, 'kết quả chính thức': official });

describe('anyOf in the commune file schema', () => {
    it("takes a village's official result as a verdict, a blank, or an object of verdicts", () => {
        const villages = { 'Thôn A': 'đạt', 'Thôn B': null, 'Thôn C': { 'công nhận': 'chưa đạt', 'chỉ tiêu': { '2.1': 'đạt' } } };
        expect(shapeProblems(COMMUNE_SCHEMA, commune({ 'các thôn': villages }))).toEqual([]);
    });

    it("reports the problem inside the branch of the value's type, or what the value may be", () => {
        const inObject = shapeProblems(COMMUNE_SCHEMA, commune({ 'các thôn': { 'Thôn C': { 'công nhận': 'tốt', số: 1 } } }));
        expect(inObject).toEqual([
            { path: ['kết quả chính thức', 'các thôn', 'Thôn C', 'số'], message: expect.stringContaining('Trường «số» không thuộc định dạng tệp xã') },
            { path: ['kết quả chính thức', 'các thôn', 'Thôn C', 'công nhận'], message: expect.stringMatching(/^Giá trị phải là một trong: «đạt», «chưa đạt»/) }
        ]);
        const wrongWord = shapeProblems(COMMUNE_SCHEMA, commune({ 'các thôn': { 'Thôn A': 'tốt' } }));
        expect(wrongWord).toEqual([
            { path: ['kết quả chính thức', 'các thôn', 'Thôn A'], message: expect.stringMatching(/«thiếu dữ liệu», đối tượng \{ … \}\.$/) }
        ]);
    });

    it('still asks for «dữ kiện» or «các thôn» at the root', () => {
        expect(shapeProblems(COMMUNE_SCHEMA, { xã: 'A', 'ngày đánh giá': '2024-01-01' })).toEqual([
            { path: [], message: 'Cần «dữ kiện» (dữ kiện của xã) hoặc «các thôn» (dữ kiện của từng thôn).' }
        ]);
    });
});
