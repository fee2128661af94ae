/**
 * End-to-end tests of the language server as shipped: `ntm lsp --stdio` (the CLI's server, with test runs)
 * in its own process, driven over stdio with vscode-jsonrpc and vscode-languageserver-protocol. They live
 * beside the provider tests because they exercise the same features; they need `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, LocationLink, MarkupContent } from 'vscode-languageserver-protocol';
import { CompletionRequest, DefinitionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import type { RunSamplesResult } from '@ntm/evaluation';
import { RUN_SAMPLES_METHOD } from '@ntm/evaluation';
import { NTM_BIN, REPO, StdioServer, fileUri } from './stdio-client.js';
import { packHeader, NATIONAL_PACK, PROVINCIAL_PACK } from './test-packs.js';

const HA_NAM = path.join(REPO, 'rulesets/ha-nam/ntm-nang-cao.ntm');
const LIEM_CAN = path.join(REPO, 'examples/ha-nam/liem-can-2024.json');
const BROKEN = `${packHeader('hỏng')}dữ kiện rác thải: phần trăm\ntiêu chí 17 "Môi trường"\n  chỉ tiêu 17.3 "Rác" rac thai >= 98%\n  chỉ tiêu 17.4 "Thiếu ngưỡng" rác thải >=\n`;

let workspace: string;
let server: StdioServer;

beforeAll(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'ntm-lsp-e2e-'));
    mkdirSync(path.join(workspace, 'quoc-gia'));
    mkdirSync(path.join(workspace, 'tinh'));
    mkdirSync(path.join(workspace, 'mau'));
    writeFileSync(path.join(workspace, 'quoc-gia/ntm.ntm'), NATIONAL_PACK);
    writeFileSync(path.join(workspace, 'tinh/ntm.ntm'), PROVINCIAL_PACK);
    writeFileSync(path.join(workspace, 'hong.ntm'), BROKEN);
    // A pack with two samples: one good, one with a malformed field.
    writeFileSync(path.join(workspace, 'mau/mini.ntm'), readFileSync(path.join(REPO, 'packages/cli/test/resources/mini.ntm'), 'utf8'));
    const sample = JSON.parse(readFileSync(path.join(REPO, 'packages/cli/test/resources/mini-commune.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(workspace, 'mau/xa-tot.json'), JSON.stringify(sample, null, 2));
    writeFileSync(
        path.join(workspace, 'mau/xa-hong.json'),
        JSON.stringify({ ...sample, xã: 'Hỏng', 'dữ kiện': { ...(sample['dữ kiện'] as object), 'rác thải': 'nhiều' } }, null, 2)
    );
    // A pack that builds on itself.
    writeFileSync(path.join(workspace, 'tu-than.ntm'), `${packHeader('tự thân', { basedOn: 'tu-than.ntm' })}tiêu chí 1 "A"\n`);
    // A file that is not UTF-8 text at all, loaded by the server from the workspace folder.
    writeFileSync(path.join(workspace, 'nhi-phan.ntm'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0x00, 0x80]));
    server = new StdioServer();
    await server.initialize(workspace);
});

afterAll(async () => {
    await server?.dispose();
    rmSync(workspace, { recursive: true, force: true });
});

function markdown(hover: Hover | null): string {
    return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

/** What `ntm check` prints for a file of the workspace (its path relative to the workspace). */
function checkLines(file: string): string[] {
    const check = spawnSync(process.execPath, [NTM_BIN, 'check', path.join(workspace, file)], { cwd: workspace, encoding: 'utf8' });
    return check.stdout.split('\n').filter(line => line.startsWith(`${file}:`));
}

