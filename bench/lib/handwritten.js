// The honest baseline: the evaluator a careful developer writes by hand for one pack, emitted from the pack's
// AST so that it checks exactly the comparisons the generated module checks. Like the generated module it
//   - reads the same input formats: plain numbers, `{ "giá trị", "đơn vị" }`, ranges (`{ "trên": 90 }`,
//     `{ "từ": 80, "đến": 110 }`), breakdowns (`{ "nam": …, "nữ": … }`), levels by name, yes/no, rates the
//     report states itself;
//   - checks them: unknown names (after NFC), types, units, negative numbers, whole counts, at most 15 digits;
//   - is exact: numbers as integer numerator/denominator, compared by cross-multiplication, BigInt only when
//     a product leaves the safe integers;
//   - is four-valued: a missing fact gives «thiếu dữ liệu», a zero denominator «không áp dụng», a range is
//     decided only when the whole range agrees, a stated rate stands in when its parts are missing.
// Two modes: `verdicts` returns each indicator's and criterion's verdict and the recognition; `explained`
// also writes one explanation per indicator (its rule, the values it read, the verdict).

import { ast, sourceText } from '@ntm/language';
import { breakdownOfExpression, indicatorsOf } from './baselines.js';

const str = JSON.stringify;
const OPS = { '>=': '>=', '≥': '>=', '<=': '<=', '≤': '<=', '>': '>', '<': '<', '=': '=', '≠': '≠' };

/** The facts an expression reads, through derived facts: what the explanation shows. */
function inputsOf(node, out = new Set()) {
    if (!node || typeof node !== 'object') return out;
    if (ast.isNameReference(node) && ast.isFactDecl(node.target.ref)) {
        const fact = node.target.ref;
        if (fact.derivation) inputsOf(fact.derivation, out);
        else out.add(fact.name);
    }
    if (ast.isPresence(node) && node.fact.ref) out.add(node.fact.ref.name);
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        if (Array.isArray(value)) value.forEach(v => v?.$type && inputsOf(v, out));
        else if (value?.$type) inputsOf(value, out);
    }
    return out;
}

/**
 * JavaScript source of the baseline module for `pack`: `export function evaluate(facts)`.
 * `specs` is the generated module's FACT_SPECS (the same facts, kinds and units). mode: 'verdicts' | 'explained'.
 */
