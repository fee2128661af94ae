import type { SampleCheckResult, SampleRunResult } from '../../src/protocol.js';

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

export function check(overrides: Partial<SampleCheckResult> & Pick<SampleCheckResult, 'label'>): SampleCheckResult {
    return { level: 'chỉ tiêu', official: 'đạt', computed: 'đạt', status: 'khớp', passed: true, detail: [], ...overrides };
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
            check({ label: '17.5', detail: ['tỷ lệ hộ phân loại rác = 50,55% ≥ 50%'] }),
            check({
                label: '17.6', computed: 'chưa đạt', status: 'sai khác chưa khai báo', passed: false,
                detail: ['nghĩa trang theo quy hoạch = không']
            }),
            check({
                level: 'tiêu chí', label: '17', computed: 'thiếu dữ liệu', status: 'sai khác đã biết', passed: true,
                cause: 'thiếu dữ liệu trong báo cáo', explanation: 'Báo cáo không nêu số hộ.'
            }),
            check({ level: 'công nhận', label: 'công nhận', official: 'chưa đạt', computed: 'chưa đạt' })
        ],
        ...overrides
    };
}
