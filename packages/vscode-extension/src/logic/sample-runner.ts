import type { RunSamplesParams, SampleRunResult } from '../protocol.js';
import { describeRequestError, INVALID_ANSWER } from './request-errors.js';
import { normalizeUri } from './uris.js';
import { isRunSamplesResult } from './run-result-guard.js';
import type { Outcome, TestNode } from './test-tree.js';
import { sampleOutcome } from './test-tree.js';

/** Sends `ntm/chayKiemThu` and resolves to the raw answer. */
export type RunSamplesRequest = (params: RunSamplesParams) => Promise<unknown>;

/** Where a run reports, mirroring `vscode.TestRun` without depending on it. */
export interface RunSink {
    started(id: string): void;
    report(outcome: Outcome): void;
    /** A check the file does not list appeared in the server's answer: add it under `parentId`. */
    added(parentId: string, node: TestNode): void;
    output(lines: readonly string[]): void;
}

/**
 * Runs each sample commune through its own request, so one malformed file or one failing request marks
 * only that sample and the others still run.
 */
export async function runSamples(
    nodes: readonly TestNode[],
    request: RunSamplesRequest,
    sink: RunSink,
    isCancelled: () => boolean = () => false
): Promise<void> {
    for (const node of nodes) {
        if (isCancelled()) return;
        sink.started(node.id);
        if (node.error) {
            finish(sink, node, { id: node.id, state: 'errored', message: node.error });
            sink.output([`✗ ${node.label}: ${node.error}`]);
            continue;
        }
        node.children.forEach(child => sink.started(child.id));
        let answer: unknown;
        try {
            answer = await request({ communeUri: node.uri });
        } catch (error) {
            const message = describeRequestError(error);
            finish(sink, node, { id: node.id, state: 'errored', message });
            sink.output([`✗ ${node.label}: ${message}`]);
            continue;
        }
        const sample = isRunSamplesResult(answer) ? pickSample(answer.samples, node.uri) : undefined;
        if (!sample) {
            const message = isRunSamplesResult(answer) ? `Máy chủ không trả kết quả cho ${node.label}.` : INVALID_ANSWER;
            finish(sink, node, { id: node.id, state: 'errored', message });
            sink.output([`✗ ${node.label}: ${message}`]);
            continue;
        }
        const result = sampleOutcome(node, sample);
        result.added.forEach(child => sink.added(node.id, child));
        result.outcomes.forEach(outcome => sink.report(outcome));
        sink.output([...result.output, '']);
    }
}

function finish(sink: RunSink, node: TestNode, outcome: Outcome): void {
    sink.report(outcome);
    node.children.forEach(child => sink.report({ id: child.id, state: 'skipped' }));
}

/** The sample for `uri` in an answer; URIs compare decoded, since client and server may encode differently. */
export function pickSample(samples: readonly SampleRunResult[], uri: string): SampleRunResult | undefined {
    const wanted = normalizeUri(uri);
    return samples.find(s => normalizeUri(s.communeUri) === wanted) ?? (samples.length === 1 ? samples[0] : undefined);
}

export { normalizeUri } from './uris.js';
