import type { FactSpec } from '@ntm/language';
import { closestNames, foldDiacritics, normalizeName, normalizeUnit } from '@ntm/runtime';

/** Commune-file fields a communes sheet may have as columns, besides facts. */
export const COMMUNE_FIELDS = ['xã', 'huyện', 'tỉnh', 'cấp', 'ngày đánh giá', 'nguồn', 'vùng', 'nhóm'] as const;
export type CommuneField = (typeof COMMUNE_FIELDS)[number];

/** Columns whose key in brackets names a score's indicator or a free attribute: `điểm thẩm tra [6.1.1]`. */
export const KEYED_FIELDS = ['điểm thẩm tra', 'điểm tự chấm', 'điểm trái số liệu', 'thuộc tính'] as const;
export type KeyedField = (typeof KEYED_FIELDS)[number];

/** Columns that are only for the reader of the sheet. */
const IGNORED = new Set(['stt', 'so thu tu', 'ghi chu']);

/** What one column of a sheet holds. */
export type ColumnBinding =
    | { readonly kind: 'field'; readonly field: CommuneField }
    | { readonly kind: 'keyed'; readonly field: KeyedField; readonly key: string }
    /** A fact; `key` is a breakdown member («nữ», «tổng») or a year («2023»). */
    | { readonly kind: 'fact'; readonly spec: FactSpec; readonly key?: string }
    /** On a collection sheet («thôn»): the member's name. */
    | { readonly kind: 'member' }
    | { readonly kind: 'ignored' }
    | { readonly kind: 'invalid'; readonly message: string };

export interface HeaderColumn {
    /** One-based column number. */
    readonly index: number;
    readonly header: string;
    readonly binding: ColumnBinding;
}

/**
 * Where a sheet's facts go: the communes sheet, the sheet of one collection («thôn», «trường»: facts kept per
 * member), or the villages sheet («Các thôn»: each village's own facts, for the village-level packs a commune
 * pack counts villages of with `đếm thôn đạt chuẩn theo "…"`).
 */
export type SheetRole = { readonly kind: 'communes' } | { readonly kind: 'collection'; readonly collection: string } | { readonly kind: 'villages' };

/** The villages sheet, and the name of its column of villages. */
export const VILLAGES_SHEET = 'Các thôn';
export const VILLAGE_COLUMN = 'thôn';

// The layout of a fact on the sheets, decided here for the template that writes it and the reader that
// reads it back: a fact is one column named as the fact; a breakdown adds a column per part («tên [nữ]»;
// the column without a key is the «tổng»); a fact per year has a column per year («tên [2023]»); a fact per
// member of a collection («thôn») is a column of that collection's sheet, a row per member.

/** The header of a column: `tên`, or `tên [khóa]` for a breakdown part, a year, or a score's indicator. */
export function columnHeader(name: string, key?: string): string {
    return key === undefined ? name : `${name} [${key}]`;
}

/**
 * The keys of a fact's columns on the communes sheet (undefined: the column named as the fact); none for a
 * fact kept per member of a collection, which has its column on the collection's sheet.
 */
export function factColumnKeys(spec: FactSpec, years: readonly string[]): (string | undefined)[] {
    if (spec.index === 'năm') return [...years];
    if (spec.index !== undefined) return [];
    return [undefined, ...(spec.members ?? [])];
}

/** `tên [khóa]` → name and key; a header without brackets has no key. */
export function splitHeader(header: string): { base: string; key?: string } {
    const text = normalizeName(header);
    const match = /^(.*?)\s*\[([^\]]*)\]$/u.exec(text);
    return match ? { base: normalizeName(match[1]!), key: normalizeName(match[2]!) } : { base: text };
}

/**
 * Matches a sheet's header row to the pack's facts and the commune-file fields. A name matches exactly
 * (any Unicode form, any blanks) or, failing that, without diacritics; when two facts differ only by
 * diacritics, a header written without them is ambiguous and refused, never guessed. A header that matches
 * nothing gets the closest names («Có phải …?»).
 */
