import type { ValidationAcceptor } from 'langium';
import type { Comparison, Deduction, Expression, Indicator, QuantityLiteral, UnverifiedMark, UnverifiedNote } from '../generated/ast.js';
import { isFactDecl, isNameReference, isRatio } from '../generated/ast.js';
import { literalOf } from '../util/literals.js';
import type { NtmServices } from '../ntm-module.js';
import { normalizeName } from '../util/vietnamese-text.js';
import { ratToNumber, unitConversion } from '@ntm/runtime';
import { shownNumber } from '../util/written-number.js';
import { IssueCodes } from './issue-codes.js';

/** A literal's value, in `unit` when it is written in another unit of the same kind (`20 km` as 20000 m). */
function literalValue(expression: Expression | undefined, unit?: string): number | undefined {
    const literal = literalOf(expression);
    if (literal?.value === undefined) return undefined;
    const factor = unit !== undefined && literal.unit !== undefined && literal.unit !== '%' ? unitConversion(literal.unit, unit) : undefined;
    return factor ? Number(literal.value) * ratToNumber(factor) : Number(literal.value);
}

/** A literal's value for a message: as read, or as written when it is too long to be read as a number. */
function literalShown(expression: Expression | undefined): string {
    const literal = literalOf(expression);
    return literal ? (shownNumber(literal, 'value') ?? '') : '';
}

/** A rate of a whole (a ratio, or a fact declared in percent) lies between 0 and 100 %. */
function isRateOfWhole(expression: Expression, services: NtmServices): boolean {
    if (isRatio(expression)) return true;
    if (isNameReference(expression) && isFactDecl(expression.target.ref)) {
        const fact = expression.target.ref;
        return isRatio(fact.derivation) || services.typing.TypeComputer.typeOfFact(fact).kind === 'percent';
    }
    return false;
}

/** Thresholds that can never be met, or are always met, where it is cheap to see (`> 100%`). */
export const thresholdShouldBeReachable =
    (services: NtmServices) =>
    (comparison: Comparison, accept: ValidationAcceptor): void => {
        const types = services.typing.TypeComputer;
        const leftType = types.typeOf(comparison.left);
        const numeric = leftType.kind === 'number' || leftType.kind === 'percent';
        const value = literalValue(comparison.right);
        const op = comparison.operator?.replace('≥', '>=').replace('≤', '<=');
        if (numeric && value !== undefined && op) {
            const rate = isRateOfWhole(comparison.left, services);
            const never =
                (op === '>' && rate && value >= 100) ||
                (op === '>=' && rate && value > 100) ||
                (op === '<' && value <= 0) ||
                (op === '<=' && value < 0) ||
                (op === '=' && (value < 0 || (rate && value > 100)));
            const always = (op === '>=' && value <= 0) || (op === '<=' && rate && value >= 100) || (op === '<' && rate && value > 100);
            if (never) {
                accept(
                    'warning',
                    `Ngưỡng «${op} ${textOf(comparison.right)}» không bao giờ đạt được${rate ? ' với một tỷ lệ (0–100 %)' : ' với giá trị không âm'}.`,
                    { node: comparison, property: 'right', code: IssueCodes.NeverMet }
                );
            } else if (always) {
                accept('warning', `Ngưỡng «${op} ${textOf(comparison.right)}» luôn đạt; kiểm tra lại văn bản.`, {
                    node: comparison,
                    property: 'right',
                    code: IssueCodes.AlwaysMet
                });
            }
            if (leftType.kind === 'percent' && percentWrittenAsFraction(literalOf(comparison.right)?.unit, value)) {
                accept(
                    'warning',
                    fractionMessage(`Ngưỡng «${op} ${textOf(comparison.right)}» của một tỷ lệ phần trăm`, literalShown(comparison.right), value, op),
                    { node: comparison, property: 'right', code: IssueCodes.PercentAsFraction }
                );
            }
            if (leftType.kind === 'number' && leftType.integer && !leftType.bareLiteral && Number.isFinite(value) && !Number.isInteger(value)) {
                accept('warning', `«${textOf(comparison.left)}» là số đếm nhưng ngưỡng ${value} là số lẻ.`, {
                    node: comparison,
                    property: 'right',
                    code: IssueCodes.FractionalCount
                });
            }
        }
        const unit = leftType.kind === 'number' && !leftType.bareLiteral ? leftType.unit : undefined;
        const low = literalValue(comparison.low, unit);
        const high = literalValue(comparison.high, unit);
        if (low !== undefined && high !== undefined && low > high) {
            accept('error', `Khoảng rỗng: từ ${literalShown(comparison.low)} đến ${literalShown(comparison.high)}.`, {
                node: comparison,
                property: 'high',
                code: IssueCodes.EmptyRange
            });
        }
    };

