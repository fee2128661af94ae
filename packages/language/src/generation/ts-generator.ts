import type { AstNode, LangiumDocuments } from 'langium';
import { AstUtils } from 'langium';
import type {
    Citation, Comparison, Condition, Criterion, Expression, FactDecl, Gate, Indicator, LegalSource, Pack, RegionRule,
    Rounding, Table, TableValue
} from '../generated/ast.js';
import {
    isAddIndicator, isAnd, isBinaryExpression, isBooleanLiteral, isComparison, isDateLiteral, isDropIndicator, isFactDecl,
    isGroupedCondition, isLevel, isNameReference, isNotApplicableValue, isOr, isParenthesizedExpression, isPresence,
    isPreviousYear, isQuantified, isQuantityLiteral, isRatio, isReplaceIndicator, isScale, isTable, isUnitQuantified, isUnknownValue, isYearQuantified
} from '../generated/ast.js';
import type { EffectiveCriterion, EffectiveIndicator, EffectivePack, IndicatorVersion } from '../composition/effective-pack.js';
import { composePack } from '../composition/effective-pack.js';
import { canonicalRegion, keyValues, dimensionOfKey, tableDimensions } from '../composition/dimensions.js';
import { RUNTIME_SOURCE } from './embedded-runtime.js';
import type { NtmServices } from '../ntm-module.js';
import type { NtmTypeComputer, BinaryOperator } from '../typing/type-computer.js';
import type { NtmType } from '../typing/ntm-types.js';
import { unitOf } from '../typing/ntm-types.js';
import { breakdownOf } from '../typing/breakdowns.js';
import { canonicalLevel, isoDate } from '../workspace/levels.js';
import { factKindOf, sourceText } from './generator-helpers.js';

export interface GeneratedModule {
    /** Suggested file name, e.g. `ha-nam-ntm-nang-cao.ts`. */
    readonly fileName: string;
    readonly text: string;
}

/** Every piece of pack text enters generated code through here, as a JSON literal: text never becomes code. */
const str = (text: string | undefined): string => text === undefined ? 'undefined' : JSON.stringify(text);

/** Text inside a block comment, unable to close it. */
const commentText = (text: string): string => text.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');

/**
 * Generates one dependency-free TypeScript module per pack: straight-line code, one function per derived
 * fact, indicator and gate, plus the embedded runtime (exact arithmetic, input checks, result assembly).
 */
export class NtmTsGenerator {
    private readonly types: NtmTypeComputer;
    private readonly documents: LangiumDocuments;

