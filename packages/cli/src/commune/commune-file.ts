import { promises as fs } from 'node:fs';
import AjvModule from 'ajv';
import type { ErrorObject } from 'ajv';
import { editDistance } from '@ntm/language';
import type { FactSpec, Verdict } from '@ntm/language';
import { COMMUNE_SCHEMA } from './commune-schema.js';

export type DiscrepancyCause = 'thiếu dữ liệu trong báo cáo' | 'báo cáo tự mâu thuẫn' | 'báo cáo kết luận khác số liệu' | 'ngưỡng chưa kiểm chứng';

export interface KnownDiscrepancy {
    readonly 'chỉ tiêu'?: string;
    readonly 'tiêu chí'?: string;
    readonly 'công nhận'?: boolean;
    /** A criterion label («6.1») or «tổng» whose official score differs. */
    readonly 'điểm'?: string;
    readonly 'kết quả máy'?: Verdict;
    readonly 'điểm máy'?: number;
    readonly 'nguyên nhân': DiscrepancyCause;
    readonly 'giải thích': string;
}

export interface CommuneData {
    readonly 'xã': string;
    readonly 'huyện'?: string;
    readonly 'tỉnh'?: string;
    readonly 'bộ tiêu chí'?: string;
    /** The level assessed, needed when «bộ tiêu chí» is a folder of packs to choose from. */
    readonly 'cấp'?: string;
    readonly 'ngày đánh giá': string;
    /** Attributes that select thresholds: «vùng» (7 regions), «nhóm» (1/2/3), and notes. */
    readonly 'thuộc tính'?: { readonly 'vùng'?: string; readonly 'nhóm'?: number | string; readonly [key: string]: unknown };
    readonly 'nguồn'?: string;
    readonly 'dữ kiện': Record<string, unknown>;
    /** Members of collections: `{ "thôn": ["Thọ Am", …] }`. */
    readonly 'danh sách'?: Record<string, string[]>;
    readonly 'điểm thẩm tra'?: Record<string, number | string>;
    readonly 'điểm tự chấm'?: Record<string, number | string>;
    readonly 'điểm trái số liệu'?: Record<string, string>;
    /** For a village-level pack: each village's own facts. */
    readonly 'các thôn'?: Record<string, { readonly 'dữ kiện': Record<string, unknown> }>;
    readonly 'ghi chú dữ kiện'?: Record<string, string>;
    readonly 'kết quả chính thức'?: {
        readonly 'trích dẫn'?: string;
        readonly 'chỉ tiêu'?: Record<string, Verdict>;
        readonly 'tiêu chí'?: Record<string, Verdict>;
        readonly 'công nhận'?: Verdict;
        /** Official scores by criterion label, and «tổng». */
        readonly 'điểm'?: Record<string, number>;
        /** For a village-level pack: each village's official verdict. */
        readonly 'các thôn'?: Record<string, Verdict>;
    };
    readonly 'sai khác đã biết'?: readonly KnownDiscrepancy[];
}

export interface FileIssue {
    readonly severity: 'lỗi' | 'cảnh báo';
    readonly field: string;
    readonly line: number;
    readonly message: string;
}

export interface CommuneFile {
    readonly file: string;
    readonly text: string;
    readonly data?: CommuneData;
    readonly issues: FileIssue[];
}

const Ajv = (AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule;
const validateSchema = new (Ajv as unknown as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } })({ allErrors: true, strict: false }).compile(COMMUNE_SCHEMA);

/** Reads a commune file and checks its shape; facts are checked against a pack by `checkFactsAgainstPack`. */
export async function readCommuneFile(file: string): Promise<CommuneFile> {
    const text = await fs.readFile(file, 'utf8');
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const position = /position (\d+)/.exec(message)?.[1];
        const line = position === undefined ? 1 : lineAt(text, Number(position));
        return { file, text, issues: [{ severity: 'lỗi', field: '(tệp)', line, message: `JSON không hợp lệ: ${message}` }] };
    }
    if (!validateSchema(data)) {
        const issues = (validateSchema.errors ?? []).map(error => schemaIssue(error, text));
        return { file, text, issues };
    }
    return { file, text, data: data as CommuneData, issues: [] };
}

