import type { Comparison, Condition, Expression, FactDecl, Gate, Indicator } from '../generated/ast.js';
import {
    isAnd,
    isBinaryExpression,
    isBooleanLiteral,
    isComparison,
    isFactDecl,
    isGroupedCondition,
    isLevel,
    isNameReference,
    isOr,
    isParenthesizedExpression,
    isPresence,
    isQuantified,
    isQuantityLiteral,
    isRatio,
    isScale
} from '../generated/ast.js';
import type { BinaryOperator } from '../typing/type-computer.js';
import { unitOf } from '../typing/ntm-types.js';
import { breakdownOf } from '../typing/breakdowns.js';
import { breakdownIndexOf, collectionIndexOf, isYearly } from '../typing/fact-indexes.js';
import type { Code } from './code.js';
import { code, typeOnly } from './code.js';
import { decimalText, normalizeOp, str } from './emit-code.js';
import { factKindOf } from './generator-helpers.js';
import type { ModuleScope } from './module-scope.js';

// The verdicts-only fast path (`giảiThích: false`): each indicator the generator can compile becomes one
// straight-line function over the commune's plain facts as scaled integers (`FastFacts` of @ntm/runtime),
// returning the indicator without explanation, or undefined to hand it to the full path. It hands back
// whatever it does not decide exactly as the full path would: a missing fact, a zero denominator, a rate
// above 100 % of its parts, an overflow. Forms it does not compile (tables, unknown thresholds, rounding,
// windows of years, collections, points, versions) are never tried: those indicators always take the full
// path. Pack text enters only as JSON literals (`str`), as everywhere in the generator.

/** Slots of each fact in `FastFacts`, numbered as `fastLayout(FACT_SPECS)` numbers them at run time. */
export interface FastSlots {
    readonly total: ReadonlyMap<FactDecl, number>;
    readonly member: ReadonlyMap<FactDecl, ReadonlyMap<string, number>>;
}

export function fastSlots(facts: readonly FactDecl[]): FastSlots {
    const total = new Map<FactDecl, number>();
    const member = new Map<FactDecl, Map<string, number>>();
    let next = 0;
    for (const fact of facts) {
        total.set(fact, next++);
        const members = breakdownIndexOf(fact)?.ref?.members;
        if (members) member.set(fact, new Map(members.map(m => [m.name, next++] as const)));
    }
    return { total, member };
}

/**
 * Marks a slot read (`n[3]`): TypeScript gets `n[3]!` (the slot exists, `noUncheckedIndexedAccess` cannot
 * know it), JavaScript plain `n[3]`. A NUL never occurs in generated text otherwise: pack text is JSON-escaped.
 */
const SLOT = '\u0000';
const slot = (array: 'n' | 'd' | 'h', index: number) => `${array}[${index}]${SLOT}`;

/** Thrown inside the emitter for a form the fast path does not compile. */
class NotCompiled extends Error {}

interface NumberLocal {
    readonly n: string;
    readonly d: string;
    readonly unit: string;
    readonly integer: boolean;
    /** A rate's parts, for the gap in the numerator's unit: `[numN, numD, denN, denD, numUnit, numInteger]`. */
    readonly ratio?: string;
    /** The facts read, in the order the full path names them when missing. */
    readonly inputs: readonly Input[];
}

/**
 * A fact read: `[slot, shown name]`; or a derived fact the report may state itself: `[its slot, the inputs
 * of its computation]`, present when the computation is or the stated value is (it then stands in).
 */
type Input = readonly [number, string] | readonly [number, readonly Input[]];

/** A clause or combination: its verdict code (0 chưa đạt, 1 đạt, 2 thiếu dữ liệu), gap and missing facts. */
interface CondLocal {
    /** A local holding the code. */
    readonly code: string;
    /** The gap when the code is 0, as an expression (`undefined` when it has none). */
    readonly gap: string;
    /** Whether the gap is defined when the code is 0, as a cheap expression: the gap itself is worked out on read. */
    readonly has: string;
    /** The missing facts when the code is 2, as an expression of a string array. */
    readonly missing: string;
}

