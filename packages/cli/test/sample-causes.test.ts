// `ntm test` on what analysts declare (issue 13, items 6 and 7): the causes «ngưỡng chưa biết», «không áp
// dụng được tính là đạt», «bộ tiêu chí chưa diễn đạt được»; «chưa đánh giá» as an official verdict of its own;
// a criterion explained by its indicators only when every differing indicator is declared.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, tempDir } from './helpers/run-ntm.js';

const PACK = [
    'bộ tiêu chí nguyên nhân "Nguyên nhân sai khác"',
    '  cấp xã nông thôn mới',
    '  địa bàn "toàn quốc"',
    '  phiên bản "thử"',
    '  căn cứ 1/HD-THU ngày 01/01/2023 của "Cơ quan thử"',
    '  hiệu lực từ 01/01/2023',
    'dữ kiện a: phần trăm',
    'dữ kiện b: phần trăm',
    'dữ kiện c: phần trăm',
    'dữ kiện cơ sở chế biến: đếm cơ sở',
    'dữ kiện cơ sở đạt: đếm cơ sở',
    'dữ kiện d: phần trăm',
    'tiêu chí 2 "Ba chỉ tiêu"',
    '  chỉ tiêu 2.1 "a" a >= 90%',
    '  chỉ tiêu 2.2 "b" b >= 90%',
    '  chỉ tiêu 2.3 "c" c >= 90%',
    'tiêu chí 18 "Không có đối tượng"',
    '  chỉ tiêu 18.6 "100% cơ sở chế biến đạt" tỷ số cơ sở đạt / cơ sở chế biến = 100%',
    'tiêu chí 19 "Ngưỡng chưa biết"',
    '  chỉ tiêu 19.1 "d" d >= chưa biết "văn bản chưa có"',
    ''
].join('\n');

function sample(
    dir: string,
    name: string,
    official: object,
    declared: object[],
    facts: object = { a: 50, b: 50, c: 95, 'cơ sở chế biến': 0, 'cơ sở đạt': 0, d: 60 }
): string {
    const file = path.join(dir, `${name}.json`);
    writeFileSync(
        file,
        JSON.stringify(
            {
                xã: 'Thử',
                'bộ tiêu chí': 'nguyen-nhan.ntm',
                'ngày đánh giá': '2024-01-01',
                'dữ kiện': facts,
                'kết quả chính thức': official,
                'sai khác đã biết': declared
            },
            null,
            2
        )
    );
    return file;
}

function setUp(): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'nguyen-nhan.ntm'), PACK);
    return dir;
}

const declare = (label: string, cause: string, computed?: string) => ({
    'chỉ tiêu': label,
    ...(computed ? { 'kết quả máy': computed } : {}),
    'nguyên nhân': cause,
    'giải thích': 'thử'
});

describe('the causes analysts need', () => {
    it('accepts «ngưỡng chưa biết», «không áp dụng được tính là đạt» and «bộ tiêu chí chưa diễn đạt được»', async () => {
        const dir = setUp();
        sample(dir, 'xa', { 'chỉ tiêu': { '2.1': 'đạt', '2.2': 'đạt', '18.6': 'đạt', '19.1': 'đạt' } }, [
            declare('2.1', 'bộ tiêu chí chưa diễn đạt được', 'chưa đạt'),
            declare('2.2', 'bộ tiêu chí chưa diễn đạt được', 'chưa đạt'),
            declare('18.6', 'không áp dụng được tính là đạt', 'không áp dụng'),
            declare('19.1', 'ngưỡng chưa biết', 'thiếu dữ liệu')
        ]);
        const out = await ntm('test', dir);
        expect(out.code, out.stdout + out.stderr).toBe(0);
        expect(out.stdout).toContain('chỉ tiêu 18.6: máy «không áp dụng», chính thức «đạt» — sai khác đã biết — không áp dụng được tính là đạt: thử');
        expect(out.stdout).toContain('chỉ tiêu 19.1: máy «thiếu dữ liệu», chính thức «đạt» — sai khác đã biết — ngưỡng chưa biết: thử');
        expect(out.stdout).toContain('chỉ tiêu 2.1: máy «chưa đạt», chính thức «đạt» — sai khác đã biết — bộ tiêu chí chưa diễn đạt được: thử');
        expect(out.stdout).toMatch(/4 passed, 0 failed\n$/u);
    });

    it('refuses a cause that is not in the list, naming the ones that are', async () => {
        const dir = setUp();
        sample(dir, 'xa', { 'chỉ tiêu': { '19.1': 'đạt' } }, [declare('19.1', 'ngưỡng không rõ')]);
        const out = await ntm('test', dir);
        expect(out.code).toBe(1);
        expect(out.stdout + out.stderr).toMatch(
            /xa\.json:\d+:\d+ .*nguyên nhân.*«ngưỡng chưa biết», «không áp dụng được tính là đạt», «bộ tiêu chí chưa diễn đạt được»/u
        );
    });
});

