import { describe, expect, it } from 'vitest';
import { rat, ratFromNumber } from '../src/exact-numbers.js';
import type { FactSpec } from '../src/result-types.js';
import { SUGGESTED_UNKNOWN_FACTS, checkFactDates, readFacts } from '../src/fact-input.js';
import { parseNumber } from '../src/number-input.js';
import { dateProblem, parseDate } from '../src/dates.js';

describe('parseDate', () => {
    it.each<[string, string | undefined]>([
        ['2024-06-30', '2024-06-30'],
        ['30/06/2024', '2024-06-30'],
        ['1/7/2024', '2024-07-01'],
        ['29/02/2024', '2024-02-29'],
        ['29/02/2023', undefined],
        ['2024-02-30', undefined],
        ['2024-13-01', undefined],
        ['30.06.2024', '2024-06-30'],
        ['30-06-2024', '2024-06-30'],
        ['30/06/24', undefined],
        ['', undefined]
    ])('%j is %s', (text, iso) => {
        expect(parseDate(text)).toBe(iso);
    });
});

describe('dateProblem: why a text is not a date', () => {
    it.each<[string, string, boolean]>([
        ['31/11/2024', 'tháng 11/2024 chỉ có 30 ngày', false],
        ['29/02/2023', 'tháng 2/2023 chỉ có 28 ngày', false],
        ['2024-13-01', 'không có tháng 13', false],
        ['15-11-24', 'viết YYYY-MM-DD hoặc dd/mm/yyyy', true],
        ['2024-1-5', 'viết YYYY-MM-DD (tháng và ngày hai chữ số) hoặc dd/mm/yyyy', true]
    ])('%j: %s', (text, reason, format) => {
        expect(dateProblem(text)).toEqual({ reason, format });
    });
});

const SPECS: readonly FactSpec[] = [
    { name: 'rác thải', kind: 'percent', unit: '%' },
    { name: 'số vụ', kind: 'count', unit: 'vụ' },
    { name: 'năm công nhận', kind: 'year', unit: '' },
    { name: 'lao động', kind: 'percent', unit: '%', members: ['nam', 'nữ'] },
    { name: 'trụ sở', kind: 'boolean', unit: '' },
    { name: 'xếp loại', kind: 'level', unit: '', levels: ['khá', 'tốt'] },
    { name: 'ngày', kind: 'date', unit: '' }
];

