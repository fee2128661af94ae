import type { ValidationChecks } from 'langium';
import type { NtmAstType } from '../generated/ast.js';
import type { NtmServices } from '../ntm-module.js';
import { derivationsMustNotCycle, factsShouldBeUsed, namesMustBeUnique, namesShouldNotHaveLookAlikes } from './name-checks.js';
import { legalSourcesMustBeDistinct, packHeaderMustBeComplete } from './pack-checks.js';
import { numbersMustBeExact } from './number-checks.js';
import { compositionMustBeConsistent, roundingMustBeSensible, unknownBoundsMustBeConsistent } from './composition-checks.js';
import {
    criterionPointsMustAddUp,
    indicatorPointsMustBeCoherent,
    memberFactReferenceMustBeInside,
    memberFactsOnlyInsideTheirQuantifier,
    previousYearNeedsYearlyFact,
    unitQuantifierMustBeSensible,
    yearWindowMustBeSensible
} from './points-checks.js';
import {
    deductionMustBePositive,
    indicatorShouldQuoteRequirement,
    numberShouldNotLookLikeThousands,
    thresholdShouldBeReachable,
    unverifiedShouldHaveNote
} from './threshold-checks.js';
import { arithmeticMustBeWellTyped, atLeastMustBeReachable, comparisonMustBeWellTyped, presenceMustBeBoolean, ratioMustBeWellTyped } from './type-checks.js';
import { villageCountMustBeSound } from './village-checks.js';

/** Registers every check, one concern per file. */
export function registerValidationChecks(services: NtmServices): void {
    const registry = services.validation.ValidationRegistry;
    const checks: ValidationChecks<NtmAstType> = {
        Pack: [
            packHeaderMustBeComplete,
            legalSourcesMustBeDistinct,
            namesMustBeUnique,
            factsShouldBeUsed,
            derivationsMustNotCycle,
            compositionMustBeConsistent(services),
            numbersMustBeExact
        ],
        UnknownValue: [unknownBoundsMustBeConsistent],
        Rounding: [roundingMustBeSensible],
        FactDecl: [namesShouldNotHaveLookAlikes, memberFactsOnlyInsideTheirQuantifier],
        Criterion: [criterionPointsMustAddUp],
        YearQuantified: [yearWindowMustBeSensible],
        UnitQuantified: [unitQuantifierMustBeSensible],
        NameReference: [memberFactReferenceMustBeInside],
        PreviousYear: [previousYearNeedsYearlyFact],
        Scale: [namesShouldNotHaveLookAlikes],
        Level: [namesShouldNotHaveLookAlikes],
        Breakdown: [namesShouldNotHaveLookAlikes],
        Comparison: [comparisonMustBeWellTyped(services), thresholdShouldBeReachable(services)],
        BinaryExpression: [arithmeticMustBeWellTyped(services)],
        Ratio: [ratioMustBeWellTyped(services)],
        Presence: [presenceMustBeBoolean(services)],
        Quantified: [atLeastMustBeReachable],
        QuantityLiteral: [numberShouldNotLookLikeThousands],
        UnverifiedMark: [unverifiedShouldHaveNote],
        UnverifiedNote: [unverifiedShouldHaveNote],
        Indicator: [indicatorShouldQuoteRequirement, indicatorPointsMustBeCoherent],
        Deduction: [deductionMustBePositive],
        CountType: [villageCountMustBeSound(services)]
    };
    registry.register(checks);
}
