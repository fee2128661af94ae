import type { SampleCheckResult, SampleRunResult, SourceLocation } from '../../src/protocol.js';

export const COMMUNE_URI = 'file:///work/xa-mau/lien-hoi-2023.json';
export const PACK_URI = 'file:///work/bo/lang-son.ntm';

/** A sample commune file as an analyst writes it (docs/tep-xa.md), with official verdicts on known lines. */
export const SAMPLE_TEXT = `{
  "xã": "Liên Hội",
  "bộ tiêu chí": "../bo/lang-son.ntm",
  "ngày đánh giá": "2023-12-31",
  "dữ kiện": { "tỷ lệ hộ phân loại rác": 50.55 },
  "kết quả chính thức": {
    "chỉ tiêu": {
      "17.5": "đạt",
      "17.6": "đạt"
    },
    "tiêu chí": { "17": "đạt" },
    "công nhận": "chưa đạt"
  }
}
`;

export const PACK_TEXT = `// Bộ tiêu chí thử
bộ tiêu chí lạng sơn "Bộ tiêu chí xã nông thôn mới"
  cấp xã nông thôn mới

tiêu chí 17 "Môi trường"
  chỉ tiêu 17.5 "Phân loại rác"
    tỷ lệ hộ phân loại rác >= 50%
  chỉ  tiêu 17.6 "Nghĩa trang"
    nghĩa trang theo quy hoạch
  chỉ tiêu 17.50 "Một chỉ tiêu khác có nhãn bắt đầu giống 17.5"
    có cây xanh
`;

/** Where the server located a check: the line of its declaration in a pack (zero-based). */
export function at(uri: string, line: number): SourceLocation {
    return { uri, range: { start: { line, character: 2 }, end: { line, character: 20 } } };
}

export function check(overrides: Partial<SampleCheckResult> & Pick<SampleCheckResult, 'label'>): SampleCheckResult {
    return { level: 'indicator', official: 'đạt', computed: 'đạt', status: 'match', passed: true, detail: [], ...overrides };
}

/** The server's answer for SAMPLE_TEXT: 17.5 matches, 17.6 differs without a declaration. */
export function sampleResult(overrides: Partial<SampleRunResult> = {}): SampleRunResult {
    return {
        communeUri: COMMUNE_URI,
        commune: 'Liên Hội',
        packUri: PACK_URI,
        ran: true,
        problems: [],
        summary: '9/19 tiêu chí đạt',
        checks: [
            check({ label: '17.5', detail: ['tỷ lệ hộ phân loại rác = 50,55% ≥ 50%'], location: at(PACK_URI, 5) }),
            check({
                label: '17.6',
                computed: 'chưa đạt',
                status: 'undeclared-difference',
                passed: false,
                detail: ['nghĩa trang theo quy hoạch = không'],
                location: at(PACK_URI, 7)
            }),
            check({
                level: 'criterion',
                label: '17',
                computed: 'thiếu dữ liệu',
                status: 'known-difference',
                passed: true,
                cause: 'missing-in-report',
                explanation: 'Báo cáo không nêu số hộ.',
                location: at(PACK_URI, 4)
            }),
            check({ level: 'recognition', label: 'công nhận', official: 'chưa đạt', computed: 'chưa đạt', location: at(PACK_URI, 1) })
        ],
        ...overrides
    };
}