describe('readFacts', () => {
    it('reads each kind of fact', () => {
        const table = readFacts(
            {
                'rác thải': '98,5',
                'số vụ': 3,
                'năm công nhận': 2024,
                'trụ sở': 'có',
                'xếp loại': 'tốt',
                ngày: '01/02/2024'
            },
            SPECS
        );
        expect(table.issues).toEqual([]);
        expect(table.raw.get('rác thải')?.total).toEqual({ t: 'num', r: ratFromNumber(98.5), isBound: false, decimals: 1 });
        expect(table.raw.get('trụ sở')?.total).toEqual({ t: 'bool', b: true });
        expect(table.raw.get('xếp loại')?.total).toEqual({ t: 'level', i: 1, name: 'tốt' });
        expect(table.raw.get('ngày')?.total).toEqual({ t: 'date', iso: '2024-02-01' });
    });

    it('reads a text number written with its unit as { giá trị, đơn vị }, and yes/no and levels in any letter case', () => {
        const specs: readonly FactSpec[] = [...SPECS, { name: 'đường', kind: 'quantity', unit: 'km' }];
        const table = readFacts({ 'rác thải': '98,5%', 'số vụ': '3 vụ', đường: '3138 m', 'trụ sở': 'Có', 'xếp loại': 'Tốt' }, specs);
        expect(table.issues).toEqual([]);
        expect(table.raw.get('rác thải')?.total).toEqual({ t: 'num', r: ratFromNumber(98.5), isBound: false, decimals: 1 });
        expect(table.raw.get('số vụ')?.total).toMatchObject({ t: 'num', r: rat(3n, 1n) });
        expect(table.raw.get('đường')?.total).toMatchObject({ t: 'num', r: rat(3138n, 1000n), written: '3.138 m' });
        expect(table.raw.get('trụ sở')?.total).toEqual({ t: 'bool', b: true });
        expect(table.raw.get('xếp loại')?.total).toEqual({ t: 'level', i: 1, name: 'tốt' });
        // TRUE/FALSE as a spreadsheet saved as CSV writes its yes/no cells.
        expect(readFacts({ 'trụ sở': 'FALSE' }, SPECS).raw.get('trụ sở')?.total).toEqual({ t: 'bool', b: false });
    });

    it('refuses a fact, a part or a year written twice under keys that read alike (NFC and NFD, a trailing blank)', () => {
        const nfd = 'rác thải'.normalize('NFD');
        const table = readFacts({ 'rác thải': 60, [nfd]: 40, 'trụ sở ': true, 'trụ sở': false }, SPECS);
        expect(table.issues.map(i => [i.code, i.path[1] === nfd ? 'NFD' : i.path[1], i.message])).toEqual([
            ['duplicate-fact', 'NFD', 'Dữ kiện «rác thải» được ghi hai lần (hai dạng Unicode của cùng chữ, đọc ra cùng một tên): chỉ ghi một lần.'],
            ['duplicate-fact', 'trụ sở', 'Dữ kiện «trụ sở» được ghi hai lần (khác nhau ở dấu cách, đọc ra cùng một tên): chỉ ghi một lần.']
        ]);
        expect(readFacts({ 'lao động': { nam: 90, 'nam ': 10 } }, SPECS).issues.map(i => [i.code, i.path])).toEqual([
            ['duplicate-fact', ['dữ kiện', 'lao động', 'nam ']]
        ]);
    });

    it("reads a name with the old placement of a tone mark («hoá», «thuỷ») as the pack's new one, and the other way round", () => {
        const specs: readonly FactSpec[] = [
            { name: 'tỷ lệ đường được cứng hóa', kind: 'percent', unit: '%' },
            { name: 'tỷ lệ công trình thủy lợi tốt', kind: 'percent', unit: '%' }
        ];
        const table = readFacts({ 'tỷ lệ đường được cứng hoá': 90, 'tỷ lệ công trình thuỷ lợi tốt': 80 }, specs);
        expect(table.issues).toEqual([]);
        expect([...table.raw.keys()]).toEqual(['tỷ lệ đường được cứng hóa', 'tỷ lệ công trình thủy lợi tốt']);
        // One word written both ways is one fact written twice.
        expect(readFacts({ 'tỷ lệ đường được cứng hoá': 90, 'tỷ lệ đường được cứng hóa': 91 }, specs).issues.map(i => [i.code, i.message])).toEqual([
            [
                'duplicate-fact',
                'Dữ kiện «tỷ lệ đường được cứng hóa» được ghi hai lần (khác nhau ở chỗ đặt dấu thanh, như «hoá» và «hóa», đọc ra cùng một tên): chỉ ghi một lần.'
            ]
        ]);
    });

    it("warns when a breakdown's parts do not add up to its total, and evaluates as written", () => {
        const specs: readonly FactSpec[] = [
            { name: 'lao động', kind: 'count', unit: 'người', members: ['nam', 'nữ'] },
            { name: 'đường', kind: 'quantity', unit: 'km', members: ['nhựa', 'bê tông', 'đất'] },
            { name: 'tỷ lệ', kind: 'percent', unit: '%', members: ['nam', 'nữ'] },
            { name: 'thu nhập', kind: 'money', unit: 'triệu đồng/người/năm', members: ['nam', 'nữ'] }
        ];
        const warnings = (facts: Record<string, unknown>) => readFacts(facts, specs).issues.map(i => [i.severity, i.code, i.path.join('.'), i.message]);
        // Every part given, their sum not the total; a part beyond the total on its own.
        expect(warnings({ 'lao động': { nam: 2100, nữ: 2147, tổng: 4274 }, đường: { nhựa: 8.5, tổng: 8 } })).toEqual([
            [
                'warning',
                'parts-total-mismatch',
                'dữ kiện.lao động.tổng',
                'Dữ kiện «lao động»: nam 2.100 + nữ 2.147 = 4.247 người, khác «tổng» 4.274 người (phân tổ gồm nam, nữ). Kiểm tra lại số liệu; máy vẫn đánh giá theo các số đã ghi.'
            ],
            [
                'warning',
                'parts-total-mismatch',
                'dữ kiện.đường.tổng',
                'Dữ kiện «đường»: nhựa 8,5 km, lớn hơn «tổng» 8 km (phân tổ gồm nhựa, bê tông, đất). Kiểm tra lại số liệu; máy vẫn đánh giá theo các số đã ghi.'
            ]
        ]);
        expect(readFacts({ 'lao động': { nam: 2100, nữ: 2147, tổng: 4274 } }, specs).raw.get('lao động')?.total).toMatchObject({ r: rat(4274n) });
        // Parts that add up (exactly: 0,1 + 0,2 is 0,3), parts missing within the total, a range, rates and figures per person: nothing to say.
        expect(
            warnings({
                'lao động': { nam: 2127, nữ: 2147, tổng: 4274 },
                đường: { nhựa: 0.1, 'bê tông': 0.2, đất: 0, tổng: 0.3 },
                'tỷ lệ': { nam: 88, nữ: 84, tổng: 86 },
                'thu nhập': { nam: 70, nữ: 60, tổng: 65 }
            })
        ).toEqual([]);
        expect(warnings({ 'lao động': { nam: 2100, tổng: 4274 }, đường: { nhựa: { trên: 9 }, 'bê tông': 1, tổng: 8 } })).toEqual([]);
    });

    it('refuses a text number in a unit of another kind, at its unit, and a day that does not exist by name', () => {
        const table = readFacts({ 'số vụ': '3 km', ngày: '31/11/2024' }, SPECS);
        expect(table.issues.map(i => [i.path.join('.'), i.message])).toEqual([
            ['dữ kiện.số vụ.đơn vị', expect.stringMatching(/^Đơn vị «km» khác đơn vị khai báo của dữ kiện \(«vụ»\)/u)],
            ['dữ kiện.ngày', 'Không có ngày «31/11/2024»: tháng 11/2024 chỉ có 30 ngày.']
        ]);
    });

    it('matches fact names in NFD and with extra blanks', () => {
        const table = readFacts({ ['rác   thải'.normalize('NFD')]: 99 }, SPECS);
        expect(table.issues).toEqual([]);
        expect(table.raw.has('rác thải')).toBe(true);
    });

    it('skips null and undefined: absent, never zero', () => {
        const table = readFacts({ 'rác thải': null, 'số vụ': undefined }, SPECS);
        expect(table.raw.size).toBe(0);
        expect(table.issues).toEqual([]);
    });

    it.each<[string, unknown, string]>([
        ['số vụ', -1, 'Giá trị âm (-1) không hợp lệ cho dữ kiện này.'],
        ['số vụ', 2.5, 'Số đếm phải là số nguyên, nhận được 2,5.'],
        ['số vụ', '5e3', 'Không đọc được «5e3» thành số.'],
        ['số vụ', {}, 'Khoảng giá trị rỗng {}: ghi một số, hay cận của nó («trên», «dưới», «từ», «đến»).'],
        ['số vụ', new Date(0), 'Cần một số, nhận được một đối tượng.'],
        ['năm công nhận', 2024.5, 'Số đếm phải là số nguyên, nhận được 2.024,5.'],
        ['rác thải', -0.5, 'Giá trị âm (-0,5) không hợp lệ cho dữ kiện này.'],
        ['trụ sở', 1, 'Cần «có» hoặc «không» (hay true/false), nhận được 1.'],
        ['trụ sở', 'co', 'Cần «có» hoặc «không» (hay true/false), nhận được «co». Viết đủ dấu: «có».'],
        ['trụ sở', 'cò', 'Cần «có» hoặc «không» (hay true/false), nhận được «cò». Viết đủ dấu: «có».'],
        ['trụ sở', 'Khong', 'Cần «có» hoặc «không» (hay true/false), nhận được «Khong». Viết đủ dấu: «không».'],
        ['xếp loại', 'xuất sắc', 'Cần một mức trong: khá, tốt; nhận được «xuất sắc».'],
        ['ngày', '2024-02-30', 'Không có ngày «2024-02-30»: tháng 2/2024 chỉ có 29 ngày.']
    ])('refuses %s = %j', (name, value, message) => {
        const table = readFacts({ [name]: value }, SPECS);
        expect(table.issues).toEqual([{ severity: 'error', code: 'invalid-value', path: ['dữ kiện', name], field: `dữ kiện.${name}`, message }]);
        expect(table.raw.has(name)).toBe(false);
    });

    it('reads parts of a breakdown and its total', () => {
        const table = readFacts({ 'lao động': { nam: 90, nữ: '84,5', tổng: 87 } }, SPECS);
        expect(table.issues).toEqual([]);
        const raw = table.raw.get('lao động');
        expect(raw?.members.get('nữ')).toMatchObject({ r: ratFromNumber(84.5) });
        expect(raw?.total).toMatchObject({ r: rat(87n) });
    });

    it('reads a reported range as bounds', () => {
        const table = readFacts({ 'rác thải': { trên: 90.72 } }, SPECS);
        expect(table.raw.get('rác thải')?.total).toMatchObject({ isBound: true, lo: ratFromNumber(90.72), loOpen: true });
    });

    it('refuses a reversed or unknown range', () => {
        expect(readFacts({ 'rác thải': { từ: 90, đến: 80 } }, SPECS).issues[0]?.message).toBe('Khoảng giá trị ngược: từ 90 đến 80.');
        expect(readFacts({ 'rác thải': { khoảng: 90 } }, SPECS).issues[0]?.message).toBe(
            'Khoảng giá trị chỉ nhận các khóa trên, dưới, từ, đến (gặp «khoảng»).'
        );
    });

    it('refuses two lower or two upper bounds rather than keeping one of them', () => {
        expect(readFacts({ 'rác thải': { trên: 90, từ: 92 } }, SPECS).issues[0]?.message).toBe('Khoảng giá trị có hai cận dưới («trên» và «từ»): ghi một.');
        expect(readFacts({ 'rác thải': { đến: 95, dưới: 96 } }, SPECS).issues[0]?.message).toBe('Khoảng giá trị có hai cận trên («đến» và «dưới»): ghi một.');
        expect(readFacts({ 'rác thải': { từ: 90, đến: 95 } }, SPECS).issues).toEqual([]);
    });

    it('refuses unknown facts, naming the one probably meant, and input that is not an object', () => {
        expect(readFacts({ lạ: 1 }, SPECS).issues).toEqual([
            { severity: 'error', code: 'unknown-fact', path: ['dữ kiện', 'lạ'], field: 'dữ kiện.lạ', message: 'Dữ kiện «lạ» không có trong bộ tiêu chí.' }
        ]);
        expect(readFacts({ 'rac thai': 1 }, SPECS).issues[0]?.message).toBe('Dữ kiện «rac thai» không có trong bộ tiêu chí. Có phải «rác thải»?');
        for (const input of [[], 'x', 42]) {
            expect(readFacts(input, SPECS).issues).toEqual([
                {
                    severity: 'error',
                    code: 'invalid-value',
                    path: ['dữ kiện'],
                    field: 'dữ kiện',
                    message: 'Dữ kiện phải là một đối tượng { "tên dữ kiện": giá trị }.'
                }
            ]);
        }
        expect(readFacts(undefined, SPECS).issues).toEqual([]);
    });
});

