import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OperationCancelled } from 'langium';
import { ResponseError } from 'vscode-languageserver';
import { guarded, setGuardLog } from '../../src/lsp/server/guard.js';
import { MAX_SOURCE_CHARACTERS } from '../../src/parser/ntm-lexer.js';
import { closeAll, lspServices, openPack, PACK_HEADER, SAMPLE_PACK } from './lsp-test-services.js';

const logged: string[] = [];
beforeAll(() => setGuardLog(message => logged.push(message)));
afterAll(async () => {
    setGuardLog(message => console.error(message));
    await closeAll();
});

describe('guarded providers', () => {
    class Flaky {
        calls = 0;
        sync(): string {
            this.calls++;
            throw new Error('hỏng');
        }
        async later(): Promise<string> {
            this.calls++;
            throw new TypeError('cannot read x');
        }
        fine(value: string): string {
            this.calls++;
            return value;
        }
        refuse(): never {
            throw new ResponseError(-32602, 'Tên không hợp lệ');
        }
        cancel(): never {
            throw OperationCancelled;
        }
    }

    it('turns an internal error into an empty result and logs it', async () => {
        logged.length = 0;
        const provider = guarded(new Flaky(), 'Flaky', () => []);
        expect(provider.sync()).toEqual([]);
        expect(await provider.later()).toEqual([]);
        expect(provider.fine('ok')).toBe('ok');
        expect(provider.calls).toBe(3);
        expect(logged).toEqual([
            expect.stringMatching(/^\[ntm\] Flaky\.sync gặp lỗi nội bộ, trả về kết quả rỗng: Error: hỏng/u),
            expect.stringMatching(/^\[ntm\] Flaky\.later gặp lỗi nội bộ, trả về kết quả rỗng: TypeError: cannot read x/u)
        ]);
    });

    it('lets a deliberate refusal and a cancellation through', () => {
        const provider = guarded(new Flaky(), 'Flaky');
        expect(() => provider.refuse()).toThrow('Tên không hợp lệ');
        let thrown: unknown;
        try {
            provider.cancel();
        } catch (error) {
            thrown = error;
        }
        expect(thrown).toBe(OperationCancelled);
    });
});

/** Every position-based feature at every few characters of a text: none may need the guard. */
async function exerciseEverywhere(text: string, step: number, documentUri?: string): Promise<void> {
    const document = await openPack(text, documentUri);
    const lsp = lspServices().lsp;
    const uri = { uri: document.uri.toString() };
    for (let offset = 0; offset <= text.length; offset += step) {
        const at = { textDocument: uri, position: document.textDocument.positionAt(offset) };
        await lsp.HoverProvider!.getHoverContent(document, at);
        await lsp.CompletionProvider!.getCompletion(document, at);
        await lsp.DefinitionProvider!.getDefinition(document, at);
        await lsp.ReferencesProvider!.findReferences(document, { ...at, context: { includeDeclaration: true } });
        await lsp.RenameProvider!.prepareRename(document, at);
    }
    await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: uri });
    await lsp.Formatter!.formatDocument(document, { textDocument: uri, options: { tabSize: 2, insertSpaces: true } });
    await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: uri });
    await lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: uri,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: document.diagnostics ?? [] }
    });
}

describe('providers on bad input', () => {
    const cases: Array<[string, string, number, string?]> = [
        ['half-typed constructs', `${PACK_HEADER}dữ kiện a: phần\ntiêu chí 1 "A\n  chỉ tiêu 1.1 "B" a >= (\n  chỉ tiêu\n  căn cứ\nthang x: <\n`, 1],
        ['deep nesting', `${PACK_HEADER}dữ kiện a: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B" ${'('.repeat(40)}a >= 1${')'.repeat(40)}\n`, 3],
        [
            'a pack cut in the middle of every line',
            SAMPLE_PACK.split('\n')
                .map(line => line.slice(0, Math.ceil(line.length / 2)))
                .join('\n'),
            2
        ],
        [
            'replacement characters and lone surrogates',
            `${PACK_HEADER}dữ kiện \uFFFD\uD800 x: phần trăm\ntiêu chí 1 "\uDC00"\n  chỉ tiêu 1.1 "B" \uFFFD >= 1\n`,
            1
        ],
        [
            'references cut short: «căn cứ», «sửa đổi theo», «thêm vào tiêu chí»',
            `${PACK_HEADER}dữ kiện a: phần trăm\ntiêu chí 1 "A"\n  căn cứ\n  chỉ tiêu 1.1 "B" a >= 1 căn cứ \nsửa đổi theo từ 01/01/2023 {\n  thay chỉ tiêu 1.1 "B" a >= 1\n}\nthêm vào tiêu chí chỉ tiêu 1.2 "C" a >= 1\nkhông áp dụng chỉ tiêu \n`,
            1
        ],
        [
            'a pack that builds on itself',
            `${PACK_HEADER.replace('  hiệu lực', '  dựa trên "lsp-self.ntm"\n  hiệu lực')}tiêu chí 1 "A"\n`,
            2,
            'file:///test/lsp-self.ntm'
        ]
    ];

    it.each(cases)('%s: every feature answers without an internal error', async (_name, text, step, uri) => {
        logged.length = 0;
        // Langium's completion catches a failed scope lookup itself and only logs it.
        const consoleErrors: unknown[] = [];
        const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
            consoleErrors.push(args);
        });
        try {
            await exerciseEverywhere(text, step, uri);
        } finally {
            spy.mockRestore();
        }
        expect(logged).toEqual([]);
        expect(consoleErrors).toEqual([]);
    });

    it('a file above the size limit gets one diagnostic and empty answers', async () => {
        logged.length = 0;
        const text = `${PACK_HEADER}${'x'.repeat(MAX_SOURCE_CHARACTERS)}`;
        const document = await openPack(text);
        expect(document.diagnostics?.map(d => d.message)).toEqual([expect.stringMatching(/^Tệp quá lớn /u)]);
        const at = { textDocument: { uri: document.uri.toString() }, position: { line: 2, character: 4 } };
        expect(await lspServices().lsp.HoverProvider!.getHoverContent(document, at)).toBeUndefined();
        expect(await lspServices().lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: at.textDocument })).toEqual([]);
        expect(logged).toEqual([]);
    });
});
