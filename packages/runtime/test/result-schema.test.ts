// The result's JSON Schema (schema/result.schema.json) is written once by hand; this keeps it the same as the
// types it describes (src/result-types.ts): each interface with a definition of its name has exactly its
// properties, required where the type requires them. That real results validate is tested where they are
// made (packages/cli/test/contract.test.ts).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(path.join(here, '../schema/result.schema.json'), 'utf8')) as {
    $schema: string;
    $defs: Record<string, { properties?: Record<string, unknown>; required?: string[]; enum?: string[] }>;
};
const source = ts.createSourceFile('result-types.ts', readFileSync(path.join(here, '../src/result-types.ts'), 'utf8'), ts.ScriptTarget.ES2022, true);

/** Interfaces of result-types.ts: property names, and which are required. */
function interfaces(): Map<string, { all: string[]; required: string[] }> {
    const found = new Map<string, { all: string[]; required: string[] }>();
    for (const statement of source.statements) {
        if (!ts.isInterfaceDeclaration(statement)) continue;
        const members = statement.members.filter(ts.isPropertySignature);
        const inherited = (statement.heritageClauses ?? []).flatMap(h => h.types.map(t => t.expression.getText()));
        const base = inherited.flatMap(name => {
            const b = found.get(name);
            return b ? [b] : [];
        });
        found.set(statement.name.text, {
            all: [...base.flatMap(b => b.all), ...members.map(m => m.name.getText())].sort(),
            required: [...base.flatMap(b => b.required), ...members.filter(m => !m.questionToken).map(m => m.name.getText())].sort()
        });
    }
    return found;
}

/** String literal unions of result-types.ts. */
function unions(): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (const statement of source.statements) {
        if (!ts.isTypeAliasDeclaration(statement) || !ts.isUnionTypeNode(statement.type)) continue;
        const literals = statement.type.types.flatMap(t => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text] : []));
        if (literals.length === statement.type.types.length) found.set(statement.name.text, literals.sort());
    }
    return found;
}

describe('the result schema', () => {
    it('is JSON Schema 2020-12', () => {
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    });

    it('describes each result interface with exactly its properties, required as the type says', () => {
        const types = interfaces();
        const described = Object.keys(schema.$defs).filter(name => types.has(name));
        expect(described.length).toBeGreaterThan(15);
        for (const name of described) {
            const def = schema.$defs[name]!;
            expect(Object.keys(def.properties ?? {}).sort(), name).toEqual(types.get(name)!.all);
            expect([...(def.required ?? [])].sort(), name).toEqual(types.get(name)!.required);
        }
        // Every interface an evaluation result is made of has its definition.
        for (const name of [
            'EvaluationResult',
            'IndicatorResult',
            'CriterionResult',
            'GateResult',
            'PackSummary',
            'PackInfo',
            'InputIssue',
            'CommuneResult',
            'CommuneIssue'
        ]) {
            expect(described, name).toContain(name);
        }
    });

    it('lists the codes of each union type', () => {
        for (const [name, values] of unions()) {
            const def = schema.$defs[name];
            if (def) expect([...(def.enum ?? [])].sort(), name).toEqual(values);
        }
    });
});
