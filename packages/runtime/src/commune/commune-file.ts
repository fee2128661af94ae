import type { Verdict } from '../result-types.js';

/**
 * Why a computed verdict differs from the official one, as a sample commune declares it. Files are written
 * by analysts with the Vietnamese wording; code branches on the code.
 */
export type DiscrepancyCause =
    | 'missing-in-report'
    | 'report-contradicts-itself'
    | 'report-contradicts-data'
    | 'unverified-threshold'
    | 'unknown-threshold'
    | 'not-applicable-counted-as-met'
    | 'not-expressible';

/** The wording analysts write in «nguyên nhân», one per cause. */
export const DISCREPANCY_CAUSE_LABELS: Readonly<Record<DiscrepancyCause, string>> = {
    'missing-in-report': 'thiếu dữ liệu trong báo cáo',
    'report-contradicts-itself': 'báo cáo tự mâu thuẫn',
    'report-contradicts-data': 'báo cáo kết luận khác số liệu',
    'unverified-threshold': 'ngưỡng chưa kiểm chứng',
    // The pack has no threshold for it (`chưa biết`): the machine cannot decide what the report decided.
    'unknown-threshold': 'ngưỡng chưa biết',
    // The report counts an indicator with nothing to assess (no such facility) as met; the machine says not applicable.
    'not-applicable-counted-as-met': 'không áp dụng được tính là đạt',
    // The requirement is one the language cannot yet write; the pack encodes less than the text says.
    'not-expressible': 'bộ tiêu chí chưa diễn đạt được'
};

export function discrepancyCauseOf(label: string): DiscrepancyCause | undefined {
    const entry = Object.entries(DISCREPANCY_CAUSE_LABELS).find(([, text]) => text === label.normalize('NFC'));
    return entry?.[0] as DiscrepancyCause | undefined;
}

export const VERDICTS: readonly Verdict[] = ['đạt', 'chưa đạt', 'không áp dụng', 'thiếu dữ liệu'];

/** What a report may conclude: a verdict, or that it did not assess the item at all. */
export type OfficialVerdict = Verdict | typeof NOT_ASSESSED;

/**
 * «chưa đánh giá»: the report did not assess it. Not «thiếu dữ liệu» (a conclusion that data is missing), and
 * not a claim the machine can contradict: checked as «báo cáo chưa đánh giá», never as a difference.
 */
export const NOT_ASSESSED = 'chưa đánh giá';

export const OFFICIAL_VERDICTS: readonly OfficialVerdict[] = [...VERDICTS, NOT_ASSESSED];

/** One declared difference from the official results, as written in «sai khác đã biết». */
export interface KnownDiscrepancy {
    /** A village of «các thôn»: the declaration is about that village's verdicts. */
    readonly thôn?: string;
    readonly 'chỉ tiêu'?: string;
    readonly 'tiêu chí'?: string;
    readonly 'công nhận'?: boolean;
    /** A criterion label («6.1») or «tổng» whose official score differs. */
    readonly điểm?: string;
    readonly 'kết quả máy'?: Verdict;
    readonly 'điểm máy'?: number;
    /** One of DISCREPANCY_CAUSE_LABELS. */
    readonly 'nguyên nhân': string;
    readonly 'giải thích': string;
}

/** A commune file (tệp xã) as written: field names are Vietnamese because analysts edit these by hand (docs/tep-xa.md). */
export interface CommuneData {
    readonly xã: string;
    readonly huyện?: string;
    readonly tỉnh?: string;
    readonly 'bộ tiêu chí'?: string;
    /** The level assessed, needed when «bộ tiêu chí» is a folder of packs to choose from. */
    readonly cấp?: string;
    readonly 'ngày đánh giá': string;
    /** Attributes that select thresholds: «vùng» (7 regions), «nhóm» (1/2/3), and notes. */
    readonly 'thuộc tính'?: { readonly vùng?: string; readonly nhóm?: number | string; readonly [key: string]: unknown };
    readonly nguồn?: string;
    readonly 'dữ kiện'?: Record<string, unknown>;
    /** Members of collections: `{ "thôn": ["Thọ Am", …] }`. */
    readonly 'danh sách'?: Record<string, string[]>;
    readonly 'điểm thẩm tra'?: Record<string, number | string>;
    readonly 'điểm tự chấm'?: Record<string, number | string>;
    readonly 'điểm trái số liệu'?: Record<string, string>;
    /** For a village-level pack: each village's own facts. */
    readonly 'các thôn'?: Record<string, { readonly 'dữ kiện': Record<string, unknown> }>;
    readonly 'ghi chú dữ kiện'?: Record<string, string>;
    readonly 'mô tả dữ kiện'?: Record<string, string>;
    readonly 'kết quả chính thức'?: OfficialResults;
    readonly 'sai khác đã biết'?: readonly KnownDiscrepancy[];
}

export interface OfficialResults {
    readonly 'trích dẫn'?: string;
    readonly 'chỉ tiêu'?: Record<string, OfficialVerdict>;
    readonly 'tiêu chí'?: Record<string, OfficialVerdict>;
    readonly 'công nhận'?: OfficialVerdict;
    /** Official scores by criterion label, and «tổng». */
    readonly điểm?: Record<string, number>;
    /** Each village's official recognition, or its official verdicts by indicator and criterion. */
    readonly 'các thôn'?: Record<string, Verdict | VillageOfficialResults>;
}

export interface VillageOfficialResults {
    readonly 'công nhận'?: Verdict;
    readonly 'chỉ tiêu'?: Record<string, Verdict>;
    readonly 'tiêu chí'?: Record<string, Verdict>;
}
