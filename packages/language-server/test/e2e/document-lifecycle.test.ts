/**
 * A long editing session against the built `ntm lsp --stdio`: hundreds of buffers that are not on disk
 * (`untitled:` and `file:` URIs of files that do not exist) opened, edited and closed, then all reopened
 * at once, as the reliability battery of issue 11 did. Closed buffers used to stay in the workspace
 * (about 1.6 MB each, still listed by workspace symbols), and reopening them ended the server with an
 * `ENOENT` from Langium's rebuild. The server runs with `--expose-gc` and `NTM_LSP_HEAP_PROBE=1`, which
 * adds the test-only request `ntm/test/heapAfterGc` (packages/language/src/lsp/server/heap-probe.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { HoverRequest } from 'vscode-languageserver-protocol';
import type { HeapProbeResult } from '@ntm/language/lsp';
import { HEAP_PROBE_ENV, HEAP_PROBE_METHOD } from '@ntm/language/lsp';
import { StdioServer, fileUri } from './stdio-client.js';
import { packHeader, NATIONAL_PACK, PROVINCIAL_PACK } from './test-packs.js';

const BUFFERS = 500;

/** A buffer of a few kilobytes building on the national pack, with one unresolved name (so it is relinked). */
function bufferText(i: number, edited: boolean): string {
    const criteria = Array.from({ length: 6 }, (_, c) =>
        [
            `tiêu chí ${c + 1} "Tiêu chí thử ${c + 1}"`,
            ...Array.from(
                { length: 3 },
                (_, k) => `  chỉ tiêu ${c + 1}.${k + 1} "Tỷ lệ thử ${c + 1}.${k + 1} dưới ${k + 1}%" tỷ lệ hộ nghèo < ${edited ? k + 2 : k + 1}%`
            )
        ].join('\n')
    );
    return (
        `${packHeader('nháp', { basedOn: '../quoc-gia/ntm.ntm' })}dữ kiện số hộ: đếm hộ\n${criteria.join('\n')}\n` +
        `tiêu chí 90 "Dấu vết ${i}${edited ? ' đã sửa' : ''}"\n  chỉ tiêu 90.1 "Chưa khai báo" số hộ ${edited ? 'đã sửa' : 'chưa khai báo'} >= 1\n`
    );
}
const EDITED_ERROR = 'Dữ kiện hoặc mức «số hộ đã sửa» chưa được khai báo.';

let workspace: string;
let server: StdioServer;
const diskPacks: string[] = [];

/** Not on disk: every other one untitled, the others a file of the workspace folder that does not exist. */
function bufferUri(i: number): string {
    return i % 2 === 0 ? `untitled:Untitled-${i}` : fileUri(path.join(workspace, 'nhap', `chua-luu-${i}.ntm`));
}

async function heap(): Promise<HeapProbeResult> {
    return server.connection.sendRequest<HeapProbeResult>(HEAP_PROBE_METHOD);
}

async function symbols(query: string): Promise<Array<{ name: string; location: { uri: string } }>> {
    return server.connection.sendRequest('workspace/symbol', { query });
}

beforeAll(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'ntm-lsp-lifecycle-'));
    mkdirSync(path.join(workspace, 'quoc-gia'));
    mkdirSync(path.join(workspace, 'tinh'));
    writeFileSync(path.join(workspace, 'quoc-gia/ntm.ntm'), NATIONAL_PACK);
    writeFileSync(path.join(workspace, 'tinh/ntm.ntm'), PROVINCIAL_PACK);
    diskPacks.push(fileUri(path.join(workspace, 'quoc-gia/ntm.ntm')), fileUri(path.join(workspace, 'tinh/ntm.ntm')));
    server = new StdioServer(['lsp', '--stdio'], { nodeArgs: ['--expose-gc'], env: { [HEAP_PROBE_ENV]: '1' } });
    await server.initialize(workspace);
    await server.diagnosticsFor(diskPacks[1]!);
});

afterAll(async () => {
    await server?.dispose();
    rmSync(workspace, { recursive: true, force: true });
});

