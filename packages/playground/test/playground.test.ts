import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { HEADLESS_CHROMIUM_FLAGS } from '@ntm/evaluation/batch';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript
import { buildPlayground } from '../build.mjs';
// @ts-expect-error the server script is plain JavaScript
import { servePlayground } from '../serve.mjs';

/**
 * The playground in Debian's Chromium driven by Playwright: the page built by `npm run playground`, served
 * by serve.mjs; Liêm Cần evaluated against the Hà Nam pack in the browser, a threshold broken in the editor,
 * the verdict changing. Screenshots kept in packages/playground/out/screenshots. Needs `chromium`
 * (apt-get install chromium); without it this suite is skipped.
 */
const CHROMIUM = '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));
const screenshots = path.resolve(here, '../out/screenshots');
const LIEM_CAN = 'examples/ha-nam/liem-can-2024.json';
const LIEN_NINH = 'examples/ha-noi/lien-ninh-2023.json';

/** What web/main.ts puts on the page (`window.playground`), as far as the test uses it. */
interface PageGlobals {
    playground?: {
        ready: Promise<void>;
        editor: {
            getModel(): { getValue(): string; findMatches(text: string, a: boolean, b: boolean, c: boolean, d: null, e: boolean): { range: unknown }[] };
            executeEdits(source: string, edits: { range: unknown; text: string }[]): boolean;
            revealLineInCenter(line: number): void;
            setPosition(position: { lineNumber: number; column: number }): void;
            getPosition(): { lineNumber: number; column: number } | null;
            focus(): void;
            trigger(source: string, handler: string, payload: unknown): void;
        };
        markers(): { message: string; severity: number }[];
        published(): boolean;
    };
}

/** Criterion rows of the result pane: label, machine verdict, official verdict, comparison. */
async function criteriaRows(page: Page): Promise<string[][]> {
    return page
        .locator('#result table.criteria tbody tr')
        .evaluateAll(rows => rows.map(row => [...row.querySelectorAll('td')].map(td => td.textContent ?? '')));
}

