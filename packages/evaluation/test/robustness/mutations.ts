import type { CorpusPack } from './corpus.js';
import type { Random } from './prng.js';
import { below, pick, seededRandom } from './prng.js';

/** One damaged pack: which real pack it comes from, its text and what was done to it. */
export interface Mutant {
    readonly seed: number;
    readonly source: CorpusPack;
    readonly text: string;
    readonly steps: readonly string[];
}

/** Phrase keywords and punctuation, added to the corpus's own words for insertions and replacements. */
const EXTRA_TOKENS = [
    'bộ tiêu chí',
    'tiêu chí',
    'chỉ tiêu',
    'dữ kiện',
    'dựa trên',
    'sửa đổi theo',
    'thay chỉ tiêu',
    'thêm vào tiêu chí',
    'không áp dụng',
    'chưa biết',
    'chưa kiểm chứng',
    'điểm đạt',
    'tổng điểm đạt',
    'trừ',
    'tùy mức',
    'hết điểm',
    'mỗi năm',
    'nếu không đạt',
    'ít nhất',
    'tất cả',
    'một trong',
    'mọi',
    'cho cả',
    'làm tròn',
    'chữ số thập phân',
    'bảng',
    'theo',
    'còn lại',
    'thang',
    'phân tổ',
    'phân theo',
    'danh sách',
    'từng năm',
    'áp dụng vùng',
    'điều kiện công nhận',
    'hiệu lực từ',
    'giá trị năm trước của',
    'tỷ số',
    'trở lên',
    'trở xuống',
    'suy từ',
    'căn cứ',
    'ngày',
    'của',
    'cấp',
    'địa bàn',
    'phiên bản',
    '{',
    '}',
    '(',
    ')',
    ';',
    ',',
    ':',
    '"',
    '=',
    '<',
    '>',
    '>=',
    '<=',
    '≥',
    '≠',
    '%',
    '/',
    '.',
    '-',
    '+',
    '*',
    '×',
    '//',
    '/*',
    '*/',
    '""',
    '"../quoc-gia/318-xa-ntm.ntm"',
    '"."',
    '"/"',
    '"../../.."',
    'điểm',
    'năm',
    'nhóm',
    'vùng'
];

/** Numbers a writer or a PDF conversion might leave: huge, negative, odd, with thousands dots, too many digits. */
const ODD_NUMBERS = [
    '0',
    '00',
    '-1',
    '-0,5',
    '0,000001',
    '4.662',
    '1.000.000',
    '3,14159265358979',
    '007',
    '1.2.3',
    '100000',
    '101',
    '99999999999999999999999',
    '1' + '0'.repeat(400),
    '2147483648',
    '9007199254740993',
    '0.5.',
    ',5',
    '5,',
    '1e9',
    '51'
];

const ODD_DATES = ['31/02/2022', '29/02/2023', '00/00/0000', '01/13/2025', '1/1/1900', '31/12/9999', '32/01/2024', '01/01/2100', '2024-01-01'];

const ODD_OPERATORS = ['>=', '>', '<', '<=', '=', '≠', '≥', '≤', 'từ', 'trở lên', '=='];

const ODD_CHARACTERS = [
    '"',
    '{',
    '}',
    '(',
    ')',
    ';',
    ':',
    ',',
    '.',
    '/',
    '*',
    '%',
    '0',
    '9',
    'a',
    'đ',
    '\t',
    '\n',
    '\u00A0',
    '\u200B',
    '\u0301',
    'ƣ',
    '\\',
    '«',
    '»',
    '@',
    '#',
    '\r',
    '\uFEFF',
    '\u0000'
];

type Operator = (text: string, random: Random, context: MutationContext) => { text: string; step: string } | undefined;

interface MutationContext {
    readonly corpus: readonly CorpusPack[];
    readonly vocabulary: readonly string[];
}

const shown = (text: string) => JSON.stringify(text.length > 50 ? text.slice(0, 50) + '…' : text);

function lines(text: string): string[] {
    return text.split('\n');
}

/** Tokens with the blanks between them kept, so that joining them gives the text back. */
function tokens(text: string): string[] {
    return text.split(/(\s+)/).filter(t => t !== '');
}

/** A random match of `pattern` in `text`, with its offset. */
function someMatch(text: string, pattern: RegExp, random: Random): RegExpExecArray | undefined {
    const matches = [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))];
    return matches.length === 0 ? undefined : (pick(random, matches) as RegExpExecArray);
}

