import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Criterion, Deduction, FactDecl, Indicator, PointsMax, PreviousYear, UnitQuantified, YearQuantified } from '../generated/ast.js';
import { isFactDecl, isNameReference, isUnitQuantified, isYearQuantified } from '../generated/ast.js';
import { shownNumber } from '../util/written-number.js';
import { IssueCodes } from './issue-codes.js';
import { collectionIndexOf, isYearly } from '../typing/fact-indexes.js';

/** An indicator's points and deductions: one maximum, deductions only with it, and each deduction's unit in the rule. */
export function indicatorPointsMustBeCoherent(indicator: Indicator, accept: ValidationAcceptor): void {
    if (indicator.points.length > 1) {
        accept('error', 'Khai báo số điểm tối đa nhiều lần.', { node: indicator.points[1]!, code: IssueCodes.PointsRepeated });
    }
    const points = indicator.points[0];
    if (points && points.max !== undefined && Number(points.max) <= 0) {
        accept('error', `Số điểm tối đa phải lớn hơn 0 (đang ghi ${shownNumber(points, 'max')}).`, {
            node: points,
            property: 'max',
            code: IssueCodes.PointsRepeated
        });
    }
    if (indicator.deductions.length > 1) {
        accept('error', 'Mỗi chỉ tiêu chỉ có một quy tắc trừ điểm.', { node: indicator.deductions[1]!, code: IssueCodes.DeductionWithoutPoints });
    }
    for (const deduction of indicator.deductions) {
        if (!points) {
            accept('error', 'Quy tắc trừ điểm cần số điểm tối đa của chỉ tiêu (vd. «, 5 điểm, trừ 0.5 mỗi năm không đạt»).', {
                node: deduction,
                code: IssueCodes.DeductionWithoutPoints
            });
            continue;
        }
        checkDeductionRange(deduction, points, accept);
        if (deduction.perYear && !hasDescendant(indicator.requirement, isYearQuantified)) {
            accept(
                'error',
                '«mỗi năm» cần yêu cầu viết theo từng năm («mỗi năm trong N năm { … }» hoặc «ít nhất k năm trong N năm { … }») để biết năm nào không đạt.',
                { node: deduction, code: IssueCodes.DeductionUnit }
            );
        }
        if (deduction.perUnit) {
            const name = deduction.collection?.ref?.name;
            const quantified = indicator.requirement
                ? AstUtils.streamAst(indicator.requirement)
                      .filter(isUnitQuantified)
                      .some(q => q.collection?.ref?.name === name)
                : false;
            if (name && !quantified) {
                accept('error', `«mỗi ${name} không đạt» cần yêu cầu viết theo từng ${name} («mọi ${name} { … }» hoặc «ít nhất k ${name} { … }»).`, {
                    node: deduction,
                    code: IssueCodes.DeductionUnit
                });
            }
        }
    }
}

function checkDeductionRange(deduction: Deduction, points: PointsMax, accept: ValidationAcceptor): void {
    if (!deduction.discretionary || deduction.min === undefined) return; // a missing number is a syntax error
    const least = Number(deduction.min);
    const [min, max] = [shownNumber(deduction, 'min'), shownNumber(deduction, 'max')];
    if (!(least > 0)) {
        accept('error', `Mức trừ thấp nhất phải lớn hơn 0 (đang ghi ${min}).`, { node: deduction, property: 'min', code: IssueCodes.DeductionAmount });
    }
    if (deduction.max !== undefined && Number(deduction.max) < least) {
        accept('error', `Khoảng trừ ngược: từ ${min} đến ${max}.`, { node: deduction, property: 'max', code: IssueCodes.DeductionAmount });
    }
    if (points.max !== undefined && least > Number(points.max)) {
        accept('warning', `Mức trừ thấp nhất ${min} lớn hơn số điểm tối đa ${shownNumber(points, 'max')}: chưa đạt là 0 điểm.`, {
            node: deduction,
            property: 'min',
            code: IssueCodes.DeductionAmount
        });
    }
}

function hasDescendant(node: AstNode | undefined, test: (n: AstNode) => boolean): boolean {
    return node !== undefined && AstUtils.streamAst(node).some(test);
}