describe.skipIf(!existsSync(CHROMIUM))('the playground in a browser', () => {
    let site: string;
    let server: Server;
    let browser: Browser;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
        site = await buildPlayground(mkdtempSync(path.join(tmpdir(), 'ntm-playground-')));
        server = await servePlayground(site);
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: [...HEADLESS_CHROMIUM_FLAGS]
        });
        page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        page.on('pageerror', error => errors.push(error.message));
        page.on('console', message => {
            if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
        });
        page.on('response', response => {
            if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
        });
        await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        await page.waitForFunction(() => (globalThis as unknown as PageGlobals).playground !== undefined, undefined, { timeout: 30_000 });
        await page.evaluate(() => (globalThis as unknown as PageGlobals).playground!.ready);
        mkdirSync(screenshots, { recursive: true });
    }, 180_000);

    afterAll(async () => {
        await browser?.close();
        server?.close();
        if (site) rmSync(site, { recursive: true, force: true });
    });

    it('offers the bundled packs and the sample communes whose pack is bundled', async () => {
        const packs = await page.locator('#pack option').evaluateAll(options => options.map(o => o.getAttribute('value') ?? ''));
        expect(packs).toEqual(
            expect.arrayContaining(['rulesets/ha-nam/ntm-nang-cao.ntm', 'rulesets/lang-son/1494-xa-ntm.ntm', 'rulesets/quoc-gia/318-xa-ntm.ntm'])
        );
        const communes = await page.locator('#commune option').evaluateAll(options => options.map(o => o.getAttribute('value') ?? ''));
        expect(communes).toEqual(expect.arrayContaining([LIEM_CAN, LIEN_NINH, 'examples/lang-son/lien-hoi-2023.json']));
    });

    it('evaluates Liêm Cần against the Hà Nam pack in the browser: 19 criteria beside the official result', async () => {
        // Another commune first, so that picking Liêm Cần is what fills the pane.
        await page.selectOption('#commune', LIEN_NINH);
        await page.locator('#result h2', { hasText: 'Liên Ninh' }).waitFor({ timeout: 60_000 });
        await page.selectOption('#commune', LIEM_CAN);
        await page.locator('#result h2', { hasText: 'Liêm Cần' }).waitFor({ timeout: 60_000 });
        expect(await page.inputValue('#pack')).toBe('rulesets/ha-nam/ntm-nang-cao.ntm');
        const rows = await criteriaRows(page);
        expect(rows).toHaveLength(19);
        expect(rows.map(r => r[0])).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
        const environment = rows.find(r => r[0] === '17')!;
        expect(environment.slice(3, 6)).toEqual(['đạt', 'đạt', '✓ khớp']);
        // The same verdicts as `ntm eval` (checked against the CLI in the evaluation tests): criterion 2 lacks data.
        expect(rows.find(r => r[0] === '2')?.[3]).toBe('thiếu dữ liệu');
        await expect(page.locator('#result .summary').innerText()).resolves.toContain('Ngày đánh giá 2024-11-26');
        expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).playground!.markers().filter(m => m.severity === 8).length)).toBe(0);
        // Vietnamese letters with two marks are drawn from the bundled fonts' Vietnamese subsets, on any machine.
        const faces = await page.evaluate(async () => {
            const fonts = (
                globalThis as unknown as { document: { fonts: { load(font: string, text: string): Promise<{ family: string; unicodeRange: string }[]> } } }
            ).document.fonts;
            const loaded = [...(await fonts.load('14px "Noto Sans Mono"', 'ốềổ')), ...(await fonts.load('14px "Noto Sans"', 'ốềổ'))];
            return loaded.map(face => `${face.family} ${face.unicodeRange}`);
        });
        expect(faces).toEqual(
            expect.arrayContaining([expect.stringMatching(/^"?Noto Sans Mono"? .*U\+1EA0-1EF9/u), expect.stringMatching(/^"?Noto Sans"? .*U\+1EA0-1EF9/u)])
        );
        await page.screenshot({ path: path.join(screenshots, 'playground-liem-can.png') });
    });

    it("re-evaluates as the pack is edited: an income threshold raised above the commune's 72,403 fails criterion 10", async () => {
        const original = 'thu nhập bình quân đầu người > 72 triệu đồng/người/năm';
        await page.evaluate(text => {
            const { editor } = (globalThis as unknown as PageGlobals).playground!;
            const [match] = editor.getModel().findMatches(text, false, false, true, null, false);
            editor.executeEdits('test', [{ range: match!.range, text: text.replace('> 72', '> 73') }]);
            editor.revealLineInCenter((match!.range as { startLineNumber: number }).startLineNumber);
        }, original);
        const row = page.locator('#result tr[data-criterion="10"][data-verdict="chưa đạt"]');
        await row.waitFor({ timeout: 60_000 });
        const cells = await row.locator('td').allInnerTexts();
        expect(cells.slice(3, 6)).toEqual(['chưa đạt', 'đạt', '✗ sai khác chưa khai báo']);
        await expect(page.locator('#result .differences').innerText()).resolves.toMatch(
            /tiêu chí 10: máy «chưa đạt», chính thức «đạt» — sai khác chưa khai báo/u
        );
        await expect(page.locator('#result .agreement.fail').innerText()).resolves.toMatch(/kết quả khác với kết quả chính thức/u);
        await page.screenshot({ path: path.join(screenshots, 'playground-threshold-broken.png') });
    });

    it("shows the language server's diagnostics in the editor and withholds the verdicts while the pack has errors", async () => {
        await page.evaluate(() => {
            const { editor } = (globalThis as unknown as PageGlobals).playground!;
            const [match] = editor.getModel().findMatches('> 73 triệu đồng/người/năm', false, false, true, null, false);
            editor.executeEdits('test', [{ range: match!.range, text: '> 73 km' }]);
            editor.revealLineInCenter((match!.range as { startLineNumber: number }).startLineNumber);
        });
        await page.locator('#result[data-state="pack-errors"]').waitFor({ timeout: 60_000 });
        await expect(page.locator('#result .issues').innerText()).resolves.toContain('Không thể so sánh số (triệu đồng/người/năm) với số (km)');
        await page.waitForFunction(
            () => (globalThis as unknown as PageGlobals).playground!.markers().some(m => m.message.includes('Không thể so sánh')),
            undefined,
            { timeout: 30_000 }
        );
        await page.locator('.squiggly-error').first().waitFor({ timeout: 10_000 });
        await page.screenshot({ path: path.join(screenshots, 'playground-diagnostic.png') });
        // The problem in the result pane leads to its place in the pack.
        await page.evaluate(() => (globalThis as unknown as PageGlobals).playground!.editor.setPosition({ lineNumber: 1, column: 1 }));
        await page.locator('#result .issues a').first().click();
        const line = await page.evaluate(() => {
            const { editor } = (globalThis as unknown as PageGlobals).playground!;
            const [match] = editor.getModel().findMatches('> 73 km', false, false, true, null, false);
            return { at: editor.getPosition()?.lineNumber, expected: (match!.range as { startLineNumber: number }).startLineNumber };
        });
        expect(line.at).toBe(line.expected);
    });

    it('offers the quick fix of the language server: the declared unit back, and the verdicts come back', async () => {
        await page.evaluate(() => {
            const { editor } = (globalThis as unknown as PageGlobals).playground!;
            const [match] = editor.getModel().findMatches('73 km', false, false, true, null, false);
            const range = match!.range as { startLineNumber: number; startColumn: number };
            editor.focus();
            editor.setPosition({ lineNumber: range.startLineNumber, column: range.startColumn + 1 });
            editor.trigger('test', 'editor.action.quickFix', {});
        });
        const fix = page.getByText('Dùng đơn vị khai báo của dữ kiện: 73 triệu đồng/người/năm');
        await fix.waitFor({ timeout: 30_000 });
        // The only fix offered (no conversion from km to money) is the focused one.
        await page.keyboard.press('Enter');
        await page.locator('#result tr[data-criterion="10"][data-verdict="chưa đạt"]').waitFor({ timeout: 60_000 });
        expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).playground!.editor.getModel().getValue())).toContain(
            'thu nhập bình quân đầu người > 73 triệu đồng/người/năm'
        );
    });

    it("completes a fact's name and explains an indicator on hover, from the server", async () => {
        await page.evaluate(() => {
            const { editor } = (globalThis as unknown as PageGlobals).playground!;
            const [match] = editor.getModel().findMatches('thu nhập bình quân đầu người > 73', false, false, true, null, false);
            const range = match!.range as { startLineNumber: number; startColumn: number };
            editor.revealLineInCenter(range.startLineNumber);
            editor.focus();
            editor.setPosition({ lineNumber: range.startLineNumber, column: range.startColumn + 'thu nh'.length });
            editor.trigger('test', 'editor.action.triggerSuggest', {});
        });
        await page.locator('.suggest-widget .monaco-list-row', { hasText: 'thu nhập bình quân đầu người' }).first().waitFor({ timeout: 30_000 });
        await page.keyboard.press('Escape');
        const line = page.locator('.view-line', { hasText: 'chỉ tiêu 10.1' }).first();
        await line.hover({ position: { x: 60, y: 8 }, timeout: 15_000 });
        const hover = page.locator('.monaco-hover:not(.hidden)').first();
        await hover.waitFor({ state: 'visible', timeout: 15_000 });
        const content = await hover.innerText();
        expect(content).toContain('Chỉ tiêu 10.1');
        expect(content).toContain('43/2022/QĐ-UBND');
    });

    it("finds the base pack in the browser: Lạng Sơn's pack builds on the national one, checked and evaluated", async () => {
        await page.selectOption('#commune', 'examples/lang-son/lien-hoi-2023.json');
        await page.locator('#result h2', { hasText: 'Liên Hội' }).waitFor({ timeout: 60_000 });
        expect(await page.inputValue('#pack')).toBe('rulesets/lang-son/1494-xa-ntm.ntm');
        expect(await page.getAttribute('#result', 'data-state')).toBe('result');
        expect(await criteriaRows(page)).toHaveLength(19);
        // Once the server has validated it with its base, no marker is an error (an unlinked base would make one of
        // every inherited fact, scale and indicator).
        await page.waitForFunction(() => (globalThis as unknown as PageGlobals).playground!.published(), undefined, { timeout: 30_000 });
        expect(
            await page.evaluate(() =>
                (globalThis as unknown as PageGlobals)
                    .playground!.markers()
                    .filter(m => m.severity === 8)
                    .map(m => m.message)
            )
        ).toEqual([]);
        await expect(page.locator('#result .agreement').innerText()).resolves.toContain('Khớp với kết quả chính thức');
        expect(errors).toEqual([]);
    });
});
