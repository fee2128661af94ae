// Baselines emitted from a pack's AST, so that they always check exactly the comparisons the generated
// evaluator checks, whatever pack is measured:
//   float     — the plain function a json-rules-engine-style user writes by hand: JS numbers, booleans out;
//   exact     — the same function with exact rationals (BigInt numerator/denominator), nothing else;
//   explained — the float function that also writes one Vietnamese explanation line per comparison.
// Also a json-rules-engine rules document of the same pack (the JSON.parse baseline of the compile scenario)
// and the hints the synthetic fact generator needs (thresholds per fact, ratio pairs).

import { ast, sourceText } from '@ntm/language';

const OPS = { '>=': '>=', '≥': '>=', '<=': '<=', '≤': '<=', '>': '>', '<': '<', '=': '===', '≠': '!==' };
const JRE_OPS = { '>=': 'greaterThanInclusive', '>': 'greaterThan', '<=': 'lessThanInclusive', '<': 'lessThan', '=': 'equal', '≠': 'notEqual' };
const str = JSON.stringify;

/** `(nếu …)`-free indicators of a pack, with their criterion label, in evaluation order. */
export function indicatorsOf(pack) {
    return pack.members.filter(ast.isCriterion).flatMap(c => c.indicators.map(i => ({ criterion: String(c.label), indicator: i })));
}

/** The breakdown a fact is given by (`, phân theo …`), the first of its indexes of that kind. */
function breakdownOfFact(fact) {
    return fact.indexes.find(ast.isBreakdownIndex)?.breakdown?.ref;
}

function breakdownMembers(fact) {
    return breakdownOfFact(fact)?.members.map(m => m.name);
}

/** The facts a comparison's left side reads, through derived facts; the first breakdown found. */
export function breakdownOfExpression(expression) {
    const seen = new Set();
    const pending = [expression];
    while (pending.length > 0) {
        const node = pending.pop();
        const visit = [node];
        while (visit.length > 0) {
            const n = visit.pop();
            if (ast.isNameReference(n) && ast.isFactDecl(n.target.ref) && !seen.has(n.target.ref)) {
                const fact = n.target.ref;
                seen.add(fact);
                const breakdown = breakdownOfFact(fact);
                if (breakdown) return breakdown;
                if (fact.derivation) pending.push(fact.derivation);
            }
            for (const key of ['left', 'right', 'expression', 'numerator', 'denominator']) {
                if (n[key]) visit.push(n[key]);
            }
        }
    }
    return undefined;
}

/**
 * Emits the JavaScript source of a baseline module: `export function evaluate(f)`.
 * mode: 'float' | 'exact' | 'explained'.
 */
