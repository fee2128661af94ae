// Checks a value against the commune file's schema (commune-schema.ts) and says what is wrong in Vietnamese.
// A small interpreter of the few JSON Schema keywords that schema uses, so that the runtime (and every
// generated module) reads commune files without a schema library. Problems come in the order a JSON Schema
// validator reports them: keywords for any value (enum, anyOf) first, then those of the value's type.

import { shortText } from '../names.js';

/** The subset of JSON Schema the commune file's schema is written in. */
export interface ShapeSchema {
    readonly type?: string | readonly string[];
    readonly enum?: readonly unknown[];
    readonly minLength?: number;
    readonly required?: readonly string[];
    readonly anyOf?: readonly ShapeSchema[];
    readonly properties?: Readonly<Record<string, ShapeSchema>>;
    readonly additionalProperties?: boolean | ShapeSchema;
    readonly items?: ShapeSchema;
}

/** A problem of shape: the keys from the root to the field, and the message. */
export interface ShapeProblem {
    readonly path: readonly string[];
    readonly message: string;
}

const VIETNAMESE_TYPES: Readonly<Record<string, string>> = {
    string: 'chuỗi',
    object: 'đối tượng { … }',
    array: 'danh sách [ … ]',
    number: 'số',
    boolean: 'true/false'
};

function typeOf(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    return typeof value;
}

const has = (object: object, key: string): boolean => Object.hasOwn(object, key);

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every problem of `value` against `schema`, each once. */
export function shapeProblems(schema: ShapeSchema, value: unknown): ShapeProblem[] {
    const problems: ShapeProblem[] = [];
    check(schema, value, [], problems);
    const seen = new Set<string>();
    return problems.filter(p => {
        const key = `${p.path.join('.')}\u0000${p.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

function typesOf(schema: ShapeSchema): readonly string[] {
    return schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
}

/**
 * A value passes `anyOf` when any branch passes. Otherwise: for branches that only require fields (the
 * root's «dữ kiện» or «các thôn») the one message that says so; when a branch is of the value's type, that
 * branch's problems (they say what to fix inside it); else what the value may be.
 */
function anyOfProblems(branches: readonly ShapeSchema[], value: unknown, path: readonly string[], problems: ShapeProblem[]): void {
    const outcomes = branches.map(branch => {
        const found: ShapeProblem[] = [];
        check(branch, value, path, found);
        return found;
    });
    if (outcomes.some(found => found.length === 0)) return;
    if (branches.every(branch => Object.keys(branch).length === 1 && branch.required)) {
        problems.push({ path, message: 'Cần «dữ kiện» (dữ kiện của xã) hoặc «các thôn» (dữ kiện của từng thôn).' });
        return;
    }
    const ofType = branches.findIndex(branch => typesOf(branch).includes(typeOf(value)));
    if (ofType >= 0) {
        problems.push(...outcomes[ofType]!);
        return;
    }
    const allowed = branches.flatMap(branch =>
        branch.enum
            ? branch.enum.filter(v => v !== null).map(v => `«${String(v)}»`)
            : typesOf(branch)
                  .filter(t => t !== 'null')
                  .map(t => VIETNAMESE_TYPES[t] ?? t)
    );
    problems.push({ path, message: `Giá trị phải là một trong: ${[...new Set(allowed)].join(', ')}.` });
}

function check(schema: ShapeSchema, value: unknown, path: readonly string[], problems: ShapeProblem[]): void {
    const add = (message: string, at: readonly string[] = path) => problems.push({ path: at, message });
    const types = typesOf(schema);
    const typeOk = types.length === 0 || types.includes(typeOf(value));
    const typeMessage = () => `Cần kiểu ${VIETNAMESE_TYPES[types.find(t => t !== 'null') ?? ''] ?? types.find(t => t !== 'null') ?? ''}.`;
    // With several types allowed, the type is checked before anything else.
    if (!typeOk && types.length > 1) add(typeMessage());
    if (schema.enum && !schema.enum.includes(value)) {
        const allowed = [...new Set(schema.enum.filter(v => v !== null).map(v => String(v)))];
        add(`Giá trị phải là một trong: ${allowed.map(v => `«${v}»`).join(', ')}.`);
    }
    if (schema.anyOf) anyOfProblems(schema.anyOf, value, path, problems);
    if (!typeOk) {
        if (types.length === 1) add(typeMessage());
        return;
    }
    if (typeof value === 'string' && schema.minLength !== undefined && [...value].length < schema.minLength) add('Không được để trống.');
    if (Array.isArray(value) && schema.items) {
        value.forEach((item, index) => check(schema.items!, item, [...path, String(index)], problems));
    }
    if (isObject(value)) {
        for (const key of schema.required ?? []) {
            if (!has(value, key)) add(`Thiếu trường «${key}».`);
        }
        const properties = schema.properties ?? {};
        const extra = schema.additionalProperties;
        if (extra !== undefined && extra !== true) {
            for (const [key, item] of Object.entries(value)) {
                if (has(properties, key)) continue;
                if (extra === false) add(`Trường «${shortText(key)}» không thuộc định dạng tệp xã (xem docs/tep-xa.md).`, [...path, key]);
                else check(extra, item, [...path, key], problems);
            }
        }
        for (const [key, property] of Object.entries(properties)) {
            if (has(value, key)) check(property, value[key], [...path, key], problems);
        }
    }
}
