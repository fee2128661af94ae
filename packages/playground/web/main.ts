// The playground page: pick a bundled pack and a sample commune, edit the pack in Monaco with the language
// server's diagnostics, hovers, completion and quick fixes, and see the commune evaluated against the pack as
// edited, beside the official result. `window.playground` lets the browser test drive the page.
// edcore.main: the editor with all its contributions (hover, markers, suggest, quick fix), no bundled languages.
import 'monaco-editor/esm/vs/editor/edcore.main.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import { bundledFiles, namedPackPath, uriOf } from './bundled-files.js';
import type { EvaluationReply, EvaluationRequest } from './evaluation-protocol.js';
import { registerHighlighting } from './highlighting.js';
import { LanguageClient } from './lsp-client.js';
import { showResult } from './result-pane.js';

declare global {
    interface Window {
        playground: {
            ready: Promise<void>;
            /** Resolves with the reply of the evaluation that follows the last change. */
            evaluated(): Promise<EvaluationReply>;
            chooseCommune(path: string): void;
            editor: monaco.editor.IStandaloneCodeEditor;
            markers(): monaco.editor.IMarker[];
            /** Whether the server has published diagnostics for the pack in the editor (possibly none). */
            published(): boolean;
        };
    }
}

window.MonacoEnvironment = { getWorker: () => new Worker('./editor.worker.js') };

const files = bundledFiles();
const packSelect = document.getElementById('pack') as HTMLSelectElement;
const communeSelect = document.getElementById('commune') as HTMLSelectElement;
const status = document.getElementById('status')!;
const pane = document.getElementById('result')!;

/** The communes whose named pack is bundled, by file path; shown by the name of the commune. */
const communes = files.communes.flatMap(file => {
    const data = JSON.parse(file.text) as { xã?: string; tỉnh?: string; 'bộ tiêu chí'?: string; 'ngày đánh giá'?: string };
    const pack = data['bộ tiêu chí'] ? namedPackPath(file.path, data['bộ tiêu chí']) : undefined;
    return pack && files.packs.some(p => p.path === pack)
        ? [{ path: file.path, name: data['xã'] ?? file.path, province: data['tỉnh'] ?? '', date: data['ngày đánh giá'] ?? '', pack }]
        : [];
});
for (const pack of files.packs) packSelect.append(new Option(pack.path.replace(/^rulesets\//u, ''), pack.path));
for (const commune of communes) communeSelect.append(new Option(`${commune.name} (${commune.province}, ${commune.date})`, commune.path));

monaco.languages.register({ id: 'ntm', extensions: ['.ntm'] });
registerHighlighting(files);
const editor = monaco.editor.create(document.getElementById('editor')!, {
    automaticLayout: true,
    fontSize: 14,
    fontFamily: "'Noto Sans Mono', monospace",
    hover: { delay: 150 },
    minimap: { enabled: false },
    wordWrap: 'on',
    lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode }
});
const client = new LanguageClient(new Worker('./language-worker.js'));
const evaluator = new Worker('./evaluation-worker.js');

/** One model per pack, opened in the server the first time it is shown: edits survive switching packs. */
function modelFor(path: string): monaco.editor.ITextModel {
    const uri = monaco.Uri.parse(uriOf(path));
    const existing = monaco.editor.getModel(uri);
    if (existing) return existing;
    const model = monaco.editor.createModel(files.packs.find(p => p.path === path)?.text ?? '', 'ntm', uri);
    client.open(model);
    model.onDidChangeContent(() => schedule());
    return model;
}

let lastRequest = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const waiting: ((reply: EvaluationReply) => void)[] = [];

/** Re-evaluates shortly after the last keystroke: the newest request wins, older replies are dropped. */
function schedule(delay = 400): void {
    clearTimeout(timer);
    status.textContent = 'Đang đánh giá…';
    const id = ++lastRequest;
    timer = setTimeout(() => {
        const request: EvaluationRequest = { id, packPath: packSelect.value, packText: editor.getModel()?.getValue() ?? '', communePath: communeSelect.value };
        evaluator.postMessage(request);
    }, delay);
}

evaluator.onmessage = (event: MessageEvent<EvaluationReply>) => {
    if (event.data.id !== lastRequest) return;
    const name = communes.find(c => c.path === communeSelect.value)?.name ?? '';
    showResult(pane, event.data, name, (lineNumber, column) => {
        editor.revealLineInCenter(lineNumber);
        editor.setPosition({ lineNumber, column });
        editor.focus();
    });
    status.textContent = event.data.kind === 'result' ? 'Đã đánh giá theo bộ tiêu chí đang soạn.' : 'Chưa đánh giá được: xem khung kết quả.';
    for (const resolve of waiting.splice(0)) resolve(event.data);
};

function showPack(path: string): void {
    packSelect.value = path;
    editor.setModel(modelFor(path));
    schedule(0);
}

function chooseCommune(path: string): void {
    communeSelect.value = path;
    const commune = communes.find(c => c.path === path);
    if (commune && commune.pack !== packSelect.value) showPack(commune.pack);
    else schedule(0);
}

packSelect.addEventListener('change', () => showPack(packSelect.value));
communeSelect.addEventListener('change', () => chooseCommune(communeSelect.value));

const ready = (async () => {
    await client.start();
    chooseCommune(communes[0]?.path ?? '');
})();

window.playground = {
    ready,
    evaluated: () => new Promise(resolve => waiting.push(resolve)),
    chooseCommune,
    editor,
    markers: () => monaco.editor.getModelMarkers({ resource: editor.getModel()?.uri }),
    published: () => client.publishedFor(editor.getModel()?.uri.toString() ?? '') !== undefined
};
