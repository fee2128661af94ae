import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, EmptyFileSystem, TextDocument, URI } from 'langium';
import { afterAll, describe, expect, it } from 'vitest';
import { createNtmServices } from '../../src/lsp/index.js';
import { NtmDocumentFactory } from '../../src/workspace/ntm-document-factory.js';
import { loadTestPack } from '../helpers/ntm-test-services.js';
import { seededRandom } from '../helpers/seeded-random.js';

// An edit inside one member re-parses that member only (src/parser/member-reparse.ts). Whatever path an edit
// takes, the document must end up as a whole parse of the same text would make it: same diagnostics, same
// syntax tree, same offsets and positions. Random edits, from a fixed seed, against a fresh full build.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const { shared } = createNtmServices(EmptyFileSystem);
const factory = shared.workspace.LangiumDocumentFactory as NtmDocumentFactory;
const textDocuments = shared.workspace.TextDocuments;

afterAll(() => {
    NtmDocumentFactory.incremental = true;
});

/** Edits an analyst makes while typing: a digit changed, a letter typed or deleted, a line broken or joined, a comment. */
function randomEdit(text: string, random: () => number): string {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const at = Math.floor(random() * text.length);
    const digits = [...text.matchAll(/\d/gu)].map(m => m.index);
    switch (pick(['digit', 'digit', 'letter', 'letter', 'delete', 'space', 'newline', 'join', 'comment', 'quote', 'word'] as const)) {
        case 'digit': {
            const where = digits.length > 0 ? pick(digits) : at;
            return text.slice(0, where) + String(Math.floor(random() * 10)) + text.slice(where + 1);
        }
        case 'letter':
            return text.slice(0, at) + pick(['a', 'ệ', 'n', 'h', 'đ', 'x']) + text.slice(at);
        case 'delete':
            return text.slice(0, at) + text.slice(at + 1);
        case 'space':
            return text.slice(0, at) + ' ' + text.slice(at);
        case 'newline':
            return text.slice(0, at) + '\n' + text.slice(at);
        case 'join': {
            const line = text.indexOf('\n', at);
            return line < 0 ? text : text.slice(0, line) + ' ' + text.slice(line + 1);
        }
        case 'comment': {
            const line = text.indexOf('\n', at);
            return line < 0 ? text : `${text.slice(0, line)} // ghi chú${text.slice(line)}`;
        }
        case 'quote':
            return text.slice(0, at) + '"' + text.slice(at);
        case 'word':
            return text.slice(0, at) + pick([' và', ' có', ' >= 5%', ' tiêu chí', '\n  chỉ tiêu 9.9 "x" có y']) + text.slice(at);
    }
}

/** Everything a whole parse fixes: each node's type and text span, each token's offset, length and position. */
function shape(document: LangiumDocument): unknown {
    const root = document.parseResult.value;
    const nodes = AstUtils.streamAst(root)
        .map(node => [node.$type, node.$containerProperty, node.$containerIndex, node.$cstNode?.offset, node.$cstNode?.end])
        .toArray();
    const leaves = root.$cstNode
        ? CstUtils.streamCst(root.$cstNode)
              .filter(node => !('content' in node))
              .map(node => [node.offset, node.length, node.range, node.hidden, node.text])
              .toArray()
        : [];
    return { nodes, leaves, lexer: document.parseResult.lexerErrors.length, parser: document.parseResult.parserErrors.length };
}

function comparable(document: LangiumDocument): unknown {
    return (document.diagnostics ?? []).map(d => ({ severity: d.severity, message: d.message, range: d.range, code: d.code }));
}

async function editInPlace(uri: string, text: string, version: number): Promise<LangiumDocument> {
    textDocuments!.set(TextDocument.create(uri, 'ntm', version, text));
    await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
    return shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
}

async function fullBuild(text: string): Promise<{ document: LangiumDocument; root: AstNode }> {
    const loaded = await loadTestPack(text, 'full');
    return { document: loaded.document, root: loaded.pack };
}

const PACKS = [
    ['docs/examples/09-liem-can-rut-gon.ntm', 120],
    ['docs/examples/07-ha-noi-kieu-mau.ntm', 100],
    ['docs/examples/06-yeu-cau.ntm', 60],
    ['rulesets/ha-noi/kieu-mau.ntm', 40]
] as const;

describe('re-parsing one member after an edit', () => {
    for (const [file, edits] of PACKS) {
        it(`gives what a whole parse gives, over ${edits} random edits of ${file}`, async () => {
            const original = readFileSync(path.join(ROOT, file), 'utf8');
            const uri = `file:///reparse/${path.basename(file)}`;
            let text = original;
            let document = await editInPlace(uri, text, 1);
            const random = seededRandom(edits * 7919 + original.length);
            let byMember = 0;
            for (let round = 1; round <= edits; round++) {
                // A text that no longer parses is mostly set back: edits of a clean pack are the ones that matter.
                const clean = document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
                const base = clean || random() < 0.3 ? text : original;
                text = randomEdit(base, random);
                document = await editInPlace(uri, text, round + 1);
                if (factory.lastParse === 'member') byMember++;
                const full = await fullBuild(text);
                const context = `${file}, edit ${round} (${factory.lastParse})`;
                expect(shape(document), context).toEqual(shape(full.document));
                expect(comparable(document), context).toEqual(comparable(full.document));
                // Builds without a cancellation token never yield to the event loop: let the test runner's messages through.
                await new Promise(resolve => setImmediate(resolve));
            }
            // The test means something only if many edits took the short path.
            expect(byMember).toBeGreaterThan(edits / 4);
        }, 300_000);
    }

    it('leaves a control character to a whole parse, which may call the text binary', async () => {
        const original = readFileSync(path.join(ROOT, PACKS[0][0]), 'utf8');
        const uri = 'file:///reparse/control.ntm';
        await editInPlace(uri, original, 1);
        const at = original.indexOf('>= ');
        const edited = `${original.slice(0, at)}\u0001${original.slice(at)}`;
        const document = await editInPlace(uri, edited, 2);
        expect(factory.lastParse).toBe('whole');
        expect(comparable(document)).toEqual(comparable((await fullBuild(edited)).document));
    });

    it('is not taken when switched off, and the result is the same', async () => {
        const original = readFileSync(path.join(ROOT, PACKS[0][0]), 'utf8');
        const uri = 'file:///reparse/off.ntm';
        await editInPlace(uri, original, 1);
        NtmDocumentFactory.incremental = false;
        const edited = original.replace(/>= (\d)/u, '>= 1$1');
        const whole = comparable(await editInPlace(uri, edited, 2));
        expect(factory.lastParse).toBe('whole');
        NtmDocumentFactory.incremental = true;
        const again = await editInPlace(uri, original, 3);
        expect(factory.lastParse).toBe('member');
        expect(comparable(again)).toEqual(comparable((await fullBuild(original)).document));
        expect(whole).toEqual(comparable((await fullBuild(edited)).document));
    });
});
