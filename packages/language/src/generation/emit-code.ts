import type { Comparison, Condition, Expression, FactDecl, Pack, QuantityLiteral, Rounding, Scale, TableValue, UnknownValue } from '../generated/ast.js';
import {
    isAnd,
    isBinaryExpression,
    isBooleanLiteral,
    isComparison,
    isDateLiteral,
    isFactDecl,
    isGroupedCondition,
    isLevel,
    isNameReference,
    isNotApplicableValue,
    isOr,
    isParenthesizedExpression,
    isPresence,
    isPreviousYear,
    isQuantified,
    isQuantityLiteral,
    isRatio,
    isScale,
    isTable,
    isUnitQuantified,
    isUnknownValue,
    isYearQuantified
} from '../generated/ast.js';
import type { BinaryOperator, NtmTypeComputer } from '../typing/type-computer.js';
import type { NtmType } from '../typing/ntm-types.js';
import { unitOf } from '../typing/ntm-types.js';
import { breakdownOf } from '../typing/breakdowns.js';
import { isoDate } from '../workspace/levels.js';
import { unitConversion } from '@ntm/runtime';
import { exactDecimal, writtenNumber } from '../util/written-number.js';
import { normalizeName } from '../util/vietnamese-text.js';
import { sourceText } from './generator-helpers.js';
import { layoutList } from './code.js';

// Conditions, expressions and literal values of a pack as calls into @ntm/runtime. Everything emitted here
// is an expression without types, the same in the TypeScript and the JavaScript output.

/**
 * Every piece of pack text enters generated code through here, as a JSON literal: text never becomes code.
 * U+2028 and U+2029 are escaped too, so that the literal is one line for every tool that reads it.
 */
export const str = (text: string | undefined): string =>
    text === undefined
        ? 'undefined'
        : JSON.stringify(text)
              .replace(/\u2028/g, '\\u2028')
              .replace(/\u2029/g, '\\u2029');

/** `str`, or nothing when there is no text (an optional property left out). */
export const optionalStr = (text: string | undefined): string | undefined => (text === undefined ? undefined : str(text));

export interface EmitContext {
    readonly pack: Pack;
    readonly types: NtmTypeComputer;
    /** The function computing a derived fact (`derived_ty_le_nuoc_sach`); the generator emits those asked for. */
    readonly derivedFunction: (fact: FactDecl) => string;
    /** The constant of a table by name (a base pack's table may be replaced by name). */
    readonly tableConstant: (name: string) => string;
    /** The rounding in force for the comparison being emitted (indicator's own, else the pack's). */
    readonly rounding?: Rounding;
    /** Texts already in the module under a name (the indicator's rule: `INDICATOR_2_1.rule`). */
    readonly knownTexts?: ReadonlyMap<string, string>;
    /** Indentation of the line the expression starts on, for laying out long lists. */
    readonly indent: string;
}

/** A text of the pack as code: a reference when the module already holds it, else a literal. */
function text(value: string, context: EmitContext): string {
    return context.knownTexts?.get(value) ?? str(value);
}

export function normalizeOp(op: string): string {
    return op.replace('≥', '>=').replace('≤', '<=');
}

export function emitPassValue(value: QuantityLiteral | UnknownValue, context: EmitContext): string {
    return isUnknownValue(value) ? emitUnknown(value, 'điểm') : emitExpression(value, context, undefined, 'điểm');
}

export function emitTableValue(value: TableValue | undefined, unit: string): string {
    if (!value) return `missingValue(${str('(ô bảng lỗi cú pháp)')})`;
    if (isNotApplicableValue(value)) return `notApplicableValue(${str(value.reason ?? 'không áp dụng theo bảng')})`;
    if (isUnknownValue(value)) return emitUnknown(value, unit);
    const note = value.unverified ? `, ${str(value.unverified.note ?? 'không ghi nguồn')}` : '';
    return `lit(${str(literalText(value))}, ${str(unit)}${note})`;
}

