import type { Comparison, Condition, Expression, FactDecl, Gate, Indicator } from '../generated/ast.js';
import {
    isAnd, isBinaryExpression, isBooleanLiteral, isComparison, isFactDecl, isGroupedCondition, isLevel, isNameReference,
    isOr, isParenthesizedExpression, isPresence, isQuantified, isQuantityLiteral, isRatio, isScale
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
}

interface CondLocal {
    /** A boolean local: the clause is met. */
    readonly ok: string;
    /** The gap when the clause is not met, as an expression (`undefined` when it has none). */
    readonly gap: string;
}

class FastEmitter {
    readonly lines: string[] = [];
    /** Slots that must hold a plain value, checked once at the top (order does not matter: any absent one hands back). */
    readonly required: number[] = [];
    private count = 0;
    /** Slots already checked present: the code is straight-line, so once is enough. */
    private readonly checked = new Set<number>();

    constructor(private readonly scope: ModuleScope, private readonly slots: FastSlots) {}

    private local(prefix: string): string {
        return `${prefix}${this.count++}`;
    }

    private slotOf(fact: FactDecl, member: string | undefined): number {
        const byMember = member === undefined ? undefined : this.slots.member.get(fact);
        const slot = byMember ? byMember.get(member!) : this.slots.total.get(fact);
        if (slot === undefined) throw new NotCompiled();
        return slot;
    }

    /** A fact's slot, handing the indicator back when the commune does not give it plainly. */
    private present(fact: FactDecl, member: string | undefined): number {
        if (isYearly(fact) || collectionIndexOf(fact)) throw new NotCompiled();
        const slot = this.slotOf(fact, member);
        if (!this.checked.has(slot)) this.required.push(slot);
        this.checked.add(slot);
        return slot;
    }

    /** Hands the indicator to the full path when `condition` holds (laid out as the TypeScript printer lays it out). */
    bail(condition: string): void {
        this.lines.push(`if (${condition}) {`, '    return undefined;', '}');
    }

    private pair(n: string, d: string, unit: string, integer: boolean, ratio?: string): NumberLocal {
        const ln = this.local('n');
        const ld = this.local('d');
        this.lines.push(`const ${ln} = ${n}, ${ld} = ${d};`);
        // NaN marks an overflow of the safe integers: the full path decides.
        this.bail(`${ln} !== ${ln} || ${ld} !== ${ld}`);
        return { n: ln, d: ld, unit, integer, ratio };
    }