export function matchHeaders(headers: readonly (string | undefined)[], specs: readonly FactSpec[], role: SheetRole): HeaderColumn[] {
    const matcher = new NameMatcher(specs.filter(spec => !spec.unused));
    const columns: HeaderColumn[] = [];
    const seen = new Map<string, string>();
    headers.forEach((raw, i) => {
        const header = normalizeName(raw ?? '');
        if (header === '') return;
        let binding = bindColumn(header, matcher, role);
        const identity = bindingIdentity(binding);
        if (identity !== undefined) {
            const first = seen.get(identity);
            if (first !== undefined) binding = { kind: 'invalid', message: duplicateMessage(header, first, binding) };
            else seen.set(identity, header);
        }
        columns.push({ index: i + 1, header, binding });
    });
    return columns;
}

/**
 * Why a column repeats another: when the two headers are written differently («tong so ho» beside «tổng số
 * hộ»), say what both stand for — headers are matched without regard to diacritics or letter case.
 */
function duplicateMessage(header: string, first: string, binding: ColumnBinding): string {
    if (header === first) return `Cột trùng với cột «${first}»: mỗi dữ kiện chỉ ghi ở một cột.`;
    const what =
        binding.kind === 'fact'
            ? `dữ kiện «${binding.spec.name}»${binding.key ? ` [${binding.key}]` : ''}`
            : binding.kind === 'field'
              ? `ô «${binding.field}»`
              : 'cùng một ô';
    return `Cột này và cột «${first}» cùng là ${what} (tên cột được so không kể dấu, chữ hoa): mỗi dữ kiện chỉ ghi ở một cột — xóa một trong hai cột.`;
}

function bindingIdentity(binding: ColumnBinding): string | undefined {
    switch (binding.kind) {
        case 'field':
            return `field:${binding.field}`;
        case 'keyed':
            return `keyed:${binding.field}:${binding.key}`;
        case 'fact':
            return `fact:${binding.spec.name}:${binding.key ?? 'tổng'}`;
        case 'member':
            return 'member';
        default:
            return undefined;
    }
}

function bindColumn(header: string, matcher: NameMatcher, role: SheetRole): ColumnBinding {
    const { base, key } = splitHeader(header);
    const folded = foldDiacritics(base);
    // «Ghi chú của huyện», «ghi chú 2»: any column headed as a note is the office's own, never read.
    if (IGNORED.has(folded) || folded.startsWith('ghi chu ')) return { kind: 'ignored' };
    if (key === undefined && folded === foldDiacritics(memberColumnOf(role) ?? '')) return { kind: 'member' };
    const keyed = KEYED_FIELDS.find(field => foldDiacritics(field) === folded);
    if (keyed) {
        return key
            ? { kind: 'keyed', field: keyed, key }
            : { kind: 'invalid', message: `Cột «${keyed}» cần ghi mã trong ngoặc vuông, vd. «${keyed} [6.1.1]».` };
    }
    const found = matcher.find(base);
    if ('spec' in found) return factBinding(found.spec, key, role);
    const field = COMMUNE_FIELDS.find(f => foldDiacritics(f) === folded);
    if (field && (role.kind === 'communes' || field === 'xã' || field === 'huyện')) {
        return key === undefined ? { kind: 'field', field } : { kind: 'invalid', message: `Cột «${field}» không có khóa trong ngoặc vuông.` };
    }
    return { kind: 'invalid', message: found.message };
}

/** The column naming the member a row of a collection's or the villages sheet is about. */
function memberColumnOf(role: SheetRole): string | undefined {
    return role.kind === 'collection' ? role.collection : role.kind === 'villages' ? VILLAGE_COLUMN : undefined;
}

