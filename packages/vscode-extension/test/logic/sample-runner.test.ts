import { describe, expect, it } from 'vitest';
import type { RunSamplesParams } from '../../src/protocol.js';
import { ServerNotRunningError } from '../../src/logic/request-errors.js';
import { readCommuneFile } from '../../src/logic/sample-file.js';
import type { RunSink } from '../../src/logic/sample-runner.js';
import { pickSample, runSamples } from '../../src/logic/sample-runner.js';
import type { Outcome } from '../../src/logic/test-tree.js';
import { sampleTestNode } from '../../src/logic/test-tree.js';
import { COMMUNE_URI, SAMPLE_TEXT, sampleResult } from './fixtures.js';

const OTHER_URI = 'file:///work/xa-mau/liem-can-2024.json';
const BROKEN_URI = 'file:///work/xa-mau/hong.json';

interface Recorder extends RunSink {
    readonly outcomes: Outcome[];
    readonly startedIds: string[];
    readonly lines: string[];
}

function recorder(): Recorder {
    const outcomes: Outcome[] = [];
    const startedIds: string[] = [];
    const lines: string[] = [];
    return {
        outcomes,
        startedIds,
        lines,
        started: id => startedIds.push(id),
        report: outcome => outcomes.push(outcome),
        added: () => undefined,
        output: text => lines.push(...text)
    };
}

const good = sampleTestNode(readCommuneFile(COMMUNE_URI, SAMPLE_TEXT));
const other = sampleTestNode(readCommuneFile(OTHER_URI, SAMPLE_TEXT.replace('Liên Hội', 'Liêm Cần')));
const broken = sampleTestNode(readCommuneFile(BROKEN_URI, SAMPLE_TEXT.replace('"17.5": "đạt",', '"17.5": "đạt"')));

function stateOf(sink: { outcomes: Outcome[] }, id: string): string | undefined {
    return sink.outcomes.find(o => o.id === id)?.state;
}

describe('runSamples', () => {
    it('runs each sample through its own request with its communeUri', async () => {
        const calls: RunSamplesParams[] = [];
        const sink = recorder();
        await runSamples(
            [good, other],
            async params => {
                calls.push(params);
                return { samples: [sampleResult({ communeUri: params.communeUri! })] };
            },
            sink
        );
        expect(calls).toEqual([{ communeUri: COMMUNE_URI }, { communeUri: OTHER_URI }]);
        expect(stateOf(sink, COMMUNE_URI)).toBe('failed');
        expect(stateOf(sink, OTHER_URI)).toBe('failed');
        expect(sink.lines).toContain('── xã Liên Hội (lien-hoi-2023.json) ──');
    });

    it('shows a malformed sample with file and field without sending it, and still runs the others', async () => {
        const sent: string[] = [];
        const sink = recorder();
        await runSamples(
            [broken, good],
            async params => {
                sent.push(params.communeUri!);
                return { samples: [sampleResult()] };
            },
            sink
        );
        expect(sent).toEqual([COMMUNE_URI]);
        const error = sink.outcomes.find(o => o.id === BROKEN_URI)!;
        expect(error.state).toBe('errored');
        expect(error.message).toBe('hong.json:9:7 lỗi (tệp): JSON không hợp lệ: thiếu dấu phẩy.');
        expect(stateOf(sink, `${COMMUNE_URI}#indicator:17.5`)).toBe('passed');
    });

    it('marks only the sample whose request fails, with a Vietnamese message', async () => {
        const sink = recorder();
        await runSamples(
            [good, other],
            async params => {
                if (params.communeUri === COMMUNE_URI) throw Object.assign(new Error('Unhandled method ntm/chayKiemThu'), { code: -32601 });
                return { samples: [sampleResult({ communeUri: OTHER_URI })] };
            },
            sink
        );
        expect(sink.outcomes.find(o => o.id === COMMUNE_URI)).toEqual({
            id: COMMUNE_URI,
            state: 'errored',
            message: 'Máy chủ ngôn ngữ NTM chưa hỗ trợ chạy kiểm thử (ntm/chayKiemThu). Hãy cập nhật tiện ích.'
        });
        expect(stateOf(sink, `${COMMUNE_URI}#indicator:17.5`)).toBe('skipped');
        expect(stateOf(sink, `${OTHER_URI}#indicator:17.5`)).toBe('passed');
    });

    it('says the server is not running, and rejects an answer of the wrong shape', async () => {
        const sink = recorder();
        await runSamples(
            [good],
            async () => {
                throw new ServerNotRunningError();
            },
            sink
        );
        expect(sink.outcomes[0]!.message).toMatch(/^Máy chủ ngôn ngữ NTM không chạy/);
        const shapeless = recorder();
        await runSamples([good], async () => ({ samples: [{ communeUri: COMMUNE_URI }] }), shapeless);
        expect(shapeless.outcomes[0]).toMatchObject({ id: COMMUNE_URI, state: 'errored' });
        expect(shapeless.outcomes[0]!.message).toMatch(/không đúng dạng/);
    });

    it('stops starting samples once cancelled', async () => {
        const sink = recorder();
        let calls = 0;
        await runSamples(
            [good, other],
            async () => {
                calls++;
                return { samples: [sampleResult()] };
            },
            sink,
            () => calls > 0
        );
        expect(calls).toBe(1);
    });
});

describe('pickSample', () => {
    it('matches URIs however they are percent-encoded', () => {
        const encoded = sampleResult({ communeUri: 'file:///work/x%C3%A3%20m%E1%BA%ABu/a.json' });
        const plain = sampleResult({ communeUri: 'file:///work/b.json' });
        expect(pickSample([plain, encoded], 'file:///work/xã mẫu/a.json')).toBe(encoded);
        expect(pickSample([plain, encoded], 'file:///work/c.json')).toBeUndefined();
    });
});
