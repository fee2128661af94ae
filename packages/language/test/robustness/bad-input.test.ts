import type { GrammarAST } from 'langium';
import { AstUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_NESTING_DEPTH, MAX_OPERATORS_PER_DECLARATION, MAX_SOURCE_CHARACTERS } from '../../src/parser/ntm-lexer.js';
import type { LoadedPack } from '../../src/workspace/pack-loader.js';
import { PACK_HEADER, loadTestPack, ntmTestServices } from '../helpers/ntm-test-services.js';
import { seededRandom } from '../helpers/seeded-random.js';

/** Messages that betray an internal failure or an untranslated parser message (or a token's name, CHI_TIEU, for its words). */
const NOT_OURS = /An error occurred|Expecting|but found|Unexpected character|Cannot read|undefined|\[object |\b[A-Z]+(?:_[A-Z]+)+\b/;

/** Loads any text and checks what must hold for every input: no exception, Vietnamese messages, sane ranges. */
async function loadAnything(text: string, name: string): Promise<LoadedPack> {
    const loaded = await loadTestPack(text, name);
    const lines = text.split(/\r\n|\r|\n/);
    for (const diagnostic of loaded.diagnostics) {
        expect(diagnostic.message, 'message').not.toMatch(NOT_OURS);
        expect(diagnostic.message.length).toBeGreaterThan(0);
        expect(isWithin(diagnostic, lines), `range ${JSON.stringify(diagnostic.range)}`).toBe(true);
    }
    return loaded;
}

function isWithin(diagnostic: Diagnostic, lines: readonly string[]): boolean {
    const { start, end } = diagnostic.range;
    const valid = (p: { line: number; character: number }) =>
        p.line >= 0 && p.line < Math.max(lines.length, 1) && p.character >= 0 && p.character <= (lines[p.line]?.length ?? 0);
    return valid(start) && valid(end) && (start.line < end.line || (start.line === end.line && start.character <= end.character));
}

describe('binary and oversized files', () => {
    it('binary garbage gives one diagnostic saying it is not text', async () => {
        const next = seededRandom(1);
        const bytes = Buffer.from(Array.from({ length: 5000 }, () => Math.floor(next() * 256)));
        bytes[100] = 0;
        const loaded = await loadAnything(bytes.toString('latin1'), 'binary');
        expect(loaded.diagnostics).toEqual([
            expect.objectContaining({
                severity: 1,
                message: 'Tệp không phải văn bản (có ký tự nhị phân): tệp .ntm phải là văn bản UTF-8.',
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }
            })
        ]);
    });

    it('a file full of control characters without NUL is not text either', async () => {
        const loaded = await loadAnything(`${PACK_HEADER}${'\u0001\u0002\u0003 x'.repeat(200)}`, 'controls');
        expect(loaded.diagnostics.map(d => d.message)).toEqual(['Tệp không phải văn bản (có ký tự nhị phân): tệp .ntm phải là văn bản UTF-8.']);
    });

    it('a file above MAX_SOURCE_CHARACTERS gives one diagnostic, fast', async () => {
        const text = `${PACK_HEADER}${'// chú thích\n'.repeat(Math.ceil(MAX_SOURCE_CHARACTERS / 13))}`;
        const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const started = performance.now();
        const loaded = await loadAnything(text, 'huge');
        expect(performance.now() - started).toBeLessThan(5000);
        expect(loaded.diagnostics).toEqual([
            expect.objectContaining({
                severity: 1,
                message: `Tệp quá lớn (${thousands(text.length)} ký tự, tối đa 2.000.000): hãy tách bộ tiêu chí thành nhiều tệp.`,
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }
            })
        ]);
    });

    it('a file of exactly MAX_SOURCE_CHARACTERS is still read', async () => {
        const body = `${PACK_HEADER}dữ kiện x: phần trăm\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "a" x >= 1%\n`;
        const text = body + '/' + '*'.repeat(MAX_SOURCE_CHARACTERS - body.length - 3) + '*/';
        expect(text.length).toBe(MAX_SOURCE_CHARACTERS);
        const loaded = await loadAnything(text, 'at-limit');
        expect(loaded.diagnostics).toEqual([]);
    });
});

