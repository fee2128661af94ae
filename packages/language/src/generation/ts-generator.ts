import type { FactDecl, Gate, Pack, RegionRule, Table } from '../generated/ast.js';
import type { EffectiveCriterion, EffectiveIndicator, EffectivePack, IndicatorVersion } from '../composition/effective-pack.js';
import type { EffectivePacks } from '../composition/effective-packs.js';
import { canonicalRegion, dimensionOfKey, keyValues, tableDimensions } from '../composition/dimensions.js';
import { RUNTIME_SOURCE } from './embedded-runtime.js';
import type { NtmServices } from '../ntm-module.js';
import type { NtmTypeComputer } from '../typing/type-computer.js';
import type { NtmType } from '../typing/ntm-types.js';
import { unitOf } from '../typing/ntm-types.js';
import { canonicalLevel, isoDate } from '../workspace/levels.js';
import { factKindOf, sourceText } from './generator-helpers.js';
import type { EmitContext } from './emit-code.js';
import { decimalText, emitCondition, emitExpression, emitPassValue, emitTableValue, normalizeOp, str } from './emit-code.js';
import { citationInfo, citationsOf, pointsMeta, ruleSource, sourceInfo, usedFacts } from './pack-meta.js';

export interface GeneratedModule {
    /** Suggested file name, e.g. `ha-nam-ntm-nang-cao.ts`. */
    readonly fileName: string;
    readonly text: string;
}

/** Text inside a block comment, unable to close it. */
const commentText = (text: string): string => text.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');

/**
 * Generates one dependency-free TypeScript module per pack: straight-line code, one function per derived
 * fact, indicator and gate, plus the embedded runtime (exact arithmetic, input checks, result assembly).
 */
export class NtmTsGenerator {
    private readonly types: NtmTypeComputer;
    private readonly effective: EffectivePacks;

    constructor(services: NtmServices) {
        this.types = services.typing.TypeComputer;
        this.effective = services.composition.EffectivePacks;
    }

    /** The pack as it applies, with everything it builds on (the base packs must be loaded). */
    compose(pack: Pack): EffectivePack {
        return this.effective.of(pack);
    }

    generate(pack: Pack): GeneratedModule {
        const effective = this.compose(pack);
        const facts = effective.facts;
        const indicators = effective.criteria.flatMap(c => c.indicators.map(indicator => ({ indicator, criterion: c })));
        const factIndex = new Map(facts.map((fact, index) => [fact, index]));
        // By name: a pack that builds on another may replace a base table, and the base's rules must see the replacement.
        const tableIndex = new Map(effective.tables.map((table, index) => [table.name, index]));
        const context: EmitContext = { pack, factIndex, tableIndex, types: this.types, rounding: effective.rounding };
        const parts = [
            '// Sinh tự động bởi trình biên dịch ntm từ một bộ tiêu chí .ntm. Không sửa tay: hãy sửa tệp .ntm rồi biên dịch lại.',
            '/* eslint-disable */',
            RUNTIME_SOURCE,
            this.packInfo(effective),
            this.factSpecs(facts, usedFacts(effective)),
            this.factsInterface(facts),
            ...facts.filter(f => f.derivation).map(f => this.derivedFunction(f, context)),
            ...effective.tables.map((table, index) => this.tableConstant(table, index, context)),
            this.regionRules(effective.regionRules, context),
            ...indicators.map(({ indicator, criterion }, index) => this.indicatorFunction(indicator, criterion, index, context)),
            ...effective.gates.map((gate, index) => this.gateFunction(gate, index, context)),
            this.criteriaMeta(effective.criteria, context),
            this.packPass(pack, context),
            this.evaluateFunction(indicators.length, effective.gates.length)
        ];
        return { fileName: moduleFileName(pack.name ?? ''), text: parts.join('\n\n') + '\n' };
    }

