/**
 * Editing a pack re-checks the packs built on it (`dựa trên`, at any depth), as the language server does on
 * didOpen/didChange: the text goes to the text documents, the DocumentUpdateHandler updates the workspace,
 * and diagnostics are read when the builder validates a document, which is when the server publishes them.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { DocumentState, TextDocument, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { closeAll, lspServices, offsetOf, position } from './lsp-test-services.js';

const NATIONAL = 'file:///ws/quoc-gia/ntm.ntm';
const PROVINCIAL = 'file:///ws/tinh/ntm.ntm';
const DISTRICT = 'file:///ws/huyen/ntm.ntm';

function header(name: string, base?: string): string {
    return [
        `bộ tiêu chí ${name} "Bộ ${name}"`,
        '  cấp xã nông thôn mới',
        '  địa bàn "toàn quốc"',
        '  phiên bản "1"',
        '  căn cứ 318/QĐ-TTg ngày 08/03/2022 của "Thủ tướng Chính phủ"',
        ...(base ? [`  dựa trên "${base}"`] : []),
        '  hiệu lực từ 08/03/2022 đến 31/12/2025',
        ''
    ].join('\n');
}

const shared = () => lspServices().shared;
const versions = new Map<string, number>();

/** What the server does on didOpen and didChange: the new text first, then a workspace update. */
function edit(uri: string, text: string): void {
    const version = (versions.get(uri) ?? 0) + 1;
    versions.set(uri, version);
    const document = TextDocument.create(uri, 'ntm', version, text);
    shared().workspace.TextDocuments.set(document);
    shared().lsp.DocumentUpdateHandler.didChangeContent!({ document });
}

/** The diagnostics of the next validation of each URI; fails if one is not validated again. */
function nextValidation(...uris: string[]): Promise<Record<string, Diagnostic[]>> {
    const found: Record<string, Diagnostic[]> = {};
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            listener.dispose();
            reject(new Error(`not validated again: ${uris.filter(uri => !(uri in found)).join(', ')}`));
        }, 5_000);
        const listener = shared().workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            const uri = document.uri.toString();
            if (!uris.includes(uri)) return;
            found[uri] = document.diagnostics ?? [];
            if (uris.every(u => u in found)) {
                clearTimeout(timer);
                listener.dispose();
                resolve(found);
            }
        });
    });
}

async function open(texts: Record<string, string>): Promise<Record<string, Diagnostic[]>> {
    const validated = nextValidation(...Object.keys(texts));
    for (const [uri, text] of Object.entries(texts)) edit(uri, text);
    return validated;
}

async function change(uri: string, text: string, ...dependents: string[]): Promise<Record<string, Diagnostic[]>> {
    const validated = nextValidation(uri, ...dependents);
    edit(uri, text);
    return validated;
}

const errors = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message);

beforeAll(async () => {
    // As the server's `initialized`: document updates wait for the workspace to be ready.
    await shared().workspace.WorkspaceManager.initializeWorkspace([]);
});

afterEach(async () => {
    for (const uri of versions.keys()) shared().workspace.TextDocuments.delete(uri);
    versions.clear();
    await closeAll();
});

