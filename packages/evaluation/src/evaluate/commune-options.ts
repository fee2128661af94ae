import type { EvaluateOptions } from '@ntm/runtime';
import type { CommuneData } from '../commune/commune-data.js';

/** The evaluator's options for a commune file: its date (or the one given), attributes, lists and entered scores. */
export function evaluateOptionsOf(data: CommuneData, dateOverride?: string): EvaluateOptions {
    const attributes = data['thuộc tính'] ?? {};
    return {
        ngàyĐánhGiá: dateOverride ?? data['ngày đánh giá'],
        ...(attributes['vùng'] !== undefined ? { vùng: String(attributes['vùng']) } : {}),
        ...(attributes['nhóm'] !== undefined ? { nhóm: attributes['nhóm'] } : {}),
        ...(data['danh sách'] ? { danhSách: data['danh sách'] } : {}),
        ...(data['điểm thẩm tra'] ? { điểmThẩmTra: data['điểm thẩm tra'] } : {}),
        ...(data['điểm tự chấm'] ? { điểmTựChấm: data['điểm tự chấm'] } : {}),
        ...(data['điểm trái số liệu'] ? { điểmTráiSốLiệu: data['điểm trái số liệu'] } : {})
    };
}
