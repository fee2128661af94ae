import type { AstNode, LangiumSharedCoreServices } from 'langium';
import type { Expression, FactDecl, FactType } from '../generated/ast.js';
import {
    isBinaryExpression,
    isBooleanLiteral,
    isBooleanType,
    isCountType,
    isDateLiteral,
    isDateType,
    isFactDecl,
    isLevel,
    isLevelType,
    isMoneyType,
    isNameReference,
    isParenthesizedExpression,
    isPercentType,
    isPreviousYear,
    isQuantityLiteral,
    isQuantityType,
    isRatio,
    isScale,
    isTable,
    isUnknownValue,
    isYearType
} from '../generated/ast.js';
import type { NtmType } from './ntm-types.js';
import { BOOLEAN_TYPE, DATE_TYPE, PERCENT_TYPE, UNKNOWN, YEAR_TYPE, isNumeric, numberType, typeToString, unitOf } from './ntm-types.js';
import { unitConversion, unitMismatchReason } from '@ntm/runtime';
import { PERCENT, UNITLESS, divideUnits, multiplyUnits } from './units.js';
import { PackCache } from '../workspace/pack-cache.js';

export type BinaryOperator = '+' | '-' | '*' | '×' | '/';

/** The type of a binary expression, or the Vietnamese reason it has none. */
export type BinaryTyping =
    | { readonly type: NtmType; readonly scale: 'none' | 'percent-of' | 'to-percent'; readonly error?: undefined }
    | { readonly error: string };

/**
 * Computes types of facts and expressions. Results are cached per node, until the node's pack or a pack
 * it builds on changes (an expression's type follows the base facts it names); a derived fact that refers
 * to itself, directly or not, gets the unknown type (the validator reports the cycle).
 */
export class NtmTypeComputer {
    private readonly cache: PackCache<AstNode, NtmType>;
    private readonly inProgress = new Set<FactDecl>();

    constructor(services: { shared: LangiumSharedCoreServices }) {
        this.cache = new PackCache(services.shared);
    }

    typeOfFact(fact: FactDecl): NtmType {
        if (this.inProgress.has(fact)) return UNKNOWN;
        return this.cache.of(fact, () => {
            this.inProgress.add(fact);
            try {
                return fact.type ? this.typeOfDeclared(fact.type) : fact.derivation ? this.typeOf(fact.derivation) : UNKNOWN;
            } finally {
                this.inProgress.delete(fact);
            }
        });
    }

    typeOfDeclared(type: FactType): NtmType {
        if (isPercentType(type)) return PERCENT_TYPE;
        if (isCountType(type)) return numberType(type.unit, true);
        if (isQuantityType(type)) return numberType(type.unit ?? UNITLESS, false);
        if (isMoneyType(type)) return numberType(type.unit, false);
        if (isBooleanType(type)) return BOOLEAN_TYPE;
        if (isLevelType(type)) return type.scale.ref ? { kind: 'level', scale: type.scale.ref } : UNKNOWN;
        if (isDateType(type)) return DATE_TYPE;
        if (isYearType(type)) return YEAR_TYPE;
        return UNKNOWN;
    }

    /** The type of an expression; unknown for a part missing after a syntax error. */
    typeOf(expression: Expression | undefined): NtmType {
        if (!expression) return UNKNOWN;
        return this.cache.of(expression, () => this.compute(expression));
    }

