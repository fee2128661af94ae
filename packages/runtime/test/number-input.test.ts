import { describe, expect, it } from 'vitest';
import { ratFromNumber } from '../src/exact-numbers.js';
import { parseNumber } from '../src/number-input.js';

describe('parseNumber', () => {
    it.each<[unknown, string, number]>([
        [98, '98', 0],
        [97.99, '97.99', 2],
        [0, '0', 0],
        [-3, '-3', 0],
        ['98', '98', 0],
        [' 98 ', '98', 0],
        ['72,403', '72.403', 3],
        ['72.403,5', '72403.5', 1],
        ['0,5', '0.5', 1],
        ['19,4', '19.4', 1],
        ['1.278.435', '1278435', 0],
        ['1.278.435,25', '1278435.25', 2],
        ['4.662,5', '4662.5', 1],
        ['89.6396', '89.6396', 4],
        ['4.66', '4.66', 2],
        ['12 345', '12345', 0],
        ['-7,5', '-7.5', 1]
    ])('reads %j as %s with %s decimals', (input, value, decimals) => {
        expect(parseNumber(input)).toEqual({ r: ratFromNumber(Number(value)), decimals });
    });

    it.each<[unknown, string]>([
        ['4.662', '«4.662» mơ hồ: dấu chấm là phân cách hàng nghìn hay dấu thập phân? Viết 4662 hoặc 4,662.'],
        ['72.403', '«72.403» mơ hồ: dấu chấm là phân cách hàng nghìn hay dấu thập phân? Viết 72403 hoặc 72,403.'],
        ['1,234,567', 'Không đọc được «1,234,567» thành số.'],
        ['98%', 'Không đọc được «98%» thành số.'],
        ['1e3', 'Không đọc được «1e3» thành số.'],
        ['', 'Không đọc được «» thành số.'],
        ['abc', 'Không đọc được «abc» thành số.'],
        [Number.NaN, 'Cần một số hữu hạn, nhận được NaN.'],
        [Number.POSITIVE_INFINITY, 'Cần một số hữu hạn, nhận được Infinity.'],
        [Number.NEGATIVE_INFINITY, 'Cần một số hữu hạn, nhận được -Infinity.'],
        [true, 'Cần một số, nhận được true.'],
        [null, 'Cần một số, nhận được null.'],
        [undefined, 'Cần một số, nhận được undefined.'],
        [[1], 'Cần một số, nhận được một danh sách.'],
        [{ value: 1 }, 'Cần một số, nhận được một đối tượng.'],
        [10n, 'Cần một số, nhận được bigint.']
    ])('refuses %s: %s', (input, message) => {
        expect(parseNumber(input)).toBe(message);
    });
});