export function emitHandwritten(pack, services, specs, mode) {
    const types = services.typing.TypeComputer;
    const explained = mode === 'explained';
    const constants = new Map();
    const constant = text => {
        if (!constants.has(text)) constants.set(text, `K${constants.size}`);
        return constants.get(text);
    };

    function read(fact, member) {
        const members = member !== undefined && fact.indexes.some(ast.isBreakdownIndex);
        return members ? `v[${str(`${fact.name}|`)} + ${member}]` : `v[${str(fact.name)}]`;
    }

    function expression(e, member) {
        if (ast.isQuantityLiteral(e)) return constant(String(Number(e.value)));
        if (ast.isParenthesizedExpression(e)) return expression(e.expression, member);
        if (ast.isNameReference(e)) {
            const target = e.target.ref;
            if (ast.isFactDecl(target)) {
                if (!target.derivation) return read(target, member);
                const stated = member === undefined || target.indexes.some(ast.isBreakdownIndex) ? read(target, member) : 'undefined';
                return `derived(${expression(target.derivation, member)}, ${stated})`;
            }
            if (ast.isLevel(target)) return String(target.$container.levels.indexOf(target));
            throw new Error(`unresolved ${e.target.$refText}`);
        }
        if (ast.isRatio(e)) return `ratio(${expression(e.numerator, member)}, ${expression(e.denominator, member)})`;
        if (ast.isBinaryExpression(e)) {
            const typing = types.binary(e.operator, types.typeOf(e.left), types.typeOf(e.right));
            const op = e.operator === '×' ? '*' : e.operator;
            const scale = typing.scale === 'to-percent' ? 1 : typing.scale === 'percent-of' ? -1 : 0;
            return `arith(${str(op)}, ${expression(e.left, member)}, ${expression(e.right, member)}, ${scale})`;
        }
        throw new Error(`handwritten baseline: unsupported expression ${e.$type}`);
    }

    function comparison(c) {
        const leftType = types.typeOf(c.left);
        const level = leftType.kind === 'level';
        const check = member => {
            const left = expression(c.left, member);
            const compare = (op, right) => (level ? `cmpLevel(${left}, ${str(op)}, ${right})` : `cmp(${left}, ${str(op)}, ${right})`);
            if (c.low) {
                const low = compare('>=', expression(c.low, member));
                return c.high ? `all2(${low}, ${compare('<=', expression(c.high, member))})` : low;
            }
            if (ast.isBooleanLiteral(c.right)) return `cmpBool(${left}, ${str(OPS[c.operator ?? '='])}, ${c.right.value === 'có'})`;
            return compare(OPS[c.operator ?? '='], expression(c.right, member));
        };
        const members = c.members.map(m => m.ref?.name ?? m.$refText);
        if (members.length > 0 && breakdownOfExpression(c.left)) return `all([${members.map(m => check(str(m))).join(', ')}])`;
        return check(undefined);
    }

    function condition(c) {
        if (ast.isOr(c)) return `any([${condition(c.left)}, ${condition(c.right)}])`;
        if (ast.isAnd(c)) return `all([${condition(c.left)}, ${condition(c.right)}])`;
        if (ast.isGroupedCondition(c)) return condition(c.condition);
        if (ast.isPresence(c)) return `has(${read(c.fact.ref, undefined)}, ${c.negated})`;
        if (ast.isQuantified(c)) {
            const items = c.items.map(condition);
            return c.all ? `all([${items.join(', ')}])` : c.any ? `any([${items.join(', ')}])` : `atLeast(${Number(c.atLeast)}, [${items.join(', ')}])`;
        }
        if (ast.isComparison(c)) return comparison(c);
        throw new Error(`handwritten baseline: unsupported condition ${c.$type}`);
    }

    const indicators = indicatorsOf(pack);
    const criteria = pack.members.filter(ast.isCriterion).map(c => String(c.label));
    const gates = pack.members.filter(ast.isGate);
    const lines = [`// Hand-written-style baseline (${mode}) for «${pack.name ?? ''}», emitted by bench/lib/handwritten.js.`, HELPERS];
    lines.push(
        `const SPECS = ${str(Object.fromEntries(specs.map(s => [s.name, { kind: s.kind, unit: s.unit, ...(s.levels ? { levels: s.levels } : {}), ...(s.members ? { members: s.members } : {}) }])))};`
    );
    const head = lines.length;
    lines.push('export function evaluate(facts) {');
    lines.push('    const v = readFacts(facts);');
    lines.push('    const i = {};');
    if (explained) lines.push('    const e = {};');
    for (const { criterion, indicator } of indicators) {
        const label = String(indicator.label);
        const requirement = condition(indicator.requirement);
        const value = indicator.applicableIf ? `applicable(${condition(indicator.applicableIf)}, () => ${requirement})` : requirement;
        lines.push(`    i[${str(label)}] = ${value};`);
        if (explained) {
            const shown = [...inputsOf(indicator.requirement)].map(name => `${name} = \${show(v[${str(name)}], v, ${str(name)})}`).join('; ');
            lines.push(
                `    e[${str(label)}] = \`${label} (${sourceText(indicator.requirement).replace(/[`$\\]/g, '')}): ${shown.replace(/`/g, '')} → \${WORD[i[${str(label)}]]}\`;`
            );
        }
        void criterion;
    }
    lines.push('    const c = {};');
    for (const label of criteria) {
        const own = indicators.filter(x => x.criterion === label).map(x => `i[${str(String(x.indicator.label))}]`);
        lines.push(`    c[${str(label)}] = all([${own.join(', ')}]);`);
    }
    lines.push(
        `    const recognised = all([${criteria
            .map(l => `c[${str(l)}] === NA ? MET : c[${str(l)}]`)
            .concat(gates.map(g => condition(g.requirement)))
            .join(', ')}]);`
    );
    lines.push(
        explained
            ? '    return { indicators: words(i), criteria: words(c), recognised: WORD[recognised], explanations: e };'
            : '    return { indicators: words(i), criteria: words(c), recognised: WORD[recognised] };'
    );
    lines.push('}');
    lines.splice(head, 0, ...[...constants].map(([text, name]) => `const ${name} = lit(${str(text)});`));
    return lines.join('\n') + '\n';
}