export function emitBaseline(pack, services, mode) {
    const types = services.typing.TypeComputer;
    const constants = new Map();
    const scales = new Map();
    const exact = mode === 'exact';
    const explained = mode === 'explained';

    const constant = text => {
        if (!constants.has(text)) constants.set(text, `C${constants.size}`);
        return constants.get(text);
    };
    const levelsOf = scale => {
        if (!scales.has(scale)) scales.set(scale, `LEVELS${scales.size}`);
        return scales.get(scale);
    };

    function factRead(fact, member) {
        const members = breakdownMembers(fact);
        const read = member !== undefined && members ? `f[${str(fact.name)}]?.[${str(member)}]` : `f[${str(fact.name)}]`;
        const type = types.typeOfFact(fact);
        if (type.kind === 'level') return `${levelsOf(type.scale)}.indexOf(${read})`;
        if (type.kind === 'boolean') return `(${read} === true || ${read} === 'có')`;
        if (type.kind === 'date') return read;
        return exact ? `q(${read})` : read;
    }

    function expression(e, member) {
        if (ast.isQuantityLiteral(e)) return exact ? constant(String(Number(e.value))) : String(Number(e.value));
        if (ast.isBooleanLiteral(e)) return e.value === 'có' ? 'true' : 'false';
        if (ast.isDateLiteral(e))
            return str(
                e.value
                    .split('/')
                    .reverse()
                    .map(p => p.padStart(2, '0'))
                    .join('-')
            );
        if (ast.isParenthesizedExpression(e)) return expression(e.expression, member);
        if (ast.isNameReference(e)) {
            const target = e.target.ref;
            if (ast.isFactDecl(target)) return target.derivation ? `(${expression(target.derivation, member)})` : factRead(target, member);
            if (ast.isLevel(target)) return String(target.$container.levels.indexOf(target));
            throw new Error(`unresolved ${e.target.$refText}`);
        }
        if (ast.isRatio(e)) {
            const n = expression(e.numerator, member),
                d = expression(e.denominator, member);
            return exact ? `qmul(qdiv(${n}, ${d}), ${constant('100')})` : `${n} / ${d} * 100`;
        }
        if (ast.isBinaryExpression(e)) {
            const typing = types.binary(e.operator, types.typeOf(e.left), types.typeOf(e.right));
            const op = e.operator === '×' ? '*' : e.operator;
            const l = expression(e.left, member),
                r = expression(e.right, member);
            if (exact) {
                const fn = { '+': 'qadd', '-': 'qsub', '*': 'qmul', '/': 'qdiv' }[op];
                const core = `${fn}(${l}, ${r})`;
                return typing.scale === 'to-percent'
                    ? `qmul(${core}, ${constant('100')})`
                    : typing.scale === 'percent-of'
                      ? `qdiv(${core}, ${constant('100')})`
                      : core;
            }
            const core = `(${l} ${op} ${r})`;
            return typing.scale === 'to-percent' ? `${core} * 100` : typing.scale === 'percent-of' ? `${core} / 100` : core;
        }
        throw new Error(`baseline: unsupported expression ${e.$type}`);
    }

    /** One comparison `a op b` as a boolean (float, exact) or an explained clause. */
    function test(left, op, right, leftType, rule, threshold) {
        const numeric = leftType.kind === 'number' || leftType.kind === 'percent' || leftType.kind === 'year';
        if (exact && numeric) return `qcmp(${left}, ${right}) ${OPS[op]} 0`;
        if (explained) return `cmp(${str(rule)}, ${left}, ${str(op)}, ${right}, ${str(threshold)})`;
        return `${left} ${OPS[op]} ${right}`;
    }

    function comparison(c) {
        const rule = sourceText(c);
        const leftType = types.typeOf(c.left);
        const check = member => {
            const left = expression(c.left, member);
            if (c.low) {
                const low = expression(c.low, member);
                if (!c.high) return test(left, '>=', low, leftType, rule, `>= ${sourceText(c.low)}`);
                const high = expression(c.high, member);
                if (explained) return `range(${str(rule)}, ${left}, ${low}, ${high}, ${str(`từ ${sourceText(c.low)} đến ${sourceText(c.high)}`)})`;
                return `(${test(left, '>=', low, leftType)} && ${test(left, '<=', high, leftType)})`;
            }
            return test(left, c.operator ?? '=', expression(c.right, member), leftType, rule, `${c.operator ?? '='} ${sourceText(c.right)}`);
        };
        const members = c.members.map(m => m.ref?.name ?? m.$refText);
        if (members.length > 0 && breakdownOfExpression(c.left)) {
            const parts = members.map(check);
            return explained ? `and([${parts.join(', ')}])` : `(${parts.join(' && ')})`;
        }
        return check(undefined);
    }

    function condition(c) {
        if (ast.isOr(c) || ast.isAnd(c)) {
            const l = condition(c.left),
                r = condition(c.right);
            if (explained) return `${ast.isOr(c) ? 'or' : 'and'}([${l}, ${r}])`;
            return `(${l} ${ast.isOr(c) ? '||' : '&&'} ${r})`;
        }
        if (ast.isGroupedCondition(c)) return condition(c.condition);
        if (ast.isPresence(c)) {
            const fact = c.fact.ref;
            const value = `(f[${str(fact.name)}] === true || f[${str(fact.name)}] === 'có')`;
            const read = c.negated ? `!${value}` : value;
            return explained ? `presence(${str(sourceText(c))}, ${read})` : read;
        }
        if (ast.isQuantified(c)) {
            const items = c.items.map(condition);
            if (explained)
                return c.all ? `and([${items.join(', ')}])` : c.any ? `or([${items.join(', ')}])` : `atLeast(${Number(c.atLeast)}, [${items.join(', ')}])`;
            if (c.all) return `(${items.join(' && ')})`;
            if (c.any) return `(${items.join(' || ')})`;
            return `(${items.map(i => `+(${i})`).join(' + ')} >= ${Number(c.atLeast)})`;
        }
        if (ast.isComparison(c)) return comparison(c);
        throw new Error(`baseline: unsupported condition ${c.$type}`);
    }

    const indicators = indicatorsOf(pack);
    const criteria = pack.members.filter(ast.isCriterion).map(c => String(c.label));
    const gates = pack.members.filter(ast.isGate);
    const body = [];
    body.push('export function evaluate(f) {');
    if (explained) {
        body.push('    const indicators = [');
        for (const { criterion, indicator } of indicators) {
            const requirement = condition(indicator.requirement);
            const applicable = indicator.applicableIf ? condition(indicator.applicableIf) : undefined;
            body.push(
                `        indicator(${str(criterion)}, ${str(String(indicator.label))}, ${str(indicator.text ?? '')}, ${applicable ? `() => ${applicable}` : 'undefined'}, () => ${requirement}),`
            );
        }
        body.push('    ];');
        body.push(`    const gates = [${gates.map(g => condition(g.requirement)).join(', ')}];`);
        body.push(`    return assemble(${str(criteria)}, indicators, gates);`);
    } else {
        body.push('    const i = {};');
        for (const { indicator } of indicators) {
            const requirement = condition(indicator.requirement);
            const value = indicator.applicableIf ? `(${condition(indicator.applicableIf)}) ? ${requirement} : null` : requirement;
            body.push(`    i[${str(String(indicator.label))}] = ${value};`);
        }
        body.push('    const c = {};');
        for (const label of criteria) {
            const own = indicators.filter(x => x.criterion === label).map(x => `i[${str(String(x.indicator.label))}] !== false`);
            body.push(`    c[${str(label)}] = ${own.length > 0 ? own.join(' && ') : 'true'};`);
        }
        const gateTests = gates.map(g => condition(g.requirement));
        body.push(`    const recognised = Object.values(c).every(Boolean)${gateTests.map(g => ` && ${g}`).join('')};`);
        body.push('    return { indicators: i, criteria: c, recognised };');
    }
    body.push('}');

    const header = [`// Baseline (${mode}) for pack «${pack.name ?? ''}», emitted by bench/lib/baselines.js.`];
    for (const [scale, name] of scales) header.push(`const ${name} = ${str(scale.levels.map(l => l.name))};`);
    if (exact) {
        header.push(EXACT_HELPERS);
        for (const [text, name] of constants) header.push(`const ${name} = q(${text});`);
    }
    if (explained) header.push(EXPLAINED_HELPERS);
    return [...header, '', ...body].join('\n') + '\n';
}