class FastEmitter {
    readonly lines: string[] = [];
    /** Every slot read: a range there (h = 2) hands the indicator back, checked once at the top. */
    readonly used = new Set<number>();
    private count = 0;

    constructor(
        private readonly scope: ModuleScope,
        private readonly slots: FastSlots
    ) {}

    private local(prefix: string): string {
        return `${prefix}${this.count++}`;
    }

    /** A slot read; `numeric` when it may hold a range (a yes/no or a level never does: the reader refuses one). */
    private input(fact: FactDecl, member: string | undefined, numeric = true): readonly [number, string] {
        if (isYearly(fact) || collectionIndexOf(fact)) throw new NotCompiled();
        const byMember = member === undefined ? undefined : this.slots.member.get(fact);
        const index = byMember ? byMember.get(member!) : this.slots.total.get(fact);
        if (index === undefined) throw new NotCompiled();
        if (numeric) this.used.add(index);
        // The name the full path gives a missing fact: a breakdown's part is «name (member)».
        return [index, byMember ? `${fact.name} (${member})` : fact.name];
    }

    /** `h[a] === 1 && h[b] === 1`: every input present (none is a range: those were handed back). */
    private present(inputs: readonly Input[]): string {
        const tests = [
            ...new Set(
                inputs.map(([index, what]) => (typeof what === 'string' ? `${slot('h', index)} === 1` : `(${this.present(what)} || ${slot('h', index)} === 1)`))
            )
        ];
        return tests.length === 0 ? 'true' : tests.join(' && ');
    }

    /** Hands the indicator to the full path when `condition` holds (laid out as the TypeScript printer lays it out). */
    bail(condition: string): void {
        this.lines.push(`if (${condition}) {`, '    return undefined;', '}');
    }

    private pair(present: string, n: string, d: string, unit: string, integer: boolean, inputs: readonly Input[], ratio?: string): NumberLocal {
        const p = this.local('p');
        const ln = this.local('n');
        const ld = this.local('d');
        this.lines.push(`const ${p} = ${present};`);
        this.lines.push(`const ${ln} = ${p} ? ${n} : 0, ${ld} = ${p} ? ${d} : 1;`);
        // NaN marks an overflow of the safe integers: the full path decides.
        this.bail(`${ln} !== ${ln} || ${ld} !== ${ld}`);
        return { n: ln, d: ld, unit, integer, ratio, inputs };
    }

