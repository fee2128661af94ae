// Spreadsheet numbers are not exact: the analyst's decimal is recovered from the double, the % format,
// the date serial or the text; docs/bang-tinh.md mục 6 states each rule.
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '@ntm/language';
import { decimalOfDouble, excelSerialToIso, numberFormatInfo, plainDecimal, readDateCell, readFactCell, readNumberText, shiftDecimal } from '@ntm/evaluation';

const percent: FactSpec = { name: 'tỷ lệ hộ', kind: 'percent', unit: '%' };
const count: FactSpec = { name: 'số hộ', kind: 'count', unit: 'hộ' };
const length: FactSpec = { name: 'đường xã', kind: 'quantity', unit: 'km' };
const yesNo: FactSpec = { name: 'có quy hoạch', kind: 'boolean', unit: '' };
const level: FactSpec = { name: 'mức', kind: 'level', unit: '', levels: ['chưa đạt', 'mức độ 1', 'mức độ 2'] };
const date: FactSpec = { name: 'ngày', kind: 'date', unit: '' };

describe('the decimal behind a double', () => {
    it.each([
        [97.3, '97.3'],
        [0.1 + 0.2, '0.3'],
        [1278435, '1278435'],
        [0.000015, '0.000015'],
        [1e21, '1000000000000000000000'],
        [72.403, '72.403'],
        [0.9729999999999999, '0.973'],
        [4662.5, '4662.5'],
        [1 / 3, '0.333333333333333']
    ])('%d reads as %s (shortest round trip, 15 significant digits)', (value, decimal) => {
        expect(decimalOfDouble(value)).toBe(decimal);
    });

    it('gives, for any double, the decimal of its 15-digit rounding (what Excel shows), short forms included', () => {
        // The rule as written in docs/bang-tinh.md mục 6, without the shortcut for short plain forms.
        const rule = (value: number) => plainDecimal(String(Number(value.toPrecision(15))));
        let seed = 20241126;
        const random = () => {
            seed = (seed * 1103515245 + 12345) % 2 ** 31;
            return seed / 2 ** 31;
        };
        const values = [0, -0, 5e-324, 123456789012345, 1234567890123456, -999999999999999.9, 0.1 + 0.2, 1e15, 1e-7];
        for (let i = 0; i < 20_000; i++) {
            const magnitude = 10 ** Math.floor(random() * 30 - 12);
            const value = (random() - 0.3) * magnitude;
            values.push(value, Number(value.toFixed(Math.floor(random() * 6))), Math.round(value));
        }
        for (const value of values) expect(decimalOfDouble(value), String(value)).toBe(rule(value));
    });

    it('moves the decimal point without arithmetic', () => {
        expect(shiftDecimal('0.973', 2)).toBe('97.3');
        expect(shiftDecimal('0.5', 2)).toBe('50');
        expect(shiftDecimal('0.00015', 2)).toBe('0.015');
        expect(shiftDecimal('1', 2)).toBe('100');
    });

    it('reads number formats: percent, fixed decimals, text and colours ignored', () => {
        expect(numberFormatInfo('0.0%')).toEqual({ percent: true, decimals: 1 });
        expect(numberFormatInfo('#,##0.00')).toEqual({ percent: false, decimals: 2 });
        expect(numberFormatInfo('0.0" %"')).toEqual({ percent: false, decimals: 1 });
        expect(numberFormatInfo('[Red]0.00;-0.00')).toEqual({ percent: false, decimals: 2 });
        expect(numberFormatInfo('General')).toEqual({ percent: false, decimals: 0 });
    });

    it('counts Excel serial dates from 1900 (with its phantom 29/02/1900) or 1904', () => {
        expect(excelSerialToIso(45622)).toBe('2024-11-26');
        expect(excelSerialToIso(1)).toBe('1900-01-01');
        expect(excelSerialToIso(61)).toBe('1900-03-01');
        expect(excelSerialToIso(44160, true)).toBe('2024-11-26');
    });
});

