import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUNTIME_SOURCE } from '../../src/generation/embedded-runtime.js';
import {
    GENERATION_RESOURCES, ModuleLoader, RUNTIME_DIRECTORY, RUNTIME_PLACEHOLDER, generateModule, generateResource, outsideReferences, typeCheck, withoutRuntime
} from './generated-module.js';

const GOLDEN_PACKS = ['minimal', 'constructs'];
const loader = new ModuleLoader();
afterAll(() => loader.dispose());

describe.each(GOLDEN_PACKS)('generated module of %s.ntm', (name) => {
    it('matches its golden file, with the runtime cut out', async () => {
        const module = await generateResource(`${name}.ntm`);
        await expect(withoutRuntime(module.text)).toMatchFileSnapshot(`./__snapshots__/${name}.ts.snap`);
    });

    it('type-checks alone under strict and noUncheckedIndexedAccess', async () => {
        const module = await generateResource(`${name}.ntm`);
        expect(typeCheck(module.text)).toEqual([]);
    });

    it('imports nothing', async () => {
        const module = await generateResource(`${name}.ntm`);
        expect(outsideReferences(module.text)).toEqual([]);
    });

    it('runs once transpiled and imported from a temp dir', async () => {
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
        const text = readFileSync(path.join(GENERATION_RESOURCES, 'minimal.ntm'), 'utf8')
            .replace('bộ tiêu chí mini', `bộ tiêu chí ${id}`);
        expect((await generateModule(text, 'file-name')).fileName).toBe(fileName);
    });
});

/** The same cut as scripts/embed-runtime.mjs: imports go, and `export` too except in the public result types. */
function embeddedForm(file: string, keepExports: boolean): string {
    let text = readFileSync(path.join(RUNTIME_DIRECTORY, file), 'utf8').replace(/^import[\s\S]*?from '[^']+';\r?\n/gm, '');
    if (!keepExports) {
        text = text.replace(/^export (?=(function|const|interface|type|class|let) )/gm, '');
    }
    return text.trim();
}

describe('embedded runtime', () => {
    const files = ['result-types.ts', 'exact-numbers.ts', 'places.ts', 'dates.ts', 'names.ts', 'number-text.ts', 'fact-input.ts', 'values.ts', 'conditions.ts', 'quantifiers.ts', 'context.ts', 'points.ts', 'assembly.ts'];

    it('covers every runtime source file', () => {
        expect(readdirSync(RUNTIME_DIRECTORY).filter(f => f.endsWith('.ts')).sort()).toEqual([...files].sort());
    });

    it('is the runtime sources verbatim (rebuild with `npm run langium:generate` when this fails)', () => {
        const expected = files.map(file => embeddedForm(file, file === 'result-types.ts')).join('\n\n') + '\n';
        expect(RUNTIME_SOURCE).toBe(expected);
    });

    it('runtime sources import only each other, so cutting the imports loses nothing', () => {
        for (const file of files) {
            const imports = [...readFileSync(path.join(RUNTIME_DIRECTORY, file), 'utf8').matchAll(/^import[\s\S]*?from '([^']+)';/gm)].map(m => m[1]);
            for (const specifier of imports) {
                expect(files, `${file} imports ${specifier}`).toContain(path.basename(specifier ?? '', '.js') + '.ts');
            }
        }
    });

    it('is in every generated module exactly once, and is all that the golden files leave out', async () => {
        for (const name of GOLDEN_PACKS) {
            const module = await generateResource(`${name}.ntm`);
            expect(module.text.split(RUNTIME_SOURCE).length).toBe(2);
            expect(withoutRuntime(module.text).replace(RUNTIME_PLACEHOLDER + '\n', RUNTIME_SOURCE)).toBe(module.text);
        }
    });
});

describe('the checks themselves', () => {
    it('typeCheck reports a type error', () => {
        expect(typeCheck('export const x: number = "text";')).toEqual([
            "generated.ts:1 Type 'string' is not assignable to type 'number'."
        ]);
    });

    it('typeCheck applies noUncheckedIndexedAccess', () => {
        expect(typeCheck('const xs: number[] = [1];\nexport const y: number = xs[0];')).toHaveLength(1);
    });

    it('outsideReferences finds every way out of a module', () => {
        expect(outsideReferences([
            "import fs from 'node:fs';",
            "export * from './other.js';",
            "const a = require('a');",
            "const b = await import('b');",
            "const c = eval('1');",
            'const d = new Function("return 1");',
            'const e = import.meta.url;'
        ].join('\n'))).toHaveLength(7);
    });
});
