// Compiled packs cached on disk: an entry is used only for the same texts (the pack's and every base pack's)
// compiled by the same compiler, written so that no reader ever sees half of one.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompiledPack } from '../src/index.js';
import { compilePackFile, compilerFingerprint, evaluatorFor, fingerprintOf, loadEvaluator, readCachedPack, writeCachedPack } from '../src/node/index.js';
import { tempFolder } from './helpers.js';

const BASE = `bộ tiêu chí quốc gia thử "Bộ quốc gia thử"
  cấp xã nông thôn mới
  địa bàn "toàn quốc"
  phiên bản "thử"
  căn cứ 318/QĐ-TTg ngày 08/03/2022 của "Thủ tướng Chính phủ"
  hiệu lực từ 08/03/2022

dữ kiện tổng số thôn: đếm thôn
dữ kiện số thôn văn hóa: đếm thôn

tiêu chí 16 "Văn hóa"
  chỉ tiêu 16.1 "Tỷ lệ thôn văn hóa" tỷ số số thôn văn hóa / tổng số thôn >= 70%
`;

const PROVINCE = `bộ tiêu chí tỉnh thử "Bộ tỉnh thử"
  cấp xã nông thôn mới
  địa bàn "tỉnh Thử"
  phiên bản "thử"
  dựa trên "../quoc-gia/co-so.ntm"
  căn cứ 12/2022/QĐ-UBND ngày 01/09/2022 của "UBND tỉnh Thử"
  hiệu lực từ 01/09/2022

thay chỉ tiêu 16.1 "Tỷ lệ thôn văn hóa" tỷ số số thôn văn hóa / tổng số thôn >= 80%
  căn cứ 12/2022/QĐ-UBND "Điều 2"
`;

const previous = process.env['NTM_CACHE_DIR'];
let cache: string;
let project: string;
let pack: string;
const roots = () => [project];

/** A project with a national pack and a provincial pack built on it, and a fresh cache folder. */
function setUp(): void {
    const dir = tempFolder();
    cache = path.join(dir, 'cache');
    project = path.join(dir, 'du-an');
    mkdirSync(path.join(project, 'quoc-gia'), { recursive: true });
    mkdirSync(path.join(project, 'tinh'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{}');
    writeFileSync(path.join(project, 'quoc-gia', 'co-so.ntm'), BASE);
    pack = path.join(project, 'tinh', 'tinh-thu.ntm');
    writeFileSync(pack, PROVINCE);
    process.env['NTM_CACHE_DIR'] = cache;
}

beforeEach(setUp);
afterEach(() => {
    if (previous === undefined) delete process.env['NTM_CACHE_DIR'];
    else process.env['NTM_CACHE_DIR'] = previous;
});

async function compileAndStore(): Promise<CompiledPack> {
    const compiled = await compilePackFile(pack, roots());
    expect(compiled.javascript).toBeDefined();
    await writeCachedPack(compiled, roots());
    return compiled;
}

describe('the compiled-pack cache', () => {
    it('gives back what was compiled: the module, the issues and where each indicator is written', async () => {
        const compiled = await compileAndStore();
        const cached = await readCachedPack(pack, roots());
        expect(cached?.javascript).toBe(compiled.javascript);
        expect(cached?.fileName).toBe('tinh-thu.ts');
        expect(cached?.issues).toEqual(compiled.issues);
        expect(cached?.locations?.indicator('16.1')).toEqual(compiled.locations?.indicator('16.1'));
        expect(cached?.locations?.indicator('16.1')?.uri).toMatch(/tinh\/tinh-thu\.ntm$/u);
        const evaluator = await loadEvaluator(cached!);
        const result = evaluator.evaluate({ 'tổng số thôn': 10, 'số thôn văn hóa': 8 }, { ngàyĐánhGiá: '2024-01-01' });
        expect(result.indicators.map(i => [i.label, i.verdict, i.threshold])).toEqual([['16.1', 'đạt', '>= 80 %']]);
    });

    it('is not used once the pack or a base pack it builds on has changed', async () => {
        await compileAndStore();
        writeFileSync(path.join(project, 'quoc-gia', 'co-so.ntm'), BASE.replace('>= 70%', '>= 75%'));
        expect(await readCachedPack(pack, roots())).toBeUndefined();
        writeFileSync(path.join(project, 'quoc-gia', 'co-so.ntm'), BASE);
        expect(await readCachedPack(pack, roots())).toBeDefined();
        writeFileSync(pack, PROVINCE.replace('>= 80%', '>= 85%'));
        expect(await readCachedPack(pack, roots())).toBeUndefined();
    });

    it('is not used by another compiler, nor for other folders the bases may come from', async () => {
        await compileAndStore();
        expect(compilerFingerprint()).toMatch(/^[0-9a-f]{64}$/u);
        expect(await readCachedPack(pack, roots(), 'another compiler')).toBeUndefined();
        expect(await readCachedPack(pack, [path.dirname(project)])).toBeUndefined();
    });

    it('names the compiler by the content of its files: any change to one gives another fingerprint', () => {
        const dir = tempFolder();
        mkdirSync(path.join(dir, 'out', 'generation'), { recursive: true });
        writeFileSync(path.join(dir, 'package.json'), '{"name":"x","version":"1.0.0"}');
        writeFileSync(path.join(dir, 'out', 'generation', 'ts-generator.js'), 'export const a = 1;\n');
        const before = fingerprintOf([dir]);
        expect(fingerprintOf([dir])).toBe(before);
        writeFileSync(path.join(dir, 'out', 'generation', 'ts-generator.js'), 'export const a = 2;\n');
        expect(fingerprintOf([dir])).not.toBe(before);
    });

    it('writes whole entries only: two writers at once leave one readable entry and no temporary file', async () => {
        const compiled = await compilePackFile(pack, roots());
        await Promise.all([writeCachedPack(compiled, roots()), writeCachedPack(compiled, roots()), writeCachedPack(compiled, roots())]);
        const files = readdirSync(path.join(cache, 'packs'));
        expect(files).toHaveLength(1);
        expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/u);
        expect(JSON.parse(readFileSync(path.join(cache, 'packs', files[0]!), 'utf8')).javascript).toBe(compiled.javascript);
    });

    it('is off with NTM_CACHE_DIR empty, and a cache folder that cannot be written is no error', async () => {
        process.env['NTM_CACHE_DIR'] = '';
        await compileAndStore();
        expect(await readCachedPack(pack, roots())).toBeUndefined();
        const blocked = path.join(tempFolder(), 'a-file');
        writeFileSync(blocked, 'x');
        process.env['NTM_CACHE_DIR'] = blocked;
        await compileAndStore();
        const { evaluator } = await evaluatorFor(pack);
        expect(evaluator?.PACK.id).toBe('tỉnh thử');
    });

    it('is what evaluatorFor uses: a pack compiled before is loaded from it', async () => {
        await compileAndStore();
        // A corrupt module in the entry would fail to load: evaluatorFor then compiles the pack again.
        const [entry] = readdirSync(path.join(cache, 'packs'));
        const file = path.join(cache, 'packs', entry!);
        const data = JSON.parse(readFileSync(file, 'utf8'));
        writeFileSync(
            file,
            JSON.stringify({
                ...data,
                javascript: data.javascript.replace('export function evaluate', 'export const CACHED = true;\nexport function evaluate')
            })
        );
        const loaded = await evaluatorFor(pack);
        expect((loaded.evaluator as unknown as { CACHED?: boolean }).CACHED).toBe(true);
        expect('loaded' in loaded.compiled).toBe(false);
    });
});