/** The helpers a hand-writer puts above the rules: input reading and checks, exact numbers, four verdicts. */
const HELPERS = `
const NOT_MET = 0, MET = 1, MISSING = 2, NA = 3;
const WORD = ['chưa đạt', 'đạt', 'thiếu dữ liệu', 'không áp dụng'];
const M = { missing: true }, N = { na: true };
const RANGE_KEYS = new Set(['trên', 'dưới', 'từ', 'đến', 'ít nhất', 'nhiều nhất']);
const bad = (name, why) => { throw new Error(\`Dữ kiện «\${name}»: \${why}\`); };
const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A JSON number as an exact fraction n/d (d a power of ten). */
function q(name, x, count) {
    if (typeof x !== 'number' || !Number.isFinite(x)) bad(name, 'cần một số');
    if (x < 0) bad(name, 'giá trị âm');
    if (Number.isInteger(x)) {
        if (x > 999999999999999) bad(name, 'quá 15 chữ số');
        return { n: x, d: 1 };
    }
    if (count) bad(name, 'số đếm phải là số nguyên');
    const text = String(x);
    if (/e/i.test(text)) bad(name, 'quá 15 chữ số');
    const dot = text.indexOf('.');
    const digits = text.slice(0, dot) + text.slice(dot + 1);
    if (digits.replace(/^0+/, '').length > 15) bad(name, 'quá 15 chữ số');
    return { n: Number(digits), d: 10 ** (text.length - dot - 1) };
}

function scalar(name, spec, x) {
    if (isObject(x) && 'giá trị' in x) {
        if (x['đơn vị'] !== undefined && String(x['đơn vị']).replace(/²/g, '2').trim() !== spec.unit.replace(/²/g, '2')) bad(name, 'sai đơn vị');
        x = x['giá trị'];
    }
    if (x === null || x === undefined) return undefined;
    switch (spec.kind) {
        case 'boolean':
            if (x === true || x === 'có') return true;
            if (x === false || x === 'không') return false;
            return bad(name, 'cần có/không');
        case 'level': {
            const i = typeof x === 'string' ? spec.levels.indexOf(x.normalize('NFC').trim()) : -1;
            return i < 0 ? bad(name, 'mức không có trong thang') : i;
        }
        case 'date': return x;
        default: {
            const count = spec.kind === 'count' || spec.kind === 'year';
            if (!isObject(x)) return q(name, x, count);
            const r = { range: true, lo: undefined, hi: undefined, loOpen: false, hiOpen: false };
            for (const key in x) {
                const b = q(name, x[key], count);
                if (key === 'trên') { r.lo = b; r.loOpen = true; }
                else if (key === 'từ' || key === 'ít nhất') r.lo = b;
                else if (key === 'dưới') { r.hi = b; r.hiOpen = true; }
                else if (key === 'đến' || key === 'nhiều nhất') r.hi = b;
                else bad(name, 'khóa khoảng lạ');
            }
            if (!r.lo && !r.hi) bad(name, 'khoảng rỗng');
            if (r.lo && r.hi && qcmp(r.lo, r.hi) > 0) bad(name, 'khoảng ngược');
            return r;
        }
    }
}

/** The commune's facts by name (a breakdown's parts as «name|member»), every value checked. */
function readFacts(facts) {
    const v = {};
    for (const key in facts) {
        const spec = SPECS[key] ?? SPECS[key.normalize('NFC')];
        if (!spec) bad(key, 'không có trong bộ tiêu chí');
        const name = SPECS[key] ? key : key.normalize('NFC');
        const x = facts[key];
        if (spec.members && isObject(x) && !('giá trị' in x) && Object.keys(x).some(k => !RANGE_KEYS.has(k))) {
            for (const member in x) {
                if (member === 'tổng') { const t = scalar(name, spec, x[member]); if (t !== undefined) v[name] = t; continue; }
                if (!spec.members.includes(member)) bad(name, \`«\${member}» không phải một phần của phân tổ\`);
                const s = scalar(name, spec, x[member]);
                if (s !== undefined) v[name + '|' + member] = s;
            }
        } else {
            const s = scalar(name, spec, x);
            if (s !== undefined) v[name] = s;
        }
    }
    return v;
}

// Exact arithmetic on n/d: plain integers while the products stay safe, BigInt after.
const big = (x) => typeof x === 'bigint' ? x : BigInt(x);
function mul(a, b) {
    if (typeof a === 'number' && typeof b === 'number') { const p = a * b; if (Number.isSafeInteger(p)) return p; }
    return big(a) * big(b);
}
function add(a, b) {
    if (typeof a === 'number' && typeof b === 'number') { const s = a + b; if (Number.isSafeInteger(s)) return s; }
    return big(a) + big(b);
}
const isZero = (x) => x === 0 || x === 0n;
function qcmp(a, b) { const l = mul(a.n, b.d), r = mul(b.n, a.d); return l < r ? -1 : l > r ? 1 : 0; }
const CONST = new Map();
function lit(text) {
    let c = CONST.get(text);
    if (!c) { const dot = text.indexOf('.'); c = dot < 0 ? { n: Number(text), d: 1 } : { n: Number(text.replace('.', '')), d: 10 ** (text.length - dot - 1) }; CONST.set(text, c); }
    return c;
}
const value = (x) => x === undefined ? M : x;
function blocked(a, b) {
    if (a === M || b === M) return M;
    if (a === N || b === N) return N;
    if (a.range || b.range) return M;
    return undefined;
}
function ratio(a, b) {
    a = value(a); b = value(b);
    const stop = blocked(a, b);
    if (stop) return stop;
    if (isZero(b.n)) return N;
    return { n: mul(mul(a.n, b.d), 100), d: mul(a.d, b.n) };
}
function arith(op, a, b, scale) {
    a = value(a); b = value(b);
    const stop = blocked(a, b);
    if (stop) return stop;
    let r;
    if (op === '+' || op === '-') r = { n: add(mul(a.n, b.d), op === '-' ? -mul(b.n, a.d) : mul(b.n, a.d)), d: mul(a.d, b.d) };
    else if (op === '*') r = { n: mul(a.n, b.n), d: mul(a.d, b.d) };
    else {
        if (isZero(b.n)) return N;
        r = b.n < 0 ? { n: -mul(a.n, b.d), d: -mul(a.d, b.n) } : { n: mul(a.n, b.d), d: mul(a.d, b.n) };
    }
    return scale === 1 ? { n: mul(r.n, 100), d: r.d } : scale === -1 ? { n: r.n, d: mul(r.d, 100) } : r;
}
/** A rate computed from its parts, or the report's own figure when the parts are missing. */
function derived(computed, stated) {
    return computed === M && stated !== undefined ? stated : computed;
}

function holds(c, op) {
    return op === '>=' ? c >= 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : op === '<' ? c < 0 : op === '=' ? c === 0 : c !== 0;
}
function cmp(left, op, t) {
    left = value(left);
    if (left === M) return MISSING;
    if (left === N) return NA;
    if (!left.range) return holds(qcmp(left, t), op) ? MET : NOT_MET;
    // A range decides only when all of it agrees.
    const lo = left.lo ? qcmp(left.lo, t) : undefined, hi = left.hi ? qcmp(left.hi, t) : undefined;
    if (op === '>=' || op === '>') {
        if (lo !== undefined && (lo > 0 || (lo === 0 && (op === '>=' || left.loOpen)))) return MET;
        if (hi !== undefined && (hi < 0 || (hi === 0 && (op === '>' || left.hiOpen)))) return NOT_MET;
        return MISSING;
    }
    if (op === '<=' || op === '<') {
        if (hi !== undefined && (hi < 0 || (hi === 0 && (op === '<=' || left.hiOpen)))) return MET;
        if (lo !== undefined && (lo > 0 || (lo === 0 && (op === '<' || left.loOpen)))) return NOT_MET;
        return MISSING;
    }
    const apart = (hi !== undefined && (hi < 0 || (hi === 0 && left.hiOpen))) || (lo !== undefined && (lo > 0 || (lo === 0 && left.loOpen)));
    return apart ? (op === '≠' ? MET : NOT_MET) : MISSING;
}
function cmpLevel(left, op, t) {
    return left === undefined ? MISSING : holds(Math.sign(left - t), op) ? MET : NOT_MET;
}
function cmpBool(left, op, b) {
    return left === undefined ? MISSING : (left === b) === (op === '=') ? MET : NOT_MET;
}
function has(x, negated) {
    return x === undefined ? MISSING : x !== negated ? MET : NOT_MET;
}
function all(codes) {
    let missing = false, applicable = false;
    for (const c of codes) {
        if (c === NOT_MET) return NOT_MET;
        if (c === MISSING) missing = true;
        if (c !== NA) applicable = true;
    }
    return missing ? MISSING : !applicable && codes.length > 0 ? NA : MET;
}
const all2 = (a, b) => all([a, b]);
function any(codes) {
    let missing = false, applicable = false;
    for (const c of codes) {
        if (c === MET) return MET;
        if (c === MISSING) missing = true;
        if (c !== NA) applicable = true;
    }
    return missing ? MISSING : !applicable && codes.length > 0 ? NA : NOT_MET;
}
function atLeast(k, codes) {
    let met = 0, open = 0;
    for (const c of codes) { if (c === MET) met++; else if (c === MISSING) open++; }
    return met >= k ? MET : met + open >= k ? MISSING : NOT_MET;
}
function applicable(condition, requirement) {
    return condition === MET ? requirement() : condition === MISSING ? MISSING : NA;
}
function words(codes) {
    const out = {};
    for (const key in codes) out[key] = WORD[codes[key]];
    return out;
}
function show(x, v, name) {
    if (x === undefined) {
        const parts = Object.keys(v).filter(k => k.startsWith(name + '|'));
        return parts.length === 0 ? 'thiếu' : parts.map(k => k.slice(name.length + 1) + ' ' + show(v[k])).join(', ');
    }
    if (x === true) return 'có';
    if (x === false) return 'không';
    if (typeof x === 'number') return String(x);
    if (x.range) return (x.lo ? (x.loOpen ? 'trên ' : 'từ ') + show(x.lo) : '') + (x.hi ? (x.hiOpen ? ' dưới ' : ' đến ') + show(x.hi) : '');
    return String(Number(x.n) / Number(x.d)).replace('.', ',');
}
`;
