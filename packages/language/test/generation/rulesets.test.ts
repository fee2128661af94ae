import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Verdict } from '@ntm/runtime';
import { ModuleLoader, generateFile, outsideReferences, typeCheck } from './generated-module.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const VERDICTS: readonly Verdict[] = ['đạt', 'chưa đạt', 'không áp dụng', 'thiếu dữ liệu'];

function filesUnder(directory: string, extension: string): string[] {
    if (!existsSync(directory)) return [];
    return readdirSync(directory)
        .flatMap(name => {
            const full = path.join(directory, name);
            return statSync(full).isDirectory() ? filesUnder(full, extension) : name.endsWith(extension) ? [full] : [];
        })
        .sort();
}

interface SampleCommune {
    readonly 'bộ tiêu chí'?: string;
    readonly 'ngày đánh giá'?: string;
    readonly 'thuộc tính'?: { readonly vùng?: string; readonly nhóm?: number };
    readonly 'dữ kiện'?: Record<string, unknown>;
    readonly 'danh sách'?: Record<string, string[]>;
    readonly 'điểm thẩm tra'?: Record<string, number | string>;
    readonly 'điểm tự chấm'?: Record<string, number | string>;
    readonly 'điểm trái số liệu'?: Record<string, string>;
}

const packs = filesUnder(path.join(root, 'rulesets'), '.ntm');
const samples = filesUnder(path.join(root, 'examples'), '.json').map(file => ({ file, data: JSON.parse(readFileSync(file, 'utf8')) as SampleCommune }));
const loader = new ModuleLoader();
const evaluated = new Set<string>();
afterAll(() => loader.dispose());

describe.runIf(packs.length > 0).each(packs.map(file => [path.relative(root, file), file]))('the real pack %s', (_name, file) => {
    it('generates a module that type-checks under strict, imports only the runtime and evaluates its sample communes', async () => {
        const module = await generateFile(file);
        expect(typeCheck(module.text)).toEqual([]);
        expect(typeCheck(module.declarations, 'generated.d.ts')).toEqual([]);
        expect(outsideReferences(module.text)).toEqual([]);
        const evaluator = await loader.load(module);
        const mine = samples.filter(s => s.data['bộ tiêu chí'] && path.resolve(path.dirname(s.file), s.data['bộ tiêu chí']) === file);
        for (const sample of mine) {
            const attributes = sample.data['thuộc tính'] ?? {};
            const result = evaluator.evaluate(sample.data['dữ kiện'] ?? {}, {
                ngàyĐánhGiá: sample.data['ngày đánh giá'],
                vùng: attributes['vùng'],
                nhóm: attributes['nhóm'],
                danhSách: sample.data['danh sách'],
                điểmThẩmTra: sample.data['điểm thẩm tra'],
                điểmTựChấm: sample.data['điểm tự chấm'],
                điểmTráiSốLiệu: sample.data['điểm trái số liệu']
            });
            evaluated.add(sample.file);
            expect(result.indicators.length).toBeGreaterThan(0);
            expect(result.indicators.filter(i => !VERDICTS.includes(i.verdict))).toEqual([]);
            expect(result.indicators.filter(i => i.verdict === 'thiếu dữ liệu' && i.missingFacts.length === 0).map(i => i.label)).toEqual([]);
        }
    });
});

describe.runIf(packs.length > 0)('sample communes', () => {
    it('each one that names a pack in rulesets/ was evaluated above', () => {
        const naming = samples.filter(s => packs.includes(path.resolve(path.dirname(s.file), s.data['bộ tiêu chí'] ?? ''))).map(s => s.file);
        expect(naming.length).toBeGreaterThan(0);
        expect([...evaluated].sort()).toEqual(naming);
    });
});
