// Generated code as one model with two renderings: the TypeScript output keeps the type annotations, the
// JavaScript output leaves them out. Nothing is parsed or stripped afterwards: a piece is marked as a type
// when it is written, and pack text only ever enters as a JSON string literal (`str` in emit-code.ts), in
// code that both renderings share. So the JavaScript needs no compiler, and no pack text can be mistaken
// for a type to remove.

/** A piece of generated code, as TypeScript and as JavaScript. */
export interface Code {
    readonly ts: string;
    readonly js: string;
}

/** A type annotation or declaration: rendered in the TypeScript output only. */
export interface TypeOnly {
    readonly typeOnly: string;
}

export const typeOnly = (text: string): TypeOnly => ({ typeOnly: text });

/** Text that is the same in both outputs (an expression, a statement without types). */
export const both = (text: string): Code => ({ ts: text, js: text });

/** A declaration that exists only for the type checker (an interface, a type import). */
export const tsOnly = (text: string): Code => ({ ts: text, js: '' });

/** ``code`function f(t${typeOnly(': FactTable')}) {…}` ``: strings go to both outputs, `TypeOnly` to TypeScript. */
export function code(strings: TemplateStringsArray, ...values: ReadonlyArray<string | TypeOnly | Code>): Code {
    let ts = strings[0] ?? '';
    let js = ts;
    values.forEach((value, i) => {
        if (typeof value === 'string') {
            ts += value;
            js += value;
        } else if ('typeOnly' in value) {
            ts += value.typeOnly;
        } else {
            ts += value.ts;
            js += value.js;
        }
        const next = strings[i + 1] ?? '';
        ts += next;
        js += next;
    });
    return { ts, js };
}

/** Joins pieces, leaving out those empty in one rendering (a TypeScript-only piece in JavaScript). */
export function joinCode(parts: readonly Code[], separator: string): Code {
    return {
        ts: parts
            .map(p => p.ts)
            .filter(text => text !== '')
            .join(separator),
        js: parts
            .map(p => p.js)
            .filter(text => text !== '')
            .join(separator)
    };
}

const INLINE_WIDTH = 110;

/**
 * A list of code items laid out for reading: on one line when short, else one item per line at `indent`
 * plus four spaces. Items are code already (literals from `str`, calls, references).
 */
export function layoutList(open: string, items: readonly string[], close: string, indent: string): string {
    const inline = `${open}${items.join(', ')}${close}`;
    if (items.length === 0 || (inline.length + indent.length <= INLINE_WIDTH && !inline.includes('\n'))) return inline;
    return `${open}\n${items.map(item => `${indent}    ${item}`).join(',\n')}\n${indent}${close}`;
}

/** An object literal, one property per line; properties whose value is undefined are left out. */
export function objectLines(entries: ReadonlyArray<readonly [string, string | undefined]>, indent: string): string {
    const lines = entries.flatMap(([key, value]) => (value === undefined ? [] : [`${indent}    ${propertyKey(key)}: ${value}`]));
    return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n${indent}}`;
}

/** An object literal on one line (a row of a table: a fact, a legal source). */
export function objectInline(entries: ReadonlyArray<readonly [string, string | undefined]>): string {
    const parts = entries.flatMap(([key, value]) => (value === undefined ? [] : [`${propertyKey(key)}: ${value}`]));
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}

/** Keys are the generator's own English names; anything else is quoted. */
function propertyKey(key: string): string {
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}
