// The `ntm eval` table: no verdict or difference is ever cut, at any width; the value column is the
// commune's own value; unknown thresholds are said in words; labels in reading order; colour only on
// request; the pack's total and pass mark in the text; `--json` keeps everything.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { ntm, ntmWith, resources, root, tempDir } from './helpers/run-ntm.js';

const SAMPLES = ['examples/ha-nam/liem-can-2024.json', 'examples/lang-son/lien-hoi-2023.json', 'examples/ha-noi/lien-ninh-2023.json'];

interface Check {
    level: string;
    label: string;
    official?: string;
    computed?: string;
}

/** The table row of an indicator: its first line starts with the label followed by two spaces. */
function rowOf(text: string, label: string): string | undefined {
    return text.split('\n').find(line => line.startsWith(`${label}  `));
}

describe('every difference keeps its ≠, at 80 and at 200 columns', () => {
    it.each(SAMPLES)('%s', async sample => {
        const json = await ntm('eval', sample, '--json');
        const comparison = (JSON.parse(json.stdout) as { comparison: Check[] }).comparison;
        const differing = comparison.filter(c => c.level === 'indicator' && c.computed !== undefined && c.computed !== c.official);
        for (const width of [80, 200]) {
            const text = await ntmWith({ COLUMNS: String(width) }, 'eval', sample);
            expect(text.code, text.stderr).toBe(0);
            for (const check of differing) {
                const row = rowOf(text.stdout, check.label);
                expect(row, `chỉ tiêu ${check.label} ở ${width} cột`).toBeDefined();
                expect(row, `chỉ tiêu ${check.label} ở ${width} cột`).toContain(`${check.computed} ≠`);
            }
            // Nothing is cut with «…» and no table line is wider than the output.
            expect(text.stdout).not.toContain('…  ');
            for (const line of text.stdout.split('\n')) {
                if (/^[\d.a-z]+ {2}|^─/.test(line)) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
            }
        }
    });

    it('counts the differences of the Liêm Cần sample, each with its mark', async () => {
        const text = await ntmWith({ COLUMNS: '80' }, 'eval', SAMPLES[0]!);
        const marked = text.stdout.split('\n').filter(line => /^\d+\.\d+ {2}.*(thiếu dữ liệu|không áp dụng|chưa đạt|đạt) ≠/.test(line));
        expect(marked.length).toBeGreaterThanOrEqual(15);
    });
});

describe('the value and requirement columns', () => {
    it('shows «—» for a missing value, never another fact the rule read', async () => {
        const dir = tempDir();
        writeFileSync(path.join(dir, 'mini.ntm'), readFileSync(path.join(resources, 'mini.ntm')));
        const data = JSON.parse(readFileSync(path.join(resources, 'mini-commune.json'), 'utf8'));
        delete data['dữ kiện']['hộ dùng điện'];
        data['sai khác đã biết'] = [];
        writeFileSync(path.join(dir, 'xa.json'), JSON.stringify(data));
        const out = await ntm('eval', path.join(dir, 'xa.json'));
        expect(out.code, out.stderr).toBe(0);
        expect(rowOf(out.stdout, '4.1')).toMatch(/^4\.1 +— +=\s?100 % +thiếu dữ liệu ≠ +đạt +thiếu: hộ dùng điện$/);
        expect(out.stdout).not.toContain('2.751 hộ');
    });

    it('says in words that a threshold depends on a region the file does not give', async () => {
        const dir = tempDir();
        const data = JSON.parse(readFileSync(path.join(root, SAMPLES[1]!), 'utf8'));
        delete data['thuộc tính']['vùng'];
        data['bộ tiêu chí'] = path.join(root, 'rulesets/lang-son/1494-xa-ntm.ntm');
        writeFileSync(path.join(dir, 'xa.json'), JSON.stringify(data));
        const out = await ntm('eval', path.join(dir, 'xa.json'));
        expect(out.code, out.stderr).toBe(0);
        expect(rowOf(out.stdout, '10')).toMatch(/^10 +38,6 triệu đồng\/người\/năm +>= \(theo vùng; chưa biết vùng của xã\) +thiếu dữ liệu ≠/);
        expect(out.stdout).not.toMatch(/[<>=] thiếu dữ liệu/);
        expect(out.stdout).not.toContain('vùng của xã: ');
        expect(out.stdout).toContain(
            'Vùng: chưa xác định được vùng áp dụng: thiếu xã đặc biệt khó khăn; xã an toàn khu thuộc huyện nghèo; xã thuộc huyện vừa thoát nghèo 2018 2020; vùng của xã (thuộc tính «vùng»).'
        );
    });

    it('moves long notes under their row at 80 columns and keeps them beside it at 200', async () => {
        const narrow = await ntmWith({ COLUMNS: '80' }, 'eval', SAMPLES[0]!);
        const lines = narrow.stdout.split('\n');
        const at = lines.findIndex(line => line.startsWith('12.1  '));
        expect(lines.slice(at, at + 2)).toEqual([
            expect.stringMatching(/^12\.1 +nam: — +>= 85 % +thiếu dữ liệu ≠ +đạt$/),
            expect.stringMatching(/^ {10}nữ: — +>= 85 %$/)
        ]);
        expect(lines[at + 2]).toMatch(/^ {4}thiếu: số lao động qua đào tạo \(nam\);/);
        const wide = await ntmWith({ COLUMNS: '200' }, 'eval', SAMPLES[0]!);
        expect(rowOf(wide.stdout, '12.1')).toMatch(/thiếu dữ liệu ≠ +đạt +thiếu: số lao động qua đào tạo \(nam\)/);
    });

    it('keeps every note whole in --json', async () => {
        const out = await ntm('eval', SAMPLES[2]!, '--json');
        const indicator = JSON.parse(out.stdout).result.indicators.find((i: { label: string }) => i.label === '5.b4');
        expect(indicator.notes.map((n: { text: string }) => n.text).join(' ')).toContain(
            'nội dung yêu cầu của thành phần «Du lịch thông minh» không có trong tài liệu'
        );
        expect(indicator.clauses).toEqual([{ requirement: 'có' }]);
    });
});

