import { describe, expect, it } from 'vitest';
import type { PackInfo } from '@ntm/runtime';
import { provinceKey } from '@ntm/runtime';
import { choosePack } from '../src/packs/pack-selection.js';

const info = (level: string, jurisdiction: string): PackInfo =>
    ({ id: 'x', title: 'x', level, jurisdiction, version: '1', validFrom: '2022-01-01', legalBasis: [] }) as unknown as PackInfo;

describe('the pack in force for a commune, among a folder of packs', () => {
    const candidates = [
        { file: 'brvt.ntm', info: info('xã nông thôn mới nâng cao', 'tỉnh Bà Rịa - Vũng Tàu') },
        { file: 'qg.ntm', info: info('xã nông thôn mới', 'toàn quốc') }
    ];

    it('finds the province however the file writes it: with or without «tỉnh», without diacritics, with an en dash as Word writes it', () => {
        for (const province of ['Bà Rịa – Vũng Tàu', 'tỉnh Bà Rịa-Vũng Tàu', 'Ba Ria - Vung Tau', 'Bà Rịa — Vũng Tàu']) {
            expect(choosePack(candidates, { level: 'xã nông thôn mới nâng cao', province, date: '2024-01-01' }, 'sel')).toMatchObject({ pack: 'brvt.ntm' });
        }
        expect(provinceKey('TP. Hà Nội')).toBe(provinceKey('Hà Nội'));
        expect(provinceKey('Hà Nam')).not.toBe(provinceKey('Hà Nội'));
    });

    it("names the packs of the folder, with their level and province, when none is of the commune's", () => {
        const chosen = choosePack(candidates, { level: 'xã nông thôn mới nâng cao', province: 'Đồng Nai', date: '2024-01-01' }, 'sel');
        expect(chosen).toEqual({
            field: 'tỉnh',
            error: 'không có bộ tiêu chí nào cấp «xã nông thôn mới nâng cao» cho tỉnh Đồng Nai hoặc toàn quốc có hiệu lực ngày 2024-01-01. Trong sel không có bộ nào cùng cấp và địa bàn; có: brvt.ntm (xã nông thôn mới nâng cao, tỉnh Bà Rịa - Vũng Tàu); qg.ntm (xã nông thôn mới, toàn quốc).'
        });
    });

    it('points at the date when packs of the level and province exist but none is in force then, and at the level when none has it', () => {
        expect(choosePack(candidates, { level: 'xã nông thôn mới nâng cao', province: 'Bà Rịa - Vũng Tàu', date: '2021-01-01' }, 'sel')).toMatchObject({
            field: 'ngày đánh giá'
        });
        expect(choosePack(candidates, { level: 'xã nông thôn mới kiểu mẫu', province: 'Bà Rịa - Vũng Tàu', date: '2024-01-01' }, 'sel')).toMatchObject({
            field: 'cấp'
        });
        expect(choosePack(candidates, { province: 'Bà Rịa - Vũng Tàu', date: '2024-01-01' }, 'sel')).toMatchObject({ field: 'cấp' });
    });
});
