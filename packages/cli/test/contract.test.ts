// The contract for apps (issue 12, item 5): `ntm build` writes JSON Schemas of the module's input and result;
// the module's `evaluateCommune` takes a commune file's JSON as written in examples/ and reports the same
// problems `ntm eval` does (one reader: @ntm/runtime's); options have one English alias each.
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ntm, root, tempDir } from './helpers/run-ntm.js';

type Schema = Record<string, unknown>;
type Issue = { readonly severity: string; readonly path: readonly string[]; readonly message: string };
interface Module {
    evaluate(facts: unknown, options: Record<string, unknown>): { summary: { text: string }; indicators: { label: string; verdict: string }[] };
    evaluateCommune(commune: unknown, options?: Record<string, unknown>): { result?: unknown; villages?: { result: unknown }[]; issues: Issue[] };
    readonly FACT_SPECS: readonly { name: string; kind: string; levels?: readonly string[] }[];
}

const Ajv2020 = (Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module;
/** Strict, as an app's validator would be; `required` in `anyOf` branches names properties declared beside it. */
const ajv = new (Ajv2020 as unknown as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } })({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true
});

/** Every pack in rulesets/ with the sample communes that name it. */
const PACKS = ['ha-nam/ntm-nang-cao', 'ha-noi/kieu-mau', 'lang-son/1494-xa-ntm'].map(name => {
    const pack = path.join(root, 'rulesets', `${name}.ntm`);
    const samples = readdirSync(path.join(root, 'examples'), { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.json'))
        .map(file => path.join(root, 'examples', file))
        .filter(file => {
            const named = (JSON.parse(readFileSync(file, 'utf8')) as { 'bộ tiêu chí'?: string })['bộ tiêu chí'];
            return named !== undefined && path.resolve(path.dirname(file), named) === pack;
        });
    return { name, pack, samples, module: `${name.replace('/', '-')}` };
});

const HA_NAM = PACKS[0]!;
const LIEM_CAN = path.join(root, 'examples/ha-nam/liem-can-2024.json');
let out: string;

beforeAll(async () => {
    out = tempDir();
    writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module' }));
    mkdirSync(path.join(out, 'node_modules', '@ntm'), { recursive: true });
    symlinkSync(path.join(root, 'packages/runtime'), path.join(out, 'node_modules/@ntm/runtime'), 'dir');
    for (const { pack } of PACKS) {
        const built = await ntm('build', pack, '-o', out);
        expect(built.code, built.stderr).toBe(0);
    }
}, 60_000);

const load = async (module: string): Promise<Module> => (await import(pathToFileURL(path.join(out, `${module}.js`)).href)) as Module;
const schema = (module: string, which: 'input' | 'result'): Schema =>
    JSON.parse(readFileSync(path.join(out, `${module}.${which}.schema.json`), 'utf8')) as Schema;
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('ntm build writes the JSON Schemas of the input and of the result', () => {
    it('writes both beside the module, as JSON Schema 2020-12', () => {
        expect(
            readdirSync(out)
                .filter(f => f.startsWith('ha-nam'))
                .sort()
        ).toEqual(['ha-nam-ntm-nang-cao.d.ts', 'ha-nam-ntm-nang-cao.input.schema.json', 'ha-nam-ntm-nang-cao.js', 'ha-nam-ntm-nang-cao.result.schema.json']);
        for (const which of ['input', 'result'] as const) {
            expect(schema(HA_NAM.module, which)['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
        }
    });

    it.each(PACKS.map(p => [p.name, p] as const))(
        '%s: the input schema accepts its sample communes and the result schema every result',
        async (_name, pack) => {
            expect(pack.samples.length).toBeGreaterThan(0);
            const module = await load(pack.module);
            const input = ajv.compile(schema(pack.module, 'input'));
            const result = ajv.compile(schema(pack.module, 'result'));
            for (const sample of pack.samples) {
                const commune = readJson(sample);
                expect(input(commune), JSON.stringify(input.errors)).toBe(true);
                const evaluated = module.evaluateCommune(commune);
                expect(evaluated.issues.filter(i => i.severity === 'error')).toEqual([]);
                expect(result(evaluated.result), JSON.stringify(result.errors)).toBe(true);
                for (const village of evaluated.villages ?? []) expect(result(village.result), JSON.stringify(result.errors)).toBe(true);
            }
        }
    );

    it('spells out each fact: its type, levels, breakdown parts and values per year; the module refuses what the schema refuses', async () => {
        const module = await load(HA_NAM.module);
        const input = ajv.compile(schema(HA_NAM.module, 'input'));
        const facts = module.FACT_SPECS;
        const level = facts.find(f => f.kind === 'level')!;
        const yes = facts.find(f => f.kind === 'boolean')!;
        const count = facts.find(f => f.kind === 'count')!;
        const percent = facts.find(f => f.kind === 'percent')!;
        const bad: Record<string, unknown>[] = [
            { [level.name]: 'mức không có' },
            { [yes.name]: 'có lẽ' },
            { [count.name]: 2.5 },
            { [count.name]: -1 },
            { [percent.name]: { khoảng: 3 } },
            { [percent.name]: { 'giá trị': true, 'đơn vị': '%' } },
            { 'dữ kiện không có trong bộ': 1 }
        ];
        const good: Record<string, unknown>[] = [
            { [level.name]: level.levels![0] },
            { [yes.name]: 'không' },
            { [count.name]: { 'giá trị': 12, 'đơn vị': 'hộ' } },
            { [percent.name]: { trên: '90,72' } },
            { [percent.name]: null }
        ];
        const base = readJson(LIEM_CAN);
        const withFacts = (extra: Record<string, unknown>) => ({ ...base, 'dữ kiện': { ...(base['dữ kiện'] as object), ...extra } });
        for (const facts of bad) {
            expect(input(withFacts(facts)), JSON.stringify(facts)).toBe(false);
            expect(
                module.evaluateCommune(withFacts(facts)).issues.some(i => i.severity === 'error'),
                JSON.stringify(facts)
            ).toBe(true);
        }
        for (const facts of good) {
            expect(input(withFacts(facts)), `${JSON.stringify(facts)} ${JSON.stringify(input.errors)}`).toBe(true);
            expect(
                module.evaluateCommune(withFacts(facts)).issues.filter(i => i.severity === 'error'),
                JSON.stringify(facts)
            ).toEqual([]);
        }
    });
});

/** A commune file changed for a test, written where `ntm eval` reads it. */
function variant(change: (commune: Record<string, unknown>) => void, from: string = LIEM_CAN): { file: string; json: Record<string, unknown> } {
    const json = readJson(from);
    change(json);
    const file = path.join(tempDir(), 'xa.json');
    writeFileSync(file, JSON.stringify(json, null, 2));
    return { file, json };
}

const facts = (commune: Record<string, unknown>) => commune['dữ kiện'] as Record<string, unknown>;

describe('evaluateCommune reads a commune file as ntm eval does', () => {
    const cases: [string, (c: Record<string, unknown>) => void][] = [
        [
            'a field the format does not have, and a region that does not exist',
            c => {
                c['ghi chép'] = 1;
                (c['thuộc tính'] as Record<string, unknown>)['vùng'] = 'XYZ';
            }
        ],
        [
            'no assessment date',
            c => {
                delete c['ngày đánh giá'];
            }
        ],
        [
            'a date that does not exist',
            c => {
                c['ngày đánh giá'] = '31/02/2025';
            }
        ],
        [
            'a value of the wrong type and a misspelt fact',
            c => {
                facts(c)['tổng số hộ'] = 'nhiều';
                facts(c)['tổng số hộ dân'] = 3;
            }
        ],
        [
            'a number with more digits than can be exact',
            c => {
                facts(c)['tổng số hộ'] = 1234567890123456;
            }
        ],
        [
            'a note about a fact the pack does not have',
            c => {
                c['ghi chú dữ kiện'] = { 'dữ kiện lạ': 'ghi chú' };
            }
        ],
        [
            'scores that are not numbers',
            c => {
                c['điểm thẩm tra'] = { '1.1': 'mười' };
            }
        ]
    ];

    it.each(cases)('%s: the same errors and warnings, at the same fields', async (_what, change) => {
        const module = await load(HA_NAM.module);
        const { file, json } = variant(change);
        const cli = await ntm('eval', HA_NAM.pack, file, '--json');
        const shown = JSON.parse(cli.stdout) as {
            errors?: { severity: string; field: string; message: string }[];
            warnings: { severity: string; field: string; message: string }[];
        };
        const fromCli = [...(shown.errors ?? []), ...shown.warnings].map(i => `${i.severity} ${i.field}: ${i.message}`).sort();
        const fromModule = module
            .evaluateCommune(json)
            .issues.map(i => `${i.severity} ${i.path.join('.')}: ${i.message}`)
            .sort();
        expect(fromCli.length).toBeGreaterThan(0);
        expect(fromModule).toEqual(fromCli);
    });

    it('gives the verdicts ntm eval gives, warnings included, for every sample commune', async () => {
        for (const pack of PACKS) {
            const module = await load(pack.module);
            for (const sample of pack.samples) {
                const cli = JSON.parse((await ntm('eval', sample, '--json')).stdout) as {
                    result?: { indicators: { label: string; verdict: string }[] };
                    villages?: unknown[];
                    warnings: { field?: string; message: string }[];
                };
                const evaluated = module.evaluateCommune(readJson(sample)) as {
                    result?: { indicators: { label: string; verdict: string }[] };
                    issues: Issue[];
                };
                const verdicts = (r?: { indicators: { label: string; verdict: string }[] }) => r?.indicators.map(i => `${i.label} ${i.verdict}`);
                if (cli.result) expect(verdicts(evaluated.result)).toEqual(verdicts(cli.result));
                expect(evaluated.issues.map(i => `${i.path.join('.')}: ${i.message}`).sort()).toEqual(
                    cli.warnings.map(w => `${w.field ?? ''}: ${w.message}`).sort()
                );
            }
        }
    });

    it('takes the date from the options when given (ngàyĐánhGiá or asOf), and never throws for bad input', async () => {
        const module = await load(HA_NAM.module);
        const commune = readJson(LIEM_CAN);
        const byDate = module.evaluateCommune(commune, { asOf: '2099-01-01' }).issues;
        expect(byDate).toEqual([
            { severity: 'error', path: ['ngày đánh giá'], message: expect.stringContaining('Ngày đánh giá 2099-01-01 nằm ngoài thời gian hiệu lực') }
        ]);
        for (const junk of [null, 42, 'xã', [], { xã: 'A' }]) {
            const evaluated = module.evaluateCommune(junk);
            expect(evaluated.result).toBeUndefined();
            expect(evaluated.issues.length).toBeGreaterThan(0);
        }
    });
});

describe('evaluateCommune of a pack that counts villages (`đếm thôn đạt chuẩn theo "…"`)', () => {
    const EXAMPLE = path.join(root, 'examples/thu/xa-bay-thon.json');

    it('counts the villages with the village modules it is given, as ntm eval does, and refuses to count without them', async () => {
        const dir = tempDir();
        symlinkSync(path.join(out, 'package.json'), path.join(dir, 'package.json'));
        symlinkSync(path.join(out, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
        for (const pack of ['xa-kieu-mau-thu.ntm', 'thon-kieu-mau-thu.ntm']) {
            const built = await ntm('build', path.join(root, 'examples/thu', pack), '-o', dir);
            expect(built.code, built.stderr).toBe(0);
        }
        const [commune, village] = await Promise.all(
            readdirSync(dir)
                .filter(f => f.endsWith('.js'))
                .sort()
                .map(async f => (await import(pathToFileURL(path.join(dir, f)).href)) as Module & { PACK: { level: string } })
        );
        const [xa, thon] = commune!.PACK.level.startsWith('thôn') ? [village!, commune!] : [commune!, village!];
        const file = readJson(EXAMPLE);
        const evaluated = xa.evaluateCommune(file, { villagePacks: { 'thon-kieu-mau-thu.ntm': thon } }) as {
            result?: { indicators: { label: string; verdict: string }[]; villages?: { name: string; result: { summary: { recognition: string } } }[] };
            issues: Issue[];
        };
        const cli = JSON.parse((await ntm('eval', EXAMPLE, '--json')).stdout) as { result: NonNullable<typeof evaluated.result> };
        expect(evaluated.issues.filter(i => i.severity === 'error')).toEqual([]);
        expect(evaluated.result?.indicators.map(i => `${i.label} ${i.verdict}`)).toEqual(cli.result.indicators.map(i => `${i.label} ${i.verdict}`));
        expect(evaluated.result?.villages?.map(v => `${v.name} ${v.result.summary.recognition}`)).toEqual(
            cli.result.villages?.map(v => `${v.name} ${v.result.summary.recognition}`)
        );
        expect(evaluated.result?.villages).toHaveLength(7);
        const without = xa.evaluateCommune(file);
        expect(without.result).toBeUndefined();
        expect(without.issues).toContainEqual({
            severity: 'error',
            path: ['bộ tiêu chí'],
            message: expect.stringContaining('Không nạp được bộ tiêu chí cấp thôn «thon-kieu-mau-thu.ntm»')
        });
    }, 60_000);
});

describe('the TypeScript module of every bundled ruleset', () => {
    it('passes tsc --strict --noUnusedLocals --exactOptionalPropertyTypes --noUncheckedIndexedAccess', async () => {
        const dir = tempDir();
        mkdirSync(path.join(dir, 'node_modules', '@ntm'), { recursive: true });
        symlinkSync(path.join(root, 'packages/runtime'), path.join(dir, 'node_modules/@ntm/runtime'), 'dir');
        writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
        const rulesets = readdirSync(path.join(root, 'rulesets'), { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.ntm'));
        expect(rulesets.length).toBeGreaterThanOrEqual(5);
        for (const ruleset of rulesets) {
            const built = await ntm('build', path.join(root, 'rulesets', ruleset), '-o', dir, '--ts');
            expect(built.code, built.stderr).toBe(0);
        }
        const modules = readdirSync(dir)
            .filter(f => f.endsWith('.ts'))
            .map(f => path.join(dir, f));
        expect(modules).toHaveLength(rulesets.length);
        const program = ts.createProgram(modules, {
            strict: true,
            noUnusedLocals: true,
            exactOptionalPropertyTypes: true,
            noUncheckedIndexedAccess: true,
            noEmit: true,
            target: ts.ScriptTarget.ES2022,
            module: ts.ModuleKind.NodeNext,
            moduleResolution: ts.ModuleResolutionKind.NodeNext,
            types: []
        });
        expect(
            ts
                .getPreEmitDiagnostics(program)
                .map(d => `${d.file ? path.basename(d.file.fileName) : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)
        ).toEqual([]);
    }, 180_000);
});

describe('option names: Vietnamese, each with one English alias', () => {
    it('gives the same result under either name, and refuses both names with different values', async () => {
        const module = await load(HA_NAM.module);
        const commune = readJson(LIEM_CAN);
        const data = commune['dữ kiện'];
        const attributes = commune['thuộc tính'] as Record<string, unknown>;
        const vietnamese = module.evaluate(data, { ngàyĐánhGiá: commune['ngày đánh giá'], vùng: attributes['vùng'], điểmThẩmTra: { '1.1': 1 } });
        const english = module.evaluate(data, { asOf: commune['ngày đánh giá'], region: attributes['vùng'], verifiedScores: { '1.1': 1 } });
        expect(JSON.stringify(english)).toBe(JSON.stringify(vietnamese));
        expect(() => module.evaluate(data, { ngàyĐánhGiá: '2024-11-26', asOf: '2024-11-27' })).toThrow(/«ngàyĐánhGiá» và tên khác của nó «asOf»/);
    });
});
