import type { FactDecl, RegionRule, Table } from '../generated/ast.js';
import { isCountType } from '../generated/ast.js';
import type { EffectivePack } from '../composition/effective-pack.js';
import { canonicalRegion, dimensionOfKey, keyValues, tableDimensions } from '../composition/dimensions.js';
import type { NtmType } from '../typing/ntm-types.js';
import { unitOf } from '../typing/ntm-types.js';
import { breakdownIndexOf, collectionIndexOf, isYearly } from '../typing/fact-indexes.js';
import { canonicalLevel, isoDate } from '../workspace/levels.js';
import type { Code } from './code.js';
import { code, layoutList, objectInline, objectLines, typeOnly } from './code.js';
import { emitCondition, emitExpression, emitTableValue, optionalStr, str } from './emit-code.js';
import { factKindOf, sourceText } from './generator-helpers.js';
import type { ModuleScope } from './module-scope.js';
import { sourceInfo } from './pack-meta.js';

// The pack and its facts as code: `PACK`, `FACT_SPECS` (one fact per line), the `Facts` input type, derived
// facts, reference tables and region rules.

/** Text inside a block comment, unable to close it or to end its line. */
export const commentText = (text: string): string => text.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');

export function packCode(scope: ModuleScope, effective: EffectivePack): Code {
    const pack = effective.pack;
    const amendments = effective.amendments.flatMap(a =>
        a.source?.ref && isoDate(a.from)
            ? [`{ ...${scope.law.ref(sourceInfo(a.source.ref))}, from: ${str(isoDate(a.from))}${a.changes.length === 0 ? ', notEncoded: true' : ''} }`]
            : []
    );
    const info = objectLines(
        [
            ['id', str(pack.name)],
            ['title', str(pack.title)],
            ['level', str(canonicalLevel(pack.levels[0]) ?? pack.levels[0] ?? '')],
            ['jurisdiction', str(pack.jurisdictions[0] ?? '')],
            ['version', str(pack.versions[0] ?? '')],
            ['validFrom', str(effective.validFrom ?? '0000-01-01')],
            ['validTo', optionalStr(effective.validTo)],
            [
                'sources',
                layoutList(
                    '[',
                    pack.sources.map(s => scope.law.ref(sourceInfo(s))),
                    ']',
                    '    '
                )
            ],
            [
                'basedOn',
                layoutList(
                    '[',
                    effective.chain.bases.map(b =>
                        objectInline([
                            ['id', str(b.name)],
                            ['title', str(b.title)]
                        ])
                    ),
                    ']',
                    '    '
                )
            ],
            ['amendments', layoutList('[', amendments, ']', '    ')]
        ],
        ''
    );
    return code`/** Bộ tiêu chí mà mô-đun này đánh giá. */
export const PACK${typeOnly(': PackInfo')} = ${info};`;
}

export function factSpecsCode(scope: ModuleScope, facts: readonly FactDecl[], used: ReadonlySet<FactDecl>): Code {
    const rows = facts.map(fact => {
        const type = scope.types.typeOfFact(fact);
        const scale = type.kind === 'level' ? type.scale : undefined;
        const breakdown = breakdownIndexOf(fact)?.ref;
        const collection = collectionIndexOf(fact)?.ref;
        const list = (items: readonly string[]) => `[${items.map(str).join(', ')}]`;
        return (
            '    ' +
            objectInline([
                ['name', str(fact.name)],
                ['kind', str(factKindOf(fact, type))],
                ['unit', str(unitOf(type))],
                ['levels', scale ? list(scale.levels.map(l => l.name)) : undefined],
                ['members', breakdown ? list(breakdown.members.map(m => m.name)) : undefined],
                ['index', isYearly(fact) ? str('năm') : collection ? str(collection.name) : undefined],
                ['derived', fact.derivation ? 'true' : undefined],
                ['unused', used.has(fact) ? undefined : 'true'],
                ['villagePack', optionalStr(villagePackOf(fact))],
                ['description', optionalStr(fact.description)]
            ])
        );
    });
    return code`/** Các dữ kiện của bộ tiêu chí: kiểu, đơn vị, mô tả. */
export const FACT_SPECS${typeOnly(': readonly FactSpec[]')} = [
${rows.join(',\n')}
];`;
}