    number(expression: Expression, member: string | undefined, contextUnit: string | undefined): NumberLocal {
        const types = this.scope.types;
        if (isParenthesizedExpression(expression)) return this.number(expression.expression, member, contextUnit);
        if (isQuantityLiteral(expression)) {
            if (expression.unverified) throw new NotCompiled();
            const [n, d] = scaled(decimalText(Number(expression.value)));
            return { n: String(n), d: String(d), unit: expression.unit ?? contextUnit ?? '', integer: d === 1, inputs: [] };
        }
        if (isNameReference(expression)) {
            const fact = expression.target.ref;
            if (!isFactDecl(fact)) throw new NotCompiled();
            if (fact.derivation) return this.derived(fact, fact.derivation, member);
            const type = types.typeOfFact(fact);
            const kind = factKindOf(fact, type);
            if (kind === 'boolean' || kind === 'level' || kind === 'date') throw new NotCompiled();
            const read = this.input(fact, member);
            return { n: slot('n', read[0]), d: slot('d', read[0]), unit: unitOf(type), integer: kind === 'count' || kind === 'year', inputs: [read] };
        }
        if (isRatio(expression)) {
            return this.rate(this.number(expression.numerator, member, undefined), this.number(expression.denominator, member, undefined));
        }
        if (isBinaryExpression(expression)) {
            const operator = expression.operator as BinaryOperator;
            const leftType = types.typeOf(expression.left);
            const rightType = types.typeOf(expression.right);
            const typing = types.binary(operator, leftType, rightType);
            if (typing.error !== undefined) throw new NotCompiled();
            const unit = unitOf(typing.type);
            const bare = (self: typeof leftType, other: typeof leftType) =>
                self.kind === 'number' && self.bareLiteral && (other.kind === 'number' || other.kind === 'percent') ? unitOf(other) : undefined;
            const a = this.number(expression.left, member, bare(leftType, rightType));
            const b = this.number(expression.right, member, bare(rightType, leftType));
            const inputs = [...a.inputs, ...b.inputs];
            const present = this.present(inputs);
            const op = operator === '×' ? '*' : operator;
            let n: string;
            let d: string;
            if (op === '+' || op === '-') {
                const right = op === '-' ? `-qMul(${b.n}, ${a.d})` : `qMul(${b.n}, ${a.d})`;
                n = `qAdd(qMul(${a.n}, ${b.d}), ${right})`;
                d = `qMul(${a.d}, ${b.d})`;
            } else if (op === '*') {
                n = `qMul(${a.n}, ${b.n})`;
                d = `qMul(${a.d}, ${b.d})`;
            } else {
                // Division by zero is «không áp dụng» with its reason: the full path. A negative divisor (a
                // difference of two counts) moves its sign to the numerator: denominators stay positive.
                this.bail(`(${present}) && !(${b.n} !== 0)`);
                n = `qMul(${a.n}, ${b.d} * Math.sign(${b.n}))`;
                d = `qMul(${a.d}, Math.abs(${b.n}))`;
            }
            if (typing.scale === 'to-percent') n = `qMul(${n}, 100)`;
            else if (typing.scale === 'percent-of') d = `qMul(${d}, 100)`;
            return this.pair(present, n, d, unit, a.integer && b.integer && op !== '/', inputs);
        }
        throw new NotCompiled();
    }

    /**
     * A derived fact, as the full path's `derived` reads it: computed from its inputs; when they are missing, the
     * value the report states stands in; when both are there, a stated value the computation does not support
     * (flagged «dữ liệu không nhất quán» by the full path) hands the indicator back.
     */
    private derived(fact: FactDecl, derivation: Expression, member: string | undefined): NumberLocal {
        const computed = this.number(derivation, member, undefined);
        const total = this.slots.total.get(fact);
        const members = this.slots.member.get(fact);
        // A stated total never stands in for one part of a breakdown: only a stated part does.
        const stated = member === undefined ? total : members?.get(member);
        if (stated === undefined || total === undefined) {
            if (member === undefined || members !== undefined) throw new NotCompiled();
            return computed;
        }
        this.used.add(stated);
        this.used.add(total);
        const kind = factKindOf(fact, this.scope.types.typeOfFact(fact));
        if (computed.integer !== (kind === 'count' || kind === 'year')) {
            // The stated value would change how the gap is shown: only a computed value is compiled.
            this.bail(`${slot('h', stated)} !== 0`);
            return computed;
        }
        const p = this.local('p');
        this.lines.push(`const ${p} = ${this.present(computed.inputs)};`);
        // The full path judges a stated value by the decimals the report wrote for the fact's total.
        const scale = `${slot('h', total)} === 1 ? ${slot('d', total)} : 1`;
        this.bail(`${p} && ${slot('h', stated)} === 1 && !qStatedMatches(${computed.n}, ${computed.d}, ${slot('n', stated)}, ${slot('d', stated)}, ${scale})`);
        const n = this.local('n');
        const d = this.local('d');
        this.lines.push(`const ${n} = ${p} ? ${computed.n} : ${slot('n', stated)}, ${d} = ${p} ? ${computed.d} : ${slot('d', stated)};`);
        return {
            n,
            d,
            unit: computed.unit,
            integer: computed.integer,
            ...(computed.ratio ? { ratio: `${p} ? ${computed.ratio} : undefined` } : {}),
            inputs: [[stated, computed.inputs]]
        };
    }

