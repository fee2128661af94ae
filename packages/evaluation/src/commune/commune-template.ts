import type { EffectivePack } from '@ntm/language';
import type { FactSpec } from '@ntm/runtime';
import { REGION_CODES } from '@ntm/runtime';
import { compareLabels } from '../plan/labels.js';

const KIND_TEXT: Readonly<Record<FactSpec['kind'], string>> = {
    percent: 'phần trăm',
    count: 'số đếm (số nguyên ≥ 0)',
    quantity: 'số',
    money: 'tiền',
    boolean: 'có/không (true/false)',
    level: 'mức',
    date: 'ngày (YYYY-MM-DD)',
    year: 'năm'
};

/** What a commune file for a pack has to say beyond its facts: the level, attributes, lists, labels. */
export interface PackOutline {
    readonly level: string;
    /** The pack looks thresholds up by region (a table `theo vùng`, or a region rule). */
    readonly needsRegion: boolean;
    /** The pack looks thresholds up by commune group (a table `theo nhóm`). */
    readonly needsGroup: boolean;
    /** Lists of members (`danh sách thôn`) some fact is given for, member by member. */
    readonly collections: readonly string[];
    /** Criterion labels with their indicators, in reading order. */
    readonly criteria: readonly { readonly label: string; readonly indicators: readonly string[] }[];
    /** Labels of the scored criteria; empty when the pack gives no points. */
    readonly scored: readonly string[];
}

/** The outline of a pack as it applies, bases included. */
export function packOutline(effective: EffectivePack, level: string): PackOutline {
    const dimensions = new Set(effective.tables.flatMap(t => t.dimensions));
    // `, từng thôn`: read from the syntax tree by type name, so this browser-safe module does not load the compiler.
    const collections = new Set(
        effective.facts.flatMap(f => f.indexes.flatMap(i => (i.$type === 'CollectionIndex' && i.collection.ref ? [i.collection.ref.name] : [])))
    );
    const criteria = effective.criteria
        .map(c => ({
            label: c.label,
            // An indicator counts when some version of it is a rule (not only «không áp dụng»).
            indicators: c.indicators
                .filter(i => i.versions.some(v => v.indicator))
                .map(i => i.label)
                .sort(compareLabels)
        }))
        .sort((a, b) => compareLabels(a.label, b.label));
    return {
        level,
        needsRegion: dimensions.has('vùng') || effective.regionRules.length > 0,
        needsGroup: dimensions.has('nhóm'),
        collections: [...collections],
        criteria,
        scored: effective.criteria
            .filter(c => c.criterion.points)
            .map(c => c.label)
            .sort(compareLabels)
    };
}

/** A village-level pack («thôn …») is evaluated village by village: its template lists «các thôn». */
function isVillageLevel(level: string): boolean {
    return level.normalize('NFC').startsWith('thôn');
}

/** Facts a rule of this pack reads (a base pack's fact only a dropped or replaced national rule read is not). */
export function templateFacts(specs: readonly FactSpec[]): { readonly input: readonly FactSpec[]; readonly skipped: readonly FactSpec[] } {
    // A count of villages meeting a village-level pack is computed from «các thôn», never entered.
    return { input: specs.filter(s => !s.unused && !s.derived && s.villagePack === undefined), skipped: specs.filter(s => s.unused) };
}

/**
 * A commune file to fill for a pack: every fact an analyst must enter (null), with its type, unit and
 * description beside it; the attributes the pack reads (region, group), the lists it needs, a note for
 * every fact, and the official results with every label (null: not yet written) and an empty list of
 * known discrepancies, so the file is a complete sample once filled. `packPath` is how the file names its
 * pack (relative to the folder the file is written in).
 */
