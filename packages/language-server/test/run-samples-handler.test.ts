import { describe, expect, it } from 'vitest';
import { isRunSamplesParams } from '../src/run-samples-handler.js';

describe('ntm/chayKiemThu parameters', () => {
    it('accepts a pack, a commune or both, and nothing else', () => {
        expect(isRunSamplesParams({ packUri: 'file:///p.ntm' })).toBe(true);
        expect(isRunSamplesParams({ communeUri: 'file:///x.json', packUri: 'file:///p.ntm' })).toBe(true);
        expect(isRunSamplesParams({})).toBe(false);
        expect(isRunSamplesParams({ packUri: '' })).toBe(false);
        expect(isRunSamplesParams({ packUri: 3 })).toBe(false);
        expect(isRunSamplesParams(null)).toBe(false);
        expect(isRunSamplesParams('file:///p.ntm')).toBe(false);
    });
});