    /** `tỷ số a / b` in percent: a zero denominator or a numerator above it goes to the full path (its notes). */
    private rate(a: NumberLocal, b: NumberLocal): NumberLocal {
        const inputs = [...a.inputs, ...b.inputs];
        const present = this.present(inputs);
        this.bail(`(${present}) && (${b.n} === 0 || qCmp(${a.n}, ${a.d}, ${b.n}, ${b.d}) > 0)`);
        const parts = `[${a.n}, ${a.d}, ${b.n}, ${b.d}, ${str(a.unit)}, ${a.integer}]`;
        return this.pair(present, `qMul(qMul(${a.n}, ${b.d}), 100)`, `qMul(${a.d}, ${b.n})`, '%', false, inputs, parts);
    }

    condition(condition: Condition, member?: string): CondLocal {
        if (isGroupedCondition(condition)) return this.condition(condition.condition, member);
        if (isOr(condition) || isAnd(condition)) {
            const flat: Condition[] = [];
            const flatten = (c: Condition): void => {
                if ((isOr(condition) && isOr(c)) || (isAnd(condition) && isAnd(c))) {
                    flatten(c.left);
                    flatten(c.right);
                } else {
                    flat.push(c);
                }
            };
            flatten(condition);
            return this.combine(
                isOr(condition) ? 'any' : 'all',
                flat.map(c => this.condition(c, member))
            );
        }
        if (isQuantified(condition)) {
            const parts = condition.items.map(c => this.condition(c, member));
            if (condition.all) return this.combine('all', parts);
            if (condition.any) return this.combine('any', parts);
            return this.combine(Number(condition.atLeast), parts);
        }
        if (isPresence(condition)) {
            const fact = condition.fact.ref;
            if (!fact || fact.derivation || factKindOf(fact, this.scope.types.typeOfFact(fact)) !== 'boolean') throw new NotCompiled();
            const read = this.input(fact, undefined, false);
            const code = this.local('c');
            this.lines.push(`const ${code} = ${slot('h', read[0])} === 1 ? (${slot('n', read[0])} === ${condition.negated ? 0 : 1} ? 1 : 0) : 2;`);
            return { code, gap: 'undefined', has: 'false', missing: missingOf([read]) };
        }
        if (isComparison(condition)) return this.comparison(condition);
        throw new NotCompiled();
    }

    /** `all`, `any` and `ít nhất N` as the full path combines them; the gap of the first unmet part that has one. */
    private combine(kind: 'all' | 'any' | number, parts: readonly CondLocal[]): CondLocal {
        const code = this.local('c');
        const codes = parts.map(p => p.code);
        const some = (value: number) => codes.map(c => `${c} === ${value}`).join(' || ');
        if (kind === 'all') {
            this.lines.push(`const ${code} = ${some(0)} ? 0 : ${some(2)} ? 2 : 1;`);
        } else if (kind === 'any') {
            this.lines.push(`const ${code} = ${some(1)} ? 1 : ${some(2)} ? 2 : 0;`);
        } else {
            const count = (value: number) => codes.map(c => `+(${c} === ${value})`).join(' + ');
            const met = this.local('m');
            this.lines.push(`const ${met} = ${count(1)};`);
            this.lines.push(`const ${code} = ${met} >= ${kind} ? 1 : ${met} + ${count(2)} >= ${kind} ? 2 : 0;`);
        }
        const withGap = parts.filter(p => p.gap !== 'undefined' && p.has !== 'false');
        const gaps = withGap.map(p => `(${p.code} === 0${p.has === 'true' ? '' : ` && (${p.has})`} ? ${p.gap} : undefined)`);
        const has = withGap.length === 0 ? 'false' : withGap.map(p => `(${p.code} === 0 && ${p.has})`).join(' || ');
        const missing = `qUnique([${parts.map(p => `${p.code} === 2 ? ${p.missing} : []`).join(', ')}])`;
        return { code, gap: gaps.length === 0 ? 'undefined' : gaps.join(' ?? '), has, missing };
    }

