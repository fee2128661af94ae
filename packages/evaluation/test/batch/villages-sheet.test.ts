// A pack that counts villages by a village-level pack (`đếm thôn đạt chuẩn theo "…"`) in a spreadsheet: each
// village's facts on the sheet «Các thôn», a row per village; the count comes from each village's result,
// never from a typed figure; a bad village row is named at its own sheet, row and column.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spreadsheetInput } from '@ntm/evaluation/batch';
import type { RowOutcome } from '@ntm/evaluation';
import { REPO, tempFolder } from '../helpers.js';
import type { TestCell } from './workbooks.js';
import { writeXlsx } from './workbooks.js';

const PACK = path.join(REPO, 'examples/thu/xa-kieu-mau-thu.ntm');
const COMMUNES: TestCell[][] = [
    ['xã', 'huyện', 'ngày đánh giá', 'tổng số thôn', 'tổng số hộ', 'số hộ dùng nước sạch'],
    ['Xã A', 'Huyện 1', '31/12/2024', 3, 500, 490],
    ['Xã B', 'Huyện 1', '31/12/2024', 2, 300, 299]
];
const VILLAGE_HEADER = ['xã', 'thôn', 'nhà văn hóa thôn đạt chuẩn', 'số câu lạc bộ văn nghệ thể thao', 'số hộ của thôn', 'số hộ phân loại rác tại nguồn'];

async function outcomesOf(sheets: Record<string, TestCell[][]>) {
    const file = path.join(tempFolder('ntm-batch-villages-'), 'thon.xlsx');
    await writeXlsx(file, sheets);
    const input = await spreadsheetInput(file, PACK);
    const outcomes: RowOutcome[] = [];
    for await (const outcome of input.communes()) outcomes.push(outcome);
    return { problems: input.problems, outcomes };
}

const verdictOf = (outcome: RowOutcome | undefined, label: string) => outcome?.result?.indicators.find(i => i.label === label)?.verdict;

describe('villages counted by a village-level pack, from the sheet «Các thôn»', () => {
    it('evaluates each village and counts those that pass, per commune', async () => {
        const { problems, outcomes } = await outcomesOf({
            Xã: COMMUNES,
            'Các thôn': [
                VILLAGE_HEADER,
                ['Xã A', 'Thôn 1', 'có', 3, 100, 90],
                ['Xã A', 'Thôn 2', 'có', 2, 100, 80],
                ['Xã A', 'Thôn 3', 'không', 0, 100, 10],
                ['Xã B', 'Thôn 1', 'không', 0, 100, 10],
                ['Xã B', 'Thôn 2', 'không', 1, 100, 20]
            ]
        });
        expect(problems).toEqual([]);
        expect(outcomes.map(o => o.problems.filter(p => p.severity === 'error'))).toEqual([[], []]);
        // 1.1: ≥ 50% of villages pass the village-level pack; 1.2: at least one does.
        expect([verdictOf(outcomes[0], '1.1'), verdictOf(outcomes[0], '1.2')]).toEqual(['đạt', 'đạt']);
        expect([verdictOf(outcomes[1], '1.1'), verdictOf(outcomes[1], '1.2')]).toEqual(['chưa đạt', 'chưa đạt']);
        const counted = outcomes[0]!.result!.indicators.find(i => i.label === '1.2')!;
        expect(counted.value?.text).toMatch(/^2 thôn/);
    });

    it('does not evaluate a commune whose villages have data under a misspelt header, naming each cell', async () => {
        const misspelt = [...VILLAGE_HEADER];
        misspelt[2] = 'nhà văn hóa thôn đạt chuẩm';
        const { problems, outcomes } = await outcomesOf({
            Xã: COMMUNES,
            'Các thôn': [misspelt, ['Xã A', 'Thôn 1', 'có', 3, 100, 90], ['Xã A', 'Thôn 2', 'có', 2, 100, 80], ['Xã B', 'Thôn 1', '', 0, 100, 10]]
        });
        // The header: a warning at row 1, with the name meant.
        expect(problems.map(p => [p.severity, p.row, p.column])).toEqual([['warning', 1, 3]]);
        // Xã A has data under it: not evaluated (its count would silently miss «nhà văn hóa»); Xã B has none there.
        expect(outcomes[0]!.result).toBeUndefined();
        expect(outcomes[0]!.problems.filter(p => p.severity === 'error').map(p => [p.sheet, p.row, p.column, p.message.slice(0, 40)])).toEqual([
            ['Các thôn', 2, 3, 'Ô không được đọc vì tên cột có lỗi (dòng'],
            ['Các thôn', 3, 3, 'Ô không được đọc vì tên cột có lỗi (dòng']
        ]);
        expect(outcomes[1]!.result).toBeDefined();
    });

    it('names a village written twice and a row of no commune at their sheet and row', async () => {
        const { problems, outcomes } = await outcomesOf({
            Xã: COMMUNES,
            'Các thôn': [
                VILLAGE_HEADER,
                ['Xã A', 'Thôn 1', 'có', 3, 100, 90],
                ['Xã A', 'Thôn 2', 'có', 2, 100, 80],
                ['Xã A', 'Thôn 2', 'có', 2, 100, 80],
                ['Xã C', 'Thôn 1', 'có', 2, 100, 80],
                ['Xã B', 'Thôn 1', 'không', 0, 100, 10]
            ]
        });
        expect(problems.map(p => [p.sheet, p.row, p.message])).toEqual([['Các thôn', 5, 'Không có xã «Xã C» trên trang các xã: dòng này không thuộc xã nào.']]);
        const a = outcomes[0]!;
        expect(a.result).toBeUndefined();
        expect(a.problems.map(p => [p.sheet, p.row, p.message])).toEqual([['Các thôn', 4, 'Thôn «Thôn 2» có hai dòng trên trang «Các thôn».']]);
        // The other commune is evaluated: a bad village row stops its own commune only.
        expect(outcomes[1]!.result).toBeDefined();
    });

    it('refuses a typed count (it is counted from the villages), at its column', async () => {
        const { problems, outcomes } = await outcomesOf({
            Xã: [
                [...COMMUNES[0]!, 'số thôn đạt chuẩn thôn kiểu mẫu'],
                [...COMMUNES[1]!, 2]
            ]
        });
        expect(problems.map(p => [p.sheet, p.row, p.header])).toEqual([['Xã', 1, 'số thôn đạt chuẩn thôn kiểu mẫu']]);
        expect(problems[0]!.message).toMatch(/được tính từ kết quả các thôn .*trang «Các thôn»/);
        expect(outcomes[0]!.result).toBeUndefined();
        expect(outcomes[0]!.problems[0]).toMatchObject({ sheet: 'Xã', row: 2, header: 'số thôn đạt chuẩn thôn kiểu mẫu' });
    });

    it('finds a village fact the village-level pack refuses at its cell on «Các thôn»', async () => {
        const { outcomes } = await outcomesOf({
            Xã: COMMUNES.slice(0, 2),
            'Các thôn': [VILLAGE_HEADER, ['Xã A', 'Thôn 1', 'có', 3, 100, 90], ['Xã A', 'Thôn 2', 'có', 'ba', 100, 90]]
        });
        expect(outcomes[0]!.result).toBeUndefined();
        expect(outcomes[0]!.problems.map(p => [p.severity, p.sheet, p.row, p.header])).toEqual([['error', 'Các thôn', 3, 'số câu lạc bộ văn nghệ thể thao']]);
    });
});
