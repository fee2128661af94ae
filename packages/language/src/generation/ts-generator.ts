import type {
    Citation, Comparison, Condition, Criterion, Expression, FactDecl, Gate, Indicator, LegalSource, Pack
} from '../generated/ast.js';
import {
    isAnd, isBinaryExpression, isBooleanLiteral, isComparison, isCriterion, isDateLiteral, isFactDecl, isGate,
    isGroupedCondition, isLevel, isNameReference, isOr, isParenthesizedExpression, isPresence, isQuantified,
    isQuantityLiteral, isRatio, isScale
} from '../generated/ast.js';
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

    constructor(services: NtmServices) {
        this.types = services.typing.TypeComputer;
    }

    generate(pack: Pack): GeneratedModule {
        const facts = pack.members.filter(isFactDecl);
        const criteria = pack.members.filter(isCriterion);
        const gates = pack.members.filter(isGate);
        const indicators = criteria.flatMap(c => c.indicators);
        const factIndex = new Map(facts.map((fact, index) => [fact, index]));
        const context: EmitContext = { pack, factIndex, types: this.types };
        const parts = [
            '// Sinh tự động bởi trình biên dịch ntm từ một bộ tiêu chí .ntm. Không sửa tay: hãy sửa tệp .ntm rồi biên dịch lại.',
            '/* eslint-disable */',
            RUNTIME_SOURCE,
            this.packInfo(pack),
            this.factSpecs(facts),
            this.factsInterface(facts),
            ...facts.filter(f => f.derivation).map(f => this.derivedFunction(f, context)),
            ...indicators.map((indicator, index) => this.indicatorFunction(indicator, index, context)),
            ...gates.map((gate, index) => this.gateFunction(gate, index, context)),
            this.criteriaMeta(criteria),
            this.evaluateFunction(indicators.length, gates.length)
        ];
        return { fileName: moduleFileName(pack.name ?? ''), text: parts.join('\n\n') + '\n' };
    }

    private packInfo(pack: Pack): string {
        const validity = pack.validities[0];
        const info = {
            id: pack.name,
            title: pack.title,
            level: canonicalLevel(pack.levels[0]) ?? pack.levels[0] ?? '',
            jurisdiction: pack.jurisdictions[0] ?? '',
            version: pack.versions[0] ?? '',
            validFrom: isoDate(validity?.from) ?? '0000-01-01',
            ...(validity?.to ? { validTo: isoDate(validity.to) } : {}),
            sources: pack.sources.map(sourceInfo)
        };
        return `/** Bộ tiêu chí mà mô-đun này đánh giá. */\nexport const PACK: PackInfo = ${JSON.stringify(info, undefined, 4)};`;
    }

    private factSpecs(facts: FactDecl[]): string {
        const specs = facts.map(fact => {
            const type = this.types.typeOfFact(fact);
            const scale = type.kind === 'level' ? type.scale : undefined;
            return {
                name: fact.name,
                kind: factKindOf(fact, type),
                unit: unitOf(type),
                ...(scale ? { levels: scale.levels.map(l => l.name) } : {}),
                ...(fact.breakdown?.ref ? { members: fact.breakdown.ref.members.map(m => m.name) } : {}),
                ...(fact.derivation ? { derived: true } : {}),
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
            const valueType = members.length > 0
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

    private indicatorFunction(indicator: Indicator, index: number, context: EmitContext): string {
        const criterion = indicator.$container;
        const meta = {
            criterion: String(criterion.label),
            label: String(indicator.label),
            ...(indicator.text !== undefined ? { requirementText: indicator.text } : {}),
            rule: sourceText(indicator.requirement),
            citations: citationsOf(indicator.citations, criterion, context.pack),
            unverified: indicator.unverified.map(u => u.note ?? 'không ghi nguồn')
        };
        const applicable = indicator.applicableIf ? emitCondition(indicator.applicableIf, context) : 'undefined';
        return `const INDICATOR_${index}: IndicatorMeta = ${JSON.stringify(meta)};\n` +
            `function indicator_${index}(t: FactTable): IndicatorResult {\n` +
            `    return indicator(INDICATOR_${index}, ${applicable}, () => ${emitCondition(indicator.requirement, context)});\n}`;
    }

    private gateFunction(gate: Gate, index: number, context: EmitContext): string {
        const meta = { text: gate.text, rule: sourceText(gate.requirement), citations: citationsOf(gate.citations, undefined, context.pack) };
        return `const GATE_${index}: GateMeta = ${JSON.stringify(meta)};\n` +
            `function gate_${index}(t: FactTable): GateResult {\n` +
            `    return gate(GATE_${index}, ${emitCondition(gate.requirement, context)});\n}`;
    }

    private criteriaMeta(criteria: Criterion[]): string {
        const meta = criteria.map(c => ({ label: String(c.label), title: c.title, citations: c.citations.map(citationInfo) }));
        return `const CRITERIA: readonly CriterionMeta[] = ${JSON.stringify(meta, undefined, 4)};`;
    }

    private evaluateFunction(indicatorCount: number, gateCount: number): string {
        const indicators = Array.from({ length: indicatorCount }, (_, i) => `        indicator_${i}(t)`).join(',\n');
        const gates = Array.from({ length: gateCount }, (_, i) => `        gate_${i}(t)`).join(',\n');
        return [
            '/**',
            ' * Đánh giá một xã theo bộ tiêu chí này, tại ngày đánh giá cho trước (bắt buộc).',
            ' * Dữ kiện được kiểm tra khi chạy; dữ kiện sai kiểu hoặc không hợp lệ được báo trong `inputIssues`',
            ' * và coi như thiếu. Ném NtmEvaluationError khi thiếu ngày đánh giá hoặc ngày nằm ngoài hiệu lực.',
            ' */',
            'export function evaluate(facts: Facts, options: EvaluateOptions): EvaluationResult {',
            '    const assessedAt = assessmentDate(options, PACK);',
            '    const t = readFacts(facts, FACT_SPECS);',
            `    const indicators: IndicatorResult[] = [\n${indicators}\n    ];`,
            `    const gates: GateResult[] = [\n${gates}\n    ];`,
            '    return assemble(PACK, assessedAt, CRITERIA, indicators, gates, t.issues);',
            '}'
        ].join('\n');
    }
}

interface EmitContext {
    readonly pack: Pack;
    readonly factIndex: ReadonlyMap<FactDecl, number>;
    readonly types: NtmTypeComputer;
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
    throw new Error('Unknown condition');
}

function emitComparison(comparison: Comparison, context: EmitContext): string {
    const rule = str(sourceText(comparison));
    const leftType = context.types.typeOf(comparison.left);
    const contextUnit = leftType.kind === 'number' || leftType.kind === 'percent' ? unitOf(leftType) : undefined;
    const check = (member: string): string => {
        const left = emitExpression(comparison.left, context, member, undefined);
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
    if (isBooleanLiteral(expression)) return `boolLit(${expression.value === 'có'})`;
    if (isDateLiteral(expression)) return `dateLit(${str(isoDate(expression.value) ?? expression.value)})`;
    if (isParenthesizedExpression(expression)) return emitExpression(expression.expression, context, member, contextUnit);
    if (isNameReference(expression)) {
        const target = expression.target.ref;
        if (isFactDecl(target)) return emitFact(target, context, member);
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