/** The server's diagnostics as `ntm check` prints them. */
function asCheckLines(file: string, diagnostics: readonly Diagnostic[]): string[] {
    const severities: Record<number, string> = { 1: 'lỗi', 2: 'cảnh báo', 3: 'thông tin', 4: 'gợi ý' };
    return [...diagnostics]
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map(d => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severities[d.severity ?? 1]} ${d.message}`);
}

function offsetPosition(text: string, needle: string, delta = 0) {
    const offset = text.indexOf(needle) + delta;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('ntm lsp over stdio', () => {
    it('answers initialize without --stdio too (the transport defaults to stdio)', async () => {
        const plain = new StdioServer(['lsp']);
        try {
            const result = await plain.initialize();
            expect(result.capabilities.hoverProvider).toBe(true);
        } finally {
            await plain.dispose();
        }
        expect(plain.child.killed || plain.child.exitCode !== null).toBe(true);
    });

    it('publishes the same diagnostics as ntm check for a broken pack in the workspace', async () => {
        const uri = fileUri(path.join(workspace, 'hong.ntm'));
        const diagnostics = await server.diagnosticsFor(uri);
        const fromServer = asCheckLines('hong.ntm', diagnostics);
        expect(fromServer).toEqual(checkLines('hong.ntm'));
        expect(fromServer).toEqual([
            expect.stringMatching(/^hong\.ntm:9:23 lỗi Dữ kiện hoặc mức «rac thai» chưa được khai báo\./u),
            expect.stringMatching(/^hong\.ntm:10:43 lỗi Tệp kết thúc khi còn thiếu /u)
        ]);
    });

    it('publishes no error for the Hà Nam pack when opened, and diagnostics again after an edit breaks it', async () => {
        const uri = fileUri(HA_NAM);
        const text = readFileSync(HA_NAM, 'utf8');
        const before = server.published(uri);
        await server.open(uri, text);
        const diagnostics = await server.diagnosticsFor(uri, before);
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
        await server.change(uri, text.replace('tỷ lệ hộ phân loại chất thải rắn tại nguồn >= 50%', 'tỷ lệ hộ phân loại chất thai rắn tại nguồn >= 50%'));
        const after = await server.diagnosticsFor(uri, before + 1);
        expect(after.filter(d => d.severity === 1).map(d => d.message)).toEqual([
            expect.stringContaining('Dữ kiện hoặc mức «tỷ lệ hộ phân loại chất thai rắn tại nguồn» chưa được khai báo.')
        ]);
        await server.change(uri, text);
        expect((await server.diagnosticsFor(uri, before + 2)).filter(d => d.severity === 1)).toEqual([]);
    });

    it('hovers on an indicator in Vietnamese with its citation', async () => {
        const text = readFileSync(HA_NAM, 'utf8');
        const hover = await server.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: fileUri(HA_NAM) },
            position: offsetPosition(text, 'chỉ tiêu 17.5', 10)
        });
        const value = markdown(hover);
        expect(value).toContain('**Chỉ tiêu 17.5** — tiêu chí 17 «Môi trường»');
        expect(value).toContain('> Tỷ lệ hộ gia đình thực hiện phân loại chất thải rắn tại nguồn ≥50%');
        expect(value).toContain('- 43/2022/QĐ-UBND (UBND tỉnh Hà Nam, ngày 16/09/2022)');
    });

    it('hovers on an unverified threshold and says it is unverified', async () => {
        const text = readFileSync(HA_NAM, 'utf8');
        const hover = await server.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: fileUri(HA_NAM) },
            position: offsetPosition(text, 'hình thức hỏa táng >= 18%', 22)
        });
        expect(markdown(hover)).toContain('**Giá trị chưa kiểm chứng** «chưa kiểm chứng»: Văn bản ghi ngưỡng 18% cho «năm 2023»');
    });

    it('completes a fact typed without diacritics', async () => {
        const uri = fileUri(path.join(workspace, 'soan.ntm'));
        const text = `${packHeader('soạn')}dữ kiện tỷ lệ rác thải được thu gom: phần trăm\ntiêu chí 17 "Môi trường"\n  chỉ tiêu 17.3 "Rác"\n    rac thai`;
        await server.open(uri, text);
        const result = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: offsetPosition(text, 'rac thai', 8) });
        const items = (Array.isArray(result) ? result : (result as CompletionList).items) as CompletionItem[];
        const item = items.find(i => i.label === 'tỷ lệ rác thải được thu gom');
        expect(item, items.map(i => i.label).join(', ')).toBeDefined();
        expect(item!.textEdit).toMatchObject({ newText: 'tỷ lệ rác thải được thu gom', range: { start: { character: 4 }, end: { character: 12 } } });
    });

    it('goes to a definition in another pack: a national fact from the provincial pack, and the base pack itself', async () => {
        const provincial = fileUri(path.join(workspace, 'tinh/ntm.ntm'));
        const national = fileUri(path.join(workspace, 'quoc-gia/ntm.ntm'));
        await server.diagnosticsFor(provincial);
        const toFact = await server.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: provincial },
            position: offsetPosition(PROVINCIAL_PACK, 'tỷ lệ hộ nghèo <', 3)
        });
        expect((toFact as LocationLink[]).map(l => [l.targetUri, l.targetSelectionRange.start.line])).toEqual([[national, 6]]);
        const toPack = await server.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: provincial },
            position: offsetPosition(PROVINCIAL_PACK, 'quoc-gia', 2)
        });
        expect((toPack as LocationLink[]).map(l => l.targetUri)).toEqual([national]);
    });

    it('re-checks a pack when the pack it builds on changes, with the errors ntm check reports', async () => {
        const base = (type: string) =>
            `${packHeader('gốc')}dữ kiện chiều dài đường trục xã: ${type}\ntiêu chí 2 "Giao thông"\n  chỉ tiêu 2.1 "Đường" chiều dài đường trục xã >= 0\n`;
        const dependent = `${packHeader('con', { basedOn: '../goc/ntm.ntm' })}tiêu chí 20 "Riêng"\n  chỉ tiêu 20.1 "Đường" chiều dài đường trục xã >= 5 km\n`;
        mkdirSync(path.join(workspace, 'goc'));
        mkdirSync(path.join(workspace, 'con'));
        writeFileSync(path.join(workspace, 'goc/ntm.ntm'), base('đếm km'));
        writeFileSync(path.join(workspace, 'con/ntm.ntm'), dependent);
        const baseUri = fileUri(path.join(workspace, 'goc/ntm.ntm'));
        const dependentUri = fileUri(path.join(workspace, 'con/ntm.ntm'));
        await server.open(baseUri, base('đếm km'));
        await server.diagnosticsFor(baseUri);
        await server.open(dependentUri, dependent);
        expect(asCheckLines('con/ntm.ntm', await server.diagnosticsFor(dependentUri))).toEqual([]);

        // The base fact becomes a percentage: only the base is edited, the dependent must be checked again.
        const published = server.published(dependentUri);
        writeFileSync(path.join(workspace, 'goc/ntm.ntm'), base('phần trăm'));
        await server.change(baseUri, base('phần trăm'));
        const changed = asCheckLines('con/ntm.ntm', await server.diagnosticsFor(dependentUri, published));
        expect(changed).toEqual([expect.stringMatching(/^con\/ntm\.ntm:9:52 lỗi Không thể so sánh phần trăm \(%\) với số \(km\)\.$/u)]);
        expect(changed).toEqual(checkLines('con/ntm.ntm'));

        writeFileSync(path.join(workspace, 'goc/ntm.ntm'), base('đếm km'));
        await server.change(baseUri, base('đếm km'));
        expect(asCheckLines('con/ntm.ntm', await server.diagnosticsFor(dependentUri, published + 1))).toEqual([]);
        expect(checkLines('con/ntm.ntm')).toEqual([]);
    });

    it('answers outline, workspace symbols, rename, formatting and semantic tokens for the Hà Nam pack', async () => {
        const uri = fileUri(HA_NAM);
        const text = readFileSync(HA_NAM, 'utf8');
        const outline = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const criteria = outline[0]!.children!.filter(s => s.name.startsWith('Tiêu chí '));
        expect(criteria).toHaveLength(19);
        expect(criteria.find(c => c.name === 'Tiêu chí 17 Môi trường')?.children?.map(c => c.name)).toContain('Chỉ tiêu 17.5');
        const symbols = await server.connection.sendRequest<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', {
            query: 'phan loai chat thai'
        });
        // The fact by its name, the indicator by its quoted requirement.
        expect(symbols.filter(s => s.location.uri === uri).map(s => s.name)).toEqual(['tỷ lệ hộ phân loại chất thải rắn tại nguồn', 'Chỉ tiêu 17.5']);
        const rename = await server.connection.sendRequest<{ changes: Record<string, unknown[]> }>('textDocument/rename', {
            textDocument: { uri },
            position: offsetPosition(text, 'tỷ lệ hộ phân loại chất thải rắn tại nguồn >=', 5),
            newName: 'tỷ lệ hộ phân loại rác'
        });
        expect(rename.changes[uri]).toHaveLength(2);
        const formatting = await server.connection.sendRequest<unknown[]>('textDocument/formatting', {
            textDocument: { uri },
            options: { tabSize: 2, insertSpaces: true }
        });
        expect(formatting).toEqual([]);
        const tokens = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
        expect(tokens.data.length / 5).toBeGreaterThan(500);
    });

    it("runs the Hà Nam pack's sample commune through ntm/chayKiemThu", async () => {
        const result = await server.connection.sendRequest<RunSamplesResult>(RUN_SAMPLES_METHOD, { packUri: fileUri(HA_NAM) });
        expect(result.samples.map(s => [s.communeUri, s.commune, s.ran, s.problems])).toEqual([[fileUri(LIEM_CAN), 'Liêm Cần', true, []]]);
        const [sample] = result.samples;
        expect(sample!.summary).toMatch(/^đạt \d+\/19 tiêu chí, \d\/3 điều kiện công nhận$/u);
        expect(sample!.checks.length).toBeGreaterThan(70);
        expect(sample!.checks.filter(c => !c.passed)).toEqual([]);
        const known = sample!.checks.find(c => c.level === 'indicator' && c.label === '2.1');
        expect(known).toMatchObject({ official: 'đạt', computed: 'thiếu dữ liệu', status: 'known-difference', passed: true, cause: 'missing-in-report' });
        expect(result.samples[0]!.checks.find(c => c.level === 'recognition')).toMatchObject({ level: 'recognition', passed: true });
        // Every indicator and criterion verdict carries where it is written, from the syntax tree.
        expect(known!.location).toMatchObject({ uri: expect.stringMatching(/ntm-nang-cao\.ntm$/u), range: { start: { line: expect.any(Number) } } });
    });

    it('runs one commune by its URI', async () => {
        const result = await server.connection.sendRequest<RunSamplesResult>(RUN_SAMPLES_METHOD, { communeUri: fileUri(LIEM_CAN) });
        expect(result.samples.map(s => [s.commune, s.ran, s.packUri])).toEqual([['Liêm Cần', true, fileUri(HA_NAM)]]);
    });

    it('reports a malformed sample with its file and field, and still runs the others', async () => {
        const result = await server.connection.sendRequest<RunSamplesResult>(RUN_SAMPLES_METHOD, { packUri: fileUri(path.join(workspace, 'mau/mini.ntm')) });
        const byFile = Object.fromEntries(result.samples.map(s => [path.basename(s.communeUri), s]));
        expect(Object.keys(byFile).sort()).toEqual(['xa-hong.json', 'xa-tot.json']);
        expect(byFile['xa-hong.json']).toMatchObject({ ran: false, checks: [] });
        expect(byFile['xa-hong.json']!.problems).toEqual([expect.stringMatching(/xa-hong\.json:\d+:\d+ lỗi dữ kiện\.rác thải: /u)]);
        expect(byFile['xa-tot.json']).toMatchObject({ ran: true, commune: 'Thử', problems: [] });
        expect(byFile['xa-tot.json']!.checks.find(c => c.label === '4.1')).toMatchObject({ status: 'known-difference', passed: true });
    });

    it('rejects a test-run request without a pack or commune', async () => {
        await expect(server.connection.sendRequest(RUN_SAMPLES_METHOD, {})).rejects.toThrow('Tham số không hợp lệ');
    });
});

describe('ntm lsp over stdio with bad input', () => {
    it('gives one diagnostic for a file that is not UTF-8 text', async () => {
        const diagnostics = await server.diagnosticsFor(fileUri(path.join(workspace, 'nhi-phan.ntm')));
        expect(diagnostics.map(d => d.message)).toEqual(['Tệp không phải văn bản (có ký tự nhị phân): tệp .ntm phải là văn bản UTF-8.']);
    });

    it('reports a pack that builds on itself, and keeps answering on it', async () => {
        const uri = fileUri(path.join(workspace, 'tu-than.ntm'));
        const diagnostics = await server.diagnosticsFor(uri);
        expect(diagnostics.map(d => d.message)).toContain('Vòng lặp «dựa trên»: tự thân → tự thân.');
        const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
        expect(markdown(hover)).toContain('**Bộ tiêu chí «Bộ thử tự thân»**');
    });

    it('gives one clear diagnostic for a file above the size limit, and still answers hovers on it', async () => {
        const uri = fileUri(path.join(workspace, 'qua-lon.ntm'));
        const text = `${packHeader('lớn')}${'// chú thích cho đủ dài\n'.repeat(90_000)}`;
        await server.open(uri, text);
        const diagnostics = await server.diagnosticsFor(uri);
        expect(diagnostics.map(d => d.message)).toEqual([
            expect.stringMatching(/^Tệp quá lớn \([\d.]+ ký tự, tối đa 2\.000\.000\): hãy tách bộ tiêu chí thành nhiều tệp\.$/u)
        ]);
        expect(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } })).toBeNull();
    });

    it('survives half-typed constructs, deep nesting and requests on a document mid-edit', async () => {
        const uri = fileUri(path.join(workspace, 'dang-go.ntm'));
        const base = `${packHeader('đang gõ')}dữ kiện a: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" `;
        const edits = [
            `${base}a >=`,
            `${base}(((((((((((((((((((((((((((((((((((((((a`,
            `${base}tất cả { a >= 1; một trong { `,
            `${base}a >= 50% căn cứ`,
            `${base}"chưa đóng`,
            `dữ kiện`,
            ``,
            `${base}a >= 50%\n  chỉ tiêu`
        ];
        await server.open(uri, edits[0]!);
        for (const text of edits) {
            await server.change(uri, text);
            const end = offsetPosition(text, text.slice(-1), 1);
            // Fired without waiting for validation, as an editor does while the analyst types.
            const answers = await Promise.all([
                server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: end }),
                server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: end }),
                server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } }),
                server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
                server.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
                server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })
            ]);
            expect(answers).toHaveLength(6);
        }
        const last = await server.diagnosticsFor(uri, server.published(uri) - 1);
        expect(last.some(d => d.severity === 1)).toBe(true);
        expect(server.stderr).not.toMatch(/gặp lỗi nội bộ/u);
        expect(server.child.exitCode).toBeNull();
    });
});
