// The contract for apps, input side: a JSON Schema (2020-12) of a commune file for one pack, written by
// `ntm build` beside the module. It is the commune file's schema (the one the reader checks) with the
// pack's facts spelled out: each fact's type, unit, levels, breakdown parts, values per year or per village
// and ranges, as the runtime reads them (fact-input.ts).

import type { FactSpec, PackInfo } from '@ntm/runtime';
import { COMMUNE_SCHEMA } from '@ntm/runtime';

type Json = { readonly [key: string]: unknown };

const KIND_TEXT: Readonly<Record<FactSpec['kind'], string>> = {
    percent: 'tỷ lệ phần trăm',
    count: 'số đếm (số nguyên)',
    quantity: 'số đo',
    money: 'số tiền',
    boolean: 'có/không',
    level: 'một mức',
    date: 'một ngày',
    year: 'một năm'
};

/** Bounds written instead of a value when a report gives only those («trên 90,72%», «từ 80-110 lít»). */
const BOUND_KEYS = ['trên', 'dưới', 'từ', 'đến', 'ít nhất', 'nhiều nhất'];

/** The largest number of 15 digits: the reader refuses more digits (a double cannot hold them exactly). */
const LARGEST = 999_999_999_999_999;

/** Digits and separators, then the unit when one is written after the number («98%», «72,403 triệu đồng/người/năm»). */
const NUMBER_TEXT = '^\\s*[0-9][0-9.,\\s]*([^0-9.,\\s].*)?$';

const DEFS: Json = {
    // A number in JSON, or as text in Vietnamese or English form ("72,403" is 72.403); never negative.
    number: {
        anyOf: [
            { type: 'number', minimum: 0, maximum: LARGEST },
            {
                type: 'string',
                pattern: NUMBER_TEXT,
                description: 'Số viết dạng chữ: "72,403" (dấu phẩy thập phân) hoặc "1.234.567", có thể kèm đơn vị ("98%"); "4.662" mơ hồ nên bị từ chối.'
            }
        ]
    },
    wholeNumber: {
        anyOf: [
            { type: 'integer', minimum: 0, maximum: LARGEST },
            { type: 'string', pattern: NUMBER_TEXT }
        ]
    },
    numberBounds: bounds('number'),
    wholeNumberBounds: bounds('wholeNumber'),
    // «có»/«không» in any letter case, and TRUE/FALSE as a spreadsheet saved as CSV writes them.
    boolean: { anyOf: [{ type: 'boolean' }, { type: 'string', pattern: anyCase(['có', 'không', 'true', 'false']) }] },
    date: {
        type: 'string',
        pattern: '^\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}([/.-])[0-9]{1,2}\\2[0-9]{4})\\s*$',
        description: 'YYYY-MM-DD hoặc dd/mm/yyyy (dd-mm-yyyy, dd.mm.yyyy cũng được)'
    }
};

/** A pattern matching these words whatever their letter case (JSON Schema patterns take no flags). */
function anyCase(words: readonly string[]): string {
    const letter = (c: string) => {
        const lower = c.toLocaleLowerCase('vi');
        const upper = c.toLocaleUpperCase('vi');
        const escaped = (x: string) => x.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        return lower === upper ? escaped(c) : `[${escaped(lower)}${escaped(upper)}]`;
    };
    return `^\\s*(${words.map(word => Array.from(word).map(letter).join('')).join('|')})\\s*$`;
}

function bounds(number: string): Json {
    return {
        type: 'object',
        minProperties: 1,
        additionalProperties: false,
        description: 'Chỉ biết cận của giá trị: «trên», «dưới» (không kể bằng), «từ»/«ít nhất», «đến»/«nhiều nhất» (kể cả bằng).',
        properties: Object.fromEntries(BOUND_KEYS.map(key => [key, { $ref: `#/$defs/${number}` }]))
    };
}

/**
 * The schemas of single values, shared by the facts that read the same way (same kind, unit and levels):
 * each kept once in `$defs` and referred to by name.
 */
class ValueSchemas {
    readonly defs: Record<string, Json> = {};
    private readonly names = new Map<string, string>();

    /** A reference to one value of the fact: what `readScalar` accepts for its kind, bare or with its unit. */
    of(spec: FactSpec): Json {
        const key = JSON.stringify([spec.kind, spec.unit, spec.kind === 'level' ? (spec.levels ?? []) : []]);
        let name = this.names.get(key);
        if (name === undefined) {
            name = `value-${spec.kind}-${this.names.size + 1}`;
            this.names.set(key, name);
            this.defs[name] = scalar(spec);
        }
        return { $ref: `#/$defs/${name}` };
    }
}

