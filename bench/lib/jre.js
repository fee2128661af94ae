// json-rules-engine running the same comparisons as the pack: one rule per indicator, its conditions the
// pack's (all / any / at-least as nested `any` of `all`s is not expressible, so `ít nhất N` is written as
// its own fact), the left side of each comparison a fact. Values a JSON-rules user computes in code (rates,
// sums, level positions) are facts defined by functions over the commune, in floating point, as such a
// user would write them. One Engine, reused; `await engine.run(facts)` per commune; its results only.

import { ast } from '@ntm/language';
import { breakdownOfExpression, indicatorsOf } from './baselines.js';

const JRE_OPS = {
    '>=': 'greaterThanInclusive',
    '≥': 'greaterThanInclusive',
    '>': 'greaterThan',
    '<=': 'lessThanInclusive',
    '≤': 'lessThanInclusive',
    '<': 'lessThan',
    '=': 'equal',
    '≠': 'notEqual'
};

/** An Engine holding the pack's rules, and `run(facts)` resolving to the labels of the indicators met. */
export async function jreEngine(pack, services) {
    const { Engine } = await import('json-rules-engine');
    const types = services.typing.TypeComputer;
    const engine = new Engine([], { allowUndefinedFacts: true });
    let current = {};
    let count = 0;
    const computed = compute => {
        const id = `calc${count++}`;
        engine.addFact(id, () => compute(current));
        return id;
    };

    function number(e, member) {
        if (ast.isQuantityLiteral(e)) {
            const x = Number(e.value);
            return () => x;
        }
        if (ast.isParenthesizedExpression(e)) return number(e.expression, member);
        if (ast.isNameReference(e)) {
            const fact = e.target.ref;
            if (ast.isFactDecl(fact)) {
                if (fact.derivation) return number(fact.derivation, member);
                const name = fact.name;
                return member !== undefined && fact.indexes.some(ast.isBreakdownIndex) ? f => f[name]?.[member] : f => f[name];
            }
            if (ast.isLevel(fact)) {
                const i = fact.$container.levels.indexOf(fact);
                return () => i;
            }
        }
        if (ast.isRatio(e)) {
            const a = number(e.numerator, member),
                b = number(e.denominator, member);
            return f => (a(f) / b(f)) * 100;
        }
        if (ast.isBinaryExpression(e)) {
            const a = number(e.left, member),
                b = number(e.right, member);
            const scale = types.binary(e.operator, types.typeOf(e.left), types.typeOf(e.right)).scale;
            const k = scale === 'to-percent' ? 100 : scale === 'percent-of' ? 0.01 : 1;
            switch (e.operator) {
                case '+':
                    return f => (a(f) + b(f)) * k;
                case '-':
                    return f => (a(f) - b(f)) * k;
                case '/':
                    return f => (a(f) / b(f)) * k;
                default:
                    return f => a(f) * b(f) * k;
            }
        }
        throw new Error(`jre: unsupported expression ${e.$type}`);
    }

    function comparison(c) {
        const type = types.typeOf(c.left);
        const check = member => {
            let left;
            if (type.kind === 'level') {
                const fact = c.left.target.ref;
                const name = fact.name;
                const levels = types.typeOfFact(fact).scale.levels.map(l => l.name);
                left = computed(f => levels.indexOf(member !== undefined && fact.indexes.some(ast.isBreakdownIndex) ? f[name]?.[member] : f[name]));
            } else {
                const inner = ast.isParenthesizedExpression(c.left) ? c.left.expression : c.left;
                const plain = ast.isNameReference(inner) && ast.isFactDecl(inner.target.ref) && !inner.target.ref.derivation;
                left = plain && member === undefined ? inner.target.ref.name : computed(number(c.left, member));
            }
            const value = e => number(e, member)();
            if (c.low) {
                const low = { fact: left, operator: 'greaterThanInclusive', value: value(c.low) };
                return c.high ? { all: [low, { fact: left, operator: 'lessThanInclusive', value: value(c.high) }] } : low;
            }
            if (ast.isBooleanLiteral(c.right)) return { fact: left, operator: c.operator === '≠' ? 'notEqual' : 'equal', value: c.right.value === 'có' };
            return { fact: left, operator: JRE_OPS[c.operator ?? '='], value: value(c.right) };
        };
        const members = c.members.map(m => m.ref?.name ?? m.$refText);
        if (members.length > 0 && breakdownOfExpression(c.left)) return { all: members.map(check) };
        return check(undefined);
    }

    function condition(c) {
        if (ast.isOr(c)) return { any: [condition(c.left), condition(c.right)] };
        if (ast.isAnd(c)) return { all: [condition(c.left), condition(c.right)] };
        if (ast.isGroupedCondition(c)) return condition(c.condition);
        if (ast.isPresence(c)) return { fact: c.fact.ref.name, operator: 'equal', value: !c.negated };
        if (ast.isQuantified(c)) {
            if (c.all) return { all: c.items.map(condition) };
            if (c.any) return { any: c.items.map(condition) };
            // `ít nhất N trong { … }`: each item as its own rule-less check, counted by a fact.
            const items = c.items.map(item => wholeCheck(item));
            const atLeast = Number(c.atLeast);
            return { fact: computed(f => items.filter(check => check(f)).length), operator: 'greaterThanInclusive', value: atLeast };
        }
        if (ast.isComparison(c)) return comparison(c);
        throw new Error(`jre: unsupported condition ${c.$type}`);
    }

    /** A condition as a plain function (only inside `ít nhất N`). */
    function wholeCheck(c) {
        if (ast.isPresence(c)) {
            const name = c.fact.ref.name;
            return f => (f[name] === true) !== c.negated;
        }
        if (ast.isComparison(c) && !c.low && c.members.length === 0 && !ast.isBooleanLiteral(c.right)) {
            const left = number(c.left, undefined),
                right = number(c.right, undefined);
            const op = (c.operator ?? '=').replace('≥', '>=').replace('≤', '<=');
            return f => {
                const a = left(f),
                    b = right(f);
                return op === '>=' ? a >= b : op === '>' ? a > b : op === '<=' ? a <= b : op === '<' ? a < b : op === '=' ? a === b : a !== b;
            };
        }
        throw new Error('jre: unsupported item of «ít nhất»');
    }

    for (const { indicator } of indicatorsOf(pack)) {
        const conditions = condition(indicator.requirement);
        engine.addRule({
            name: String(indicator.label),
            conditions: conditions.all || conditions.any ? conditions : { all: [conditions] },
            event: { type: 'đạt', params: { label: String(indicator.label) } }
        });
    }
    return {
        engine,
        async run(facts) {
            current = facts;
            const { events } = await engine.run(facts);
            return events;
        }
    };
}
