export * from './ntm-module.js';
export * as ast from './generated/ast.js';
export { NtmLanguageMetaData } from './generated/module.js';
export { IssueCodes } from './validation/issue-codes.js';
export { typeToString } from './typing/ntm-types.js';
export type { NtmType } from './typing/ntm-types.js';
export type { GeneratedModule } from './generation/ts-generator.js';
export type { EffectiveCriterion, EffectiveIndicator, EffectivePack, IndicatorVersion } from './composition/effective-pack.js';
export { MAX_SOURCE_CHARACTERS } from './parser/ntm-lexer.js';
export { languageKeywords } from './parser/phrase-keywords.js';
export * from './workspace/pack-loader.js';
export { moduleFileName } from './generation/ts-generator.js';
export { sourceText } from './generation/generator-helpers.js';
export { shownNumber } from './util/written-number.js';
// Shared notions, one implementation each: @ntm/runtime's, so generated modules agree with every tool.
// Re-exported for the language's users; new code imports them from @ntm/runtime.
export type * from '@ntm/runtime';
export {
    closestNames,
    didYouMean,
    editDistance,
    foldDiacritics,
    groupThousands,
    normalizeName,
    normalizeUnit,
    shortText,
    MAX_NUMBER_DIGITS,
    numberDigits,
    readDecimal,
    tooManyDigitsMessage,
    parseDate,
    COMMUNE_GROUPS,
    REGION_CODES,
    REGIONS,
    groupCode,
    regionCode,
    unknownGroupMessage,
    unknownRegionMessage,
    FLAG_LABELS,
    RESULT_FORMAT_VERSION,
    RULE_SOURCE_LABELS,
    SCORE_BASIS_LABELS,
    SEVERITY_LABELS
} from '@ntm/runtime';