export function communeTemplate(specs: readonly FactSpec[], packPath: string, outline?: PackOutline): Record<string, unknown> {
    const { input } = templateFacts(specs);
    const facts = Object.fromEntries(input.map(spec => [spec.name, null]));
    const notes = Object.fromEntries(input.map(spec => [spec.name, '']));
    const descriptions: Record<string, string> = {};
    for (const spec of specs) {
        if (spec.unused) {
            descriptions[spec.name] = `không cần nhập: chỉ quy tắc của bộ gốc mà bộ này không áp dụng (hoặc đã thay) dùng dữ kiện này`;
        } else if (spec.villagePack !== undefined) {
            descriptions[spec.name] =
                `không nhập: máy đếm từ «các thôn», mỗi thôn đánh giá theo bộ cấp thôn «${spec.villagePack}» (dữ kiện của thôn: chạy ntm template với bộ đó)`;
        } else {
            descriptions[spec.name] = describeFact(spec);
        }
    }
    const level = outline?.level ?? '';
    const villages = outline ? isVillageLevel(level) : false;
    // A commune pack counting villages: one file holds the commune and its villages (docs/tep-xa.md).
    const counts = !villages && specs.some(s => s.villagePack !== undefined);
    const attributes = {
        ...(outline?.needsRegion ? { vùng: null } : {}),
        ...(outline?.needsGroup ? { nhóm: null } : {})
    };
    const official = outline
        ? {
              'trích dẫn': '',
              ...(villages
                  ? { 'các thôn': { 'Thôn 1': null } }
                  : {
                        'chỉ tiêu': Object.fromEntries(outline.criteria.flatMap(c => c.indicators).map(label => [label, null])),
                        'tiêu chí': Object.fromEntries(outline.criteria.map(c => [c.label, null])),
                        'công nhận': null,
                        ...(outline.scored.length > 0 ? { điểm: Object.fromEntries([...outline.scored, 'tổng'].map(label => [label, null])) } : {})
                    })
          }
        : undefined;
    return {
        xã: '',
        huyện: '',
        tỉnh: '',
        'bộ tiêu chí': packPath,
        ...(level ? { cấp: level } : {}),
        'ngày đánh giá': 'YYYY-MM-DD',
        nguồn: '',
        ...(Object.keys(attributes).length > 0 ? { 'thuộc tính': attributes } : {}),
        ...(outline && outline.collections.length > 0
            ? { 'danh sách': Object.fromEntries(outline.collections.map(c => [c, []])) }
            : counts
              ? { 'danh sách': { thôn: ['Thôn 1'] } }
              : {}),
        ...(villages ? { 'các thôn': { 'Thôn 1': { 'dữ kiện': facts } } } : { 'dữ kiện': facts }),
        ...(counts ? { 'các thôn': { 'Thôn 1': { 'dữ kiện': {} } } } : {}),
        'ghi chú dữ kiện': notes,
        ...(official ? { 'kết quả chính thức': official, 'sai khác đã biết': [] } : {}),
        'mô tả dữ kiện': {
            ...(outline?.needsRegion ? { 'thuộc tính.vùng': `vùng của xã, một trong: ${REGION_CODES.join(', ')}` } : {}),
            ...(outline?.needsGroup ? { 'thuộc tính.nhóm': 'nhóm xã: 1, 2 hoặc 3' } : {}),
            ...descriptions
        }
    };
}

/** How the kinds are written in a spreadsheet's cell (the header's note): no JSON words for district staff. */
const SHEET_KIND_TEXT: Readonly<Record<FactSpec['kind'], string>> = { ...KIND_TEXT, boolean: 'có/không', date: 'ngày (dd/mm/yyyy)' };

/**
 * «phần trăm — có thể nhập theo phân tổ { … } — …»: what a fact takes, for a commune file (JSON), or for a
 * spreadsheet's column (`sheet`: the parts and years are columns of their own, yes/no is «có»/«không»).
 */
export function describeFact(spec: FactSpec, place: 'file' | 'sheet' = 'file'): string {
    const kinds = place === 'sheet' ? SHEET_KIND_TEXT : KIND_TEXT;
    const parts = [kinds[spec.kind] + (spec.unit && spec.unit !== '%' ? `, đơn vị ${spec.unit}` : '')];
    if (spec.levels) parts.push(`một trong: ${spec.levels.join(' < ')}`);
    if (spec.members) {
        parts.push(
            place === 'sheet'
                ? `có phân tổ: mỗi phần một cột (${spec.members.map(m => `«… [${m}]»`).join(', ')})`
                : `có thể nhập theo phân tổ { ${spec.members.map(m => `"${m}": …`).join(', ')} }`
        );
    }
    if (spec.index) {
        parts.push(
            place === 'sheet'
                ? spec.index === 'năm'
                    ? 'mỗi năm một cột («… [2023]»)'
                    : `ghi ở trang «${spec.index}», mỗi ${spec.index} một dòng`
                : spec.index === 'năm'
                  ? 'nhập theo từng năm { "2023": … }'
                  : `nhập theo từng ${spec.index} { "<tên ${spec.index}>": … }`
        );
    }
    if (spec.derived) parts.push('dữ kiện tính toán: chỉ nhập khi báo cáo ghi sẵn số liệu, để đối chiếu');
    if (spec.description) parts.push(spec.description);
    return parts.join(' — ');
}

const LABEL_MAPS = new Set(['chỉ tiêu', 'tiêu chí', 'điểm']);

/**
 * The template as JSON text, two spaces per level like `JSON.stringify(…, 2)`, but with labels in reading
 * order («5» after «4.2», «10» after «9.1»): JavaScript objects put keys that look like numbers first.
 */
export function templateText(template: Record<string, unknown>): string {
    const write = (value: unknown, indent: string, key: string | undefined): string => {
        if (value === null || typeof value !== 'object') return JSON.stringify(value);
        const inner = indent + '  ';
        if (Array.isArray(value)) {
            return value.length === 0 ? '[]' : `[\n${value.map(v => inner + write(v, inner, undefined)).join(',\n')}\n${indent}]`;
        }
        const keys = Object.keys(value);
        if (key !== undefined && LABEL_MAPS.has(key)) keys.sort((a, b) => (a === 'tổng' ? 1 : b === 'tổng' ? -1 : compareLabels(a, b)));
        if (keys.length === 0) return '{}';
        const entries = keys.map(k => `${inner}${JSON.stringify(k)}: ${write((value as Record<string, unknown>)[k], inner, k)}`);
        return `{\n${entries.join(',\n')}\n${indent}}`;
    };
    return write(template, '', undefined) + '\n';
}