/** Exact rationals at their cheapest: no reduction, comparison by cross-multiplication. */
const EXACT_HELPERS = `
const NOT_A_NUMBER = { n: 0n, d: 0n };
function q(x) {
    if (typeof x !== 'number' || !Number.isFinite(x)) return NOT_A_NUMBER;
    const text = /e/i.test(String(x)) ? x.toFixed(20) : String(x);
    const dot = text.indexOf('.');
    if (dot < 0) return { n: BigInt(text), d: 1n };
    return { n: BigInt(text.slice(0, dot) + text.slice(dot + 1)), d: 10n ** BigInt(text.length - dot - 1) };
}
const qadd = (a, b) => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const qsub = (a, b) => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const qmul = (a, b) => ({ n: a.n * b.n, d: a.d * b.d });
const qdiv = (a, b) => b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
const qcmp = (a, b) => { const l = a.n * b.d, r = b.n * a.d; return l < r ? -1 : l > r ? 1 : 0; };`;

/** What a user writes to explain float verdicts: one line per clause, verdicts rolled up per criterion. */
const EXPLAINED_HELPERS = `
const show = (x) => typeof x === 'number' ? String(Math.round(x * 1e4) / 1e4).replace('.', ',') : String(x);
const OPS = { '>=': (a, b) => a >= b, '>': (a, b) => a > b, '<=': (a, b) => a <= b, '<': (a, b) => a < b, '=': (a, b) => a === b, '≠': (a, b) => a !== b };
function cmp(rule, value, op, threshold, thresholdText) {
    const ok = OPS[op](value, threshold);
    return { ok, lines: [\`\${rule}: \${show(value)}, yêu cầu \${thresholdText} → \${ok ? 'đạt' : 'chưa đạt'}.\`] };
}
function range(rule, value, low, high, thresholdText) {
    const ok = value >= low && value <= high;
    return { ok, lines: [\`\${rule}: \${show(value)}, yêu cầu \${thresholdText} → \${ok ? 'đạt' : 'chưa đạt'}.\`] };
}
function presence(rule, ok) {
    return { ok, lines: [\`\${rule}: \${ok ? 'có' : 'không'} → \${ok ? 'đạt' : 'chưa đạt'}.\`] };
}
const and = (parts) => ({ ok: parts.every(p => p.ok), lines: parts.flatMap(p => p.lines) });
const or = (parts) => ({ ok: parts.some(p => p.ok), lines: parts.flatMap(p => p.lines) });
function atLeast(n, parts) {
    const met = parts.filter(p => p.ok).length;
    return { ok: met >= n, lines: [...parts.flatMap(p => p.lines), \`Đạt \${met}/\${parts.length}, yêu cầu ít nhất \${n}.\`] };
}
function indicator(criterion, label, text, applicable, requirement) {
    if (applicable && !applicable().ok) return { criterion, label, text, verdict: 'không áp dụng', explanation: [] };
    const r = requirement();
    return { criterion, label, text, verdict: r.ok ? 'đạt' : 'chưa đạt', explanation: r.lines };
}
function assemble(labels, indicators, gates) {
    const criteria = labels.map(label => {
        const own = indicators.filter(i => i.criterion === label);
        const met = own.filter(i => i.verdict === 'đạt').length;
        return { label, verdict: own.every(i => i.verdict !== 'chưa đạt') ? 'đạt' : 'chưa đạt', met, total: own.length };
    });
    const recognised = criteria.every(c => c.verdict === 'đạt') && gates.every(g => g.ok);
    return { indicators, criteria, summary: { recognised, text: \`đạt \${criteria.filter(c => c.verdict === 'đạt').length}/\${criteria.length} tiêu chí\` } };
}`;

