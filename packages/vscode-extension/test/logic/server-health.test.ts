import { describe, expect, it } from 'vitest';
import { RestartPolicy, startFailureMessage } from '../../src/logic/restart-policy.js';
import { describeRequestError } from '../../src/logic/request-errors.js';
import { isRunSamplesResult } from '../../src/logic/run-result-guard.js';
import { samplesToRerun } from '../../src/logic/rerun.js';
import { sampleResult } from './fixtures.js';

describe('RestartPolicy', () => {
    it('restarts a few times, then gives up with exactly one Vietnamese message', () => {
        const policy = new RestartPolicy(3, 60_000);
        const decisions = [0, 1000, 2000, 3000, 4000, 5000].map(t => policy.onClosed(t));
        expect(decisions.map(d => d.restart)).toEqual([true, true, true, false, false, false]);
        const messages = decisions.filter(d => d.message).map(d => d.message);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toMatch(/^Máy chủ ngôn ngữ NTM đã dừng đột ngột 4 lần trong 1 phút/);
        expect(policy.stopped).toBe(true);
    });

    it('forgets crashes older than its window', () => {
        const policy = new RestartPolicy(1, 60_000);
        expect(policy.onClosed(0).restart).toBe(true);
        expect(policy.onClosed(120_000).restart).toBe(true);
        expect(policy.onClosed(121_000).restart).toBe(false);
    });

    it('words a start failure in Vietnamese with the reason', () => {
        expect(startFailureMessage('spawn node ENOENT')).toMatch(/^Không khởi động được máy chủ ngôn ngữ NTM: spawn node ENOENT\./);
    });
});

describe('describeRequestError', () => {
    it('keeps the server message of other errors', () => {
        expect(describeRequestError(new Error('boom'))).toBe('Máy chủ ngôn ngữ NTM báo lỗi khi chạy kiểm thử: boom');
    });
});

describe('isRunSamplesResult', () => {
    it('accepts the protocol shape and rejects near misses', () => {
        expect(isRunSamplesResult({ samples: [sampleResult()] })).toBe(true);
        expect(isRunSamplesResult({ samples: [] })).toBe(true);
        expect(isRunSamplesResult({ samples: [{ ...sampleResult(), ran: 'yes' }] })).toBe(false);
        expect(isRunSamplesResult({ samples: [{ ...sampleResult(), checks: [{ label: '1.1' }] }] })).toBe(false);
        expect(isRunSamplesResult({ samples: [{ ...sampleResult(), problems: [1] }] })).toBe(false);
        expect(isRunSamplesResult(null)).toBe(false);
    });
});

describe('samplesToRerun', () => {
    const samples = ['file:///a/x.json', 'file:///a/y.json'];
    it('re-runs every sample after a pack is saved, one sample after it is saved, none otherwise', () => {
        expect(samplesToRerun('file:///a/bo.ntm', samples)).toEqual(samples);
        expect(samplesToRerun('file:///a/y.json', samples)).toEqual(['file:///a/y.json']);
        expect(samplesToRerun('file:///a/README.md', samples)).toEqual([]);
    });
});
