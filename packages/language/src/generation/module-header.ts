import * as runtime from '@ntm/runtime';

// The head of a generated module: what it imports from @ntm/runtime (exactly the names its code uses, so
// `noUnusedLocals` holds and a bundler keeps only those) and what it re-exports for its users.

/** The module specifier generated modules import the runtime from. */
export const RUNTIME_MODULE = '@ntm/runtime';

/** The runtime's public values, re-exported by every module (its users need no other package). */
export const PUBLIC_VALUES: readonly string[] = [
    'FLAG_LABELS',
    'NtmEvaluationError',
    'NtmInputError',
    'RESULT_FORMAT_VERSION',
    'RULE_SOURCE_LABELS',
    'SCORE_BASIS_LABELS',
    'SEVERITY_LABELS'
];

/** The runtime's public types (`result-types.ts`), re-exported by the TypeScript module and its declarations. */
export const PUBLIC_TYPES: readonly string[] = [
    'CitationInfo',
    'ClauseView',
    'CommuneEvaluator',
    'CommuneIssue',
    'CommuneOptions',
    'CommuneResult',
    'ComputedValue',
    'CriterionResult',
    'CriterionScore',
    'EvaluateOptions',
    'EvaluationResult',
    'FactKind',
    'FactSpec',
    'FactUse',
    'Gap',
    'GateResult',
    'IndicatorResult',
    'IndicatorScore',
    'InputIssue',
    'InputIssueCode',
    'LegalSourceInfo',
    'Note',
    'NoteCode',
    'PackInfo',
    'PackSummary',
    'RuleSource',
    'RuleSourceKind',
    'ScoreBasis',
    'Severity',
    'UnknownThresholdUse',
    'Verdict',
    'VerdictFlag',
    'VillageOutcome',
    'VillageResult'
];

/** The runtime's types generated code may annotate with. */
const RUNTIME_TYPES = new Set([
    ...PUBLIC_TYPES,
    'Cond',
    'CriterionMeta',
    'FactTable',
    'FastFacts',
    'GateMeta',
    'IndicatorMeta',
    'PackPassMeta',
    'RegionRuleMeta',
    'TableMeta',
    'Val'
]);

const RUNTIME_VALUES = new Set(Object.keys(runtime));

/** `import { … } from '@ntm/runtime';` for the values the JavaScript uses and, in TypeScript, the types too. */
export function runtimeImports(javascript: string, typescript: string): { readonly js: string; readonly ts: string } {
    const values = [...referencedNames(javascript)].filter(name => RUNTIME_VALUES.has(name)).sort();
    const types = [...referencedNames(typescript)].filter(name => RUNTIME_TYPES.has(name) && !values.includes(name)).sort();
    const importValues = values.length > 0 ? `import { ${values.join(', ')} } from '${RUNTIME_MODULE}';` : '';
    const reexport = `export { ${PUBLIC_VALUES.join(', ')} } from '${RUNTIME_MODULE}';`;
    const js = [importValues, reexport].filter(line => line !== '').join('\n');
    const ts = [
        importValues,
        types.length > 0 ? `import type { ${types.join(', ')} } from '${RUNTIME_MODULE}';` : '',
        reexport,
        `export type { ${PUBLIC_TYPES.join(', ')} } from '${RUNTIME_MODULE}';`
    ]
        .filter(line => line !== '')
        .join('\n');
    return { js, ts };
}

/** The head of the declarations: the types they use and the runtime's public names. */
export function declarationImports(): string {
    return [
        `import type { CommuneOptions, CommuneResult, EvaluateOptions, EvaluationResult, FactSpec, PackInfo } from '${RUNTIME_MODULE}';`,
        `export { ${PUBLIC_VALUES.join(', ')} } from '${RUNTIME_MODULE}';`,
        `export type { ${PUBLIC_TYPES.join(', ')} } from '${RUNTIME_MODULE}';`
    ].join('\n');
}

/**
 * The identifiers a piece of generated code refers to: names outside string literals and comments that are
 * neither a property key (`label:`) nor a member (`.rule`). Sound for the generator's own output, whose
 * strings are all JSON literals (`str`) or fixed single-quoted text and which has no template literals.
 */
export function referencedNames(source: string): Set<string> {
    const names = new Set<string>();
    let i = 0;
    const n = source.length;
    while (i < n) {
        const c = source[i]!;
        if (c === '"' || c === "'") {
            i++;
            while (i < n && source[i] !== c) i += source[i] === '\\' ? 2 : 1;
            i++;
        } else if (c === '/' && source[i + 1] === '/') {
            while (i < n && source[i] !== '\n') i++;
        } else if (c === '/' && source[i + 1] === '*') {
            const end = source.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
        } else if (/[0-9]/.test(c)) {
            while (i < n && /[\w.]/.test(source[i]!)) i++;
        } else if (/[A-Za-z_$]/.test(c)) {
            const start = i;
            while (i < n && /[\w$]/.test(source[i]!)) i++;
            const before = /\S(?=\s*$)/.exec(source.slice(Math.max(0, start - 8), start))?.[0];
            const after = /^\s*(\S)/.exec(source.slice(i, i + 8))?.[1];
            if (before !== '.' && after !== ':') names.add(source.slice(start, i));
        } else {
            i++;
        }
    }
    return names;
}