    private comparison(comparison: Comparison): CondLocal {
        const breakdown = comparison.members.length > 0 ? breakdownOf(comparison) : undefined;
        if (breakdown) {
            return this.combine(
                'all',
                comparison.members.map(m => this.clause(comparison, m.ref?.name ?? m.$refText))
            );
        }
        return this.clause(comparison, undefined);
    }

    private clause(comparison: Comparison, member: string | undefined): CondLocal {
        const leftType = this.scope.types.typeOf(comparison.left);
        if (leftType.kind === 'level') return this.levelClause(comparison, member);
        if (leftType.kind === 'boolean') return this.booleanClause(comparison, member);
        if (leftType.kind !== 'number' && leftType.kind !== 'percent') throw new NotCompiled();
        const contextUnit = unitOf(leftType);
        const usedBefore = new Set(this.used);
        const left = this.number(comparison.left, member, undefined);
        // A fact compared as it is (not inside arithmetic) may be a reported range: decided here when the whole
        // range agrees (qRange), handed back when it depends. Elsewhere a range hands the indicator back.
        const only = left.inputs.length === 1 ? left.inputs[0]! : undefined;
        const direct = only && typeof only[1] === 'string' && left.n === slot('n', only[0]) ? only[0] : undefined;
        if (direct !== undefined && !usedBefore.has(direct)) this.used.delete(direct);
        const threshold = (e: Expression | undefined) => {
            if (!e || !isQuantityLiteral(e)) throw new NotCompiled();
            return this.number(e, member, contextUnit);
        };
        const range = (op: string, t: NumberLocal): string => {
            const r = this.local('r');
            this.lines.push(`const ${r} = ${slot('h', direct!)} === 2 ? qRange(v, ${direct}, ${str(op)}, ${t.n}, ${t.d}) : 0;`);
            this.bail(`${r} < 0`);
            return r;
        };
        // A range decided has no gap: the full path does not measure a distance from a range.
        const plainHas = (has: string) => (direct === undefined || has === 'false' ? has : `${slot('h', direct)} !== 2`);
        const present = this.present(left.inputs);
        const code = this.local('c');
        if (comparison.low && comparison.high) {
            const lowT = threshold(comparison.low);
            const highT = threshold(comparison.high);
            const low = this.test(present, left, '>=', lowT);
            const high = this.test(present, left, '<=', highT);
            const ranged = direct === undefined ? '2' : `${slot('h', direct)} === 2 ? (${range('>=', lowT)} === 1 && ${range('<=', highT)} === 1 ? 1 : 0) : 2`;
            this.lines.push(`const ${code} = ${present} ? (${low.ok} && ${high.ok} ? 1 : 0) : ${ranged};`);
            return {
                code,
                gap: `(${low.ok} ? undefined : ${low.gap}) ?? (${high.ok} ? undefined : ${high.gap})`,
                has: plainHas('true'),
                missing: missingOf(left.inputs)
            };
        }
        const op = comparison.low ? '>=' : normalizeOp(comparison.operator ?? '=');
        const t = threshold(comparison.low ?? comparison.right);
        const test = this.test(present, left, op, t);
        if (direct === undefined) {
            this.lines.push(`const ${code} = ${present} ? (${test.ok} ? 1 : 0) : 2;`);
            return { code, gap: test.gap, has: test.has, missing: missingOf(left.inputs) };
        }
        // A range that does not decide is missing data, named with the range and the threshold as the full path names it.
        const r = this.local('r');
        this.lines.push(`const ${r} = ${slot('h', direct)} === 2 ? qRange(v, ${direct}, ${str(op)}, ${t.n}, ${t.d}) : 0;`);
        this.lines.push(`const ${code} = ${present} ? (${test.ok} ? 1 : 0) : ${slot('h', direct)} === 2 && ${r} >= 0 ? ${r} : 2;`);
        const name = str(only![1] as string);
        return {
            code,
            gap: test.gap,
            has: plainHas(test.has),
            missing: `${slot('h', direct)} === 2 ? qRangeMissing(v, ${direct}, ${name}, ${str(op)}, ${t.n}, ${t.d}, ${str(left.unit)}, ${str(t.unit)}) : ${missingOf(left.inputs)}`
        };
    }