    number(expression: Expression, member: string | undefined, contextUnit: string | undefined): NumberLocal {
        const types = this.scope.types;
        if (isParenthesizedExpression(expression)) return this.number(expression.expression, member, contextUnit);
        if (isQuantityLiteral(expression)) {
            if (expression.unverified) throw new NotCompiled();
            const [n, d] = scaled(decimalText(Number(expression.value)));
            return { n: String(n), d: String(d), unit: expression.unit ?? contextUnit ?? '', integer: d === 1 };
        }
        if (isNameReference(expression)) {
            const fact = expression.target.ref;
            if (!isFactDecl(fact)) throw new NotCompiled();
            if (fact.derivation) {
                // A stated rate makes the reader hand the whole commune back, so here it is always computed.
                return this.number(fact.derivation, member, undefined);
            }
            const type = types.typeOfFact(fact);
            const kind = factKindOf(fact, type);
            if (kind === 'boolean' || kind === 'level' || kind === 'date') throw new NotCompiled();
            // A value per year or per member of a collection is read against a cursor: the full path.
            if (isYearly(fact) || collectionIndexOf(fact)) throw new NotCompiled();
            const index = this.present(fact, member);
            return { n: slot('n', index), d: slot('d', index), unit: unitOf(type), integer: kind === 'count' || kind === 'year' };
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
                // Division by zero is «không áp dụng» with its reason; a negative divisor is rare: the full path.
                this.bail(`!(${b.n} > 0)`);
                n = `qMul(${a.n}, ${b.d})`;
                d = `qMul(${a.d}, ${b.n})`;
            }
            if (typing.scale === 'to-percent') n = `qMul(${n}, 100)`;
            else if (typing.scale === 'percent-of') d = `qMul(${d}, 100)`;
            return this.pair(n, d, unit, a.integer && b.integer && op !== '/');
        }
        throw new NotCompiled();
    }

    /** `tỷ số a / b` in percent: a zero denominator or a numerator above it goes to the full path (its notes). */
    private rate(a: NumberLocal, b: NumberLocal): NumberLocal {
        this.bail(`${b.n} === 0 || qCmp(${a.n}, ${a.d}, ${b.n}, ${b.d}) > 0`);
        const parts = `[${a.n}, ${a.d}, ${b.n}, ${b.d}, ${str(a.unit)}, ${a.integer}]`;
        return this.pair(`qMul(qMul(${a.n}, ${b.d}), 100)`, `qMul(${a.d}, ${b.n})`, '%', false, parts);
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
            return this.combine(isOr(condition) ? 'any' : 'all', flat.map(c => this.condition(c, member)));
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
            const index = this.present(fact, undefined);
            const ok = this.local('c');
            this.lines.push(`const ${ok} = ${slot('n', index)} === ${condition.negated ? 0 : 1};`);
            return { ok, gap: 'undefined' };
        }
        if (isComparison(condition)) return this.comparison(condition);
        throw new NotCompiled();
    }

    /** `all`, `any` and `ít nhất N`: met as the full path combines; the gap of the first unmet part that has one. */
    private combine(kind: 'all' | 'any' | number, parts: readonly CondLocal[]): CondLocal {
        const ok = this.local('c');
        const oks = parts.map(p => p.ok);
        const test = kind === 'all' ? oks.join(' && ') : kind === 'any' ? oks.join(' || ') : `${oks.map(o => `+${o}`).join(' + ')} >= ${kind}`;
        this.lines.push(`const ${ok} = ${test};`);
        const gaps = parts.filter(p => p.gap !== 'undefined').map(p => `(${p.ok} ? undefined : ${p.gap})`);
        return { ok, gap: gaps.length === 0 ? 'undefined' : gaps.join(' ?? ') };
    }

    private comparison(comparison: Comparison): CondLocal {
        const breakdown = comparison.members.length > 0 ? breakdownOf(comparison) : undefined;
        if (breakdown) {
            return this.combine('all', comparison.members.map(m => this.clause(comparison, m.ref?.name ?? m.$refText)));
        }
        return this.clause(comparison, undefined);
    }

    private clause(comparison: Comparison, member: string | undefined): CondLocal {
        const leftType = this.scope.types.typeOf(comparison.left);
        if (leftType.kind === 'level') return this.levelClause(comparison, member);
        if (leftType.kind === 'boolean') return this.booleanClause(comparison, member);
        if (leftType.kind !== 'number' && leftType.kind !== 'percent') throw new NotCompiled();
        const contextUnit = unitOf(leftType);
        const left = this.number(comparison.left, member, undefined);
        const threshold = (e: Expression | undefined) => {
            if (!e || !isQuantityLiteral(e)) throw new NotCompiled();
            return this.number(e, member, contextUnit);
        };
        if (comparison.low) {
            const low = this.test(left, '>=', threshold(comparison.low));
            if (!comparison.high) return low;
            const high = this.test(left, '<=', threshold(comparison.high));
            const ok = this.local('c');
            this.lines.push(`const ${ok} = ${low.ok} && ${high.ok};`);
            return { ok, gap: `(${low.ok} ? undefined : ${low.gap}) ?? (${high.ok} ? undefined : ${high.gap})` };
        }
        return this.test(left, normalizeOp(comparison.operator ?? '='), threshold(comparison.right));
    }

    private test(left: NumberLocal, op: string, t: NumberLocal): CondLocal {
        const ok = this.local('c');
        this.lines.push(`const ${ok} = qHolds(qCmp(${left.n}, ${left.d}, ${t.n}, ${t.d}), ${str(op)});`);
        const ratio = left.ratio ? `, ${left.ratio}` : '';
        return { ok, gap: `qGap(${str(op)}, ${left.n}, ${left.d}, ${t.n}, ${t.d}, ${str(left.unit)}, ${left.integer}${ratio})` };
    }

    private plainFact(expression: Expression, member: string | undefined, kind: 'level' | 'boolean'): number {
        const inner = isParenthesizedExpression(expression) ? expression.expression : expression;
        const fact = isNameReference(inner) ? inner.target.ref : undefined;
        if (!isFactDecl(fact) || fact.derivation || factKindOf(fact, this.scope.types.typeOfFact(fact)) !== kind) throw new NotCompiled();
        return this.present(fact, member);
    }

    private levelClause(comparison: Comparison, member: string | undefined): CondLocal {
        // `từ mức độ 3 trở lên` is `>= mức độ 3`; a range of levels is left to the full path.
        const written = comparison.low ?? comparison.right;
        const target = written && isNameReference(written) ? written.target.ref : undefined;
        if (comparison.high || !isLevel(target) || !isScale(target.$container)) throw new NotCompiled();
        const index = target.$container.levels.indexOf(target);
        const value = slot('n', this.plainFact(comparison.left, member, 'level'));
        const op = comparison.low ? '>=' : normalizeOp(comparison.operator ?? '=');
        const ok = this.local('c');
        this.lines.push(`const ${ok} = qHolds(Math.sign(${value} - ${index}), ${str(op)});`);
        return { ok, gap: `qLevelGap(${value}, ${str(op)}, ${index})` };
    }

    private booleanClause(comparison: Comparison, member: string | undefined): CondLocal {
        const op = normalizeOp(comparison.operator ?? '=');
        if (comparison.low || !comparison.right || !isBooleanLiteral(comparison.right) || (op !== '=' && op !== '≠')) throw new NotCompiled();
        const value = slot('n', this.plainFact(comparison.left, member, 'boolean'));
        const wanted = comparison.right.value === 'có' ? 1 : 0;
        const ok = this.local('c');
        this.lines.push(`const ${ok} = (${value} === ${wanted}) === ${op === '='};`);
        return { ok, gap: 'undefined' };
    }
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
    if (indicator.points.length > 0 || indicator.unverified.length > 0 || (indicator.roundings[0] ?? scope.context.rounding)) return undefined;
    const emitter = new FastEmitter(scope, slots);
    let result: CondLocal;
    try {
        if (indicator.applicableIf) {
            const applicable = emitter.condition(indicator.applicableIf);
            // Not applicable carries its reason in notes: the full path says it.
            emitter.bail(`!${applicable.ok}`);
        }
        result = emitter.condition(indicator.requirement);
    } catch (error) {
        if (error instanceof NotCompiled) return undefined;
        throw error;
    }
    const gap = result.gap === 'undefined' ? 'undefined' : `${result.ok} ? undefined : ${result.gap}`;
    return functionCode(name, 'IndicatorResult', emitter, `quietIndicator(${meta}, ${result.ok}, ${gap})`);
}

