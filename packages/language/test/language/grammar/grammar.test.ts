import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Comparison, Indicator, QuantityLiteral } from '../../../src/generated/ast.js';
import { isComparison, isCriterion, isNameReference, isQuantityLiteral } from '../../../src/generated/ast.js';
import { astSummary } from '../../helpers/ast-summary.js';
import { PACK_HEADER, loadTestPack } from '../../helpers/ntm-test-services.js';
import { describeResourceTests } from '../../helpers/resource-suite.js';
import { createGrammarTests } from './creator.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tour = readFileSync(path.resolve(here, '../../resources/examples/tour.ntm'), 'utf8');

describeResourceTests('grammar resources', createGrammarTests());

async function indicators(text: string): Promise<Indicator[]> {
    const loaded = await loadTestPack(text, 'grammar');
    expect(loaded.document.parseResult.parserErrors).toEqual([]);
    expect(loaded.document.parseResult.lexerErrors).toEqual([]);
    return loaded.pack.members.filter(isCriterion).flatMap(c => c.indicators);
}

describe('grammar: what the parser builds', () => {
    it('reads the two mission lines as a comparison and a deduction', async () => {
        const [indicator] = await indicators(
            `${PACK_HEADER}dữ kiện rác thải: phần trăm\ntiêu chí 17 "Môi trường"\n` + '  chỉ tiêu 17.6 rác thải >= 98%\n    trừ 0.5 mỗi năm vượt\n'
        );
        expect(indicator?.label).toBe('17.6');
        const requirement = indicator?.requirement as Comparison;
        expect(isComparison(requirement)).toBe(true);
        expect(isNameReference(requirement.left) && requirement.left.target.ref?.name).toBe('rác thải');
        expect(requirement.operator).toBe('>=');
        expect(isQuantityLiteral(requirement.right) && [requirement.right.value, requirement.right.unit]).toEqual([98, '%']);
        expect(indicator?.deductions.map(d => [d.amount, d.perYear, d.yearNote])).toEqual([[0.5, true, 'vượt']]);
    });

    it('keeps labels as text: 17.1, 17.10 and 5.b1 are three labels', async () => {
        const list = await indicators(
            `${PACK_HEADER}dữ kiện x: phần trăm\ntiêu chí 17 "A"\n` + '  chỉ tiêu 17.1 "a" x >= 1%\n  chỉ tiêu 17.10 "b" x >= 1%\n  chỉ tiêu 5.b1 "c" x >= 1%\n'
        );
        expect(list.map(i => i.label)).toEqual(['17.1', '17.10', '5.b1']);
        expect(list.every(i => typeof i.label === 'string')).toBe(true);
    });

    it('reads a decimal comma as a decimal point', async () => {
        const [indicator] = await indicators(`${PACK_HEADER}dữ kiện x: phần trăm\ntiêu chí 1 "A"\n` + '  chỉ tiêu 1.1 "a" x >= 0,5%\n    trừ 2,25 mỗi năm\n');
        const right = (indicator!.requirement as Comparison).right as QuantityLiteral;
        expect(right.value).toBe(0.5);
        expect(indicator?.deductions[0]?.amount).toBe(2.25);
    });

    it('normalises names to NFC with single spaces', async () => {
        const loaded = await loadTestPack(
            `${PACK_HEADER}dữ kiện  ${'rác thải'.normalize('NFD')}\t sinh hoạt: phần trăm\n` + 'tiêu chí 1 "A"\n  chỉ tiêu 1.1 "a" rác thải sinh hoạt >= 1%\n'
        );
        expect(loaded.diagnostics).toEqual([]);
        const fact = loaded.pack.members[0] as { name?: string };
        expect(fact.name).toBe('rác thải sinh hoạt');
        expect(fact.name).toBe(fact.name?.normalize('NFC'));
    });
});

describe('grammar: empty files', () => {
    it.each([
        ['an empty file', ''],
        ['a file of blanks', '  \n\t\r\n  ']
    ])('reports %s once, in Vietnamese, at the start', async (_name, text) => {
        const loaded = await loadTestPack(text, 'empty');
        expect(loaded.diagnostics).toEqual([
            expect.objectContaining({
                severity: 1,
                code: 'pack/empty',
                message: 'Tệp rỗng: cần bắt đầu bằng «bộ tiêu chí <mã> "<tên>"».',
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
            })
        ]);
    });
});

describe('grammar: NFD text', () => {
    const nfd = tour.normalize('NFD');

    it('the NFD copy really differs from the NFC text', () => {
        expect(nfd).not.toBe(tour);
        expect(nfd.length).toBeGreaterThan(tour.length);
    });

    it('parses NFD text to the same pack as NFC text', async () => {
        const fromNfc = await loadTestPack(tour, 'tour-nfc');
        const fromNfd = await loadTestPack(nfd, 'tour-nfd');
        expect(fromNfc.document.parseResult.parserErrors).toEqual([]);
        expect(fromNfd.document.parseResult.parserErrors).toEqual([]);
        // Quoted texts (titles, requirement texts) are kept as written; everything else is the same.
        expect(astSummary(fromNfd.pack, { normalizeStrings: true })).toEqual(astSummary(fromNfc.pack));
        expect(fromNfd.pack.members.length).toBeGreaterThan(10);
    });

    it('reports the same diagnostics, with ranges into the NFD text', async () => {
        const broken = tour.replace('tỷ lệ điện = 100%', 'tỷ lệ điện = 100% và tỷ lệ nước >= 90%');
        expect(broken).not.toBe(tour);
        const fromNfc = await loadTestPack(broken, 'broken-nfc');
        const fromNfd = await loadTestPack(broken.normalize('NFD'), 'broken-nfd');
        const covered = (text: string, d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
            const lines = text.split('\n');
            return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
        };
        const nfcView = fromNfc.diagnostics.map(d => ({ message: d.message, line: d.range.start.line, text: covered(broken, d) }));
        const nfdView = fromNfd.diagnostics.map(d => ({ message: d.message, line: d.range.start.line, text: covered(broken.normalize('NFD'), d) }));
        expect(nfcView.some(d => d.text === 'tỷ lệ nước')).toBe(true);
        // The NFD ranges cover the decomposed spelling of the same words.
        expect(nfdView.map(d => ({ ...d, text: d.text.normalize('NFC') }))).toEqual(nfcView);
        expect(nfdView.find(d => d.text.normalize('NFC') === 'tỷ lệ nước')?.text).toBe('tỷ lệ nước'.normalize('NFD'));
    });
});

describe('grammar: soft keywords', () => {
    it('the parser messages know every soft keyword of the Word rule, so they say «một tên» for them', async () => {
        const { readFileSync } = await import('node:fs');
        const { SOFT_KEYWORDS } = await import('../../../src/parser/ntm-parser-messages.js');
        const grammar = readFileSync(new URL('../../../src/grammar/names.langium', import.meta.url), 'utf8');
        const wordRule = /Word returns string:([\s\S]*?);/.exec(grammar)?.[1] ?? '';
        const inGrammar = [...wordRule.matchAll(/'([^']+)'/g)].map(m => m[1]);
        expect([...SOFT_KEYWORDS].sort()).toEqual(inGrammar.sort());
    });
});