function factBinding(spec: FactSpec, key: string | undefined, role: SheetRole): ColumnBinding {
    const collection = spec.index !== undefined && spec.index !== 'năm' ? spec.index : undefined;
    if (spec.villagePack !== undefined) {
        return {
            kind: 'invalid',
            message: `Dữ kiện «${spec.name}» được tính từ kết quả các thôn (bộ tiêu chí «${spec.villagePack}»), không nhập: ghi dữ kiện của từng thôn ở trang «${VILLAGES_SHEET}».`
        };
    }
    if (role.kind === 'collection') {
        if (collection !== role.collection) {
            return { kind: 'invalid', message: `Dữ kiện «${spec.name}» không ghi theo từng ${role.collection}: đặt cột này ở trang tính các xã.` };
        }
        return key === undefined
            ? { kind: 'fact', spec }
            : { kind: 'invalid', message: `Trên trang «${role.collection}», cột dữ kiện không có khóa trong ngoặc vuông.` };
    }
    if (collection) {
        return {
            kind: 'invalid',
            message: `Dữ kiện «${spec.name}» ghi theo từng ${collection}: đặt cột này ở trang tính «${collection}» (mỗi dòng một ${collection}).`
        };
    }
    // On the villages sheet a village's facts take the forms a commune's take (parts, years), one row per village.
    if (spec.index === 'năm') {
        return key && /^[0-9]{4}$/.test(key)
            ? { kind: 'fact', spec, key }
            : { kind: 'invalid', message: `Dữ kiện «${spec.name}» ghi theo từng năm: mỗi năm một cột, vd. «${spec.name} [2023]».` };
    }
    if (key === undefined) return { kind: 'fact', spec };
    const members = [...(spec.members ?? []), 'tổng'];
    const member = members.find(m => foldDiacritics(m) === foldDiacritics(key));
    if (spec.members && member) return { kind: 'fact', spec, ...(member === 'tổng' ? {} : { key: member }) };
    return {
        kind: 'invalid',
        message: spec.members
            ? `«${key}» không phải một phần của phân tổ của «${spec.name}»; dùng: ${members.join(', ')}.`
            : `Dữ kiện «${spec.name}» không có phân tổ: bỏ «[${key}]» khỏi tên cột.`
    };
}

/** Finds facts by name: exactly, then without diacritics (refusing ties), then with a trailing «(đơn vị)». */
class NameMatcher {
    private readonly exact = new Map<string, FactSpec>();
    private readonly byFolded = new Map<string, FactSpec[]>();

    constructor(private readonly specs: readonly FactSpec[]) {
        for (const spec of specs) {
            this.exact.set(spec.name, spec);
            const folded = foldDiacritics(spec.name);
            this.byFolded.set(folded, [...(this.byFolded.get(folded) ?? []), spec]);
        }
    }

    find(base: string): { spec: FactSpec } | { message: string } {
        const found = this.lookup(base);
        if ('spec' in found || found.ambiguous) return found;
        // «thu nhập bình quân đầu người (triệu đồng/người/năm)»: a unit written after the name must be the fact's.
        const withUnit = /^(.*\S)\s*\(([^()]*)\)$/u.exec(base);
        if (withUnit) {
            const inner = this.lookup(withUnit[1]!);
            if ('spec' in inner) {
                const unit = withUnit[2]!;
                return normalizeUnit(unit) === normalizeUnit(inner.spec.unit) || (unit === '%' && inner.spec.kind === 'percent')
                    ? inner
                    : {
                          message: `Đơn vị «${unit}» ghi ở tên cột khác đơn vị khai báo của dữ kiện «${inner.spec.name}» («${inner.spec.unit || 'không đơn vị'}»).`
                      };
            }
            if (inner.ambiguous) return inner;
        }
        return found;
    }

    private lookup(base: string): { spec: FactSpec } | { message: string; ambiguous: boolean } {
        const exact = this.exact.get(base);
        if (exact) return { spec: exact };
        const candidates = this.byFolded.get(foldDiacritics(base)) ?? [];
        if (candidates.length === 1) return { spec: candidates[0]! };
        if (candidates.length > 1) {
            return {
                ambiguous: true,
                message: `Tên cột «${base}» mơ hồ: khớp với ${candidates.map(c => `«${c.name}»`).join(' và ')}, chỉ khác nhau ở dấu. Ghi đúng dấu tên dữ kiện.`
            };
        }
        const near = closestNames(
            base,
            this.specs.map(s => s.name),
            1
        )[0];
        return { ambiguous: false, message: `Cột «${base}» không khớp dữ kiện nào của bộ tiêu chí.${near ? ` Có phải «${near}»?` : ''}` };
    }
}