function scalar(spec: FactSpec): Json {
    let bare: Json;
    switch (spec.kind) {
        case 'boolean':
            bare = { $ref: '#/$defs/boolean' };
            break;
        case 'level':
            bare = { type: 'string', pattern: anyCase(spec.levels ?? []), examples: [...(spec.levels ?? [])] };
            break;
        case 'date':
            bare = { $ref: '#/$defs/date' };
            break;
        case 'count':
        case 'year':
            bare = { anyOf: [{ $ref: '#/$defs/wholeNumber' }, { $ref: '#/$defs/wholeNumberBounds' }] };
            break;
        default:
            bare = { anyOf: [{ $ref: '#/$defs/number' }, { $ref: '#/$defs/numberBounds' }] };
    }
    const unit = {
        type: 'string',
        examples: [spec.unit],
        description: `Đơn vị khai báo: «${spec.unit || 'không đơn vị'}» (so sau khi chuẩn hóa: m2 và m² là một).`
    };
    const withUnit = {
        type: 'object',
        required: ['giá trị'],
        additionalProperties: false,
        properties: { 'giá trị': bare, 'đơn vị': unit, 'tính đến': { $ref: '#/$defs/date' } }
    };
    // A report stating the fact two or more ways: each value with the sentence that states it.
    const contradiction = {
        type: 'object',
        required: ['báo cáo mâu thuẫn'],
        additionalProperties: false,
        properties: {
            'báo cáo mâu thuẫn': {
                type: 'array',
                minItems: 2,
                items: {
                    type: 'object',
                    required: ['giá trị', 'trích'],
                    additionalProperties: false,
                    properties: { 'giá trị': bare, 'đơn vị': unit, trích: { type: 'string', minLength: 1 } }
                }
            }
        }
    };
    return { title: `${KIND_TEXT[spec.kind]}${spec.unit ? ` (${spec.unit})` : ''}`, anyOf: [bare, withUnit, contradiction] };
}

/** The whole fact: a value, a value per part of its breakdown (and «tổng»), or a value per year or per member. */
function factSchema(spec: FactSpec, values: ValueSchemas): Json {
    const value = values.of(spec);
    const about = [
        spec.description,
        `${KIND_TEXT[spec.kind]}${spec.unit ? `, đơn vị ${spec.unit}` : ''}`,
        spec.derived ? 'tính từ dữ kiện khác; nhập số liệu báo cáo để đối chiếu' : undefined
    ]
        .filter(Boolean)
        .join(' — ');
    const blank = { type: 'null', description: 'Để trống: chưa có số liệu.' };
    if (spec.index === 'năm') {
        return {
            description: `${about}; theo từng năm`,
            anyOf: [{ type: 'object', minProperties: 1, propertyNames: { pattern: '^[0-9]{4}$' }, additionalProperties: value }, blank]
        };
    }
    if (spec.index) {
        return {
            description: `${about}; theo từng ${spec.index} trong «danh sách» → «${spec.index}»`,
            anyOf: [{ type: 'object', minProperties: 1, additionalProperties: value }, blank]
        };
    }
    if (spec.members && spec.members.length > 0) {
        const parts = {
            type: 'object',
            minProperties: 1,
            additionalProperties: false,
            description: `Theo phân tổ: ${[...spec.members, 'tổng'].join(', ')}`,
            properties: Object.fromEntries([...spec.members, 'tổng'].map(member => [member, value]))
        };
        return { description: about, anyOf: [value, parts, blank] };
    }
    return { description: about, anyOf: [value, blank] };
}

/**
 * The JSON Schema of a commune file for this pack: the commune file's own schema with «dữ kiện» (and each
 * village's) limited to the pack's facts, and «danh sách» to its collections.
 */
export function communeInputSchema(pack: PackInfo, specs: readonly FactSpec[]): Json {
    const base = COMMUNE_SCHEMA as unknown as { properties: Record<string, Json> } & Json;
    const values = new ValueSchemas();
    const facts = {
        type: 'object',
        additionalProperties: false,
        description: 'Dữ kiện của xã, theo tên dữ kiện trong bộ tiêu chí. Thiếu dữ kiện thì kết quả là «thiếu dữ liệu», không bao giờ là 0.',
        properties: Object.fromEntries(specs.map(spec => [spec.name, factSchema(spec, values)]))
    };
    const collections = [...new Set(specs.flatMap(spec => (spec.index && spec.index !== 'năm' ? [spec.index] : [])))];
    const list = { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } };
    const villages = base.properties['các thôn'] as { additionalProperties: { properties: Record<string, Json> } & Json } & Json;
    // A pack that counts villages (`đếm thôn đạt chuẩn theo "…"`) reads each village with the village-level
    // pack's facts, which are not this pack's: their schema is that module's.
    const villagePacks = [...new Set(specs.flatMap(spec => (spec.villagePack === undefined ? [] : [spec.villagePack])))];
    const villageFacts: Json =
        villagePacks.length > 0
            ? { type: 'object', description: `Dữ kiện của thôn, theo bộ tiêu chí cấp thôn: ${villagePacks.join(', ')}.` }
            : { $ref: '#/$defs/facts' };
    return {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: `Tệp xã cho bộ tiêu chí «${pack.title}»`,
        description: `Dữ liệu vào của evaluateCommune() trong mô-đun sinh từ bộ tiêu chí «${pack.id}» (hiệu lực từ ${pack.validFrom}${pack.validTo ? ` đến ${pack.validTo}` : ''}); xem docs/tep-xa.md.`,
        ...base,
        properties: {
            ...base.properties,
            // A date, not any text: the blank a template writes («YYYY-MM-DD») is not one.
            'ngày đánh giá': { $ref: '#/$defs/date' },
            'dữ kiện': { $ref: '#/$defs/facts' },
            'danh sách':
                collections.length > 0
                    ? { type: 'object', additionalProperties: list, properties: Object.fromEntries(collections.map(c => [c, list])) }
                    : base.properties['danh sách'],
            'các thôn': {
                ...villages,
                additionalProperties: { ...villages.additionalProperties, properties: { ...villages.additionalProperties.properties, 'dữ kiện': villageFacts } }
            }
        },
        $defs: { facts, ...values.defs, ...DEFS }
    };
}
