// Option names: each Vietnamese name has one English alias (options.ts); everything else passes through.
import { describe, expect, it } from 'vitest';
import { NtmEvaluationError, OPTION_ALIASES, canonicalOptions } from '../src/index.js';

describe('canonicalOptions', () => {
    it('gives every option under its Vietnamese name, from either name', () => {
        const english = {
            asOf: '2024-11-26',
            region: 'ĐBSH',
            group: 2,
            lists: { thôn: ['A'] },
            verifiedScores: { '1.1': 3 },
            selfScores: { '1.1': 2 },
            scoresAgainstEvidence: { '1.1': 'vì' },
            explain: false
        };
        expect(canonicalOptions(english)).toEqual({
            ngàyĐánhGiá: '2024-11-26',
            vùng: 'ĐBSH',
            nhóm: 2,
            danhSách: { thôn: ['A'] },
            điểmThẩmTra: { '1.1': 3 },
            điểmTựChấm: { '1.1': 2 },
            điểmTráiSốLiệu: { '1.1': 'vì' },
            giảiThích: false
        });
        expect(Object.keys(OPTION_ALIASES)).toHaveLength(Object.keys(english).length);
    });

    it('passes options without an alias through untouched, and accepts both names with one value', () => {
        const other = { ngàyĐánhGiá: '2024-11-26', asOf: '2024-11-26', unknownFacts: 'warning', giảiThích: false, thôn: [] };
        expect(canonicalOptions(other as never)).toEqual({ ngàyĐánhGiá: '2024-11-26', unknownFacts: 'warning', giảiThích: false, thôn: [] });
        expect(canonicalOptions(undefined)).toEqual({});
    });

    it('refuses both names with different values, but takes one date written two ways', () => {
        expect(() => canonicalOptions({ vùng: 'ĐBSH', region: 'TN' })).toThrow(NtmEvaluationError);
        expect(() => canonicalOptions({ vùng: 'ĐBSH', region: 'TN' })).toThrow('«vùng» và tên khác của nó «region»');
        expect(() => canonicalOptions({ giảiThích: true, explain: false })).toThrow('«giảiThích» và tên khác của nó «explain»');
        expect(canonicalOptions({ asOf: '2024-11-26', ngàyĐánhGiá: '26/11/2024' })).toEqual({ ngàyĐánhGiá: '26/11/2024' });
    });

    it('refuses a value an option does not take, never turning a check off by a typo', () => {
        for (const unknownFacts of ['Error', 'ignore', null, true]) {
            expect(() => canonicalOptions({ unknownFacts } as never)).toThrow("Tùy chọn «unknownFacts» nhận 'error' hoặc 'warning'");
        }
        expect(() => canonicalOptions({ giảiThích: 'không' } as never)).toThrow('Tùy chọn «giảiThích» nhận true hoặc false; nhận được "không".');
    });
});