/** The same pack as a json-rules-engine rules document: what a peer would load with JSON.parse. */
export function rulesDocument(pack) {
    const node = c => {
        if (ast.isOr(c)) return { any: [node(c.left), node(c.right)] };
        if (ast.isAnd(c)) return { all: [node(c.left), node(c.right)] };
        if (ast.isGroupedCondition(c)) return node(c.condition);
        if (ast.isPresence(c)) return { fact: c.fact.$refText, operator: 'equal', value: !c.negated };
        if (ast.isQuantified(c)) return c.any || c.atLeast !== undefined ? { any: c.items.map(node) } : { all: c.items.map(node) };
        if (ast.isComparison(c)) {
            const value = e => (ast.isQuantityLiteral(e) ? Number(e.value) : sourceText(e));
            if (c.low) {
                const low = { fact: sourceText(c.left), operator: 'greaterThanInclusive', value: value(c.low) };
                return c.high ? { all: [low, { fact: sourceText(c.left), operator: 'lessThanInclusive', value: value(c.high) }] } : low;
            }
            const op = (c.operator ?? '=').replace('≥', '>=').replace('≤', '<=');
            return { fact: sourceText(c.left), operator: JRE_OPS[op], value: value(c.right) };
        }
        return { fact: sourceText(c), operator: 'equal', value: true };
    };
    return indicatorsOf(pack).map(({ criterion, indicator }) => ({
        name: `${criterion}/${indicator.label}`,
        priority: 1,
        conditions: ast.isAnd(indicator.requirement) || ast.isOr(indicator.requirement) ? node(indicator.requirement) : { all: [node(indicator.requirement)] },
        event: {
            type: 'đạt',
            params: {
                criterion,
                indicator: String(indicator.label),
                text: indicator.text ?? '',
                rule: sourceText(indicator.requirement),
                citations: indicator.citations.map(ci => ({ number: ci.source.$refText, location: ci.location ?? '' }))
            }
        }
    }));
}

/**
 * What the synthetic fact generator needs from a pack: every literal threshold per fact (and per
 * `tỷ số a / b` pair), and the numerator/denominator pairs of ratios and same-unit divisions.
 */
export function factHints(pack, services) {
    const types = services.typing.TypeComputer;
    const thresholds = new Map();
    const ratios = new Map();
    const add = (key, value) => {
        if (!thresholds.has(key)) thresholds.set(key, []);
        if (!thresholds.get(key).includes(value)) thresholds.get(key).push(value);
    };
    const factName = e => (ast.isNameReference(e) && ast.isFactDecl(e.target.ref) ? e.target.ref : undefined);
    const pairOf = e => {
        if (ast.isParenthesizedExpression(e)) return pairOf(e.expression);
        const fact = factName(e);
        if (fact?.derivation) return pairOf(fact.derivation);
        const isDivision =
            ast.isRatio(e) ||
            (ast.isBinaryExpression(e) && e.operator === '/' && types.binary('/', types.typeOf(e.left), types.typeOf(e.right)).scale === 'to-percent');
        if (!isDivision) return undefined;
        const num = factName(ast.isRatio(e) ? e.numerator : e.left),
            den = factName(ast.isRatio(e) ? e.denominator : e.right);
        return num && den && !num.derivation && !den.derivation ? { numerator: num.name, denominator: den.name } : undefined;
    };
    for (const node of walk(pack)) {
        if (ast.isRatio(node) || ast.isBinaryExpression(node)) {
            const pair = pairOf(node);
            if (pair) ratios.set(pair.numerator, pair);
        }
        if (!ast.isComparison(node)) continue;
        const literals = [node.right, node.low, node.high].filter(e => e && ast.isQuantityLiteral(e)).map(e => Number(e.value));
        const fact = factName(node.left);
        const pair = pairOf(node.left);
        for (const value of literals) {
            if (fact && !fact.derivation) add(fact.name, value);
            if (pair) add(`tỷ số ${pair.numerator} / ${pair.denominator}`, value);
        }
    }
    return { thresholds, ratios: [...ratios.values()] };
}

function* walk(node) {
    yield node;
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        if (Array.isArray(value)) {
            for (const item of value) if (item && typeof item === 'object' && item.$type) yield* walk(item);
        } else if (value && typeof value === 'object' && value.$type) {
            yield* walk(value);
        }
    }
}
