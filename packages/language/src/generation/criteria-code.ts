import type { Gate, Pack } from '../generated/ast.js';
import type { EffectiveCriterion, EffectiveIndicator, IndicatorVersion } from '../composition/effective-pack.js';
import type { Code } from './code.js';
import { code, layoutList, objectLines, typeOnly } from './code.js';
import type { EmitContext } from './emit-code.js';
import { decimalText, emitCondition, emitPassValue, normalizeOp, optionalStr, str } from './emit-code.js';
import { sourceText } from './generator-helpers.js';
import type { FastSlots } from './fast-code.js';
import { fastGateCode, fastIndicatorCode } from './fast-code.js';
import type { ModuleScope } from './module-scope.js';
import type { RuleSourceCode } from './pack-meta.js';
import { citationInfo, pointsCode, ruleSource, sourceInfo } from './pack-meta.js';

// Criteria, indicators and gates as code: a constant of metadata laid out on lines beside the function
// that decides it, both named for the label (`INDICATOR_2_1`, `indicator_2_1`).

/** An indicator's code and how `evaluate` calls it. */
export interface IndicatorCode {
    readonly code: Code;
    readonly call: string;
    /** The call with the fact table given by an expression (the fast path builds it only when needed). */
    readonly callWith: (table: string) => string;
    /** The verdicts-only function, when the generator could compile it (fast-code.ts). */
    readonly fast?: { readonly code: Code; readonly call: string };
}

/** `CRITERION_17`: label, title, citations and points of a criterion. */
export function criterionCode(scope: ModuleScope, criterion: EffectiveCriterion): Code {
    const name = criterionConstant(scope, criterion);
    const node = criterion.criterion;
    const points = node.points;
    const pass = node.passMark;
    const passMark =
        pass?.value && pass.operator
            ? `{ op: ${str(normalizeOp(pass.operator))}, rule: ${str(sourceText(pass.value))}, value: () => ${emitPassValue(pass.value, { ...scope.context, indent: '        ' })} }`
            : undefined;
    const pointsText = points
        ? objectLines(
              [
                  ['max', str(decimalText(Number(points.max)))],
                  ['passMark', passMark],
                  ['score', 'scoreCriterion']
              ],
              '    '
          )
        : undefined;
    const meta = objectLines(
        [
            ['label', str(criterion.label)],
            ['title', str(node.title)],
            [
                'citations',
                layoutList(
                    '[',
                    node.citations.map(c => scope.law.cite(citationInfo(c))),
                    ']',
                    '    '
                )
            ],
            ['points', pointsText]
        ],
        ''
    );
    return code`const ${name}${typeOnly(': CriterionMeta')} = ${meta};`;
}

export function criterionConstant(scope: ModuleScope, criterion: EffectiveCriterion): string {
    return scope.names.name(criterion, 'criterion', criterion.label).toUpperCase();
}

/**
 * One indicator: a single function `indicator_2_1(t)` when it has one rule for the pack's whole validity;
 * otherwise one function per version (`indicator_2_1_initial`, `indicator_2_1_from_2024_06_19`) and
 * `indicator_2_1(t, at)` choosing the version in force on the assessment date.
 */
export function indicatorCode(scope: ModuleScope, indicator: EffectiveIndicator, criterion: EffectiveCriterion, slots?: FastSlots): IndicatorCode {
    const name = scope.names.name(indicator, 'indicator', indicator.label);
    const only = indicator.versions.length === 1 ? indicator.versions[0] : undefined;
    if (only && only.from === undefined && !only.absent) {
        const fastName = name.replace(/^indicator_/, 'verdict_');
        const fast = slots && only.indicator && !only.drop ? fastIndicatorCode(scope, slots, only.indicator, name.toUpperCase(), fastName) : undefined;
        return {
            code: versionCode(scope, only, criterion, name),
            call: `${name}(t)`,
            callWith: table => `${name}(${table})`,
            ...(fast ? { fast: { code: fast, call: `${fastName}(v)` } } : {})
        };
    }
    const versions: Code[] = [];
    const runs = indicator.versions.map(version => {
        const from = version.from ? `from: ${str(version.from)}` : undefined;
        if (version.absent) return `{ ${from ?? ''} }`.replace('{  }', '{}');
        const versionName = scope.names.name(version, 'indicator', `${indicator.label} ${version.from ? `from ${version.from}` : 'initial'}`);
        versions.push(versionCode(scope, version, criterion, versionName));
        return `{ ${from ? `${from}, ` : ''}run: () => ${versionName}(t) }`;
    });
    const choose = code`function ${name}(t${typeOnly(': FactTable')}, at${typeOnly(': string')})${typeOnly(': IndicatorResult | undefined')} {
    return inForce(${layoutList('[', runs, ']', '    ')}, at);
}`;
    return { code: joinLines([...versions, choose]), call: `${name}(t, assessedAt)`, callWith: table => `${name}(${table}, assessedAt)` };
}