describe('order, colour and totals', () => {
    it('sorts criteria and indicators naturally: 3.1 before 3.2 before 3.10, 5 before 10', async () => {
        const dir = tempDir();
        writeFileSync(
            path.join(dir, 'thu.ntm'),
            [
                'bộ tiêu chí thứ tự "Thứ tự nhãn"',
                '  cấp xã nông thôn mới',
                '  địa bàn "toàn quốc"',
                '  phiên bản "thử"',
                '  căn cứ 1/HD-THU ngày 01/01/2023 của "Cơ quan thử"',
                '  hiệu lực từ 01/01/2023',
                'dữ kiện a: phần trăm',
                'dữ kiện b: phần trăm',
                'dữ kiện c: phần trăm',
                'tiêu chí 10 "Mười"',
                '  chỉ tiêu 10.1 "x" a >= 1%',
                'tiêu chí 3 "Ba"',
                '  chỉ tiêu 3.10 "x" a >= 1%',
                '  chỉ tiêu 3.2 "x" b >= 1%',
                '  chỉ tiêu 3.1 "x" c >= 1%',
                'tiêu chí 5 "Năm"',
                '  chỉ tiêu 5.1 "x" a >= 1%',
                ''
            ].join('\n')
        );
        writeFileSync(
            path.join(dir, 'xa.json'),
            JSON.stringify({ xã: 'Thử', 'bộ tiêu chí': 'thu.ntm', 'ngày đánh giá': '2024-01-01', 'dữ kiện': { a: 5, b: 5, c: 5 } })
        );
        const out = await ntm('eval', path.join(dir, 'xa.json'));
        expect(out.code, out.stderr).toBe(0);
        const order = out.stdout.split('\n').flatMap(line => /^(Tiêu chí \d+|\d+\.\d+) /.exec(line)?.[1] ?? []);
        expect(order).toEqual(['Tiêu chí 3', '3.1', '3.2', '3.10', 'Tiêu chí 5', '5.1', 'Tiêu chí 10', '10.1']);
    });

    it('colours verdicts and differences only when asked, and never lets pack text colour itself', async () => {
        const plain = await ntm('eval', SAMPLES[0]!);
        expect(plain.stdout).not.toContain('\u001b[');
        const coloured = await ntmWith({ FORCE_COLOR: '1' }, 'eval', SAMPLES[0]!);
        expect(coloured.stdout).toContain('\u001b[33mthiếu dữ liệu\u001b[0m \u001b[1;35m≠\u001b[0m');
        expect(coloured.stdout).toContain('\u001b[32mđạt\u001b[0m');
        const refused = await ntmWith({ FORCE_COLOR: '1', NO_COLOR: '1' }, 'eval', SAMPLES[0]!);
        expect(refused.stdout).not.toContain('\u001b[');
        // A pack whose title carries an escape sequence: shown escaped, colour or not.
        const dir = tempDir();
        writeFileSync(
            path.join(dir, 'mini.ntm'),
            readFileSync(path.join(resources, 'mini.ntm'), 'utf8').replace('"Bộ tiêu chí thử cho CLI"', '"Bộ\u001b[31m đỏ\u001b[0m"')
        );
        writeFileSync(path.join(dir, 'xa.json'), readFileSync(path.join(resources, 'mini-commune.json')));
        const hostile = await ntmWith({ FORCE_COLOR: '1' }, 'eval', path.join(dir, 'xa.json'));
        expect(hostile.stdout).toContain('Bộ\\u001b[31m đỏ\\u001b[0m');
        const sequences = hostile.stdout.match(/\u001b\[[0-9;]*m/g) ?? [];
        expect(new Set(sequences)).toEqual(new Set(['\u001b[1m', '\u001b[0m', '\u001b[31m', '\u001b[32m', '\u001b[1;35m', '\u001b[33m']));
        expect(
            hostile.stdout
                .split('\u001b[')
                .slice(1)
                .every(rest => /^[0-9;]*m/.test(rest))
        ).toBe(true);
    });

    it('shows the total points and the pass mark on the total of a scored pack', async () => {
        const out = await ntm('eval', SAMPLES[2]!);
        expect(out.stdout).toMatch(/^ {2}Tổng điểm: 192,4\/200 điểm; điểm đạt của tổng điểm: >= chưa biết \(<= 192,4 điểm\) → đạt$/m);
        const json = JSON.parse((await ntm('eval', SAMPLES[2]!, '--json')).stdout);
        expect(json.result.summary.points).toMatchObject({ max: 200, awarded: 192.4, passMark: '>= chưa biết (<= 192,4 điểm)', passVerdict: 'đạt' });
    });
});
