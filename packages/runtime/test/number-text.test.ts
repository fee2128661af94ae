import { describe, expect, it } from 'vitest';
import { rat } from '../src/exact-numbers.js';
import { MAX_NUMBER_DIGITS, decimalFromNumber, decimalFromText, numberDigits, readDecimal } from '../src/number-text.js';
import { shortText } from '../src/names.js';

const LIMIT_NOTE = `máy chỉ nhận số có tối đa ${MAX_NUMBER_DIGITS} chữ số (không kể các số 0 đứng đầu), để so sánh chính xác mà không làm tròn.`;

describe('numberDigits: digits once written without exponent, leading zeros not counted', () => {
    it.each<[string, number]>([
        ['0', 0],
        ['7', 1],
        ['0.05', 2],
        ['2751.00', 6],
        ['100', 3],
        ['-12.5', 3],
        ['999999999999999', 15],
        ['0.000000000000001', 15],
        ['1000000000000000', 16],
        ['2751.00000000000000001', 21],
        ['1e21', 22],
        ['1e+21', 22],
        ['1.5e-7', 8],
        ['1e-400', 400],
        ['1e400', 401],
        ['1e999999999', 1_000_000_000]
    ])('%s has %i', (text, digits) => {
        expect(numberDigits(text)).toBe(digits);
    });

    it.each(['', 'abc', '1,5', '1.2.3', '--1', 'Infinity', 'NaN', '0x10'])('%j is not a number', text => {
        expect(numberDigits(text)).toBeUndefined();
    });
});

describe('readDecimal: exact within the limit, refused beyond it', () => {
    it.each<[string, bigint, bigint, number]>([
        ['0.1', 1n, 10n, 1],
        ['86.0', 86n, 1n, 1],
        ['999999999999999', 999999999999999n, 1n, 0],
        ['0.000000000000001', 1n, 1000000000000000n, 15],
        ['1.5e-7', 3n, 20000000n, 8],
        ['-7.25', -29n, 4n, 2],
        ['0.000', 0n, 1n, 3]
    ])('%s is %s/%s with %i decimals', (text, n, d, decimals) => {
        expect(readDecimal(text)).toEqual({ r: rat(n, d), decimals });
    });

    it.each<[string, string]>([
        ['9'.repeat(400), `Số «${'9'.repeat(20)}…» có 400 chữ số: ${LIMIT_NOTE}`],
        ['1e400', `Số «1e400» có 401 chữ số: ${LIMIT_NOTE}`],
        ['1e-400', `Số «1e-400» có 400 chữ số: ${LIMIT_NOTE}`],
        ['2751.00000000000000001', `Số «2751.00000000000000001» có 21 chữ số: ${LIMIT_NOTE}`],
        ['9007199254740993', `Số «9007199254740993» có 16 chữ số: ${LIMIT_NOTE}`],
        ['1e999999999', `Số «1e999999999» có hơn 1.000.000 chữ số: ${LIMIT_NOTE}`],
        ['12,5', 'Không đọc được «12,5» thành số.']
    ])('refuses %s', (text, message) => {
        expect(readDecimal(text)).toBe(message);
    });

    it('every decimal within the limit survives a trip through a JavaScript number', () => {
        for (const text of ['999999999999999', '123456789012.345', '0.000000000000001', '97.9999999999999', '0.1', '72.403']) {
            expect(readDecimal(String(Number(text)))).toEqual(readDecimal(text));
        }
    });

    it("decimalFromText reads the generator's literals of any length exactly", () => {
        expect(decimalFromText('1' + '0'.repeat(30))?.r).toEqual(rat(10n ** 30n));
        expect(decimalFromText('1e-9')).toEqual({ r: rat(1n, 1000000000n), decimals: 9 });
        expect(decimalFromText('Infinity')).toBeUndefined();
    });
});

describe('decimalFromNumber: a JavaScript number read without going through text', () => {
    it('gives what readDecimal gives for the number printed, on 50,000 numbers of every size and precision', () => {
        let seed = 7;
        const random = () => {
            seed = (seed * 16807) % 2147483647;
            return seed / 2147483647;
        };
        let read = 0;
        for (let i = 0; i < 50_000; i++) {
            const places = Math.floor(random() * 17);
            const magnitude = 10 ** Math.floor(random() * 17);
            const x = (random() < 0.2 ? -1 : 1) * Number((random() * magnitude).toFixed(Math.min(places, 100)));
            const quick = decimalFromNumber(x);
            const text = readDecimal(String(x));
            if (quick === undefined) {
                // Left to the text route: beyond the limit, which the text route refuses.
                expect(typeof text, String(x)).toBe('string');
                continue;
            }
            read++;
            expect(quick, String(x)).toEqual(text);
        }
        expect(read).toBeGreaterThan(20_000);
        for (const x of [0, -0, 0.1, 0.05, 1e-7, 1e-15, 97.3, 4662, 999_999_999_999_999, 0.123456789012345, 12345678.9012345]) {
            expect(decimalFromNumber(x), String(x)).toEqual(readDecimal(String(x)));
        }
        expect(decimalFromNumber(1e15)).toBeUndefined();
        expect(decimalFromNumber(Number.NaN)).toBeUndefined();
    });
});

describe('shortText: input quoted in a message is cut', () => {
    it('leaves a short text alone', () => {
        expect(shortText('26/11/2024')).toBe('26/11/2024');
    });

    it('cuts a megabyte to 60 characters and says how long it was', () => {
        expect(shortText('x'.repeat(1_000_000))).toBe(`${'x'.repeat(60)}… (1.000.000 ký tự)`);
    });

    it('never cuts a character written as two UTF-16 units in half', () => {
        const text = 'a'.repeat(59) + '😀'.repeat(10);
        expect(shortText(text)).toBe(`${'a'.repeat(59)}… (79 ký tự)`);
    });
});