describe('deep nesting and long expressions', () => {
    const indicator = (requirement: string) => `${PACK_HEADER}dữ kiện x: có/không\ndữ kiện y: số km\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "a" ${requirement}\n`;

    it.each([
        ['parentheses around a condition', (n: number) => `${'('.repeat(n)}có x${')'.repeat(n)}`],
        ['parentheses around an expression', (n: number) => `y >= ${'('.repeat(n)}1 km${')'.repeat(n)}`],
        ['unclosed parentheses', (n: number) => '('.repeat(n)],
        ['nested quantifiers', (n: number) => `${'tất cả { '.repeat(n)}có x${' }'.repeat(n)}`]
    ])('%s: accepted up to the limit, refused with one error beyond, never a crash or a hang', async (_name, nest) => {
        const atLimit = await loadAnything(indicator(nest(MAX_NESTING_DEPTH)), 'nest-limit');
        expect(atLimit.diagnostics.map(d => d.message)).not.toContain(expect.stringMatching(/^Lồng ngoặc quá sâu/));
        for (const depth of [MAX_NESTING_DEPTH + 1, 300, 5000]) {
            const started = performance.now();
            const loaded = await loadAnything(indicator(nest(depth)), 'nest-deep');
            expect(performance.now() - started).toBeLessThan(5000);
            expect(loaded.diagnostics.map(d => d.message)).toEqual([
                `Lồng ngoặc quá sâu (hơn ${MAX_NESTING_DEPTH} tầng): hãy tách điều kiện thành các dữ kiện dẫn xuất.`
            ]);
        }
    });

    it.each([
        [
            'a long sum',
            (n: number) =>
                `${Array(n + 1)
                    .fill('y')
                    .join(' + ')} >= 1 km`
        ],
        [
            'a long conjunction',
            (n: number) =>
                Array(n + 1)
                    .fill('có x')
                    .join(' và ')
        ]
    ])('%s: accepted up to the limit, refused beyond it', async (_name, chain) => {
        const atLimit = await loadAnything(indicator(chain(MAX_OPERATORS_PER_DECLARATION)), 'chain-limit');
        expect(atLimit.diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const loaded = await loadAnything(indicator(chain(5000)), 'chain-long');
        expect(loaded.diagnostics.map(d => d.message)).toEqual([
            'Biểu thức quá dài (hơn 1.000 phép toán trong một khai báo): hãy tách thành các dữ kiện dẫn xuất.'
        ]);
    });

    it('many short declarations are not one long one', async () => {
        const indicators = Array.from({ length: 1500 }, (_, i) => `  chỉ tiêu 1.${i} "a" có x và có x\n`).join('');
        const loaded = await loadAnything(`${PACK_HEADER}dữ kiện x: có/không\ntiêu chí 1 "A"\n${indicators}`, 'many');
        expect(loaded.diagnostics.filter(d => d.severity === 1)).toEqual([]);
    });
});

/** Every keyword of the grammar, plus the other tokens a pack is made of. */
function vocabulary(): string[] {
    const keywords = AstUtils.streamAllContents(ntmTestServices().Grammar)
        .filter((node): node is GrammarAST.Keyword => node.$type === 'Keyword')
        .map(keyword => keyword.value)
        .toArray();
    return [
        ...new Set([
            ...keywords,
            'rác thải',
            'tỷ lệ',
            'x',
            'mức độ 1',
            'nam',
            '17.6',
            '5.b1',
            '98',
            '0,5',
            '4.662',
            '98%',
            '100%',
            'hộ',
            'km',
            'lít/người/ngày',
            '"chuỗi"',
            '"',
            '16/09/2022',
            '31/02/2022',
            '43/2022/QĐ-UBND',
            '318/QĐ-TTg',
            '\n',
            '\n  ',
            '//',
            '/*',
            '*/',
            '@',
            'ƣ',
            'rác thải'.normalize('NFD'),
            '\u00A0',
            '\t'
        ])
    ];
}

describe('keyword soups', () => {
    const words = vocabulary();

    it('the vocabulary includes the grammar keywords', () => {
        expect(words).toEqual(expect.arrayContaining(['chỉ tiêu', 'tỷ số', 'cho cả', 'ít nhất', 'chưa kiểm chứng', '≥']));
    });

    it.each(Array.from({ length: 40 }, (_, i) => i + 1))('soup #%s never throws and reports only our own messages', async seed => {
        const next = seededRandom(seed);
        const pick = () => words[Math.floor(next() * words.length)]!;
        const soup = Array.from({ length: 20 + Math.floor(next() * 300) }, pick).join(' ');
        // Half the soups start with a valid header, so they reach linking and validation.
        const text = seed % 2 === 0 ? PACK_HEADER + soup : soup;
        const started = performance.now();
        await loadAnything(text, `soup-${seed}`);
        expect(performance.now() - started).toBeLessThan(10_000);
    });

    it.each(Array.from({ length: 20 }, (_, i) => i + 100))('a mutated tour pack #%s never throws', async seed => {
        const next = seededRandom(seed);
        const base =
            `${PACK_HEADER}dữ kiện rác thải: phần trăm\ndữ kiện hộ dùng điện: đếm hộ\ndữ kiện tổng số hộ: đếm hộ\n` +
            'dữ kiện tỷ lệ điện = tỷ số hộ dùng điện / tổng số hộ\nthang phổ cập: chưa đạt < mức độ 1 < mức độ 2\n' +
            'dữ kiện mức phổ cập: mức theo phổ cập\nphân tổ giới tính: nam, nữ\ndữ kiện lao động: phần trăm, phân theo giới tính\n' +
            'tiêu chí 17 "Môi trường"\n  chỉ tiêu 17.6 rác thải >= 98%\n    trừ 0.5 mỗi năm vượt\n' +
            '  chỉ tiêu 17.10 "Điện" tỷ lệ điện = 100%\n  chỉ tiêu 17.11 "Phổ cập" mức phổ cập từ mức độ 1 trở lên\n' +
            '  chỉ tiêu 17.12 "Lao động" lao động >= 85% cho cả nam và nữ\n';
        const tokens = base.split(/(?<= )|(?=\n)/);
        for (let i = 0; i < 5; i++) {
            const at = Math.floor(next() * tokens.length);
            const action = next();
            if (action < 0.33) tokens.splice(at, 1);
            else if (action < 0.66) tokens.splice(at, 0, words[Math.floor(next() * words.length)]! + ' ');
            else tokens.splice(at, 0, tokens[Math.floor(next() * tokens.length)]!);
        }
        await loadAnything(tokens.join(''), `mutated-${seed}`);
    });
});