describe('a long session of buffers that are not on disk', () => {
    const heapAfter: Record<number, HeapProbeResult> = {};

    it(`opens, edits and closes ${BUFFERS} buffers; each leaves the workspace, its diagnostics cleared, the heap flat`, async () => {
        for (let i = 0; i < BUFFERS; i++) {
            const uri = bufferUri(i);
            // Edited right after opening, as while typing: the open's build is cancelled by the edit's.
            await server.open(uri, bufferText(i, false));
            await server.change(uri, bufferText(i, true));
            await server.diagnosticsWhen(uri, diagnostics => diagnostics.some(d => d.message.startsWith(EDITED_ERROR)));
            if (i === 0) {
                // The control: an open buffer is listed.
                expect((await symbols('Dau vet 0 da sua')).map(s => s.location.uri)).toEqual([uri]);
            }
            const published = server.published(uri);
            await server.close(uri);
            expect(await server.diagnosticsFor(uri, published)).toEqual([]);
            if (i === 9 || i === BUFFERS - 1) heapAfter[i + 1] = await heap();
        }
        const first = heapAfter[10]!;
        const last = heapAfter[BUFFERS]!;
        console.info(
            `heap after GC: ${mb(first.heapUsed)} after 10 buffers, ${mb(last.heapUsed)} after ${BUFFERS} (×${(last.heapUsed / first.heapUsed).toFixed(2)})`
        );
        expect(first.collected).toBe(true);
        expect([first.documents, last.documents]).toEqual([diskPacks.length, diskPacks.length]);
        expect(last.heapUsed).toBeLessThanOrEqual(1.5 * first.heapUsed);
    }, 120_000);

    it('lists no closed buffer in workspace symbols, and still lists the packs on disk', async () => {
        expect(await symbols('Dau vet')).toEqual([]);
        expect((await symbols('Rieng')).map(s => [s.name, s.location.uri])).toEqual([['Tiêu chí 20 Riêng', diskPacks[1]]]);
    });

    it('survives reopening every closed buffer at once (open, edit, close without waiting), and keeps answering', async () => {
        for (let i = 0; i < BUFFERS; i++) {
            const uri = bufferUri(i);
            await server.open(uri, bufferText(i, false));
            await server.change(uri, bufferText(i, true));
            await server.close(uri);
        }
        // All closed again: the workspace settles back to the packs on disk.
        const deadline = Date.now() + 30_000;
        let state = await heap();
        while (state.documents !== diskPacks.length && Date.now() < deadline) {
            await new Promise(resolve => setTimeout(resolve, 100));
            state = await heap();
        }
        expect(state.documents).toBe(diskPacks.length);
        expect(server.child.exitCode).toBeNull();
        const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: diskPacks[1]! }, position: { line: 0, character: 3 } });
        expect((hover?.contents as MarkupContent | undefined)?.value).toContain('**Bộ tiêu chí «Bộ thử tỉnh»**');
        expect(server.stderr).not.toMatch(/ENOENT|Cập nhật tài liệu không thành công|gặp lỗi nội bộ/u);
    });
});

describe('a pack on disk edited and closed without saving', () => {
    it('goes back to its text on disk: diagnostics and symbols of the unsaved edit are gone, the pack stays', async () => {
        const uri = diskPacks[1]!;
        const before = server.published(uri);
        await server.open(uri, PROVINCIAL_PACK);
        await server.diagnosticsFor(uri, before);
        await server.change(uri, `${PROVINCIAL_PACK}tiêu chí 21 "Tạm gõ dở"\n  chỉ tiêu 21.1 "Thiếu" số hộ tạm >= 1\n`);
        const edited = await server.diagnosticsFor(uri, before + 1);
        expect(errors(edited)).toEqual([expect.stringContaining('«số hộ tạm» chưa được khai báo')]);
        expect((await symbols('Tam go do')).map(s => s.location.uri)).toEqual([uri]);
        await server.close(uri);
        expect(errors(await server.diagnosticsFor(uri, before + 2))).toEqual([]);
        expect(await symbols('Tam go do')).toEqual([]);
        expect((await symbols('Rieng')).map(s => s.location.uri)).toEqual([uri]);
        // The provincial pack still finds the national fact it builds on.
        const definition = await server.connection.sendRequest<Array<{ targetUri: string }>>('textDocument/definition', {
            textDocument: { uri },
            position: { line: PROVINCIAL_PACK.split('\n').findIndex(l => l.includes('chỉ tiêu 20.1')), character: 40 }
        });
        expect(definition.map(d => d.targetUri)).toEqual([diskPacks[0]]);
        expect((await heap()).documents).toBe(diskPacks.length);
    });
});

function errors(diagnostics: Diagnostic[]): string[] {
    return diagnostics.filter(d => d.severity === 1).map(d => d.message);
}

function mb(bytes: number): string {
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
