import type { ValidationAcceptor } from 'langium';
import type { BinaryExpression, Comparison, Expression, Presence, Quantified, Ratio } from '../generated/ast.js';
import { isUnknownValue } from '../generated/ast.js';
import { literalOf } from '../util/literals.js';
import type { NtmServices } from '../ntm-module.js';
import type { BinaryOperator } from '../typing/type-computer.js';
import { comparable, typeToString, unitOf } from '../typing/ntm-types.js';
import { unitConversion, unitMismatchReason } from '@ntm/runtime';
import { breakdownOf } from '../typing/breakdowns.js';
import { normalizeName } from '../util/vietnamese-text.js';
import { shownNumber } from '../util/written-number.js';
import { IssueCodes } from './issue-codes.js';

/**
 * A threshold whose unit is the start of the fact's (`72 triệu đồng` for `triệu đồng/người/năm`): the rest of the
 * unit was left out. Empty otherwise.
 */
function unitCutShort(factUnit: string, threshold: Expression): string {
    const literal = literalOf(threshold);
    if (!literal?.unit || !factUnit.startsWith(`${literal.unit}/`)) return '';
    return `thiếu phần «${factUnit.slice(literal.unit.length)}» của đơn vị; viết «${shownNumber(literal, 'value')?.replace('.', ',')} ${factUnit}»`;
}

/** Both sides of a comparison must be of comparable types and units: km with km, a level with its scale. */
export const comparisonMustBeWellTyped =
    (services: NtmServices) =>
    (comparison: Comparison, accept: ValidationAcceptor): void => {
        const types = services.typing.TypeComputer;
        const left = types.typeOf(comparison.left);
        const others = [
            { expression: comparison.right, property: 'right' as const },
            { expression: comparison.low, property: 'low' as const },
            { expression: comparison.high, property: 'high' as const }
        ];
        for (const { expression, property } of others) {
            if (!expression) continue;
            const right = types.typeOf(expression);
            // `>= chưa biết` of a scale: some level of it, unknown which; bounds would be numbers, which a level is not.
            if (left.kind === 'level' && isUnknownValue(expression)) {
                if (expression.bounds.length > 0) {
                    accept('error', 'Ngưỡng mức chưa biết không ghi cận bằng số: viết «chưa biết» (kèm ghi chú), máy xét mọi mức của thang.', {
                        node: expression,
                        property: 'bounds',
                        code: IssueCodes.TypeMismatch
                    });
                }
                continue;
            }
            if (comparable(left, right) === false) {
                const numericBoth = (left.kind === 'number' || left.kind === 'percent') && (right.kind === 'number' || right.kind === 'percent');
                const reason =
                    left.kind === 'number' && right.kind === 'number'
                        ? unitMismatchReason(unitOf(left), unitOf(right)) || unitCutShort(unitOf(left), expression)
                        : '';
                accept('error', `Không thể so sánh ${typeToString(left)} với ${typeToString(right)}${reason ? `: ${reason}` : ''}.`, {
                    node: comparison,
                    property,
                    code: numericBoth ? IssueCodes.UnitMismatch : IssueCodes.TypeMismatch
                });
            }
        }
        if (comparison.operator && left.kind === 'boolean' && !['=', '≠'].includes(comparison.operator)) {
            accept('error', `Dữ kiện có/không chỉ so sánh bằng «=»; hãy viết «có ${textOf(comparison.left)}».`, {
                node: comparison,
                property: 'operator',
                code: IssueCodes.TypeMismatch
            });
        }
        if (comparison.orMore && comparison.operator && !['>=', '≥'].includes(comparison.operator)) {
            accept('error', '«trở lên» chỉ đi với «>=» hoặc «từ … trở lên».', { node: comparison, property: 'orMore', code: IssueCodes.OrMoreMisused });
        }
        if (comparison.orLess && comparison.operator && !['<=', '≤'].includes(comparison.operator)) {
            accept('error', '«trở xuống» chỉ đi với «<=».', { node: comparison, property: 'orLess', code: IssueCodes.OrMoreMisused });
        }
        if (comparison.members.length > 0) {
            const breakdown = breakdownOf(comparison);
            comparison.members.forEach((member, index) => {
                const target = member.ref;
                if (!target) return;
                if (!breakdown) {
                    accept('error', `«cho cả» cần một dữ kiện có phân tổ; «${textOf(comparison.left)}» không khai báo «phân theo».`, {
                        node: comparison,
                        property: 'members',
                        index,
                        code: IssueCodes.BreakdownMember
                    });
                } else if (!breakdown.members.includes(target)) {
                    accept('error', `«${target.name}» không thuộc phân tổ «${breakdown.name}» (${breakdown.members.map(m => m.name).join(', ')}).`, {
                        node: comparison,
                        property: 'members',
                        index,
                        code: IssueCodes.BreakdownMember
                    });
                }
            });
        }
    };