/** `MeasuredInput` and `Facts`: the input type, for the TypeScript module and the declarations. */
export function factsTypes(scope: ModuleScope, facts: readonly FactDecl[]): string {
    // A count of villages comes from the villages' results (`options.thôn`), never from the facts.
    const lines = facts
        .filter(fact => villagePackOf(fact) === undefined)
        .map(fact => {
            const type = scope.types.typeOfFact(fact);
            const scalar = inputTypeOf(type);
            const members = breakdownIndexOf(fact)?.ref?.members.map(m => `readonly ${str(m.name)}?: ${scalar} | null`) ?? [];
            const yearly = isYearly(fact);
            const indexed = yearly || collectionIndexOf(fact)?.ref;
            const valueType = indexed
                ? `{ readonly [${yearly ? 'year' : 'member'}: string]: ${scalar} | null }`
                : members.length > 0
                  ? `${scalar} | { ${[...members, `readonly ${str('tổng')}?: ${scalar} | null`].join('; ')} }`
                  : scalar;
            const doc = [fact.description, fact.derivation ? `Tính từ: ${sourceText(fact.derivation)} (có thể nhập số liệu báo cáo để đối chiếu)` : undefined]
                .filter((d): d is string => d !== undefined)
                .map(commentText)
                .join(' — ');
            return `${doc ? `    /** ${doc} */\n` : ''}    readonly ${str(fact.name)}?: ${valueType} | null;`;
        });
    return [
        '/** Số đo: một số, chữ số («72,403», «98%»), hay chỉ một khoảng khi báo cáo ghi «trên 90,72%» hoặc «từ 80-110 lít». */',
        'export type MeasuredInput =',
        '    | number',
        '    | string',
        "    | { readonly trên?: number | string; readonly dưới?: number | string; readonly từ?: number | string; readonly đến?: number | string; readonly 'ít nhất'?: number | string; readonly 'nhiều nhất'?: number | string };",
        '',
        '/** Một giá trị như tệp xã ghi: chính nó, kèm đơn vị hay ngày «tính đến», hoặc các giá trị của một báo cáo tự mâu thuẫn (mỗi giá trị kèm câu trích). */',
        'export type Reported<T> =',
        '    | T',
        "    | { readonly 'giá trị': T; readonly 'đơn vị'?: string; readonly 'tính đến'?: string }",
        "    | { readonly 'báo cáo mâu thuẫn': readonly { readonly 'giá trị': T; readonly 'đơn vị'?: string; readonly trích: string }[] };",
        '',
        '/** Dữ kiện của một xã, theo tên dữ kiện trong bộ tiêu chí. Thiếu dữ kiện thì kết quả là «thiếu dữ liệu», không bao giờ là 0. */',
        `export interface Facts {\n${lines.join('\n')}\n}`
    ].join('\n');
}

/** One value of the fact as a commune file may write it (the reader takes words in any letter case). */
function inputTypeOf(type: NtmType): string {
    return `Reported<${bareInputTypeOf(type)}>`;
}

function bareInputTypeOf(type: NtmType): string {
    switch (type.kind) {
        case 'boolean':
            return anyCaseOf([`'có'`, `'không'`], 'boolean');
        case 'level':
            return type.scale.levels.length > 0 ? anyCaseOf(type.scale.levels.map(l => str(l.name))) : 'string';
        case 'date':
            return 'string';
        case 'year':
            return 'number';
        default:
            return 'MeasuredInput';
    }
}

/** Words as written, capitalised, or in capitals («Có», «KHÔNG», «Mức độ 3»): the forms a spreadsheet gives. */
function anyCaseOf(words: readonly string[], extra?: string): string {
    const union = words.join(' | ');
    return `${extra ? `${extra} | ` : ''}${union} | Capitalize<${union}> | Uppercase<${union}>`;
}

/** `derived_ty_le_nuoc_sach(t, m)`: a derived fact computed from its inputs, or the value the report states. */
export function derivedCode(scope: ModuleScope, fact: FactDecl): Code {
    const body = emitExpression(fact.derivation!, scope.context, 'm', undefined);
    return code`function ${scope.derivedName(fact)}(t${typeOnly(': FactTable')}, m${typeOnly('?: string')})${typeOnly(': Val')} {
    return derived(t, ${str(fact.name)}, m, ${body});
}`;
}

/** `TABLE_…`: a reference table's cells by region, group or year; each cell computed when read. */
export function tableCode(scope: ModuleScope, table: Table): Code {
    const dimensions = tableDimensions(table);
    const unit = table.type ? unitOf(scope.types.typeOfDeclared(table.type)) : '';
    const cells: string[] = [];
    let rest: string | undefined;
    for (const row of table.rows) {
        const value = `() => ${emitTableValue(row.value, unit)}`;
        if (row.rest) {
            rest = value;
            continue;
        }
        let keys: string[][] = [[]];
        for (const dimension of dimensions) {
            const values = row.keys.filter(k => dimensionOfKey(k) === dimension).flatMap(keyValues);
            keys = keys.flatMap(prefix => values.map(v => [...prefix, v]));
        }
        for (const parts of keys) cells.push(`${str(parts.join('|'))}: ${value}`);
    }
    const meta = objectLines(
        [
            ['name', str(table.name)],
            ['dimensions', `[${dimensions.map(str).join(', ')}]`],
            ['cells', layoutList('{', cells, '}', '    ')],
            ['rest', rest]
        ],
        ''
    );
    return code`const ${scope.tableName(table.name)}${typeOnly(': TableMeta')} = ${meta};`;
}

/** The rules that decide the region applied (e.g. 318/QĐ-TTg Điều 1), in order. */
export function regionRulesCode(scope: ModuleScope, rules: readonly RegionRule[]): Code | undefined {
    const items = rules
        .filter(rule => rule.condition && rule.region !== undefined && canonicalRegion(rule.region))
        .map(rule => {
            const meta = objectInline([
                ['region', str(canonicalRegion(rule.region)!)],
                ['rule', str(sourceText(rule.condition))],
                ['citation', str(rule.citations.map(c => `${c.source.$refText}${c.location ? ` (${c.location})` : ''}`).join(', ') || 'bộ tiêu chí')]
            ]);
            return `[${meta}, (t) => ${emitCondition(rule.condition, { ...scope.context, indent: '        ' })}]`;
        });
    if (items.length === 0) return undefined;
    return code`/** Quy tắc xác định vùng áp dụng (vd. 318/QĐ-TTg Điều 1), theo thứ tự. */
const REGION_RULES${typeOnly(': readonly (readonly [RegionRuleMeta, (t: FactTable) => Cond])[]')} = ${layoutList('[', items, ']', '')};`;
}

/** The village-level pack a fact counts villages of (`đếm thôn đạt chuẩn theo "…"`), as written. */
export function villagePackOf(fact: FactDecl): string | undefined {
    return isCountType(fact.type) ? fact.type.villagePack : undefined;
}
