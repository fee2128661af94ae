// A pack that counts villages meeting a village-level pack: the generated module declares the count in
// FACT_SPECS (`villagePack`), leaves it out of the input type, counts the village results it is handed
// (`options.thôn`) and returns them under its result. Both modules are generated separately; neither imports
// the other.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleLoader, generateFile, inputErrorsOf, outsideReferences, typeCheck } from './generated-module.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples/thu');
const loader = new ModuleLoader();
afterAll(() => loader.dispose());

const villageFacts = (clubs: number, sorted: number) => ({
    'nhà văn hóa thôn đạt chuẩn': true,
    'số câu lạc bộ văn nghệ thể thao': clubs,
    'số hộ của thôn': 100,
    'số hộ phân loại rác tại nguồn': sorted
});

describe('a commune module counting villages', () => {
    it('type-checks, imports only @ntm/runtime, and keeps the count out of the input type', async () => {
        const module = await generateFile(path.join(examples, 'xa-kieu-mau-thu.ntm'));
        expect(typeCheck(module.text)).toEqual([]);
        expect(typeCheck(module.declarations, 'generated.d.ts')).toEqual([]);
        expect(outsideReferences(module.javascript)).toEqual([]);
        expect(module.text).toContain('villagePack: "thon-kieu-mau-thu.ntm"');
        expect(module.declarations).not.toContain('readonly "số thôn đạt chuẩn thôn kiểu mẫu"?');
        expect(module.declarations).toContain('readonly "tổng số thôn"?');
    });

    it('counts the village results of its village pack and returns them under its own result', async () => {
        const village = await loader.load(await generateFile(path.join(examples, 'thon-kieu-mau-thu.ntm')));
        const commune = await loader.load(await generateFile(path.join(examples, 'xa-kieu-mau-thu.ntm')));
        const options = { ngàyĐánhGiá: '2024-12-31' };
        const thôn = [
            ['A', 1, 70],
            ['B', 0, 70],
            ['C', 2, 90],
            ['D', 1, 10]
        ].map(([name, clubs, sorted]) => ({
            name: name as string,
            pack: 'thon-kieu-mau-thu.ntm',
            result: village.evaluate(villageFacts(clubs as number, sorted as number), options)
        }));
        const result = commune.evaluate({ 'tổng số thôn': 4, 'tổng số hộ': 10, 'số hộ dùng nước sạch': 10 }, { ...options, thôn });
        const indicator = (label: string) => result.indicators.find(i => i.label === label)!;
        expect(indicator('1.2')).toMatchObject({ verdict: 'đạt', factsUsed: [{ fact: 'số thôn đạt chuẩn thôn kiểu mẫu', text: '2 thôn' }] });
        expect(indicator('1.1').verdict).toBe('đạt');
        expect((result as { villages?: { name: string }[] }).villages?.map(v => v.name)).toEqual(['A', 'B', 'C', 'D']);
    });

    it('leaves the count missing without village results, and refuses an entered count', async () => {
        const commune = await loader.load(await generateFile(path.join(examples, 'xa-kieu-mau-thu.ntm')));
        const result = commune.evaluate({ 'tổng số thôn': 4 }, { ngàyĐánhGiá: '2024-12-31' });
        expect(result.indicators.find(i => i.label === '1.2')).toMatchObject({ verdict: 'thiếu dữ liệu', missingFacts: ['số thôn đạt chuẩn thôn kiểu mẫu'] });
        const errors = inputErrorsOf(() => commune.evaluate({ 'số thôn đạt chuẩn thôn kiểu mẫu': 3 }, { ngàyĐánhGiá: '2024-12-31' }));
        expect(errors.map(e => e.code)).toEqual(['computed-from-villages']);
    });
});