const LIMIT = 'máy chỉ nhận số có tối đa 15 chữ số (không kể các số 0 đứng đầu), để so sánh chính xác mà không làm tròn.';

describe('numbers beyond 15 digits, and input too long to quote', () => {
    it.each<[unknown, string]>([
        ['2751.00000000000000001', `Số «2751.00000000000000001» có 21 chữ số: ${LIMIT}`],
        ['9'.repeat(400), `Số «${'9'.repeat(20)}…» có 400 chữ số: ${LIMIT}`],
        ['9007199254740993', `Số «9007199254740993» có 16 chữ số: ${LIMIT}`],
        // biome-ignore lint/correctness/noPrecisionLoss: a number a double cannot hold is the input under test
        [9007199254740993, `Số «9007199254740992» có 16 chữ số: ${LIMIT}`],
        ['1.000.000.000.000.000', `Số «1.000.000.000.000.000» có 16 chữ số: ${LIMIT}`],
        [1e21, `Số «1e+21» có 22 chữ số: ${LIMIT}`],
        [Number('9'.repeat(400)), 'Cần một số hữu hạn, nhận được Infinity.']
    ])('parseNumber refuses %s instead of rounding it or throwing', (input, message) => {
        expect(parseNumber(input)).toBe(message);
    });

    it('reads 15 digits exactly, as text or as a number', () => {
        expect(parseNumber('999.999.999.999.999')).toEqual({ r: rat(999999999999999n), decimals: 0 });
        expect(parseNumber(999999999999999)).toEqual({ r: rat(999999999999999n), decimals: 0 });
        expect(parseNumber('0,000000000000001')).toEqual({ r: rat(1n, 10n ** 15n), decimals: 15 });
        expect(parseNumber(1e-7)).toEqual({ r: rat(1n, 10n ** 7n), decimals: 7 });
    });

    it('a count written with noise after the point is refused, not taken as 2751', () => {
        const table = readFacts({ 'số vụ': '2751.00000000000000001' }, SPECS);
        expect(table.issues).toEqual([
            {
                severity: 'error',
                code: 'invalid-value',
                path: ['dữ kiện', 'số vụ'],
                field: 'dữ kiện.số vụ',
                message: `Số «2751.00000000000000001» có 21 chữ số: ${LIMIT}`
            }
        ]);
        expect(table.raw.has('số vụ')).toBe(false);
    });

    it('quotes a megabyte of input cut to 60 characters: a date, a level, an unknown name, a unit', () => {
        const huge = 'x'.repeat(1_000_000);
        const cut = `${'x'.repeat(60)}… (1.000.000 ký tự)`;
        const messages = readFacts({ ngày: huge, 'xếp loại': huge, [huge]: 1, 'rác thải': { 'giá trị': 1, 'đơn vị': huge } }, SPECS).issues.map(i => i.message);
        expect(messages).toEqual([
            `Cần một ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy, nhận được «${cut}».`,
            `Cần một mức trong: khá, tốt; nhận được «${cut}».`,
            `Dữ kiện «${cut}» không có trong bộ tiêu chí.`,
            `Đơn vị «${cut}» khác đơn vị khai báo của dữ kiện («%»).`
        ]);
        expect(Math.max(...messages.map(m => m.length))).toBeLessThan(200);
    });

    it('suggests a name for the first unknown facts only: each suggestion compares with every fact of the pack', () => {
        const input = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`rac thai ${i}`, 1]));
        const issues = readFacts(input, SPECS).issues;
        expect(issues).toHaveLength(20_000);
        expect(issues.filter(i => i.message.includes('Có phải')).length).toBeLessThanOrEqual(SUGGESTED_UNKNOWN_FACTS);
        expect(issues[0]?.message).toBe('Dữ kiện «rac thai 0» không có trong bộ tiêu chí. Có phải «rác thải»?');
        expect(issues[19_999]?.message).toBe('Dữ kiện «rac thai 19999» không có trong bộ tiêu chí.');
    });

    it('a list of 20 000 villages and a value for each are read in linear time', () => {
        const villages = Array.from({ length: 20_000 }, (_, i) => `Thôn ${i}`);
        const specs: FactSpec[] = [{ name: 'nhà văn hóa', kind: 'boolean', unit: '', index: 'thôn' }];
        const started = Date.now();
        const table = readFacts({ 'nhà văn hóa': Object.fromEntries(villages.map(v => [v, true])) }, specs, { thôn: [...villages, 'Thôn 7'] });
        // Quadratic, this took minutes; linear, a fraction of a second. The bound only catches the former.
        expect(Date.now() - started).toBeLessThan(20_000);
        expect(table.issues.map(i => i.message)).toEqual(['«Thôn 7» có hai lần trong danh sách.']);
        expect(table.raw.get('nhà văn hóa')?.indexed?.size).toBe(20_000);
    });
});