/** The source text of a node for a message: NFC, single-spaced, whatever form the pack was typed in. */
function textOf(node: { $cstNode?: { text: string } } | undefined): string {
    return normalizeName(node?.$cstNode?.text ?? '');
}

/** `+ - × /` need compatible units: adding hộ to km is an error. */
export const arithmeticMustBeWellTyped =
    (services: NtmServices) =>
    (expression: BinaryExpression, accept: ValidationAcceptor): void => {
        const types = services.typing.TypeComputer;
        const typing = types.binary(expression.operator as BinaryOperator, types.typeOf(expression.left), types.typeOf(expression.right));
        if (typing.error !== undefined) {
            accept('error', typing.error, { node: expression, property: 'operator', code: IssueCodes.UnitMismatch });
        }
    };

/** A ratio needs numerator and denominator in the same unit (hộ over hộ). */
export const ratioMustBeWellTyped =
    (services: NtmServices) =>
    (ratio: Ratio, accept: ValidationAcceptor): void => {
        const types = services.typing.TypeComputer;
        const numerator = types.typeOf(ratio.numerator);
        const denominator = types.typeOf(ratio.denominator);
        if (numerator.kind === 'unknown' || denominator.kind === 'unknown') return;
        if (
            numerator.kind !== 'number' ||
            denominator.kind !== 'number' ||
            (!numerator.bareLiteral && !denominator.bareLiteral && unitConversion(denominator.unit, numerator.unit) === undefined)
        ) {
            accept('error', `Tỷ số cần tử số và mẫu số cùng đơn vị; ở đây là ${typeToString(numerator)} và ${typeToString(denominator)}.`, {
                node: ratio,
                property: 'denominator',
                code: IssueCodes.UnitMismatch
            });
        }
    };

/** `có X` needs X to be a yes/no fact. */
export const presenceMustBeBoolean =
    (services: NtmServices) =>
    (presence: Presence, accept: ValidationAcceptor): void => {
        const fact = presence.fact.ref;
        if (!fact) return;
        const type = services.typing.TypeComputer.typeOfFact(fact);
        if (type.kind !== 'boolean' && type.kind !== 'unknown') {
            accept('error', `«có ${fact.name}» cần dữ kiện có/không, nhưng «${fact.name}» là ${typeToString(type)}.`, {
                node: presence,
                property: 'fact',
                code: IssueCodes.NotBoolean
            });
        }
    };

/** `ít nhất N trong { … }` needs 1 ≤ N ≤ number of items. */
export function atLeastMustBeReachable(quantified: Quantified, accept: ValidationAcceptor): void {
    if (quantified.atLeast === undefined) return;
    const n = Number(quantified.atLeast);
    if (!Number.isInteger(n) || n < 1 || n > quantified.items.length) {
        accept('error', `«ít nhất ${shownNumber(quantified, 'atLeast')}» phải là số nguyên từ 1 đến ${quantified.items.length} (số điều kiện liệt kê).`, {
            node: quantified,
            property: 'atLeast',
            code: IssueCodes.AtLeastCount
        });
    }
}