/**
 * A threshold of a percentage written as a fraction, without «%» (`>= 0,95` for 95 %): read as 0,95 %, it makes
 * nearly every commune pass. Written with «%», a small percentage is what the decision says («<= 0,5%»).
 */
export function percentWrittenAsFraction(writtenUnit: string | undefined, value: number | undefined): boolean {
    return writtenUnit === undefined && value !== undefined && value > 0 && value < 1;
}

/**
 * «… được đọc là 0,95 %. Nếu văn bản ghi 95 %, viết «>= 95%»; nếu đúng là 0,95 %, viết «0,95%» cho rõ.» `shown` is the
 * number as read; `op` the comparison's sign (none for a table's cell, where a number is written alone).
 */
export function fractionMessage(what: string, shown: string, fraction: number, op?: string): string {
    const written = shown.replace('.', ',');
    const meant = String(Math.round(fraction * 1e6) / 1e4).replace('.', ',');
    const fix = op ? `«${op} ${meant}%»` : meant;
    return `${what} được đọc là ${written} %. Nếu văn bản ghi ${meant} %, viết ${fix}; nếu đúng là ${written} %, viết ${written}% cho rõ.`;
}

/** The source text of a node for a message: NFC, single-spaced, whatever form the pack was typed in. */
function textOf(node: { $cstNode?: { text: string } } | undefined): string {
    return normalizeName(node?.$cstNode?.text ?? '');
}

/** `4.662` is 4.662 in .ntm; a Vietnamese writer may have meant four thousand six hundred sixty-two. */
export function numberShouldNotLookLikeThousands(literal: QuantityLiteral, accept: ValidationAcceptor): void {
    const text = literal.$cstNode?.text.trim() ?? '';
    const digits = /^\d+[.,]?\d*/.exec(text)?.[0] ?? '';
    // «0.985» is a decimal whatever the writer's habit: no thousands group starts with 0.
    if (/^[1-9]\d{0,2}\.\d{3}$/.test(digits)) {
        accept(
            'warning',
            `«${digits}» được đọc là ${digits.replace('.', ',')} (dấu chấm là dấu thập phân). Nếu muốn viết ${digits.replace('.', '')}, bỏ dấu chấm.`,
            { node: literal, property: 'value', code: IssueCodes.ThousandsDot }
        );
    }
}

/** An unverified value must say where it came from. */
export function unverifiedShouldHaveNote(marker: UnverifiedMark | UnverifiedNote, accept: ValidationAcceptor): void {
    if (!marker.note || marker.note.trim() === '') {
        accept('warning', 'Ghi rõ nguồn gốc của giá trị chưa kiểm chứng, vd. «chưa kiểm chứng "theo 318/QĐ-TTg, chưa có văn bản gốc"».', {
            node: marker,
            code: IssueCodes.UnverifiedWithoutNote
        });
    }
}

/** Verdicts are explained with the decision's own words. */
export function indicatorShouldQuoteRequirement(indicator: Indicator, accept: ValidationAcceptor): void {
    if (indicator.text === undefined && indicator.label !== undefined) {
        accept('info', `Chỉ tiêu ${indicator.label} chưa trích nguyên văn yêu cầu; kết quả sẽ chỉ hiện quy tắc đã mã hóa.`, {
            node: indicator,
            property: 'label',
            code: IssueCodes.RequirementTextMissing
        });
    }
}

export function deductionMustBePositive(deduction: Deduction, accept: ValidationAcceptor): void {
    if (deduction.amount !== undefined && !(Number(deduction.amount) > 0)) {
        accept('error', 'Mức trừ điểm phải lớn hơn 0.', { node: deduction, property: 'amount', code: IssueCodes.DeductionAmount });
    }
}