    constructor(services: NtmServices) {
        this.types = services.typing.TypeComputer;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /** The pack as it applies, with everything it builds on (the base packs must be loaded). */
    compose(pack: Pack): EffectivePack {
        return composePack(pack, this.documents);
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
                ? [{ ...sourceInfo(a.source.ref), from: isoDate(a.from)! }] : [])
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

interface EmitContext {
    readonly pack: Pack;
    readonly factIndex: ReadonlyMap<FactDecl, number>;
    readonly tableIndex: ReadonlyMap<string, number>;
    readonly types: NtmTypeComputer;
    /** The rounding in force for the comparison being emitted (indicator's own, else the pack's). */
    readonly rounding?: Rounding;
}

/** Which text set an indicator version, for results and hovers. */
function ruleSource(version: IndicatorVersion, pack: Pack): object {
    const change = version.change;
    const kind = !change ? 'gốc' : isReplaceIndicator(change) ? 'thay' : isAddIndicator(change) ? 'thêm' : isDropIndicator(change) ? 'không áp dụng' : 'gốc';
    const packName = version.origin.name ?? '';
    const amendment = version.amendment?.source?.ref ? sourceInfo(version.amendment.source.ref) : undefined;
    const cited = (version.indicator?.citations ?? (version.drop?.citations ?? [])).map(c => c.source.$refText);
    const decisions = amendment ? [amendment.number] : cited.length > 0 ? cited : version.origin.sources.slice(0, 1).map(s => s.name);
    const where = version.origin === pack ? `bộ «${packName}»` : `bộ gốc «${packName}»`;
    const verb = kind === 'gốc' ? 'quy định' : kind === 'thay' ? 'thay' : kind === 'thêm' ? 'bổ sung' : 'không áp dụng';
    const text = amendment
        ? `${verb} theo ${amendment.number} của ${amendment.issuer} từ ${version.from} (${where})`
        : `${verb} theo ${decisions.join(', ') || 'bộ tiêu chí'} (${where})`;
    return {
        kind, pack: packName, ...(amendment ? { amendment } : {}), ...(version.from ? { from: version.from } : {}), text
    };
}

/**
 * Facts some rule in force at any date reads, directly or through a derived fact: a base pack's fact that
 * only a replaced indicator read is not asked of the commune (`ntm template` leaves it out).
 */
function usedFacts(effective: EffectivePack): Set<FactDecl> {
    const roots: AstNode[] = [
        ...effective.criteria.flatMap(c => c.indicators.flatMap(i => i.versions.flatMap(v => v.indicator ? [v.indicator] : []))),
        ...effective.gates, ...effective.regionRules
    ];
    const used = new Set<FactDecl>();
    const visit = (node: AstNode): void => {
        for (const child of AstUtils.streamAst(node)) {
            const target = isNameReference(child) ? child.target.ref : isPresence(child) ? child.fact.ref : undefined;
            if (isFactDecl(target) && !used.has(target)) {
                used.add(target);
                if (target.derivation) visit(target.derivation);
            }
        }
    };
    roots.forEach(visit);
    return used;
}

function normalizeOp(op: string): string {
    return op.replace('≥', '>=').replace('≤', '<=');
}

function emitPassValue(value: import('../generated/ast.js').QuantityLiteral | import('../generated/ast.js').UnknownValue, context: EmitContext): string {
    return isUnknownValue(value) ? emitUnknown(value, 'điểm') : emitExpression(value, context, 'undefined', 'điểm');
}

/** An indicator's maximum and deductions, as the runtime reads them. */
function pointsMeta(indicator: Indicator): object {
    const points = indicator.points[0]!;
    return {
        max: decimalText(Number(points.max)),
        deductions: indicator.deductions.map(d => ({
            kind: d.discretionary ? 'discretionary' : 'computed',
            ...(d.amount !== undefined ? { amount: decimalText(Number(d.amount)) } : {}),
            ...(d.min !== undefined ? { least: decimalText(Number(d.min)) } : {}),
            ...(d.max !== undefined && !d.toAll ? { most: decimalText(Number(d.max)) } : {}),
            per: d.perYear ? 'year' : d.perUnit ? 'unit' : 'once',
            text: sourceText(d)
        }))
    };
}

function emitTableValue(value: TableValue | undefined, unit: string): string {
    if (!value) return `({ k: 'missing', names: ['(ô bảng lỗi cú pháp)'], uses: [], unverified: [], inconsistent: [] } as Val)`;
    if (isNotApplicableValue(value)) {
        return `({ k: 'na', reason: ${str(value.reason ?? 'không áp dụng theo bảng')}, uses: [], unverified: [], inconsistent: [] } as Val)`;
    }
    if (isUnknownValue(value)) return emitUnknown(value, unit);
    const note = value.unverified ? `, ${str(value.unverified.note ?? 'không ghi nguồn')}` : '';
    return `lit(${str(decimalText(Number(value.value)))}, ${str(unit)}${note})`;
}

function emitUnknown(value: import('../generated/ast.js').UnknownValue, contextUnit: string): string {
    const unit = value.bounds.find(b => b.unit !== undefined)?.unit ?? contextUnit;
    const bounds = value.bounds.map(b => [b.operator.replace('≥', '>=').replace('≤', '<='), decimalText(Number(b.value))]);
    return `unknownLit(${str(unit)}, ${JSON.stringify(bounds)}, ${str(value.basis)}, ${str(value.note)})`;
}

function emitCondition(condition: Condition, context: EmitContext): string {
    if (isOr(condition) || isAnd(condition)) {
        const combinator = isOr(condition) ? 'any' : 'all';
        const operands: Condition[] = [];
        const flatten = (c: Condition): void => {
            if ((isOr(condition) && isOr(c)) || (isAnd(condition) && isAnd(c))) {
                flatten(c.left);
                flatten(c.right);
            } else {
                operands.push(c);
            }
        };
        flatten(condition);
        return `${combinator}([${operands.map(o => emitCondition(o, context)).join(', ')}])`;
    }
    if (isGroupedCondition(condition)) {
        return emitCondition(condition.condition, context);
    }
    if (isPresence(condition)) {
        const fact = condition.fact.ref;
        const value = fact ? emitFact(fact, context, 'undefined') : 'boolLit(false)';
        return `presence(${str(sourceText(condition))}, ${value}, ${condition.negated})`;
    }
    if (isQuantified(condition)) {
        const items = condition.items.map(i => emitCondition(i, context)).join(', ');
        if (condition.all) return `all([${items}])`;
        if (condition.any) return `any([${items}])`;
        return `atLeast(${Number(condition.atLeast)}, [${items}])`;
    }
    if (isComparison(condition)) {
        return emitComparison(condition, context);
    }
    if (isYearQuantified(condition)) {
        const items = `all([${condition.items.map(i => emitCondition(i, context)).join(', ')}])`;
        const atLeast = condition.every ? 'undefined' : String(Number(condition.atLeast));
        return `yearWindow(t, ${atLeast}, ${Number(condition.window)}, ${condition.beforeAssessment}, (t) => ${items})`;
    }
    if (isUnitQuantified(condition)) {
        const items = `all([${condition.items.map(i => emitCondition(i, context)).join(', ')}])`;
        const atLeast = condition.every ? 'undefined' : String(Number(condition.atLeast));
        return `unitQuantifier(t, ${str(condition.collection?.ref?.name ?? condition.collection?.$refText ?? '')}, ${atLeast}, ${condition.percent}, (t) => ${items})`;
    }
    throw new Error('Unknown condition');
}

function emitComparison(comparison: Comparison, context: EmitContext): string {
    const rule = str(sourceText(comparison));
    const leftType = context.types.typeOf(comparison.left);
    const contextUnit = leftType.kind === 'number' || leftType.kind === 'percent' ? unitOf(leftType) : undefined;
    const rounding = context.rounding;
    const check = (member: string): string => {
        const raw = emitExpression(comparison.left, context, member, undefined);
        const left = rounding && rounding.mode && rounding.digits !== undefined
            ? `rounded(${raw}, ${str(rounding.mode)}, ${Number(rounding.digits)})` : raw;
        const other = (e: Expression) => emitExpression(e, context, member, contextUnit);
        if (comparison.low) {
            return comparison.high
                ? `between(${rule}, ${left}, ${other(comparison.low)}, ${other(comparison.high)})`
                : `compare(${rule}, ${left}, '>=', ${other(comparison.low)})`;
        }
        const op = (comparison.operator ?? '=').replace('≥', '>=').replace('≤', '<=');
        return `compare(${rule}, ${left}, ${str(op)}, ${other(comparison.right!)})`;
    };
    if (comparison.members.length > 0 && breakdownOf(comparison)) {
        const members = comparison.members.map(m => m.ref?.name ?? m.$refText);
        return `forEachMember(${JSON.stringify(members)}, (m) => ${check('m')})`;
    }
    return check('undefined');
}

function emitFact(fact: FactDecl, context: EmitContext, member: string): string {
    return fact.derivation
        ? `derived_${context.factIndex.get(fact)}(t, ${member})`
        : `fact(t, ${str(fact.name)}, ${member})`;
}

/** An expression as runtime calls; a bare literal takes the unit of what it is compared with. */
function emitExpression(expression: Expression, context: EmitContext, member: string, contextUnit: string | undefined): string {
    if (isQuantityLiteral(expression)) {
        const note = expression.unverified ? `, ${str(expression.unverified.note ?? 'không ghi nguồn')}` : '';
        return `lit(${str(decimalText(Number(expression.value)))}, ${str(expression.unit ?? contextUnit ?? '')}${note})`;
    }
    if (isUnknownValue(expression)) return emitUnknown(expression, contextUnit ?? '');
    if (isPreviousYear(expression)) return `previousYear(t, (t) => ${emitExpression(expression.value, context, member, contextUnit)})`;
    if (isBooleanLiteral(expression)) return `boolLit(${expression.value === 'có'})`;
    if (isDateLiteral(expression)) return `dateLit(${str(isoDate(expression.value) ?? expression.value)})`;
    if (isParenthesizedExpression(expression)) return emitExpression(expression.expression, context, member, contextUnit);
    if (isNameReference(expression)) {
        const target = expression.target.ref;
        if (isFactDecl(target)) return emitFact(target, context, member);
        if (isTable(target)) {
            const index = context.tableIndex.get(target.name);
            if (index === undefined) throw new Error(`Unresolved table ${target.name}`);
            return `tableValue(TABLE_${index}, t)`;
        }
        if (isLevel(target) && isScale(target.$container)) {
            return `levelLit(${target.$container.levels.indexOf(target)}, ${str(target.name)})`;
        }
        throw new Error(`Unresolved name ${expression.target.$refText}`);
    }
    if (isRatio(expression)) {
        return `ratio(${emitExpression(expression.numerator, context, member, undefined)}, ${emitExpression(expression.denominator, context, member, undefined)})`;
    }
    if (isBinaryExpression(expression)) {
        const operator = expression.operator as BinaryOperator;
        const leftType = context.types.typeOf(expression.left);
        const rightType = context.types.typeOf(expression.right);
        const typing = context.types.binary(operator, leftType, rightType);
        if (typing.error !== undefined) throw new Error(typing.error);
        const resultUnit = unitOf(typing.type);
        const scale = typing.scale === 'to-percent' ? ', rat(100n)' : typing.scale === 'percent-of' ? ', rat(1n, 100n)' : '';
        const runtimeOp = operator === '×' ? '*' : operator;
        const left = emitExpression(expression.left, context, member, operandUnit(rightType, leftType));
        const right = emitExpression(expression.right, context, member, operandUnit(leftType, rightType));
        return `arith(${str(runtimeOp)}, ${left}, ${right}, ${str(resultUnit)}${scale})`;
    }
    throw new Error('Unknown expression');
}

/** For `x + 5`, the bare 5 is in x's unit. */
function operandUnit(other: NtmType, self: NtmType): string | undefined {
    return self.kind === 'number' && self.bareLiteral && (other.kind === 'number' || other.kind === 'percent') ? unitOf(other) : undefined;
}

function decimalText(value: number): string {
    const text = String(value);
    return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

function sourceInfo(source: LegalSource): { number: string; issuer: string; date?: string; title?: string } {
    return {
        number: source.name,
        issuer: source.issuer,
        ...(source.date ? { date: isoDate(source.date) ?? source.date } : {}),
        ...(source.title !== undefined ? { title: source.title } : {})
    };
}

function citationInfo(citation: Citation): ReturnType<typeof sourceInfo> & { location?: string } {
    const source = citation.source.ref;
    const base = source ? sourceInfo(source) : { number: citation.source.$refText, issuer: '' };
    return { ...base, ...(citation.location !== undefined ? { location: citation.location } : {}) };
}

/** An indicator's own citations, else its criterion's, else the pack's sources. */
function citationsOf(own: readonly Citation[], criterion: Criterion | undefined, pack: Pack): ReturnType<typeof citationInfo>[] {
    if (own.length > 0) return own.map(citationInfo);
    if (criterion && criterion.citations.length > 0) return criterion.citations.map(citationInfo);
    return pack.sources.map(sourceInfo);
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