function schemaIssue(error: ErrorObject, text: string): FileIssue {
    const pathParts = error.instancePath.split('/').slice(1).map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let field = pathParts.join('.') || '(gốc)';
    let message: string;
    switch (error.keyword) {
        case 'required': {
            const missing = String((error.params as { missingProperty?: string }).missingProperty);
            message = `Thiếu trường «${missing}».`;
            break;
        }
        case 'additionalProperties': {
            const extra = String((error.params as { additionalProperty?: string }).additionalProperty);
            field = [...pathParts, extra].join('.');
            pathParts.push(extra);
            message = `Trường «${extra}» không thuộc định dạng tệp xã (xem docs/tep-xa.md).`;
            break;
        }
        case 'enum':
            message = `Giá trị phải là một trong: ${[...new Set(((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(v => String(v)))].map(v => `«${v}»`).join(', ')}.`;
            break;
        case 'type':
            message = `Cần kiểu ${VIETNAMESE_TYPES[String((error.params as { type?: string }).type)] ?? String((error.params as { type?: string }).type)}.`;
            break;
        case 'minLength':
            message = 'Không được để trống.';
            break;
        default:
            message = error.message ?? 'Không hợp lệ.';
    }
    return { severity: 'lỗi', field, line: lineOfPath(text, pathParts), message };
}

const VIETNAMESE_TYPES: Readonly<Record<string, string>> = {
    string: 'chuỗi', object: 'đối tượng { … }', array: 'danh sách [ … ]', number: 'số', boolean: 'true/false'
};

export function lineAt(text: string, offset: number): number {
    return text.slice(0, offset).split('\n').length;
}

/** The line of a field given by its path of keys (array indexes are skipped). */
export function lineOfPath(text: string, pathParts: readonly string[]): number {
    let offset = 0;
    for (const part of pathParts) {
        if (/^\d+$/.test(part)) continue;
        const at = text.indexOf(JSON.stringify(part), offset);
        if (at < 0) break;
        offset = at;
    }
    return lineAt(text, offset);
}

/**
 * Checks the facts of a commune file against a pack: unknown facts are errors (a typo would otherwise
 * silently read as missing data); `{ "giá trị": x, "đơn vị": "km" }` is unwrapped after its unit is checked.
 */
/**
 * `unknownFactsAreErrors`: a fact the pack does not know is a typo (error) when the file names its pack; when
 * the pack was chosen from a folder by date, the file may hold facts of another version (warning).
 */
export function checkFactsAgainstPack(commune: CommuneFile, specs: readonly FactSpec[], unknownFactsAreErrors = true): { facts: Record<string, unknown>; issues: FileIssue[] } {
    const issues: FileIssue[] = [];
    const facts: Record<string, unknown> = {};
    const byName = new Map(specs.map(spec => [spec.name, spec] as const));
    for (const [key, value] of Object.entries(commune.data?.['dữ kiện'] ?? {})) {
        const name = key.normalize('NFC').replace(/\s+/g, ' ').trim();
        const spec = byName.get(name);
        const line = lineOfPath(commune.text, ['dữ kiện', key]);
        if (!spec) {
            const suggestion = closestName(name, specs.map(s => s.name));
            issues.push(unknownFactsAreErrors
                ? { severity: 'lỗi', field: `dữ kiện.${key}`, line, message: `Dữ kiện «${key}» không có trong bộ tiêu chí.${suggestion ? ` Có phải «${suggestion}»?` : ''}` }
                : { severity: 'cảnh báo', field: `dữ kiện.${key}`, line, message: `Dữ kiện «${key}» không dùng trong bộ tiêu chí được chọn cho ngày đánh giá.` });
            continue;
        }
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'giá trị' in value) {
            const unit = (value as Record<string, unknown>)['đơn vị'];
            if (unit !== undefined && String(unit).normalize('NFC').replace(/\s*\/\s*/g, '/') !== spec.unit) {
                issues.push({ severity: 'lỗi', field: `dữ kiện.${key}.đơn vị`, line, message: `Đơn vị «${String(unit)}» khác đơn vị khai báo của dữ kiện («${spec.unit || 'không đơn vị'}»).` });
                continue;
            }
            facts[key] = (value as Record<string, unknown>)['giá trị'];
        } else {
            facts[key] = value;
        }
    }
    for (const key of Object.keys(commune.data?.['ghi chú dữ kiện'] ?? {})) {
        if (!byName.has(key.normalize('NFC').replace(/\s+/g, ' ').trim())) {
            issues.push({ severity: 'cảnh báo', field: `ghi chú dữ kiện.${key}`, line: lineOfPath(commune.text, ['ghi chú dữ kiện', key]), message: `Ghi chú cho dữ kiện «${key}» không có trong bộ tiêu chí.` });
        }
    }
    return { facts, issues };
}

function closestName(name: string, candidates: readonly string[]): string | undefined {
    let best: { candidate: string; distance: number } | undefined;
    for (const candidate of candidates) {
        const distance = editDistance(name, candidate);
        if (distance <= Math.max(2, Math.floor(candidate.length / 4)) && (!best || distance < best.distance)) {
            best = { candidate, distance };
        }
    }
    return best?.candidate;
}