function replaceMatch(text: string, match: RegExpExecArray, by: string): string {
    return text.slice(0, match.index) + by + text.slice(match.index + match[0].length);
}

const OPERATORS: Readonly<Record<string, Operator>> = {
    deleteLine: (text, random) => {
        const all = lines(text);
        const at = below(random, all.length);
        const [gone] = all.splice(at, 1);
        return { text: all.join('\n'), step: `delete line ${at + 1} ${shown(gone ?? '')}` };
    },
    deleteBlock: (text, random) => {
        const all = lines(text);
        const at = below(random, all.length);
        const count = 2 + below(random, 14);
        all.splice(at, count);
        return { text: all.join('\n'), step: `delete lines ${at + 1}–${at + count}` };
    },
    duplicateLine: (text, random) => {
        const all = lines(text);
        const at = below(random, all.length);
        all.splice(at, 0, all[at]!);
        return { text: all.join('\n'), step: `duplicate line ${at + 1} ${shown(all[at]!)}` };
    },
    swapLines: (text, random) => {
        const all = lines(text);
        const a = below(random, all.length);
        const b = random() < 0.5 ? Math.min(a + 1, all.length - 1) : below(random, all.length);
        [all[a], all[b]] = [all[b]!, all[a]!];
        return { text: all.join('\n'), step: `swap lines ${a + 1} and ${b + 1}` };
    },
    moveBlock: (text, random) => {
        const all = lines(text);
        const at = below(random, all.length);
        const block = all.splice(at, 2 + below(random, 9));
        const to = below(random, all.length + 1);
        all.splice(to, 0, ...block);
        return { text: all.join('\n'), step: `move ${block.length} lines from line ${at + 1} to line ${to + 1}` };
    },
    truncate: (text, random) => {
        const at = below(random, text.length + 1);
        return { text: text.slice(0, at), step: `truncate at offset ${at} (…${shown(text.slice(Math.max(0, at - 30), at))})` };
    },
    deleteToken: (text, random) => {
        const all = tokens(text);
        const words = all.map((t, i) => [t, i] as const).filter(([t]) => t.trim() !== '');
        if (words.length === 0) return undefined;
        const [word, at] = pick(random, words);
        all.splice(at, 1);
        return { text: all.join(''), step: `delete token ${shown(word)}` };
    },
    insertToken: (text, random, context) => {
        const all = tokens(text);
        const at = below(random, all.length + 1);
        const token = pick(random, context.vocabulary);
        all.splice(at, 0, ` ${token} `);
        return { text: all.join(''), step: `insert token ${shown(token)} before token ${at}` };
    },
    replaceToken: (text, random, context) => {
        const all = tokens(text);
        const words = all.map((t, i) => [t, i] as const).filter(([t]) => t.trim() !== '');
        if (words.length === 0) return undefined;
        const [word, at] = pick(random, words);
        const token = pick(random, context.vocabulary);
        all[at] = token;
        return { text: all.join(''), step: `replace token ${shown(word)} by ${shown(token)}` };
    },
    swapTokens: (text, random) => {
        const all = tokens(text);
        const words = all.map((_t, i) => i).filter(i => all[i]!.trim() !== '');
        if (words.length < 2) return undefined;
        const k = below(random, words.length - 1);
        const [a, b] = [words[k]!, words[k + 1]!];
        [all[a], all[b]] = [all[b]!, all[a]!];
        return { text: all.join(''), step: `swap tokens ${shown(all[b]!)} and ${shown(all[a]!)}` };
    },
    deleteCharacters: (text, random) => {
        const at = below(random, text.length);
        const count = 1 + below(random, 8);
        return { text: text.slice(0, at) + text.slice(at + count), step: `delete ${count} characters ${shown(text.slice(at, at + count))} at ${at}` };
    },
    insertCharacter: (text, random) => {
        const at = below(random, text.length + 1);
        const char = pick(random, ODD_CHARACTERS);
        return { text: text.slice(0, at) + char + text.slice(at), step: `insert ${JSON.stringify(char)} at ${at}` };
    },
    replaceNumber: (text, random) => {
        const match = someMatch(text, /(?<![\p{L}\d])\d+(?:[.,]\d+)?(?![\p{L}\d])/u, random);
        if (!match) return undefined;
        const by = pick(random, ODD_NUMBERS);
        return { text: replaceMatch(text, match, by), step: `replace number ${match[0]} at ${match.index} by ${shown(by)}` };
    },
    replaceDate: (text, random) => {
        const match = someMatch(text, /\d{1,2}\/\d{1,2}\/\d{4}/, random);
        if (!match) return undefined;
        const by = pick(random, ODD_DATES);
        return { text: replaceMatch(text, match, by), step: `replace date ${match[0]} by ${by}` };
    },
    replaceOperator: (text, random) => {
        const match = someMatch(text, /(?<=\s)(?:>=|<=|≥|≤|≠|[<>=])(?=\s)/u, random);
        if (!match) return undefined;
        const by = pick(random, ODD_OPERATORS);
        return { text: replaceMatch(text, match, by), step: `replace operator ${match[0]} by ${by}` };
    },
    dropQuote: (text, random) => {
        const match = someMatch(text, /"/, random);
        if (!match) return undefined;
        return { text: replaceMatch(text, match, ''), step: `drop the quote at ${match.index}` };
    },
    emptyString: (text, random) => {
        const match = someMatch(text, /"(?:\\.|[^"\\\n])*"/, random);
        if (!match) return undefined;
        return { text: replaceMatch(text, match, random() < 0.5 ? '""' : '"   "'), step: `empty the string ${shown(match[0])}` };
    },
    spliceLine: (text, random, context) => {
        const other = pick(random, context.corpus);
        const from = lines(other.text);
        const line = pick(random, from);
        const all = lines(text);
        const at = below(random, all.length + 1);
        all.splice(at, 0, line);
        return { text: all.join('\n'), step: `splice ${shown(line)} from ${other.file} before line ${at + 1}` };
    },
    spliceBlock: (text, random, context) => {
        const other = lines(pick(random, context.corpus).text);
        const start = below(random, other.length);
        const block = other.slice(start, start + 3 + below(random, 20));
        const all = lines(text);
        const at = below(random, all.length + 1);
        all.splice(at, 0, ...block);
        return { text: all.join('\n'), step: `splice ${block.length} lines of another pack before line ${at + 1}` };
    },
    commentOut: (text, random) => {
        const all = lines(text);
        const at = below(random, all.length);
        const opener = random() < 0.7 ? '// ' : '/* ';
        all[at] = opener + all[at];
        return { text: all.join('\n'), step: `prefix line ${at + 1} with ${shown(opener)}` };
    },
    decompose: (text, random) => {
        const all = lines(text);
        const at = below(random, all.length);
        all[at] = all[at]!.normalize('NFD');
        return { text: all.join('\n'), step: `line ${at + 1} in NFD` };
    }
};

