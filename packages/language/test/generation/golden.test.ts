import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import * as runtime from '@ntm/runtime';
import { PUBLIC_TYPES, PUBLIC_VALUES, referencedNames } from '../../src/generation/module-header.js';
import { GENERATION_RESOURCES, ModuleLoader, generateModule, generateResource, outsideReferences, typeCheck } from './generated-module.js';

const GOLDEN_PACKS = ['minimal', 'constructs'];
const loader = new ModuleLoader();
afterAll(() => loader.dispose());

describe.each(GOLDEN_PACKS)('generated module of %s.ntm', name => {
    it('matches its golden files: the TypeScript module and the declarations of the JavaScript one', async () => {
        const module = await generateResource(`${name}.ntm`);
        await expect(module.text).toMatchFileSnapshot(`./__snapshots__/${name}.ts.snap`);
        await expect(module.declarations).toMatchFileSnapshot(`./__snapshots__/${name}.d.ts.snap`);
    });

    it('type-checks alone under strict, noUnusedLocals, exactOptionalPropertyTypes and noUncheckedIndexedAccess', async () => {
        const module = await generateResource(`${name}.ntm`);
        expect(typeCheck(module.text)).toEqual([]);
        expect(typeCheck(module.declarations, 'generated.d.ts')).toEqual([]);
    });

    it('imports @ntm/runtime and nothing else', async () => {
        const module = await generateResource(`${name}.ntm`);
        expect(outsideReferences(module.text)).toEqual([]);
        expect(outsideReferences(module.javascript)).toEqual([]);
        expect(module.javascript).toContain("from '@ntm/runtime';");
    });

    it('has JavaScript that is the TypeScript without its types (what the TypeScript compiler makes of it)', async () => {
        const module = await generateResource(`${name}.ntm`);
        const transpiled = ts.transpileModule(module.text, {
            compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, verbatimModuleSyntax: true }
        }).outputText;
        expect(withoutBlankLines(module.javascript)).toBe(withoutBlankLines(transpiled));
    });

    it('runs as generated, imported from a temp dir', async () => {
        const evaluator = await loader.load(await generateResource(`${name}.ntm`));
        const result = evaluator.evaluate({}, { ngàyĐánhGiá: '2024-01-01' });
        expect(result.resultFormat).toBe('ntm-result/3');
        expect(result.indicators.length).toBeGreaterThan(0);
        expect(result.indicators.every(i => i.verdict === 'thiếu dữ liệu')).toBe(true);
    });
});

describe('generated module file names', () => {
    it.each([
        ['mini', 'mini.ts'],
        ['cấu trúc', 'cau-truc.ts'],
        ['Đồng bằng sông Hồng', 'dong-bang-song-hong.ts']
    ])('pack %s is written to %s', async (id, fileName) => {
        const text = readFileSync(path.join(GENERATION_RESOURCES, 'minimal.ntm'), 'utf8').replace('bộ tiêu chí mini', `bộ tiêu chí ${id}`);
        expect((await generateModule(text, 'file-name')).fileName).toBe(fileName);
    });
});

function withoutBlankLines(text: string): string {
    return text
        .split('\n')
        .filter(line => line.trim() !== '')
        .join('\n');
}

describe('the head of a module', () => {
    it('re-exports exactly the public values and types of the runtime (result-types.ts)', () => {
        const file = createRequire(import.meta.url)
            .resolve('@ntm/runtime')
            .replace(/index\.js$/, 'result-types.d.ts');
        const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
        const values: string[] = [];
        const types: string[] = [];
        for (const statement of source.statements) {
            if (ts.isVariableStatement(statement)) values.push(...statement.declarationList.declarations.map(d => d.name.getText()));
            else if (ts.isClassDeclaration(statement) && statement.name) values.push(statement.name.text);
            else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) types.push(statement.name.text);
        }
        expect([...PUBLIC_VALUES].sort()).toEqual(values.sort());
        expect([...PUBLIC_TYPES].sort()).toEqual(types.sort());
        for (const value of PUBLIC_VALUES) expect(runtime, value).toHaveProperty(value);
    });

    it('finds the names code refers to, not texts, comments, property keys or members', () => {
        const names = referencedNames('const A = { label: fact(t, "compare(x)"), rule: B.rule }; // gate(\n/* any( */ all([lit(\'1\', "%")], 100n)');
        expect([...names].sort()).toEqual(['A', 'B', 'all', 'const', 'fact', 'lit', 't']);
    });
});

describe('the checks themselves', () => {
    it('typeCheck reports a type error', () => {
        expect(typeCheck('export const x: number = "text";')).toEqual(["generated.ts:1 Type 'string' is not assignable to type 'number'."]);
    });

    it('typeCheck applies noUncheckedIndexedAccess, noUnusedLocals and exactOptionalPropertyTypes', () => {
        expect(typeCheck('const xs: number[] = [1];\nexport const y: number = xs[0];')).toHaveLength(1);
        expect(typeCheck('const unused = 1;\nexport {};')).toHaveLength(1);
        expect(typeCheck('export const o: { a?: string } = { a: undefined };')).toHaveLength(1);
    });

    it('typeCheck finds @ntm/runtime as a consumer would', () => {
        expect(typeCheck("import type { Verdict } from '@ntm/runtime';\nexport const v: Verdict = 'đạt';")).toEqual([]);
    });

    it('outsideReferences finds every way out of a module but the runtime', () => {
        expect(outsideReferences("import { lit } from '@ntm/runtime';\nexport { FLAG_LABELS } from '@ntm/runtime';")).toEqual([]);
        expect(
            outsideReferences(
                [
                    "import fs from 'node:fs';",
                    "export * from './other.js';",
                    "const a = require('a');",
                    "const b = await import('b');",
                    "const c = eval('1');",
                    'const d = new Function("return 1");',
                    'const e = import.meta.url;'
                ].join('\n')
            )
        ).toHaveLength(7);
    });
});

describe('the input type of a generated module', () => {
    it('types as input every form a commune file may write', async () => {
        const module = await generateResource('constructs.ntm');
        const app = `${module.text}
export const forms: Facts[] = [
    { 'hộ dùng nước sạch': 12, 'tổng số hộ': '1.278', 'nước sinh hoạt': { 'giá trị': 14800, 'đơn vị': 'ml/người/ngày' } },
    { 'hộ dùng nước sạch': { 'ít nhất': 10 }, 'nước sinh hoạt': { từ: 80, đến: '110' }, 'tổng số hộ': { 'giá trị': 40, 'tính đến': '2023-12-31' } },
    { 'tổng số hộ': { 'báo cáo mâu thuẫn': [{ 'giá trị': 4274, trích: 'a' }, { 'giá trị': 4275, trích: 'b' }] } },
    { 'mức phổ cập': 'Mức độ 3', 'chăn nuôi tập trung': 'Có', 'mô hình a': 'KHÔNG', 'mô hình b': true, 'lao động qua đào tạo': { nữ: '98%' } }
];
`;
        expect(typeCheck(app)).toEqual([]);
        expect(
            typeCheck(`${module.text}
export const wrong: Facts = { 'mức phổ cập': 'mức độ 9' };
`)
        ).toHaveLength(1);
    });
});