    private packInfo(effective: EffectivePack): string {
        const pack = effective.pack;
        const info = {
            id: pack.name,
            title: pack.title,
            level: canonicalLevel(pack.levels[0]) ?? pack.levels[0] ?? '',
            jurisdiction: pack.jurisdictions[0] ?? '',
            version: pack.versions[0] ?? '',
            validFrom: effective.validFrom ?? '0000-01-01',
            ...(effective.validTo ? { validTo: effective.validTo } : {}),
            sources: pack.sources.map(sourceInfo),
            basedOn: effective.chain.bases.map(b => ({ id: b.name, title: b.title })),
            amendments: effective.amendments.flatMap(a => a.source?.ref && isoDate(a.from)
                ? [{ ...sourceInfo(a.source.ref), from: isoDate(a.from)!, ...(a.changes.length === 0 ? { notEncoded: true } : {}) }] : [])
        };
        return `/** Bộ tiêu chí mà mô-đun này đánh giá. */\nexport const PACK: PackInfo = ${JSON.stringify(info, undefined, 4)};`;
    }

    private factSpecs(facts: FactDecl[], used: ReadonlySet<FactDecl>): string {
        const specs = facts.map(fact => {
            const type = this.types.typeOfFact(fact);
            const scale = type.kind === 'level' ? type.scale : undefined;
            return {
                name: fact.name,
                kind: factKindOf(fact, type),
                unit: unitOf(type),
                ...(scale ? { levels: scale.levels.map(l => l.name) } : {}),
                ...(fact.breakdown?.ref ? { members: fact.breakdown.ref.members.map(m => m.name) } : {}),
                ...(fact.byYear ? { index: 'năm' } : fact.collection?.ref ? { index: fact.collection.ref.name } : {}),
                ...(fact.derivation ? { derived: true } : {}),
                ...(used.has(fact) ? {} : { unused: true }),
                ...(fact.description !== undefined ? { description: fact.description } : {})
            };
        });
        return `/** Các dữ kiện của bộ tiêu chí: kiểu, đơn vị, mô tả. */\nexport const FACT_SPECS: readonly FactSpec[] = ${JSON.stringify(specs, undefined, 4)};`;
    }

    private factsInterface(facts: FactDecl[]): string {
        const lines = facts.map(fact => {
            const type = this.types.typeOfFact(fact);
            const scalar = inputTypeOf(type);
            const members = fact.breakdown?.ref?.members.map(m => `readonly ${str(m.name)}?: ${scalar} | null`) ?? [];
            const indexed = fact.byYear || fact.collection?.ref;
            const valueType = indexed ? `{ readonly [${fact.byYear ? 'year' : 'member'}: string]: ${scalar} | null }` : members.length > 0
                ? `${scalar} | { ${[...members, `readonly ${str('tổng')}?: ${scalar} | null`].join('; ')} }`
                : scalar;
            const doc = [fact.description, fact.derivation ? `Tính từ: ${sourceText(fact.derivation)} (có thể nhập số liệu báo cáo để đối chiếu)` : undefined]
                .filter((d): d is string => d !== undefined).map(commentText).join(' — ');
            return `${doc ? `    /** ${doc} */\n` : ''}    readonly ${str(fact.name)}?: ${valueType} | null;`;
        });
        return [
            '/** Số đo có thể chỉ là một khoảng khi báo cáo ghi «trên 90,72%» hoặc «từ 80-110 lít». */',
            'export type MeasuredInput = number | string | { readonly trên?: number; readonly dưới?: number; readonly từ?: number; readonly đến?: number };',
            '',
            '/** Dữ kiện của một xã, theo tên dữ kiện trong bộ tiêu chí. Thiếu dữ kiện thì kết quả là «thiếu dữ liệu», không bao giờ là 0. */',
            `export interface Facts {\n${lines.join('\n')}\n}`
        ].join('\n');
    }

    private derivedFunction(fact: FactDecl, context: EmitContext): string {
        const body = emitExpression(fact.derivation!, context, 'm', undefined);
        return `function derived_${context.factIndex.get(fact)}(t: FactTable, m: string | undefined): Val {\n` +
            `    return derived(t, ${str(fact.name)}, m, ${body});\n}`;
    }