    private compute(expression: Expression): NtmType {
        if (isQuantityLiteral(expression)) {
            if (expression.unit === PERCENT) return PERCENT_TYPE;
            const integer = Number.isInteger(Number(expression.value));
            return expression.unit
                ? { kind: 'number', unit: expression.unit, integer, bareLiteral: false, literal: true }
                : numberType(UNITLESS, integer, true);
        }
        if (isUnknownValue(expression)) {
            // An unknown threshold takes the unit of what it is compared with, unless its bounds name one.
            const unit = expression.bounds.find(b => b.unit !== undefined)?.unit;
            return unit === PERCENT ? PERCENT_TYPE : unit ? numberType(unit, false) : numberType(UNITLESS, false, true);
        }
        if (isBooleanLiteral(expression)) return BOOLEAN_TYPE;
        if (isDateLiteral(expression)) return DATE_TYPE;
        if (isParenthesizedExpression(expression)) return this.typeOf(expression.expression);
        if (isPreviousYear(expression)) return this.typeOf(expression.value);
        if (isNameReference(expression)) {
            const target = expression.target.ref;
            if (isFactDecl(target)) return this.typeOfFact(target);
            if (isTable(target)) return target.type ? this.typeOfDeclared(target.type) : UNKNOWN;
            if (isLevel(target) && isScale(target.$container)) return { kind: 'level', scale: target.$container };
            return UNKNOWN;
        }
        if (isRatio(expression)) return PERCENT_TYPE;
        if (isBinaryExpression(expression)) {
            const typing = this.binary(expression.operator as BinaryOperator, this.typeOf(expression.left), this.typeOf(expression.right));
            return typing.error === undefined ? typing.type : UNKNOWN;
        }
        return UNKNOWN;
    }

    /** Typing rules for + - × /: units must agree for + and -, and combine for × and /. */
    binary(operator: BinaryOperator, left: NtmType, right: NtmType): BinaryTyping {
        if (left.kind === 'unknown' || right.kind === 'unknown') return { type: UNKNOWN, scale: 'none' };
        if (!isNumeric(left) || !isNumeric(right)) {
            return { error: `Phép «${operator}» chỉ dùng cho số; ở đây là ${typeToString(left)} và ${typeToString(right)}.` };
        }
        const l = left.kind === 'year' ? numberType('năm', true) : left;
        const r = right.kind === 'year' ? numberType('năm', true) : right;
        const lBare = l.kind === 'number' && l.bareLiteral;
        const rBare = r.kind === 'number' && r.bareLiteral;
        const lu = unitOf(l);
        const ru = unitOf(r);
        const integer = (t: NtmType) => t.kind === 'number' && t.integer;
        switch (operator) {
            case '+':
            case '-': {
                if (lBare) return { type: r, scale: 'none' };
                if (rBare) return { type: l, scale: 'none' };
                // 2 km + 300 m: the right operand is converted to the left's unit (emit-code.ts).
                if (lu !== ru && (l.kind === 'percent' || r.kind === 'percent' || unitConversion(ru, lu) === undefined)) {
                    const reason = l.kind === 'percent' || r.kind === 'percent' ? '' : unitMismatchReason(lu, ru);
                    return {
                        error: `Không thể ${operator === '+' ? 'cộng' : 'trừ'} ${typeToString(l)} với ${typeToString(r)}: khác đơn vị${reason ? ` (${reason})` : ''}.`
                    };
                }
                return { type: l.kind === 'percent' ? PERCENT_TYPE : numberType(lu, integer(l) && integer(r)), scale: 'none' };
            }
            case '*':
            case '×': {
                if (l.kind === 'percent' && r.kind === 'percent') return { type: PERCENT_TYPE, scale: 'percent-of' };
                if (l.kind === 'percent') return { type: r, scale: 'percent-of' };
                if (r.kind === 'percent') return { type: l, scale: 'percent-of' };
                return { type: numberType(multiplyUnits(lu, ru), integer(l) && integer(r), lBare && rBare), scale: 'none' };
            }
            case '/': {
                if (rBare) return { type: l.kind === 'percent' ? PERCENT_TYPE : numberType(lu, false, lBare), scale: 'none' };
                if (l.kind === 'percent' || r.kind === 'percent') {
                    return { error: `Phép chia với phần trăm không rõ nghĩa (${typeToString(l)} / ${typeToString(r)}); hãy dùng «tỷ số … / …».` };
                }
                if (lu === ru || unitConversion(ru, lu) !== undefined) return { type: PERCENT_TYPE, scale: 'to-percent' };
                return { type: numberType(divideUnits(lu, ru), false), scale: 'none' };
            }
        }
    }
}