    /** A numeric test; a failure has a gap (`compareGap`) except against `≠`. */
    private test(present: string, left: NumberLocal, op: string, t: NumberLocal): { ok: string; gap: string; has: string } {
        const ok = this.local('t');
        this.lines.push(`const ${ok} = ${present === 'true' ? '' : `(${present}) && `}qHolds(qCmp(${left.n}, ${left.d}, ${t.n}, ${t.d}), ${str(op)});`);
        const ratio = left.ratio ? `, ${left.ratio}` : '';
        return {
            ok,
            gap: `qGap(${str(op)}, ${left.n}, ${left.d}, ${t.n}, ${t.d}, ${str(left.unit)}, ${left.integer}${ratio})`,
            has: op === '≠' ? 'false' : 'true'
        };
    }

    private plainFact(expression: Expression, member: string | undefined, kind: 'level' | 'boolean'): readonly [number, string] {
        const inner = isParenthesizedExpression(expression) ? expression.expression : expression;
        const fact = isNameReference(inner) ? inner.target.ref : undefined;
        if (!isFactDecl(fact) || fact.derivation || factKindOf(fact, this.scope.types.typeOfFact(fact)) !== kind) throw new NotCompiled();
        return this.input(fact, member, false);
    }

    private levelClause(comparison: Comparison, member: string | undefined): CondLocal {
        // `từ mức độ 3 trở lên` is `>= mức độ 3`; a range of levels is left to the full path.
        const written = comparison.low ?? comparison.right;
        const target = written && isNameReference(written) ? written.target.ref : undefined;
        if (comparison.high || !isLevel(target) || !isScale(target.$container)) throw new NotCompiled();
        const index = target.$container.levels.indexOf(target);
        const read = this.plainFact(comparison.left, member, 'level');
        const value = slot('n', read[0]);
        const op = comparison.low ? '>=' : normalizeOp(comparison.operator ?? '=');
        const code = this.local('c');
        this.lines.push(`const ${code} = ${slot('h', read[0])} === 1 ? (qHolds(Math.sign(${value} - ${index}), ${str(op)}) ? 1 : 0) : 2;`);
        return { code, gap: `qLevelGap(${value}, ${str(op)}, ${index})`, has: op === '≠' ? 'false' : 'true', missing: missingOf([read]) };
    }

    private booleanClause(comparison: Comparison, member: string | undefined): CondLocal {
        const op = normalizeOp(comparison.operator ?? '=');
        if (comparison.low || !comparison.right || !isBooleanLiteral(comparison.right) || (op !== '=' && op !== '≠')) throw new NotCompiled();
        const read = this.plainFact(comparison.left, member, 'boolean');
        const wanted = comparison.right.value === 'có' ? 1 : 0;
        const code = this.local('c');
        this.lines.push(`const ${code} = ${slot('h', read[0])} === 1 ? ((${slot('n', read[0])} === ${wanted}) === ${op === '='} ? 1 : 0) : 2;`);
        return { code, gap: 'undefined', has: 'false', missing: missingOf([read]) };
    }
}

/** The missing facts of a clause, named as the full path names them: `qMissing(h, [[3, "tổng số hộ"], …])`. */
function missingOf(inputs: readonly Input[]): string {
    return `qMissing(h, ${inputsLiteral(inputs)})`;
}

function inputsLiteral(inputs: readonly Input[]): string {
    return `[${inputs.map(([index, what]) => `[${index}, ${typeof what === 'string' ? str(what) : inputsLiteral(what)}]`).join(', ')}]`;
}

/** `"72.5"` → `[725, 10]`: a literal as an integer over a power of ten. */
function scaled(text: string): [number, number] {
    const [whole = '0', fraction = ''] = text.split('.');
    return [Number(whole + fraction), 10 ** fraction.length];
}

