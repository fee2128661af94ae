// Evaluates a sample commune against the pack as edited, in a Web Worker: the pack (and the packs it builds
// on) compiled to JavaScript by @ntm/evaluation, the module loaded with @ntm/runtime bundled beside the page
// (no TypeScript compiler), the commune file read, evaluated and compared with its official result by the
// same library functions as `ntm eval`.
import type { EvaluatorModule } from '@ntm/evaluation';
import { checkSample, compilePack, errorsOf, evaluateCommuneFile, linkRuntime, parseCommuneFile, plainText, renderEvaluation } from '@ntm/evaluation';
import { createNtmCoreServices } from '@ntm/language';
import { bundledFiles, ROOT_URI, uriOf } from './bundled-files.js';
import type { EvaluationReply, EvaluationRequest } from './evaluation-protocol.js';
import { resultView } from './evaluation-protocol.js';
import { MemoryFileSystem } from './memory-file-system.js';

declare const self: DedicatedWorkerGlobalScope;

self.importScripts('./files.js');
const files = bundledFiles();
const fileSystem = new MemoryFileSystem(files.packs.map(file => [uriOf(file.path), file.text] as const));
const services = createNtmCoreServices({ fileSystemProvider: () => fileSystem }).Ntm;
const runtimeUrl = new URL('./ntm-runtime.js', self.location.href).href;

/** Width of the text report, in characters (the page shows it in a scrolling <pre>). */
const REPORT_WIDTH = 120;

async function evaluate(request: EvaluationRequest): Promise<EvaluationReply> {
    const compiled = await compilePack(services, uriOf(request.packPath), request.packPath, request.packText, [ROOT_URI]);
    const packErrors = compiled.issues.filter(issue => issue.severity === 'error');
    if (compiled.javascript === undefined || packErrors.length > 0) {
        return {
            id: request.id,
            kind: 'pack-errors',
            issues: packErrors.map(i => ({ text: `${i.file}:${i.line}:${i.column}: ${i.message}`, line: i.line, column: i.column }))
        };
    }
    const url = URL.createObjectURL(new Blob([linkRuntime(compiled.javascript, runtimeUrl)], { type: 'text/javascript' }));
    let evaluator: EvaluatorModule;
    try {
        evaluator = (await import(/* @vite-ignore */ url)) as EvaluatorModule;
    } finally {
        URL.revokeObjectURL(url);
    }
    const communeText = files.communes.find(c => c.path === request.communePath)?.text ?? '';
    const commune = parseCommuneFile(communeText, request.communePath);
    const evaluation = evaluateCommuneFile(commune, evaluator);
    const errors = errorsOf(evaluation);
    if (!evaluation.result || !commune.data || errors.length > 0) {
        return { id: request.id, kind: 'commune-errors', issues: errors.map(i => ({ text: `${i.file}:${i.line}:${i.column}: ${i.message}` })) };
    }
    const checks = commune.data['kết quả chính thức'] ? checkSample(evaluation.result, commune.data) : [];
    const report = renderEvaluation(evaluation.result, commune.data, checks, REPORT_WIDTH).map(plainText).join('\n');
    return { id: request.id, kind: 'result', view: resultView(evaluation.result, checks, report) };
}

self.onmessage = (event: MessageEvent<EvaluationRequest>) => {
    evaluate(event.data).then(
        reply => self.postMessage(reply),
        (error: unknown) =>
            self.postMessage({
                id: event.data.id,
                kind: 'failure',
                issues: [{ text: error instanceof Error ? error.message : String(error) }]
            } satisfies EvaluationReply)
    );
};