function versionCode(scope: ModuleScope, version: IndicatorVersion, criterion: EffectiveCriterion, name: string): Code {
    const meta = name.toUpperCase();
    scope.sharedMetadata.push(meta);
    const source = ruleSourceConstant(scope, ruleSource(version, scope.pack));
    const amendment = version.amendment?.source?.ref ? [scope.law.cite(sourceInfo(version.amendment.source.ref))] : [];
    if (version.drop) {
        const drop = version.drop;
        const target = drop.target?.ref;
        const metaText = objectLines(
            [
                ['criterion', str(criterion.label)],
                ['label', str(drop.target?.$refText ?? '')],
                ['requirementText', optionalStr(target?.text)],
                ['rule', str('không áp dụng')],
                ['citations', layoutList('[', [...amendment, ...drop.citations.map(c => scope.law.cite(citationInfo(c)))], ']', '    ')],
                ['source', source],
                ['points', target?.points[0] ? pointsCode(target, '    ') : undefined]
            ],
            ''
        );
        return code`const ${meta}${typeOnly(': IndicatorMeta')} = ${metaText};
function ${name}(_t${typeOnly(': FactTable')})${typeOnly(': IndicatorResult')} {
    return notApplicable(${meta}, ${str(drop.reason ?? '')});
}`;
    }
    const indicator = version.indicator!;
    const own = indicator.citations.map(c => scope.law.cite(citationInfo(c)));
    const rule = sourceText(indicator.requirement);
    const metaText = objectLines(
        [
            ['criterion', str(criterion.label)],
            ['label', str(String(indicator.label))],
            ['requirementText', optionalStr(indicator.text)],
            ['rule', str(rule)],
            ['citations', own.length > 0 || amendment.length > 0 ? layoutList('[', [...amendment, ...own], ']', '    ') : inheritedCitations(scope, criterion)],
            [
                'unverified',
                indicator.unverified.length > 0
                    ? layoutList(
                          '[',
                          indicator.unverified.map(u => str(u.note ?? 'không ghi nguồn')),
                          ']',
                          '    '
                      )
                    : undefined
            ],
            ['source', source],
            ['points', indicator.points[0] ? pointsCode(indicator, '    ') : undefined]
        ],
        ''
    );
    // The rule's text is in the metadata already; a clause with the same text refers to it.
    const local: EmitContext = {
        ...scope.context,
        rounding: indicator.roundings[0] ?? scope.context.rounding,
        knownTexts: new Map([[rule, `${meta}.rule`]]),
        indent: '    '
    };
    const applicable = indicator.applicableIf ? `, ${emitCondition(indicator.applicableIf, local)}` : '';
    return code`const ${meta}${typeOnly(': IndicatorMeta')} = ${metaText};
function ${name}(t${typeOnly(': FactTable')})${typeOnly(': IndicatorResult')} {
    return indicator(${meta}, t, () => ${emitCondition(indicator.requirement, local)}${applicable});
}`;
}

/** An indicator without citations of its own cites its criterion's, else its pack's sources. */
function inheritedCitations(scope: ModuleScope, criterion: EffectiveCriterion): string {
    if (criterion.criterion.citations.length > 0) return `${criterionConstant(scope, criterion)}.citations`;
    return layoutList(
        '[',
        criterion.origin.sources.map(s => scope.law.ref(sourceInfo(s))),
        ']',
        '    '
    );
}

/**
 * Rule sources are shared: most indicators of a pack are «quy định theo <its decision>». Each distinct one
 * is a constant named for what it says (`RULE_ORIGINAL_318_QD_TTG`, `RULE_REPLACED_1494_QD_UBND`).
 */
function ruleSourceConstant(scope: ModuleScope, source: RuleSourceCode): string {
    const key = JSON.stringify(source.data);
    const existing = scope.ruleSources.get(key);
    if (existing) return existing.name;
    const name = scope.names.name(key, 'rule', source.label).toUpperCase();
    scope.ruleSources.set(key, { name, data: source.data });
    return name;
}

/** The rule-source constants, in the order the indicators first used them. */
export function ruleSourceDeclarations(scope: ModuleScope): Code[] {
    return [...scope.ruleSources.values()].map(({ name, data }) => {
        const text = objectLines(
            [
                ['kind', str(data.kind)],
                ['pack', str(data.pack)],
                ['amendment', data.amendment ? scope.law.ref(data.amendment) : undefined],
                ['from', optionalStr(data.from)],
                ['text', str(data.text)]
            ],
            ''
        );
        return code`const ${name}${typeOnly(': RuleSource')} = ${text};`;
    });
}

/** `gate_…`: a condition of recognition beside the criteria, named for the first words of its text. */
export function gateCode(scope: ModuleScope, gate: Gate, pack: Pack, slots?: FastSlots): IndicatorCode {
    const name = scope.names.name(gate, 'gate', firstWords(gate.text ?? 'điều kiện'));
    const meta = name.toUpperCase();
    scope.sharedMetadata.push(meta);
    const citations =
        gate.citations.length > 0 ? gate.citations.map(c => scope.law.cite(citationInfo(c))) : pack.sources.map(s => scope.law.ref(sourceInfo(s)));
    const metaText = objectLines(
        [
            ['text', str(gate.text)],
            ['rule', str(sourceText(gate.requirement))],
            ['citations', layoutList('[', citations, ']', '    ')]
        ],
        ''
    );
    const local: EmitContext = { ...scope.context, knownTexts: new Map([[sourceText(gate.requirement), `${meta}.rule`]]) };
    const fastName = `verdict_${name}`;
    const fast = slots ? fastGateCode(scope, slots, gate, meta, fastName) : undefined;
    return {
        callWith: table => `${name}(${table})`,
        ...(fast ? { fast: { code: fast, call: `${fastName}(v)` } } : {}),
        code: code`const ${meta}${typeOnly(': GateMeta')} = ${metaText};
function ${name}(t${typeOnly(': FactTable')})${typeOnly(': GateResult')} {
    return gate(${meta}, ${emitCondition(gate.requirement, local)});
}`,
        call: `${name}(t)`
    };
}

/** Up to six words, enough to tell gates apart and to find one by its text. */
function firstWords(text: string): string {
    return text
        .split(/\s+/)
        .filter(w => w !== '')
        .slice(0, 6)
        .join(' ');
}

function joinLines(parts: readonly Code[]): Code {
    return { ts: parts.map(p => p.ts).join('\n'), js: parts.map(p => p.js).join('\n') };
}