/**
 * `fast_2_1(v)`: the indicator `meta` (its metadata constant) decided over plain facts, or undefined
 * when it cannot be compiled. The caller hands undefined results to the full function.
 */
export function fastIndicatorCode(scope: ModuleScope, slots: FastSlots, indicator: Indicator, meta: string, name: string): Code | undefined {
    // A `chưa kiểm chứng` on the whole indicator only flags it (IndicatorMeta.unverified): compiled; on a
    // threshold it is NotCompiled below.
    if (indicator.points.length > 0 || (indicator.roundings[0] ?? scope.context.rounding)) return undefined;
    const emitter = new FastEmitter(scope, slots);
    let applicable: CondLocal | undefined;
    let result: CondLocal;
    try {
        if (indicator.applicableIf) applicable = emitter.condition(indicator.applicableIf);
        result = emitter.condition(indicator.requirement);
    } catch (error) {
        if (error instanceof NotCompiled) return undefined;
        throw error;
    }
    const gap = lazyGap(result);
    const missing = `${result.code} === 2 ? ${result.missing} : []`;
    if (!applicable) return functionCode(name, 'IndicatorResult', emitter, `quietIndicator(${meta}, ${result.code}, ${gap}, ${missing})`);
    // Not applicable when its condition is not met (3), missing data when the condition lacks it (2).
    const a = applicable.code;
    return functionCode(
        name,
        'IndicatorResult',
        emitter,
        `${a} === 1 ? quietIndicator(${meta}, ${result.code}, ${gap}, ${missing}) : quietInapplicable(${meta}, ${a} === 2 ? 2 : 3, ${a} === 2 ? ${applicable.missing} : [])`
    );
}

/** `verdict_gate_…(v)`: a gate over plain facts, or undefined when it cannot be compiled. */
export function fastGateCode(scope: ModuleScope, slots: FastSlots, gate: Gate, meta: string, name: string): Code | undefined {
    const emitter = new FastEmitter(scope, slots);
    let result: CondLocal;
    try {
        result = emitter.condition(gate.requirement);
    } catch (error) {
        if (error instanceof NotCompiled) return undefined;
        throw error;
    }
    return functionCode(name, 'GateResult', emitter, `quietGate(${meta}, ${result.code}, ${lazyGap(result)}, ${result.code} === 2 ? ${result.missing} : [])`);
}

/** The gap of a failed condition as a function, worked out when a reader asks for it (exact arithmetic and number display cost more than the verdict). */
function lazyGap(result: CondLocal): string {
    return result.gap === 'undefined' || result.has === 'false'
        ? 'undefined'
        : `${result.code} === 0${result.has === 'true' ? '' : ` && (${result.has})`} ? () => ${result.gap} : undefined`;
}

function functionCode(name: string, resultType: string, emitter: FastEmitter, result: string): Code {
    // A range is decided by the full path (whole range agrees, or missing data with its reason).
    const ranges = emitter.used.size === 0 ? [] : [`if (${[...emitter.used].map(i => `${slot('h', i)} === 2`).join(' || ')}) {`, '    return undefined;', '}'];
    const lines = [...ranges, ...emitter.lines];
    const used = (array: string) =>
        lines.some(line => line.includes(`${array}[`)) || result.includes(`${array}[`) || (array === 'h' && result.includes('qMissing(h'));
    const arrays = ['n', 'd', 'h'].filter(used).map(a => `${a} = v.${a}`);
    const head = arrays.length > 0 ? [`const ${arrays.join(', ')};`] : [];
    const body = [...head, ...lines, `return ${result};`].map(line => `    ${line}`).join('\n');
    const param = arrays.length > 0 ? 'v' : '_v';
    const text = code`function ${name}(${param}${typeOnly(': FastFacts')})${typeOnly(`: ${resultType} | undefined`)} {
${body}
}`;
    return { ts: text.ts.replaceAll(SLOT, '!'), js: text.js.replaceAll(SLOT, '') };
}