describe('«chưa đánh giá»: the report did not assess it', () => {
    it('is its own official verdict, not a difference, and shown as such', async () => {
        const dir = setUp();
        sample(dir, 'xa', { 'chỉ tiêu': { '2.3': 'chưa đánh giá', '19.1': 'chưa đánh giá' }, 'tiêu chí': { '19': 'chưa đánh giá' } }, []);
        const out = await ntm('test', dir);
        expect(out.code, out.stdout + out.stderr).toBe(0);
        expect(out.stdout).toContain('chỉ tiêu 2.3: máy «đạt», chính thức «chưa đánh giá» — báo cáo chưa đánh giá');
        expect(out.stdout).toContain('tiêu chí 19: máy «thiếu dữ liệu», chính thức «chưa đánh giá» — báo cáo chưa đánh giá');
        expect(out.stdout).toMatch(/3 passed, 0 failed\n$/u);
    });

    it('is not «thiếu dữ liệu»: that is a conclusion the machine can differ from', async () => {
        const dir = setUp();
        sample(dir, 'xa', { 'chỉ tiêu': { '2.3': 'thiếu dữ liệu' } }, []);
        const out = await ntm('test', dir);
        expect(out.code).toBe(1);
        expect(out.stdout).toContain('chỉ tiêu 2.3: máy «đạt», chính thức «thiếu dữ liệu» — sai khác chưa khai báo');
    });

    it('fails a difference declared against it: there is nothing to differ from', async () => {
        const dir = setUp();
        sample(dir, 'xa', { 'chỉ tiêu': { '19.1': 'chưa đánh giá' } }, [declare('19.1', 'ngưỡng chưa biết')]);
        const out = await ntm('test', dir);
        expect(out.code).toBe(1);
        expect(out.stdout).toContain('chỉ tiêu 19.1: máy «thiếu dữ liệu», chính thức «chưa đánh giá» — sai khác đã khai báo nhưng không còn');
        expect(out.stdout).toContain('báo cáo chưa đánh giá chỉ tiêu 19.1: không có kết luận nào để khác');
    });
});

