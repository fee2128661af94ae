import type { FactSpec } from '@ntm/runtime';

const KIND_TEXT: Readonly<Record<FactSpec['kind'], string>> = {
    percent: 'phần trăm', count: 'số đếm (số nguyên ≥ 0)', quantity: 'số', money: 'tiền', boolean: 'có/không (true/false)',
    level: 'mức', date: 'ngày (YYYY-MM-DD)', year: 'năm'
};

/**
 * A blank commune file for a pack: every fact an analyst must fill in (null), with its type, unit and
 * description beside it. `packPath` is how the file names its pack.
 */
export function communeTemplate(specs: readonly FactSpec[], packPath: string): Record<string, unknown> {
    const facts: Record<string, null> = {};
    const descriptions: Record<string, string> = {};
    for (const spec of specs) {
        if (spec.unused) continue; // declared by a base pack, read by no rule of this one
        if (!spec.derived) facts[spec.name] = null;
        descriptions[spec.name] = describeFact(spec);
    }
    return {
        'xã': '',
        'huyện': '',
        'tỉnh': '',
        'bộ tiêu chí': packPath,
        'ngày đánh giá': 'YYYY-MM-DD',
        'nguồn': '',
        'dữ kiện': facts,
        'mô tả dữ kiện': descriptions
    };
}

/** «phần trăm — có thể nhập theo phân tổ { … } — …». */
export function describeFact(spec: FactSpec): string {
    const parts = [KIND_TEXT[spec.kind] + (spec.unit && spec.unit !== '%' ? `, đơn vị ${spec.unit}` : '')];
    if (spec.levels) parts.push(`một trong: ${spec.levels.join(' < ')}`);
    if (spec.members) parts.push(`có thể nhập theo phân tổ { ${spec.members.map(m => `"${m}": …`).join(', ')} }`);
    if (spec.derived) parts.push('dữ kiện tính toán: chỉ nhập khi báo cáo ghi sẵn số liệu, để đối chiếu');
    if (spec.description) parts.push(spec.description);
    return parts.join(' — ');
}