/** A scored criterion: every indicator scored, and the maxima adding up to the criterion's. */
export function criterionPointsMustAddUp(criterion: Criterion, accept: ValidationAcceptor): void {
    if (criterion.label === undefined) return; // cut short by a syntax error, which is reported
    if (!criterion.points) {
        const scored = criterion.indicators.filter(i => i.points.length > 0);
        if (scored.length > 0) {
            accept(
                'warning',
                `Có chỉ tiêu chấm điểm nhưng tiêu chí ${criterion.label} không ghi số điểm tối đa (vd. «tiêu chí ${criterion.label} "…" 20 điểm»): tiêu chí sẽ không được tính điểm.`,
                { node: criterion, property: 'label', code: IssueCodes.PointsDoNotAddUp }
            );
        }
        return;
    }
    if (!criterion.passMark) {
        accept(
            'warning',
            `Tiêu chí ${criterion.label} chấm điểm nhưng không có «điểm đạt»: tiêu chí sẽ kết luận theo từng chỉ tiêu (một chỉ tiêu chưa đạt là chưa đạt), không theo tổng điểm. Nếu văn bản chưa cho điểm đạt, ghi «điểm đạt >= chưa biết …».`,
            { node: criterion.points, code: IssueCodes.PointsDoNotAddUp }
        );
    }
    const unscored = criterion.indicators.filter(i => i.points.length === 0);
    for (const indicator of unscored.filter(i => i.label !== undefined)) {
        accept('error', `Tiêu chí ${criterion.label} chấm điểm: chỉ tiêu ${indicator.label} cần số điểm tối đa (vd. «, 5 điểm»).`, {
            node: indicator,
            property: 'label',
            code: IssueCodes.PointsDoNotAddUp
        });
    }
    if (unscored.length > 0 || criterion.indicators.length === 0) return;
    // A maximum left out by a syntax error cannot be added up; nor can one too long to be a number.
    const maxima = [criterion.points.max, ...criterion.indicators.map(i => i.points[0]!.max)];
    if (!maxima.every(max => max !== undefined && Number.isFinite(Number(max)))) return;
    const sum = criterion.indicators.reduce((total, i) => total + Number(i.points[0]!.max) * 100, 0) / 100;
    if (Math.abs(sum - Number(criterion.points.max)) > 1e-9) {
        accept(
            'warning',
            `Tổng điểm tối đa của các chỉ tiêu (${sum}) khác điểm tối đa của tiêu chí ${criterion.label} (${shownNumber(criterion.points, 'max')}).`,
            { node: criterion.points, property: 'max', code: IssueCodes.PointsDoNotAddUp }
        );
    }
}

export function yearWindowMustBeSensible(window: YearQuantified, accept: ValidationAcceptor): void {
    if (window.window === undefined) return; // cut short by a syntax error
    const years = Number(window.window);
    if (!Number.isInteger(years) || years < 1 || years > 50) {
        accept('error', `Số năm của cửa sổ phải là số nguyên từ 1 đến 50 (đang ghi ${shownNumber(window, 'window')}).`, {
            node: window,
            property: 'window',
            code: IssueCodes.YearWindow
        });
    }
    if (window.atLeast !== undefined && Number(window.atLeast) > years) {
        accept('error', `Không thể đạt ít nhất ${shownNumber(window, 'atLeast')} năm trong ${shownNumber(window, 'window')} năm.`, {
            node: window,
            property: 'atLeast',
            code: IssueCodes.YearWindow
        });
    }
}

export function unitQuantifierMustBeSensible(quantifier: UnitQuantified, accept: ValidationAcceptor): void {
    if (quantifier.percent && Number(quantifier.atLeast) > 100) {
        accept('error', `Tỷ lệ ${shownNumber(quantifier, 'atLeast')}% vượt 100%.`, { node: quantifier, property: 'atLeast', code: IssueCodes.AtLeastCount });
    }
}

/** A fact's values are given one way: per year, per member of a collection, or per part of a breakdown. */
export function memberFactsOnlyInsideTheirQuantifier(fact: FactDecl, accept: ValidationAcceptor): void {
    if (fact.indexes.length > 1) {
        accept('error', 'Một dữ kiện chỉ theo một cách: «từng năm», «từng <danh sách>» hoặc «phân theo …».', {
            node: fact,
            property: 'name',
            code: IssueCodes.FactIndex
        });
    }
}

/** A fact given per member of a collection means nothing outside `mọi …`/`ít nhất … { }` over that collection. */
export function memberFactReferenceMustBeInside(reference: AstNode, accept: ValidationAcceptor): void {
    if (!isNameReference(reference)) return;
    const target = reference.target.ref;
    const collection = isFactDecl(target) ? collectionIndexOf(target)?.ref : undefined;
    if (!isFactDecl(target) || !collection) return;
    const name = collection.name;
    let current: AstNode | undefined = reference.$container;
    while (current) {
        if (isUnitQuantified(current) && current.collection?.ref?.name === name) return;
        current = current.$container;
    }
    accept('error', `«${target.name}» có giá trị cho từng ${name}; dùng trong «mọi ${name} { … }» hoặc «ít nhất k ${name} { … }».`, {
        node: reference,
        code: IssueCodes.FactIndex
    });
}

export function previousYearNeedsYearlyFact(expression: PreviousYear, accept: ValidationAcceptor): void {
    const target = expression.value?.target.ref;
    if (isFactDecl(target) && !isYearly(target)) {
        accept('error', `«giá trị năm trước của» chỉ dùng với dữ kiện «từng năm»; «${target.name}» không theo năm.`, {
            node: expression,
            code: IssueCodes.FactIndex
        });
    }
}
