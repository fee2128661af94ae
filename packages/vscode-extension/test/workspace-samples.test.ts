/**
 * The Test Explorer's sample search (`src/extension/workspace-samples.ts`) against the fake `vscode`
 * module: sample communes in folders of the `ntm.boQua` setting (the repository's deliberately broken test
 * fixtures) are left out, relative to the workspace folder, as the language server leaves out their packs.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { SampleTestExplorer } from '../src/extension/test-explorer.js';
import { EXCLUDE_SETTING, findSampleFiles } from '../src/extension/workspace-samples.js';
import { createFakeVscode } from './helpers/fake-vscode.js';

const fake = vi.hoisted(() => ({ current: undefined as ReturnType<typeof import('./helpers/fake-vscode.js').createFakeVscode> | undefined }));
// Each test gets a fresh fake behind the members the modules under test use.
vi.mock('vscode', () => {
    const member = (name: string) => (fake.current!.module as Record<string, unknown>)[name];
    return Object.defineProperties(
        {},
        Object.fromEntries(
            ['workspace', 'tests', 'Uri', 'Range', 'Position', 'Location', 'TestMessage', 'TestRunProfileKind'].map(name => [
                name,
                { get: () => member(name), enumerable: true }
            ])
        )
    );
});

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLE = readFileSync(path.join(repository, 'examples/ha-nam/liem-can-2024.json'), 'utf8');
const ROOT = '/du-an';
const uri = (relative: string) => `file://${ROOT}/${relative}`;
const FILES = {
    [uri('examples/ha-nam/liem-can-2024.json')]: SAMPLE,
    [uri('packages/cli/test/resources/points/xa-thu.json')]: SAMPLE,
    [uri('packages/language/test/xa-hong.json')]: SAMPLE,
    [uri('test/mau/xa-mau.json')]: SAMPLE,
    [uri('examples/khong-phai-xa.json')]: '{ "tên": "không phải xã mẫu" }'
};

async function found(settings: Record<string, unknown>): Promise<string[]> {
    fake.current = createFakeVscode(FILES, [], { settings, folders: [ROOT] });
    return (await findSampleFiles()).map(file => file.uri.slice(`file://${ROOT}/`.length)).sort();
}

describe('sample search', () => {
    it('lists every sample commune of the workspace when nothing is excluded', async () => {
        expect(await found({})).toEqual([
            'examples/ha-nam/liem-can-2024.json',
            'packages/cli/test/resources/points/xa-thu.json',
            'packages/language/test/xa-hong.json',
            'test/mau/xa-mau.json'
        ]);
    });

    it('leaves out the folders of «ntm.boQua», matched from the workspace folder', async () => {
        // `packages/*/test/**` is the repository's own value (.vscode/settings.json); `test/mau` at the root stays.
        expect(await found({ 'ntm.boQua': ['packages/*/test/**'] })).toEqual(['examples/ha-nam/liem-can-2024.json', 'test/mau/xa-mau.json']);
        expect(await found({ 'ntm.boQua': ['**/test', 'examples/ha-nam/*.json'] })).toEqual([]);
        expect(await found({ 'ntm.boQua': ['packages/{cli,vscode-extension}'] })).toEqual([
            'examples/ha-nam/liem-can-2024.json',
            'packages/language/test/xa-hong.json',
            'test/mau/xa-mau.json'
        ]);
    });

    it('ignores a value that is not a list of globs', async () => {
        expect(await found({ 'ntm.boQua': 'packages/*/test/**' })).toHaveLength(4);
    });

    it('reads the setting the extension contributes, described in Vietnamese', () => {
        const manifest = JSON.parse(readFileSync(path.join(repository, 'packages/vscode-extension/package.json'), 'utf8'));
        const setting = manifest.contributes.configuration.properties[EXCLUDE_SETTING];
        expect(EXCLUDE_SETTING).toBe('ntm.boQua');
        expect(setting).toMatchObject({ type: 'array', items: { type: 'string' }, default: [] });
        expect(setting.markdownDescription).toMatch(/^Các mẫu glob, tính từ thư mục làm việc, /u);
    });

    it("agrees with the repository's .vscode/settings.json", async () => {
        const text = readFileSync(path.join(repository, '.vscode/settings.json'), 'utf8').replace(/^\s*\/\/.*$/gmu, '');
        const settings = JSON.parse(text) as Record<string, unknown>;
        expect(settings['ntm.boQua']).toEqual(['packages/*/test/**', 'docs/vi-du-loi/**']);
        expect(await found(settings)).toEqual(['examples/ha-nam/liem-can-2024.json', 'test/mau/xa-mau.json']);
    });
});

describe('the Test Explorer', () => {
    it('lists the samples the setting leaves, and lists the others again when the setting changes', async () => {
        fake.current = createFakeVscode(FILES, [], { settings: { 'ntm.boQua': ['packages/*/test/**'] }, folders: [ROOT] });
        const explorer = new SampleTestExplorer(
            async () => ({ samples: [] }),
            () => undefined
        );
        const [controller] = fake.current.controllers;
        const listed = () => [...controller!.items].map(([id]) => id.slice(`file://${ROOT}/`.length)).sort();
        await controller!.resolveHandler!();
        expect(listed()).toEqual(['examples/ha-nam/liem-can-2024.json', 'test/mau/xa-mau.json']);
        fake.current.changeSetting('ntm.boQua', []);
        await vi.waitFor(() => expect(listed()).toHaveLength(4));
        fake.current.changeSetting('ntm.boQua', ['examples']);
        await vi.waitFor(() =>
            expect(listed()).toEqual(['packages/cli/test/resources/points/xa-thu.json', 'packages/language/test/xa-hong.json', 'test/mau/xa-mau.json'])
        );
        explorer.dispose();
    });
});