describe('a base pack edited in the editor', () => {
    const nationalWith = (type: string) =>
        `${header('quốc gia')}dữ kiện đường trục xã được cứng hóa: ${type}\ntiêu chí 2 "Giao thông"\n  chỉ tiêu 2.1 "Đường" đường trục xã được cứng hóa >= 0\n`;

    it.each([
        { before: 'phần trăm', after: 'đếm km', threshold: '70%', message: 'Không thể so sánh số đếm (km) với phần trăm (%).' },
        { before: 'đếm km', after: 'phần trăm', threshold: '5 km', message: 'Không thể so sánh phần trăm (%) với số (km).' }
    ])(
        'from $before to $after: the packs built on it, at any depth, get the type error, and lose it when changed back',
        async ({ before, after, threshold, message }) => {
            const provincial = `${header('tỉnh', '../quoc-gia/ntm.ntm')}tiêu chí 20 "Riêng"\n  chỉ tiêu 20.1 "Đường" đường trục xã được cứng hóa >= ${threshold}\n`;
            const district = `${header('huyện', '../tinh/ntm.ntm')}tiêu chí 21 "Riêng huyện"\n  chỉ tiêu 21.1 "Đường" đường trục xã được cứng hóa >= ${threshold}\n`;
            const opened = await open({ [NATIONAL]: nationalWith(before), [PROVINCIAL]: provincial, [DISTRICT]: district });
            expect([errors(opened[PROVINCIAL]), errors(opened[DISTRICT])]).toEqual([[], []]);

            const changed = await change(NATIONAL, nationalWith(after), PROVINCIAL, DISTRICT);
            expect(errors(changed[PROVINCIAL])).toEqual([message]);
            expect(errors(changed[DISTRICT])).toEqual([message]);

            const restored = await change(NATIONAL, nationalWith(before), PROVINCIAL, DISTRICT);
            expect([errors(restored[PROVINCIAL]), errors(restored[DISTRICT])]).toEqual([[], []]);
        }
    );

    it('re-checks a pack that names nothing of its base: a criterion the base comes to declare too', async () => {
        const national = (label: number) => `${header('quốc gia')}dữ kiện a: phần trăm\ntiêu chí ${label} "Chung"\n  chỉ tiêu ${label}.1 "A" a >= 50%\n`;
        // Its own fact only: no reference into the base, so Langium's reference index alone would not re-check it.
        const provincial = `${header('tỉnh', '../quoc-gia/ntm.ntm')}dữ kiện b: phần trăm\ntiêu chí 20 "Riêng"\n  chỉ tiêu 20.1 "B" b >= 50%\n`;
        const opened = await open({ [NATIONAL]: national(11), [PROVINCIAL]: provincial });
        expect(errors(opened[PROVINCIAL])).toEqual([]);

        const changed = await change(NATIONAL, national(20), PROVINCIAL);
        expect(errors(changed[PROVINCIAL])).toEqual([
            'Tiêu chí 20 đã có trong bộ gốc «quốc gia»; dùng «thay chỉ tiêu …» hoặc «thêm vào tiêu chí 20 chỉ tiêu …».'
        ]);

        const restored = await change(NATIONAL, national(11), PROVINCIAL);
        expect(errors(restored[PROVINCIAL])).toEqual([]);
    });

    it('leaves a pack that does not build on the edited one alone', async () => {
        const other = 'file:///ws/khac/ntm.ntm';
        const opened = await open({
            [NATIONAL]: nationalWith('phần trăm'),
            [other]: `${header('khác')}dữ kiện c: phần trăm\ntiêu chí 1 "C"\n  chỉ tiêu 1.1 "C" c >= 1%\n`
        });
        expect(errors(opened[other])).toEqual([]);
        let revalidated = false;
        const listener = shared().workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (document.uri.toString() === other) revalidated = true;
        });
        await change(NATIONAL, nationalWith('đếm km'));
        // The whole build is over once a read of the workspace gets its turn.
        await shared().workspace.WorkspaceLock.read(() => undefined);
        listener.dispose();
        expect(revalidated).toBe(false);
    });

    it('hovers on the pack built on it name the base as it now is', async () => {
        const national = (title: string) =>
            `${header('quốc gia').replace('"Bộ quốc gia"', `"${title}"`)}dữ kiện a: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "A" a >= 50%\n`;
        const provincial = `${header('tỉnh', '../quoc-gia/ntm.ntm')}tiêu chí 20 "Riêng"\n  chỉ tiêu 20.1 "A" a >= 60%\n`;
        await open({ [NATIONAL]: national('Bộ cũ'), [PROVINCIAL]: provincial });
        const document: LangiumDocument = shared().workspace.LangiumDocuments.getDocument(URI.parse(PROVINCIAL))!;
        const hover = async () => {
            const result = await lspServices().lsp.HoverProvider!.getHoverContent(document, position(document, offsetOf(provincial, 'bộ tiêu chí tỉnh', 3)));
            return (result?.contents as { value: string } | undefined)?.value ?? '';
        };
        expect(await hover()).toContain('- Dựa trên: ../quoc-gia/ntm.ntm — «Bộ cũ»');
        await change(NATIONAL, national('Bộ mới'), PROVINCIAL);
        expect(await hover()).toContain('- Dựa trên: ../quoc-gia/ntm.ntm — «Bộ mới»');
    });
});
