/**
 * JSON Schema of a sample commune file (tệp xã mẫu). Field names are Vietnamese because analysts edit
 * these files by hand; see docs/tep-xa.md.
 */
const verdict = { enum: ['đạt', 'chưa đạt', 'không áp dụng', 'thiếu dữ liệu'] };

export const COMMUNE_SCHEMA = {
    type: 'object',
    required: ['xã', 'ngày đánh giá'],
    // Facts of the commune, or (for a village-level pack) facts of each village.
    anyOf: [{ required: ['dữ kiện'] }, { required: ['các thôn'] }],
    additionalProperties: false,
    properties: {
        '$schema': { type: 'string' },
        'xã': { type: 'string', minLength: 1 },
        'huyện': { type: 'string' },
        'tỉnh': { type: 'string' },
        'bộ tiêu chí': { type: 'string', minLength: 1 },
        'cấp': { type: 'string', minLength: 1 },
        'ngày đánh giá': { type: 'string', minLength: 1 },
        'nguồn': { type: 'string' },
        'thuộc tính': {
            type: 'object',
            properties: {
                'vùng': { enum: ['TDMNPB', 'ĐBSH', 'BTB', 'DHNTB', 'TN', 'ĐNB', 'ĐBSCL'] },
                'nhóm': { enum: [1, 2, 3, '1', '2', '3'] }
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
                type: 'object', required: ['dữ kiện'], additionalProperties: false,
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
                'chỉ tiêu': { type: 'object', additionalProperties: verdict },
                'tiêu chí': { type: 'object', additionalProperties: verdict },
                'công nhận': verdict,
                'điểm': { type: 'object', additionalProperties: { type: 'number' } },
                'các thôn': { type: 'object', additionalProperties: verdict }
            }
        },
        'sai khác đã biết': {
            type: 'array',
            items: {
                type: 'object',
                required: ['nguyên nhân', 'giải thích'],
                additionalProperties: false,
                properties: {
                    'chỉ tiêu': { type: 'string' },
                    'tiêu chí': { type: 'string' },
                    'điểm': { type: 'string' },
                    'điểm máy': { type: 'number' },
                    'công nhận': { type: 'boolean' },
                    'kết quả máy': verdict,
                    'nguyên nhân': {
                        enum: ['thiếu dữ liệu trong báo cáo', 'báo cáo tự mâu thuẫn', 'báo cáo kết luận khác số liệu', 'ngưỡng chưa kiểm chứng']
                    },
                    'giải thích': { type: 'string', minLength: 1 }
                }
            }
        }
    }
} as const;
