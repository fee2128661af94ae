export * from './ntm-module.js';
export * as ast from './generated/ast.js';
export { NtmLanguageMetaData } from './generated/module.js';
export { IssueCodes } from './validation/issue-codes.js';
export { typeToString } from './typing/ntm-types.js';
export type { NtmType } from './typing/ntm-types.js';
export type { GeneratedModule } from './generation/ts-generator.js';
export type { EffectiveCriterion, EffectiveIndicator, EffectivePack, IndicatorVersion } from './composition/effective-pack.js';
export { MAX_SOURCE_CHARACTERS } from './parser/ntm-lexer.js';
export * from './workspace/pack-loader.js';
export type * from './generation/runtime/result-types.js';
export type { FactSpec, FactKind } from './generation/runtime/fact-input.js';
export { moduleFileName } from './generation/ts-generator.js';
export { sourceText } from './generation/generator-helpers.js';
// Shared notions, one implementation each (the runtime's, so generated modules agree with every tool).
export { closestNames, didYouMean, editDistance, foldDiacritics, normalizeName, normalizeUnit } from './generation/runtime/names.js';
export { parseDate } from './generation/runtime/dates.js';
export { COMMUNE_GROUPS, REGION_CODES, REGIONS, groupCode, regionCode, unknownGroupMessage, unknownRegionMessage } from './generation/runtime/places.js';
export { FLAG_LABELS, RESULT_FORMAT_VERSION, RULE_SOURCE_LABELS, SCORE_BASIS_LABELS, SEVERITY_LABELS } from './generation/runtime/result-types.js';
