/**
 * Hover and completion on half-typed texts that used to throw inside the providers (the guard turned the
 * error into an empty answer, and Langium's completion logged «Property … is not a reference»): a
 * truncated `căn cứ`, `sửa đổi theo` or `thêm vào tiêu chí` leaves a mandatory reference undefined, and
 * completion put the reference on the indicator or criterion before the cursor.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver';
import { setGuardLog } from '../../src/lsp/server/guard.js';
import { closeAll, lspServices, offsetOf, openPack, PACK_HEADER, position } from './lsp-test-services.js';

const guardLog: string[] = [];
const consoleErrors: unknown[] = [];
beforeAll(() => {
    setGuardLog(message => guardLog.push(message));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
        consoleErrors.push(args);
    });
});
afterAll(() => {
    setGuardLog(message => console.error(message));
    vi.restoreAllMocks();
});
afterEach(async () => {
    await closeAll();
    // Neither the guard nor Langium's own catch may have seen an error.
    expect(guardLog).toEqual([]);
    expect(consoleErrors).toEqual([]);
});

const DECISION = '318/QĐ-TTg';

async function hover(text: string, needle: string, delta = 1): Promise<string> {
    const document = await openPack(text);
    const answer = await lspServices().lsp.HoverProvider!.getHoverContent(document, position(document, offsetOf(text, needle, delta)));
    return (answer?.contents as MarkupContent | undefined)?.value ?? '';
}

async function completionLabels(text: string): Promise<string[]> {
    const cursor = text.indexOf('|');
    const source = text.replace('|', '');
    const document = await openPack(source);
    const list = await lspServices().lsp.CompletionProvider!.getCompletion(document, position(document, cursor));
    return list?.items.map(item => item.label) ?? [];
}

describe('hover on half-typed references', () => {
    it('a criterion whose «căn cứ» has no decision yet', async () => {
        const text = `${PACK_HEADER}tiêu chí 1 "A"\n  căn cứ\n  chỉ tiêu 1.1 "B"\n`;
        expect(await hover(text, 'tiêu chí 1')).toBe('**Tiêu chí 1 «A»**\n\n1 chỉ tiêu: 1.1\n\n**Căn cứ**\n\n- (chưa ghi)');
    });

    it('an indicator under an amendment without its decision («sửa đổi theo» cut short)', async () => {
        const text = `${PACK_HEADER}sửa đổi theo từ 01/01/2023 {\n  thay chỉ tiêu 1.1 "B" a >= 1\n}\n`;
        expect(await hover(text, 'chỉ tiêu 1.1', 10)).toMatch(
            /^\*\*Chỉ tiêu 1\.1\*\* — thay chỉ tiêu của bộ gốc, sửa đổi theo \(chưa ghi\) từ 01\/01\/2023\n/u
        );
        expect(await hover(text, 'bộ tiêu chí')).toContain('- Sửa đổi: theo (chưa ghi) từ 01/01/2023 (1 chỉ tiêu)');
    });

    it('an indicator added to a criterion not named yet («thêm vào tiêu chí» cut short)', async () => {
        const text = `${PACK_HEADER}thêm vào tiêu chí chỉ tiêu 1.1 "B" a >= 1\n`;
        expect(await hover(text, 'chỉ tiêu 1.1', 10)).toMatch(/^\*\*Chỉ tiêu 1\.1\*\* — thêm vào tiêu chí \(chưa ghi\)\n\n> B\n/u);
    });
});

describe('completion of a reference after a half-typed keyword', () => {
    it('offers the declared decisions after «căn cứ» under a criterion', async () => {
        expect(await completionLabels(`${PACK_HEADER}tiêu chí 1 "A"\n  căn cứ |\n  chỉ tiêu 1.1 "B"\n`)).toContain(DECISION);
    });

    it('offers the declared decisions after «căn cứ» at the end of an indicator', async () => {
        expect(await completionLabels(`${PACK_HEADER}dữ kiện a: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" a >= 1 căn cứ |`)).toContain(DECISION);
    });

    it('offers the criteria after «thêm vào tiêu chí»', async () => {
        const labels = await completionLabels(`${PACK_HEADER}tiêu chí 7 "Bảy"\nthêm vào tiêu chí |chỉ tiêu 7.2 "B" a >= 1\n`);
        expect(labels).toContain('7');
    });

    it('offers the declared decisions after «sửa đổi theo»', async () => {
        expect(await completionLabels(`${PACK_HEADER}sửa đổi theo |`)).toContain(DECISION);
    });
});
