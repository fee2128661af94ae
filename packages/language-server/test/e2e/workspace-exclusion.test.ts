/**
 * The `ntm.boQua` setting against the built `ntm lsp --stdio`: the client answers `workspace/configuration`
 * with globs, and the server neither loads nor validates matching packs when the folder opens (the
 * repository's deliberately broken fixtures filled Problems with 599 errors). A fixture the analyst opens
 * is validated while open; changing the setting loads or drops files without a restart.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { StdioServer, fileUri } from './stdio-client.js';
import { packHeader } from './test-packs.js';

const BROKEN = (name: string) => `${packHeader(name, { title: `Bộ ${name}` })}tiêu chí 1 "Hỏng ${name}"\n  chỉ tiêu 1.1 "Hỏng" chưa khai báo >= 1\n`;
const UNDECLARED = 'Dữ kiện hoặc mức «chưa khai báo» chưa được khai báo.';

let workspace: string;
let server: StdioServer;
const uris: Record<string, string> = {};

beforeAll(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'ntm-lsp-exclusion-'));
    const files: Record<string, string> = {
        fixture: 'packages/language/test/resources/co-y-hong.ntm',
        nested: 'packages/cli/test/resources/law/tinh/hong.ntm',
        draft: 'nhap/hong.ntm',
        real: 'rulesets/tinh/bo.ntm'
    };
    for (const [key, relative] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(workspace, relative)), { recursive: true });
        writeFileSync(
            path.join(workspace, relative),
            key === 'real' ? `${packHeader('thật')}dữ kiện a: phần trăm\ntiêu chí 1 "Thật"\n  chỉ tiêu 1.1 "A" a >= 1%\n` : BROKEN(key)
        );
        uris[key] = fileUri(path.join(workspace, relative));
    }
    server = new StdioServer(['lsp', '--stdio'], { settings: { ntm: { boQua: ['packages/*/test/**'] } } });
    await server.initialize(workspace);
});

afterAll(async () => {
    await server?.dispose();
    rmSync(workspace, { recursive: true, force: true });
});

async function symbolUris(query: string): Promise<string[]> {
    const symbols = await server.connection.sendRequest<Array<{ location: { uri: string } }>>('workspace/symbol', { query });
    return [...new Set(symbols.map(s => s.location.uri))].sort();
}

describe('packs excluded by ntm.boQua', () => {
    it('are neither loaded nor validated when the folder opens; the other packs are', async () => {
        expect(await server.diagnosticsFor(uris.real!)).toEqual([]);
        expect((await server.diagnosticsFor(uris.draft!)).map(d => d.message)).toEqual([expect.stringContaining(UNDECLARED)]);
        // Workspace symbols answer once the workspace is indexed: only the two packs outside the globs.
        expect(await symbolUris('Bo')).toEqual([uris.draft, uris.real].sort());
        expect([server.published(uris.fixture!), server.published(uris.nested!)]).toEqual([0, 0]);
    });

    it('are validated when the analyst opens one, and leave the workspace again when it closes', async () => {
        const uri = uris.fixture!;
        await server.open(uri, BROKEN('fixture'));
        expect((await server.diagnosticsFor(uri, 0)).map(d => d.message)).toEqual([expect.stringContaining(UNDECLARED)]);
        expect(await symbolUris('Hong fixture')).toEqual([uri]);
        await server.close(uri);
        expect(await server.diagnosticsFor(uri, 1)).toEqual([]);
        expect(await symbolUris('Hong fixture')).toEqual([]);
    });

    it('join the workspace when the setting no longer excludes them, and leave it when it does again', async () => {
        const before = server.published(uris.nested!);
        await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { ntm: { boQua: [] } } });
        expect((await server.diagnosticsFor(uris.nested!, before)).map(d => d.message)).toEqual([expect.stringContaining(UNDECLARED)]);
        expect(await symbolUris('Hong nested')).toEqual([uris.nested]);
        await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { ntm: { boQua: ['packages/cli/**'] } } });
        expect(await server.diagnosticsFor(uris.nested!, before + 1)).toEqual([]);
        expect(await symbolUris('Hong')).toEqual([uris.draft, uris.fixture].sort());
        expect(server.stderr).not.toMatch(/Không áp dụng được|gặp lỗi nội bộ/u);
    });
});