    private indicatorFunction(indicator: EffectiveIndicator, criterion: EffectiveCriterion, index: number, context: EmitContext): string {
        const versions = indicator.versions.map((version, v) => this.versionFunction(version, criterion, `${index}_${v}`, context));
        const runs = indicator.versions.map((version, v) => {
            const from = version.from ? `from: ${str(version.from)}, ` : '';
            return version.absent ? `{ ${from}}` : `{ ${from}run: () => indicator_${index}_${v}(t) }`;
        });
        return [
            ...versions.filter(text => text !== ''),
            `function indicator_${index}(t: FactTable, at: string): IndicatorResult | undefined {\n` +
            `    return inForce([${runs.join(', ')}], at);\n}`
        ].join('\n');
    }

    private versionFunction(version: IndicatorVersion, criterion: EffectiveCriterion, id: string, context: EmitContext): string {
        if (version.absent) return '';
        const source = ruleSource(version, context.pack);
        const amendmentCitation = version.amendment?.source?.ref ? [sourceInfo(version.amendment.source.ref)] : [];
        if (version.drop) {
            const drop = version.drop;
            const meta = {
                criterion: criterion.label,
                label: drop.target?.$refText ?? '',
                ...(drop.target?.ref?.text !== undefined ? { requirementText: drop.target.ref.text } : {}),
                rule: 'không áp dụng',
                citations: [...amendmentCitation, ...drop.citations.map(citationInfo)],
                unverified: [],
                source,
                ...(drop.target?.ref?.points[0] ? { points: pointsMeta(drop.target.ref) } : {})
            };
            return `const INDICATOR_${id}: IndicatorMeta = ${JSON.stringify(meta)};\n` +
                `function indicator_${id}(t: FactTable): IndicatorResult {\n    return notApplicable(INDICATOR_${id}, ${str(drop.reason ?? '')});\n}`;
        }
        const indicator = version.indicator!;
        const own = indicator.citations.map(citationInfo);
        const meta = {
            criterion: criterion.label,
            label: String(indicator.label),
            ...(indicator.text !== undefined ? { requirementText: indicator.text } : {}),
            rule: sourceText(indicator.requirement),
            citations: own.length > 0 || amendmentCitation.length > 0
                ? [...amendmentCitation, ...own]
                : citationsOf([], criterion.criterion, criterion.origin),
            unverified: indicator.unverified.map(u => u.note ?? 'không ghi nguồn'),
            source,
            ...(indicator.points[0] ? { points: pointsMeta(indicator) } : {})
        };
        const local: EmitContext = { ...context, rounding: indicator.roundings[0] ?? context.rounding };
        const applicable = indicator.applicableIf ? emitCondition(indicator.applicableIf, local) : 'undefined';
        return `const INDICATOR_${id}: IndicatorMeta = ${JSON.stringify(meta)};\n` +
            `function indicator_${id}(t: FactTable): IndicatorResult {\n` +
            `    return indicator(INDICATOR_${id}, ${applicable}, () => ${emitCondition(indicator.requirement, local)}, t);\n}`;
    }