const NAMES = Object.keys(OPERATORS);
/** Damage that often leaves a pack error-free, so that its generated module gets evaluated too. */
const GENTLE = ['replaceNumber', 'replaceOperator', 'deleteLine', 'duplicateLine', 'swapLines', 'decompose', 'emptyString'];

/**
 * The words of every pack and the language's phrase keywords: what insertions and replacements draw from.
 * Words that read as internal values (a comment may say «undefined») are left out: the suite looks for them.
 */
export function vocabularyOf(corpus: readonly CorpusPack[]): string[] {
    const words = new Set<string>(EXTRA_TOKENS);
    for (const pack of corpus) for (const word of pack.text.split(/\s+/)) if (word !== '' && !INTERNAL_WORD.test(word)) words.add(word);
    return [...words].sort();
}

const INTERNAL_WORD = /undefined|null|NaN|Infinity|object/u;

export interface Mutator {
    /**
     * The mutant of a seed: a pack of the corpus (half the time one of the rule sets or documented examples,
     * which are error-free), damaged 1–3 times (sometimes up to 8), 40 % of them only gently.
     */
    mutant(seed: number): Mutant;
}

export function createMutator(corpus: readonly CorpusPack[]): Mutator {
    const context: MutationContext = { corpus, vocabulary: vocabularyOf(corpus) };
    const published = corpus.filter(pack => pack.file.startsWith('rulesets/') || pack.file.startsWith('docs/'));
    return {
        mutant(seed) {
            const random = seededRandom(seed);
            const source = pick(random, random() < 0.5 && published.length > 0 ? published : corpus);
            const operators = random() < 0.4 ? GENTLE : NAMES;
            const count = random() < 0.1 ? 4 + below(random, 5) : 1 + below(random, 3);
            let text = source.text;
            const steps: string[] = [];
            while (steps.length < count) {
                const name = pick(random, operators);
                const applied = OPERATORS[name]!(text, random, context);
                if (!applied) continue;
                text = applied.text;
                steps.push(`${name}: ${applied.step}`);
            }
            return { seed, source, text, steps };
        }
    };
}