export function emitUnknown(value: UnknownValue, contextUnit: string): string {
    const unit = value.bounds.find(b => b.unit !== undefined)?.unit ?? contextUnit;
    const bounds = value.bounds.map(b => `[${str(normalizeOp(b.operator))}, ${str(literalText(b))}]`);
    return `unknownLit(${str(unit)}, [${bounds.join(', ')}], ${str(value.basis)}, ${str(value.note)})`;
}

/** Operands of `all`/`any`/`atLeast`, on one line when short, else one per line. */
function operands(conditions: readonly Condition[], context: EmitContext): string {
    const inner: EmitContext = { ...context, indent: context.indent + '    ' };
    return layoutList(
        '[',
        conditions.map(c => emitCondition(c, inner)),
        ']',
        context.indent
    );
}

export function emitCondition(condition: Condition, context: EmitContext): string {
    if (isOr(condition) || isAnd(condition)) {
        const combinator = isOr(condition) ? 'any' : 'all';
        const flat: Condition[] = [];
        const flatten = (c: Condition): void => {
            if ((isOr(condition) && isOr(c)) || (isAnd(condition) && isAnd(c))) {
                flatten(c.left);
                flatten(c.right);
            } else {
                flat.push(c);
            }
        };
        flatten(condition);
        return `${combinator}(${operands(flat, context)})`;
    }
    if (isGroupedCondition(condition)) {
        return emitCondition(condition.condition, context);
    }
    if (isPresence(condition)) {
        const fact = condition.fact.ref;
        const value = fact ? emitFact(fact, context, undefined) : 'boolLit(false)';
        return `presence(${text(sourceText(condition), context)}, ${value}, ${condition.negated})`;
    }
    if (isQuantified(condition)) {
        if (condition.all) return `all(${operands(condition.items, context)})`;
        if (condition.any) return `any(${operands(condition.items, context)})`;
        return `atLeast(${countOf(condition)}, ${operands(condition.items, context)})`;
    }
    if (isComparison(condition)) {
        return emitComparison(condition, context);
    }
    if (isYearQuantified(condition)) {
        const atLeast = condition.every ? 'undefined' : countOf(condition);
        return `yearWindow(t, ${atLeast}, ${Number(condition.window)}, ${condition.beforeAssessment}, (t) => all(${operands(condition.items, context)}))`;
    }
    if (isUnitQuantified(condition)) {
        const atLeast = condition.every ? 'undefined' : countOf(condition);
        const collection = str(condition.collection?.ref?.name ?? condition.collection?.$refText ?? '');
        return `unitQuantifier(t, ${collection}, ${atLeast}, ${condition.percent}, (t) => all(${operands(condition.items, context)}))`;
    }
    throw new Error('Unknown condition');
}

/** The count of `ít nhất … trong/năm/thôn`: a number, or `chưa biết` (a count, or a percentage when its bounds say `%`). */
function countOf(quantifier: { readonly atLeast?: number | string; readonly unknownCount?: UnknownValue }): string {
    return quantifier.unknownCount ? emitUnknown(quantifier.unknownCount, '') : String(Number(quantifier.atLeast));
}

/** `>= chưa biết` against a level: a level of the scale, which one unknown. */
function emitUnknownLevel(value: UnknownValue, scale: Scale): string {
    return `unknownLevel([${scale.levels.map(level => str(level.name)).join(', ')}], ${str(value.basis)}, ${str(value.note)})`;
}

