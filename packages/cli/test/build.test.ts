// `ntm build`: the module as an app adopts it — JavaScript importing @ntm/runtime with its declarations, the
// TypeScript module on request, or one self-contained file.
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ntm, resources, root, tempDir } from './helpers/run-ntm.js';

const HA_NAM = path.join(root, 'rulesets/ha-nam/ntm-nang-cao.ntm');

/** A folder set up as an app's project: an ES module package with @ntm/runtime installed. */
function appProject(): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    mkdirSync(path.join(dir, 'node_modules', '@ntm'), { recursive: true });
    symlinkSync(path.join(root, 'packages/runtime'), path.join(dir, 'node_modules/@ntm/runtime'), 'dir');
    return dir;
}

/** Type-checks files as an app's strict project does (the flags of issue 12). */
function typeCheck(files: readonly string[]): string[] {
    const program = ts.createProgram([...files], {
        strict: true,
        noUnusedLocals: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        types: [],
        skipLibCheck: true
    });
    return ts
        .getPreEmitDiagnostics(program)
        .map(d => `${d.file ? path.basename(d.file.fileName) : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Module specifiers a JavaScript file imports or re-exports from. */
function importedModules(text: string): string[] {
    const file = ts.createSourceFile('m.js', text, ts.ScriptTarget.ES2022, true);
    return file.statements.flatMap(s =>
        (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? [s.moduleSpecifier.text] : []
    );
}

function liemCanInput(): { facts: unknown; options: Record<string, unknown> } {
    const data = JSON.parse(readFileSync(path.join(root, 'examples/ha-nam/liem-can-2024.json'), 'utf8'));
    return {
        facts: data['dữ kiện'],
        options: { ngàyĐánhGiá: data['ngày đánh giá'], vùng: data['thuộc tính']?.['vùng'], điểmThẩmTra: data['điểm thẩm tra'] }
    };
}

describe('ntm build', () => {
    it('writes .js and .d.ts by default: the module imports @ntm/runtime only and runs in a project that has it', async () => {
        const dir = appProject();
        const out = await ntm('build', HA_NAM, '-o', dir);
        expect(out.code, out.stderr).toBe(0);
        expect(
            readdirSync(dir)
                .filter(f => f.startsWith('ha-nam'))
                .sort()
        ).toEqual(['ha-nam-ntm-nang-cao.d.ts', 'ha-nam-ntm-nang-cao.input.schema.json', 'ha-nam-ntm-nang-cao.js', 'ha-nam-ntm-nang-cao.result.schema.json']);
        const javascript = readFileSync(path.join(dir, 'ha-nam-ntm-nang-cao.js'), 'utf8');
        expect([...new Set(importedModules(javascript))]).toEqual(['@ntm/runtime']);
        expect(javascript).toMatch(/^function indicator_2_1\(t\) \{$/m);
        const declarations = readFileSync(path.join(dir, 'ha-nam-ntm-nang-cao.d.ts'), 'utf8');
        expect(declarations).toContain('export declare function evaluate(facts: Facts, options: EvaluateOptions): EvaluationResult;');
        const usage = path.join(dir, 'app.ts');
        writeFileSync(
            usage,
            "import { evaluate, NtmInputError, type EvaluationResult } from './ha-nam-ntm-nang-cao.js';\n" +
                "export const result: EvaluationResult = evaluate({ 'tổng số hộ': 10 }, { ngàyĐánhGiá: '2024-11-26' });\nexport const error = NtmInputError;\n"
        );
        expect(typeCheck([usage])).toEqual([]);
        const module = await import(pathToFileURL(path.join(dir, 'ha-nam-ntm-nang-cao.js')).href);
        const { facts, options } = liemCanInput();
        expect(module.evaluate(facts, options).summary.criteriaTotal).toBe(19);
    });

    it('writes the TypeScript module with --ts, which passes strict, noUnusedLocals, exactOptionalPropertyTypes and noUncheckedIndexedAccess', async () => {
        const dir = appProject();
        const out = await ntm('build', HA_NAM, '-o', dir, '--ts');
        expect(out.code, out.stderr).toBe(0);
        expect(
            readdirSync(dir)
                .filter(f => f.startsWith('ha-nam'))
                .sort()
        ).toEqual(['ha-nam-ntm-nang-cao.input.schema.json', 'ha-nam-ntm-nang-cao.result.schema.json', 'ha-nam-ntm-nang-cao.ts']);
        expect(typeCheck([path.join(dir, 'ha-nam-ntm-nang-cao.ts')])).toEqual([]);
    });

    it('writes one self-contained file with --bundle: it imports nothing, runs anywhere and gives the same result', async () => {
        const bundled = tempDir();
        const out = await ntm('build', HA_NAM, '-o', bundled, '--bundle');
        expect(out.code, out.stderr).toBe(0);
        const javascript = readFileSync(path.join(bundled, 'ha-nam-ntm-nang-cao.js'), 'utf8');
        expect(importedModules(javascript)).toEqual([]);
        expect(javascript).not.toMatch(/\brequire\(|\bimport\(/);
        expect(javascript.startsWith('// Sinh tự động bởi trình biên dịch ntm')).toBe(true);
        // Only the runtime the pack uses: the Hà Nam pack has no points, so no scoring code.
        expect(javascript).not.toContain('function scoreIndicator');
        writeFileSync(path.join(bundled, 'package.json'), JSON.stringify({ type: 'module' }));
        expect(typeCheck([path.join(bundled, 'ha-nam-ntm-nang-cao.d.ts')])).toEqual([]);
        const plain = appProject();
        expect((await ntm('build', HA_NAM, '-o', plain)).code).toBe(0);
        const { facts, options } = liemCanInput();
        const alone = await import(pathToFileURL(path.join(bundled, 'ha-nam-ntm-nang-cao.js')).href);
        const withRuntime = await import(pathToFileURL(path.join(plain, 'ha-nam-ntm-nang-cao.js')).href);
        expect(JSON.stringify(alone.evaluate(facts, options))).toBe(JSON.stringify(withRuntime.evaluate(facts, options)));
        expect(Object.keys(alone).sort()).toEqual(Object.keys(withRuntime).sort());
    });

    it('refuses --ts with --bundle', async () => {
        const dir = tempDir();
        const out = await ntm('build', path.join(resources, 'mini.ntm'), '-o', dir, '--ts', '--bundle');
        expect(out.code).toBe(2);
        expect(out.stderr).toContain('«--ts» và «--bundle» không dùng cùng nhau');
        expect(readdirSync(dir)).toEqual([]);
    });

    it('writes nothing when the pack has errors', async () => {
        const dir = tempDir();
        const out = await ntm('build', path.join(resources, 'unit-mismatch.ntm'), '-o', dir);
        expect(out.code).toBe(1);
        expect(readdirSync(dir)).toEqual([]);
    });
});
