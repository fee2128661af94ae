import type { Comparison, Condition, Expression, FactDecl, Pack, QuantityLiteral, Rounding, TableValue, UnknownValue } from '../generated/ast.js';
import {
    isAnd, isBinaryExpression, isBooleanLiteral, isComparison, isDateLiteral, isFactDecl, isGroupedCondition, isLevel,
    isNameReference, isNotApplicableValue, isOr, isParenthesizedExpression, isPresence, isPreviousYear, isQuantified,
    isQuantityLiteral, isRatio, isScale, isTable, isUnitQuantified, isUnknownValue, isYearQuantified
} from '../generated/ast.js';
import type { BinaryOperator, NtmTypeComputer } from '../typing/type-computer.js';
import type { NtmType } from '../typing/ntm-types.js';
import { unitOf } from '../typing/ntm-types.js';
import { breakdownOf } from '../typing/breakdowns.js';
import { isoDate } from '../workspace/levels.js';
import { exactDecimal, writtenNumber } from '../util/written-number.js';
import { normalizeName } from '../util/vietnamese-text.js';
import { sourceText } from './generator-helpers.js';

// Conditions, expressions and literal values of a pack as calls into the embedded runtime.

/** Every piece of pack text enters generated code through here, as a JSON literal: text never becomes code. */
export const str = (text: string | undefined): string => text === undefined ? 'undefined' : JSON.stringify(text);

export interface EmitContext {
    readonly pack: Pack;
    readonly factIndex: ReadonlyMap<FactDecl, number>;
    readonly tableIndex: ReadonlyMap<string, number>;
    readonly types: NtmTypeComputer;
    /** The rounding in force for the comparison being emitted (indicator's own, else the pack's). */
    readonly rounding?: Rounding;
}

export function normalizeOp(op: string): string {
    return op.replace('≥', '>=').replace('≤', '<=');
}

export function emitPassValue(value: QuantityLiteral | UnknownValue, context: EmitContext): string {
    return isUnknownValue(value) ? emitUnknown(value, 'điểm') : emitExpression(value, context, 'undefined', 'điểm');
}

export function emitTableValue(value: TableValue | undefined, unit: string): string {
    if (!value) return `({ k: 'missing', names: ['(ô bảng lỗi cú pháp)'], uses: [], unverified: [], inconsistent: [] } as Val)`;
    if (isNotApplicableValue(value)) {
        return `({ k: 'na', reason: ${str(value.reason ?? 'không áp dụng theo bảng')}, uses: [], unverified: [], inconsistent: [] } as Val)`;
    }
    if (isUnknownValue(value)) return emitUnknown(value, unit);
    const note = value.unverified ? `, ${str(value.unverified.note ?? 'không ghi nguồn')}` : '';
    return `lit(${str(literalText(value))}, ${str(unit)}${note})`;
}

export function emitUnknown(value: UnknownValue, contextUnit: string): string {
    const unit = value.bounds.find(b => b.unit !== undefined)?.unit ?? contextUnit;
    const bounds = value.bounds.map(b => [b.operator.replace('≥', '>=').replace('≤', '<='), literalText(b)]);
    return `unknownLit(${str(unit)}, ${JSON.stringify(bounds)}, ${str(value.basis)}, ${str(value.note)})`;
}

export function emitCondition(condition: Condition, context: EmitContext): string {
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
            ? `rounded(${raw}, ${str(roundingMode(rounding))}, ${Number(rounding.digits)})` : raw;
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
export function emitExpression(expression: Expression, context: EmitContext, member: string, contextUnit: string | undefined): string {
    if (isQuantityLiteral(expression)) {
        const note = expression.unverified ? `, ${str(expression.unverified.note ?? 'không ghi nguồn')}` : '';
        return `lit(${str(literalText(expression))}, ${str(expression.unit ?? contextUnit ?? '')}${note})`;
    }
    if (isUnknownValue(expression)) return emitUnknown(expression, contextUnit ?? '');
    if (isPreviousYear(expression)) return `previousYear(t, (t) => ${emitExpression(expression.value, context, member, contextUnit)})`;
    // A keyword's value is its text as written: `có` may be in NFD.
    if (isBooleanLiteral(expression)) return `boolLit(${normalizeName(expression.value) === 'có'})`;
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

/**
 * A literal's value exactly as written (`0,5` → `0.5`; all the digits of a long number), for the runtime's
 * exact rationals: the parsed JavaScript number would round it, or print it as `1e+23` or `Infinity`.
 */
function literalText(literal: { value: number } & Parameters<typeof writtenNumber>[0]): string {
    const written = writtenNumber(literal, 'value');
    return written !== undefined ? exactDecimal(written) : decimalText(Number(literal.value));
}

/** `cắt`, `gần nhất`: the keyword as the runtime names it, whatever Unicode form and blanks it was typed with. */
export function roundingMode(rounding: Rounding): string {
    return normalizeName(rounding.mode);
}

export function decimalText(value: number): string {
    const text = String(value);
    return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}