    private tableConstant(table: Table, index: number, context: EmitContext): string {
        const dimensions = tableDimensions(table);
        const unit = table.type ? unitOf(context.types.typeOfDeclared(table.type)) : '';
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
            for (const parts of keys) cells.push(`        ${str(parts.join('|'))}: ${value}`);
        }
        return `const TABLE_${index}: TableMeta = {\n    name: ${str(table.name)},\n    dimensions: ${JSON.stringify(dimensions)},\n` +
            `    cells: {\n${cells.join(',\n')}\n    }${rest ? `,\n    rest: ${rest}` : ''}\n};`;
    }

    private regionRules(rules: readonly RegionRule[], context: EmitContext): string {
        const items = rules.filter(rule => rule.condition && rule.region !== undefined && canonicalRegion(rule.region)).map(rule => {
            const meta = {
                region: canonicalRegion(rule.region)!,
                rule: sourceText(rule.condition),
                citation: rule.citations.map(c => `${c.source.$refText}${c.location ? ` (${c.location})` : ''}`).join(', ') || 'bộ tiêu chí'
            };
            return `    [${JSON.stringify(meta)}, (t: FactTable) => ${emitCondition(rule.condition, context)}]`;
        });
        return `/** Quy tắc xác định vùng áp dụng (vd. 318/QĐ-TTg Điều 1), theo thứ tự. */\n` +
            `const REGION_RULES: readonly (readonly [RegionRuleMeta, (t: FactTable) => Cond])[] = [\n${items.join(',\n')}\n];`;
    }

    private gateFunction(gate: Gate, index: number, context: EmitContext): string {
        const meta = { text: gate.text, rule: sourceText(gate.requirement), citations: citationsOf(gate.citations, undefined, context.pack) };
        return `const GATE_${index}: GateMeta = ${JSON.stringify(meta)};\n` +
            `function gate_${index}(t: FactTable): GateResult {\n` +
            `    return gate(GATE_${index}, ${emitCondition(gate.requirement, context)});\n}`;
    }

    private criteriaMeta(criteria: readonly EffectiveCriterion[], context: EmitContext): string {
        const items = criteria.map(c => {
            const plain = JSON.stringify({ label: c.label, title: c.criterion.title, citations: c.criterion.citations.map(citationInfo) });
            const points = c.criterion.points;
            if (!points) return `    ${plain}`;
            const pass = c.criterion.passMark;
            const passCode = pass?.value && pass.operator
                ? `, passMark: { op: ${str(normalizeOp(pass.operator))}, rule: ${str(sourceText(pass.value))}, value: () => ${emitPassValue(pass.value, context)} }` : '';
            return `    { ...${plain}, points: { max: ${str(decimalText(Number(points.max)))}${passCode} } }`;
        });
        return `const CRITERIA: readonly CriterionMeta[] = [\n${items.join(',\n')}\n];`;
    }

    private packPass(pack: Pack, context: EmitContext): string {
        const pass = pack.passMarks[0];
        const code = pass?.value && pass.operator
            ? `{ op: ${str(normalizeOp(pass.operator))}, rule: ${str(sourceText(pass.value))}, value: () => ${emitPassValue(pass.value, context)} }`
            : 'undefined';
        return `/** Điểm đạt của tổng điểm bộ tiêu chí (nếu có). */\nconst PACK_PASS: PackPassMeta | undefined = ${code};`;
    }

    private evaluateFunction(indicatorCount: number, gateCount: number): string {
        const indicators = Array.from({ length: indicatorCount }, (_, i) => `        indicator_${i}(t, assessedAt)`).join(',\n');
        const gates = Array.from({ length: gateCount }, (_, i) => `        gate_${i}(t)`).join(',\n');
        return [
            '/**',
            ' * Đánh giá một xã theo bộ tiêu chí này, tại ngày đánh giá cho trước (bắt buộc).',
            ' * Dữ kiện được kiểm tra khi chạy; dữ kiện sai kiểu hoặc không hợp lệ được báo trong `inputIssues`',
            ' * và coi như thiếu. Ném NtmEvaluationError khi thiếu ngày đánh giá hoặc ngày nằm ngoài hiệu lực.',
            ' */',
            'export function evaluate(facts: Facts, options: EvaluateOptions): EvaluationResult {',
            '    const assessedAt = assessmentDate(options, PACK);',
            '    const t = readFacts(facts, FACT_SPECS, options.danhSách);',
            '    t.ctx = communeContext(options, assessedAt, t, REGION_RULES);',
            '    t.scores = readScores(options.điểmThẩmTra, options.điểmTựChấm, options.điểmTráiSốLiệu, t.issues);',
            `    const indicators: (IndicatorResult | undefined)[] = [\n${indicators}\n    ];`,
            `    const gates: GateResult[] = [\n${gates}\n    ];`,
            '    return assemble(PACK, assessedAt, CRITERIA, indicators, gates, t.issues, t.ctx, PACK_PASS);',
            '}'
        ].join('\n');
    }
}

function inputTypeOf(type: NtmType): string {
    switch (type.kind) {
        case 'boolean': return `boolean | 'có' | 'không'`;
        case 'level': return type.scale.levels.map(l => str(l.name)).join(' | ') || 'string';
        case 'date': return 'string';
        case 'year': return 'number';
        default: return 'MeasuredInput';
    }
}

export function moduleFileName(packId: string): string {
    const ascii = packId.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
        .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return `${ascii || 'bo-tieu-chi'}.ts`;
}