describe('«tính đến»: the date a figure refers to', () => {
    const specs: FactSpec[] = [{ name: 'thu nhập', kind: 'money', unit: 'triệu đồng/người/năm' }];

    it('is read with the value, in either date form, and kept with the fact', () => {
        const table = readFacts({ 'thu nhập': { 'giá trị': '38,6', 'tính đến': '31/12/2022' } }, specs);
        expect(table.issues).toEqual([]);
        expect(table.raw.get('thu nhập')).toMatchObject({ asOf: '2022-12-31', key: 'thu nhập', total: { t: 'num', r: ratFromNumber(38.6) } });
    });

    it('is an error, at its field, when it is not a date or stands without «giá trị»', () => {
        const wrong = readFacts({ 'thu nhập': { 'giá trị': 38.6, 'tính đến': '2022-31-12' } }, specs);
        expect(wrong.issues).toEqual([
            expect.objectContaining({
                severity: 'error',
                field: 'dữ kiện.thu nhập.tính đến',
                message: 'Không có ngày «2022-31-12»: không có tháng 31.'
            })
        ]);
        expect(wrong.raw.has('thu nhập')).toBe(false);
        const alone = readFacts({ 'thu nhập': { trên: 38, 'tính đến': '2022-12-31' } }, specs);
        expect(alone.issues).toEqual([
            expect.objectContaining({
                field: 'dữ kiện.thu nhập.tính đến',
                message: 'Ghi «tính đến» cùng «giá trị»: { "giá trị": …, "tính đến": "2022-09-30" }.'
            })
        ]);
    });

    it('after the assessment date is an error naming the field', () => {
        const table = readFacts({ 'thu nhập': { 'giá trị': 38.6, 'tính đến': '2024-01-31' } }, specs);
        checkFactDates(table, '2023-11-30');
        expect(table.issues).toEqual([
            expect.objectContaining({
                severity: 'error',
                path: ['dữ kiện', 'thu nhập', 'tính đến'],
                message: 'Số liệu tính đến 2024-01-31, sau ngày đánh giá 2023-11-30: ngày «tính đến» không thể ở tương lai so với lúc đánh giá.'
            })
        ]);
        const sameDay = readFacts({ 'thu nhập': { 'giá trị': 38.6, 'tính đến': '2023-11-30' } }, specs);
        checkFactDates(sameDay, '2023-11-30');
        expect(sameDay.issues).toEqual([]);
    });
});
