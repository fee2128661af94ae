import { COMMUNE_GROUPS, REGION_CODES } from '../places.js';
import { DISCREPANCY_CAUSE_LABELS, OFFICIAL_VERDICTS, VERDICTS } from './commune-file.js';
import type { ShapeSchema } from './shape-check.js';

/**
 * JSON Schema of a commune file (tệp xã). Field names are Vietnamese because analysts edit these files by
 * hand; see docs/tep-xa.md. Enumerations come from the tables the runtime uses.
 */
const verdict = { enum: VERDICTS };
// `null` is a blank left to fill (as `ntm template` writes them): the report does not say; read as absent.
const verdictOrBlank = { enum: [...VERDICTS, null] };
// A report's own conclusion may also be «chưa đánh giá» (not assessed), which the machine never gives.
const officialOrBlank = { enum: [...OFFICIAL_VERDICTS, null] };

/** A village's official verdicts: `{ "công nhận": "đạt", "chỉ tiêu": { "2.1": "đạt" }, "tiêu chí": { … } }`. */
const villageOfficial: ShapeSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
        'công nhận': verdictOrBlank,
        'chỉ tiêu': { type: 'object', additionalProperties: verdictOrBlank },
        'tiêu chí': { type: 'object', additionalProperties: verdictOrBlank }
    }
};

export const COMMUNE_SCHEMA: ShapeSchema = {
    type: 'object',
    required: ['xã', 'ngày đánh giá'],
    // Facts of the commune, or (for a village-level pack) facts of each village.
    anyOf: [{ required: ['dữ kiện'] }, { required: ['các thôn'] }],
    additionalProperties: false,
    properties: {
        $schema: { type: 'string' },
        xã: { type: 'string', minLength: 1 },
        huyện: { type: 'string' },
        tỉnh: { type: 'string' },
        'bộ tiêu chí': { type: 'string', minLength: 1 },
        cấp: { type: 'string', minLength: 1 },
        'ngày đánh giá': { type: 'string', minLength: 1 },
        nguồn: { type: 'string' },
        'thuộc tính': {
            type: 'object',
            properties: {
                vùng: { enum: [...REGION_CODES, null] },
                nhóm: { enum: [...COMMUNE_GROUPS, ...COMMUNE_GROUPS.map(String), null] }
            }
        },
        'dữ kiện': { type: 'object' },
        'danh sách': { type: 'object', additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } } },
        'điểm thẩm tra': { type: 'object', additionalProperties: { type: ['number', 'string'] } },
        'điểm tự chấm': { type: 'object', additionalProperties: { type: ['number', 'string'] } },
        'điểm trái số liệu': { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
        'các thôn': {
            type: 'object',
            additionalProperties: {
                type: 'object',
                required: ['dữ kiện'],
                additionalProperties: false,
                properties: { 'dữ kiện': { type: 'object' }, 'ghi chú dữ kiện': { type: 'object' } }
            }
        },
        'ghi chú dữ kiện': { type: 'object', additionalProperties: { type: 'string' } },
        'mô tả dữ kiện': { type: 'object', additionalProperties: { type: 'string' } },
        'kết quả chính thức': {
            type: 'object',
            additionalProperties: false,
            properties: {
                'trích dẫn': { type: 'string' },
                'chỉ tiêu': { type: 'object', additionalProperties: officialOrBlank },
                'tiêu chí': { type: 'object', additionalProperties: officialOrBlank },
                'công nhận': officialOrBlank,
                điểm: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
                // Each village's official recognition, or its official verdicts as for the commune.
                'các thôn': { type: 'object', additionalProperties: { anyOf: [verdictOrBlank, villageOfficial] } }
            }
        },
        'sai khác đã biết': {
            type: 'array',
            items: {
                type: 'object',
                required: ['nguyên nhân', 'giải thích'],
                additionalProperties: false,
                properties: {
                    thôn: { type: 'string', minLength: 1 },
                    'chỉ tiêu': { type: 'string' },
                    'tiêu chí': { type: 'string' },
                    điểm: { type: 'string' },
                    'điểm máy': { type: 'number' },
                    'công nhận': { type: 'boolean' },
                    'kết quả máy': verdict,
                    'nguyên nhân': { enum: Object.values(DISCREPANCY_CAUSE_LABELS) },
                    'giải thích': { type: 'string', minLength: 1 }
                }
            }
        }
    }
};