describe('a criterion is explained only when all of it is', () => {
    it('fails when one differing indicator is declared and another, without an official verdict, is not', async () => {
        const dir = setUp();
        sample(dir, 'xa', { 'chỉ tiêu': { '2.1': 'đạt' }, 'tiêu chí': { '2': 'đạt' } }, [declare('2.1', 'thiếu dữ liệu trong báo cáo', 'chưa đạt')]);
        const out = await ntm('test', dir);
        expect(out.code).toBe(1);
        expect(out.stdout).toContain('✗ tiêu chí 2: máy «chưa đạt», chính thức «đạt» — sai khác chưa khai báo');
        expect(out.stdout).toContain('sai khác đã khai báo ở chỉ tiêu 2.1, nhưng chỉ tiêu khác cũng khác mà chưa khai báo: chỉ tiêu 2.2 (máy «chưa đạt»)');
        expect(out.stdout).toMatch(/1 passed, 1 failed\n$/u);
    });

    it('takes a declaration at an indicator without an official verdict of its own, under a criterion the report says is met', async () => {
        const dir = setUp();
        // The report rules only criterion 2 «đạt»: 2.1 and 2.2 are «chưa đạt» on the commune's own figures.
        sample(dir, 'xa', { 'chỉ tiêu': { '2.1': null, '2.2': null }, 'tiêu chí': { '2': 'đạt' } }, [
            declare('2.1', 'báo cáo kết luận khác số liệu', 'chưa đạt'),
            declare('2.2', 'báo cáo kết luận khác số liệu')
        ]);
        const out = await ntm('test', dir);
        expect(out.code, out.stdout + out.stderr).toBe(0);
        expect(out.stdout).toContain('chỉ tiêu 2.1: máy «chưa đạt», chính thức «đạt» — sai khác đã biết — báo cáo kết luận khác số liệu: thử');
        expect(out.stdout).toContain('tiêu chí 2: máy «chưa đạt», chính thức «đạt» — sai khác đã biết (do sai khác đã biết ở chỉ tiêu 2.1, 2.2)');
        expect(out.stdout).toMatch(/3 passed, 0 failed\n$/u);
    });

    it('fails such a declaration once the indicator is met: there is no difference left', async () => {
        const dir = setUp();
        sample(dir, 'xa', { 'tiêu chí': { '2': 'chưa đạt' } }, [declare('2.3', 'thiếu dữ liệu trong báo cáo')]);
        sample(dir, 'xa2', { 'tiêu chí': { '2': 'đạt' } }, [declare('2.3', 'thiếu dữ liệu trong báo cáo')], {
            a: 95,
            b: 95,
            c: 95,
            'cơ sở chế biến': 0,
            'cơ sở đạt': 0,
            d: 60
        });
        const out = await ntm('test', dir);
        expect(out.code).toBe(1);
        // Under a criterion not said to be met, nothing official to differ from; under one that is, 2.3 now meets it.
        expect(out.stdout).toContain('sai khác được khai báo nhưng tệp không có kết quả chính thức tương ứng');
        expect(out.stdout).toContain('chỉ tiêu 2.3: máy «đạt», chính thức «đạt» — sai khác đã khai báo nhưng không còn');
    });

    it('names an undeclared indicator whose own official verdict differs', async () => {
        const dir = setUp();
        sample(dir, 'xa', { 'chỉ tiêu': { '2.1': 'đạt', '2.2': 'đạt' }, 'tiêu chí': { '2': 'đạt' } }, [declare('2.1', 'thiếu dữ liệu trong báo cáo')]);
        const out = await ntm('test', dir);
        expect(out.code).toBe(1);
        expect(out.stdout).toContain('chỉ tiêu 2.2 (máy «chưa đạt», chính thức «đạt»)');
    });

    it('passes once every differing indicator is declared', async () => {
        const dir = setUp();
        sample(dir, 'xa', { 'chỉ tiêu': { '2.1': 'đạt', '2.2': 'đạt' }, 'tiêu chí': { '2': 'đạt' }, 'công nhận': 'đạt' }, [
            declare('2.1', 'thiếu dữ liệu trong báo cáo'),
            declare('2.2', 'thiếu dữ liệu trong báo cáo')
        ]);
        const out = await ntm('test', dir);
        // The recognition differs because of criterion 2 (explained) and criterion 19 (thiếu dữ liệu, undeclared).
        expect(out.stdout).toContain('tiêu chí 2: máy «chưa đạt», chính thức «đạt» — sai khác đã biết (do sai khác đã biết ở chỉ tiêu 2.1, 2.2)');
        expect(out.stdout).toContain('✗ công nhận: máy «chưa đạt», chính thức «đạt» — sai khác chưa khai báo');
        expect(out.stdout).toContain('nhưng phần khác cũng khác mà chưa khai báo: tiêu chí 19 (máy «thiếu dữ liệu»)');
        expect(out.code).toBe(1);
    });
});