/** `fast_gate_…(v)`: a gate over plain facts, or undefined when it cannot be compiled. */
export function fastGateCode(scope: ModuleScope, slots: FastSlots, gate: Gate, meta: string, name: string): Code | undefined {
    const emitter = new FastEmitter(scope, slots);
    let result: CondLocal;
    try {
        result = emitter.condition(gate.requirement);
    } catch (error) {
        if (error instanceof NotCompiled) return undefined;
        throw error;
    }
    return functionCode(name, 'GateResult', emitter, `quietGate(${meta}, ${result.ok})`);
}

function functionCode(name: string, resultType: string, emitter: FastEmitter, result: string): Code {
    const required = emitter.required.length === 0 ? []
        : [`if (${emitter.required.map(i => `h[${i}] !== 1`).join(' || ')}) {`, '    return undefined;', '}'];
    const lines = [...required, ...emitter.lines];
    const used = (array: string) => lines.some(line => line.includes(`${array}[`)) || result.includes(`${array}[`);
    const arrays = ['n', 'd', 'h'].filter(used).map(a => `${a} = v.${a}`);
    const head = arrays.length > 0 ? [`const ${arrays.join(', ')};`] : [];
    const body = [...head, ...lines, `return ${result};`].map(line => `    ${line}`).join('\n');
    const param = arrays.length > 0 ? 'v' : '_v';
    const text = code`function ${name}(${param}${typeOnly(': FastFacts')})${typeOnly(`: ${resultType} | undefined`)} {
${body}
}`;
    return { ts: text.ts.replaceAll(SLOT, '!'), js: text.js.replaceAll(SLOT, '') };
}