describe('a cell read for a fact', () => {
    it('gives the double itself when it is the decimal typed, else decimal text with a comma (never «4.662»)', () => {
        // A number is never read as thousands: only text is ambiguous.
        expect(readFactCell({ value: 4.662 }, length)).toEqual({ value: 4.662 });
        // biome-ignore lint/correctness/noPrecisionLoss: the double Excel stores for 97,3 is the input under test
        expect(readFactCell({ value: 97.29999999999999716 }, percent)).toEqual({ value: 97.3 });
        // Computed in a cell, 0,1 + 0,2 is not 0,3 as a double: the decimal the analyst sees goes as text.
        expect(readFactCell({ value: 0.1 + 0.2 }, percent)).toEqual({ value: '0,3' });
        expect(readFactCell({ value: 86, numFmt: '0.0' }, percent)).toEqual({ value: '86,0' });
    });

    it('reads a %-formatted cell as a percentage, and refuses it for a fact that is not one', () => {
        expect(readFactCell({ value: 0.973, numFmt: '0.0%' }, percent)).toEqual({ value: '97,3' });
        expect(readFactCell({ value: 0.5, numFmt: '0%' }, percent)).toEqual({ value: '50' });
        expect(readFactCell({ value: 0.5, numFmt: '0%' }, count)).toMatchObject({ problem: expect.stringContaining('không phải tỷ lệ phần trăm') });
    });

    it('passes text to the fact reader in commune-file form: bounds, ranges and units', () => {
        expect(readNumberText('97,3', percent)).toBe('97,3');
        expect(readNumberText('97,3 %', percent)).toBe('97,3');
        expect(readNumberText('trên 90,72', percent)).toEqual({ trên: '90,72' });
        expect(readNumberText('> 90,72%', percent)).toEqual({ trên: '90,72' });
        expect(readNumberText('từ 80 đến 110', length)).toEqual({ từ: '80', đến: '110' });
        expect(readNumberText('80-110 lít/người/ngày', length)).toEqual({ 'giá trị': { từ: '80', đến: '110' }, 'đơn vị': 'lít/người/ngày' });
        expect(readNumberText('ít nhất 4', count)).toEqual({ 'ít nhất': '4' });
        expect(readNumberText('5 dặm', length)).toEqual({ 'giá trị': '5', 'đơn vị': 'dặm' });
        expect(readNumberText('1 278 435', count)).toBe('1278435');
        expect(readNumberText('nhiều', count)).toBe('nhiều');
    });

    it('reads levels without regard to case, and yes/no text as written, for the one reader', () => {
        // Yes/no words are the commune file reader's to read (and refuse), exactly as in a .json file.
        expect(readFactCell({ value: 'Có' }, yesNo)).toEqual({ value: 'Có' });
        expect(readFactCell({ value: 'cò' }, yesNo)).toEqual({ value: 'cò' });
        expect(readFactCell({ value: true }, yesNo)).toEqual({ value: true });
        expect(readFactCell({ value: 'x' }, yesNo)).toEqual({ value: 'x' });
        expect(readFactCell({ value: 'Mức độ 2' }, level)).toEqual({ value: 'mức độ 2' });
    });

    it('reads dates from date cells, serial numbers and text', () => {
        expect(readFactCell({ value: new Date(Date.UTC(2024, 10, 26)) }, date)).toEqual({ value: '2024-11-26' });
        expect(readDateCell({ value: 45622 })).toEqual({ value: '2024-11-26' });
        expect(readDateCell({ value: '26/11/2024' })).toEqual({ value: '2024-11-26' });
        expect(readDateCell({ value: 3.5 })).toMatchObject({ problem: expect.stringContaining('không phải một ngày') });
        expect(readDateCell({ value: '' })).toEqual({ empty: true });
    });

    it('reports a formula error in a cell', () => {
        expect(readFactCell({ value: '#DIV/0!', error: '#DIV/0!' }, percent)).toMatchObject({ problem: expect.stringContaining('#DIV/0!') });
    });
});
