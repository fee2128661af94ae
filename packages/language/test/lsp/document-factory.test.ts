import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pack } from '../../src/generated/ast.js';
import { createNtmServices } from '../../src/lsp/index.js';
import { PACK_HEADER } from './lsp-test-services.js';

/**
 * The safety net behind the close handler (src/lsp/server/ntm-document-factory.ts): a document whose file
 * vanished without the server being told is rebuilt from the text it had, where Langium threw ENOENT and,
 * in the server, ended the process.
 */
describe('rebuilding a closed document whose file is gone', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ntm-factory-'));
    afterEach(() => {
        vi.restoreAllMocks();
        rmSync(folder, { recursive: true, force: true });
    });

    it('keeps the last text, says so in the log, and validates the workspace again', async () => {
        const file = path.join(folder, 'bo.ntm');
        writeFileSync(file, `${PACK_HEADER}tiêu chí 1 "Còn"\n`);
        const { shared } = createNtmServices(NodeFileSystem);
        const uri = URI.file(file);
        const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(uri);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        rmSync(file);
        const logged: string[] = [];
        vi.spyOn(console, 'error').mockImplementation((message: unknown) => {
            logged.push(String(message));
        });
        await shared.workspace.DocumentBuilder.update([uri], []);
        expect(document.state).toBe(DocumentState.Validated);
        expect((document.parseResult.value as Pack).members.map(m => (m as { title?: string }).title)).toEqual(['Còn']);
        expect(logged).toEqual([expect.stringMatching(/^\[ntm\] Không đọc được file:\/\/.*bo\.ntm, giữ nội dung đã biết: ENOENT/u)]);
    });
});