function emitComparison(comparison: Comparison, context: EmitContext): string {
    const rule = text(sourceText(comparison), context);
    const leftType = context.types.typeOf(comparison.left);
    const contextUnit = leftType.kind === 'number' || leftType.kind === 'percent' ? unitOf(leftType) : undefined;
    const rounding = context.rounding;
    const check = (member: string | undefined): string => {
        const raw = emitExpression(comparison.left, context, member, undefined);
        const left = rounding?.mode && rounding.digits !== undefined ? `rounded(${raw}, ${str(roundingMode(rounding))}, ${Number(rounding.digits)})` : raw;
        const other = (e: Expression) =>
            leftType.kind === 'level' && isUnknownValue(e)
                ? emitUnknownLevel(e, leftType.scale)
                : inUnitOf(emitExpression(e, context, member, contextUnit), context.types.typeOf(e), contextUnit);
        if (comparison.low) {
            return comparison.high
                ? `between(${rule}, ${left}, ${other(comparison.low)}, ${other(comparison.high)})`
                : `compare(${rule}, ${left}, ">=", ${other(comparison.low)})`;
        }
        const op = normalizeOp(comparison.operator ?? '=');
        return `compare(${rule}, ${left}, ${str(op)}, ${other(comparison.right!)})`;
    };
    if (comparison.members.length > 0 && breakdownOf(comparison)) {
        const members = comparison.members.map(m => str(m.ref?.name ?? m.$refText));
        return `forEachMember([${members.join(', ')}], (m) => ${check('m')})`;
    }
    return check(undefined);
}

/** A fact read for the whole commune, or for the breakdown member `m` being checked. */
function emitFact(fact: FactDecl, context: EmitContext, member: string | undefined): string {
    return fact.derivation ? `${context.derivedFunction(fact)}(t${member ? `, ${member}` : ''})` : `fact(t, ${str(fact.name)}${member ? `, ${member}` : ''})`;
}

/** An expression as runtime calls; a bare literal takes the unit of what it is compared with. */
export function emitExpression(expression: Expression, context: EmitContext, member: string | undefined, contextUnit: string | undefined): string {
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
        if (isTable(target)) return `tableValue(${context.tableConstant(target.name)}, t)`;
        if (isLevel(target) && isScale(target.$container)) {
            return `levelLit(${target.$container.levels.indexOf(target)}, ${str(target.name)})`;
        }
        throw new Error(`Unresolved name ${expression.target.$refText}`);
    }
    if (isRatio(expression)) {
        // A denominator in another unit of the same kind (km over m) is converted to the numerator's.
        const numeratorType = context.types.typeOf(expression.numerator);
        const denominator = emitExpression(expression.denominator, context, member, undefined);
        const numeratorUnit = numeratorType.kind === 'number' && !numeratorType.bareLiteral ? numeratorType.unit : undefined;
        return `ratio(${emitExpression(expression.numerator, context, member, undefined)}, ${inUnitOf(denominator, context.types.typeOf(expression.denominator), numeratorUnit)})`;
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
        // `2 km + 300 m`, `đường đã cứng hóa / tổng chiều dài` in km over m: the right side in the left's unit.
        const convertRight = operator === '+' || operator === '-' || (operator === '/' && typing.scale === 'to-percent');
        const leftUnit = leftType.kind === 'number' && !leftType.bareLiteral ? leftType.unit : undefined;
        const rightCode = emitExpression(expression.right, context, member, operandUnit(leftType, rightType));
        const right = convertRight ? inUnitOf(rightCode, rightType, leftUnit) : rightCode;
        return `arith(${str(runtimeOp)}, ${left}, ${right}, ${str(resultUnit)}${scale})`;
    }
    throw new Error('Unknown expression');
}

/**
 * `code` converted to `unit` when its type is a number in another unit of the same kind (`500 m` compared with a
 * fact in km): exact, the factor a rational computed here. The type checker has refused every other mismatch.
 */
function inUnitOf(code: string, type: NtmType, unit: string | undefined): string {
    if (unit === undefined || type.kind !== 'number' || type.bareLiteral || type.unit === unit) return code;
    const factor = unitConversion(type.unit, unit);
    if (!factor || (factor.n === 1n && factor.d === 1n)) return code;
    return `inUnit(${code}, ${str(unit)}, rat(${factor.n}n, ${factor.d}n))`;
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
    // `ntm check` refuses numbers beyond 15 digits (validation/number-checks.ts); a pack with errors is never built.
    if (!Number.isFinite(value)) throw new Error(`Số không hữu hạn trong bộ tiêu chí: ${String(value)}`);
    const text = String(value);
    return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}
