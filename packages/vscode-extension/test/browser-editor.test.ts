import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { HEADLESS_CHROMIUM_FLAGS } from '@ntm/evaluation/batch';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the page's build script is plain JavaScript
import { buildWebPage } from '../web/build.mjs';

/**
 * The Monaco editor with the .ntm language server in a Web Worker, in Debian's Chromium driven by
 * Playwright: diagnostics and a hover on screen, with a screenshot kept in out/. Needs `chromium`
 * (apt-get install chromium); without it this suite is skipped.
 */
const CHROMIUM = '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));
const screenshots = path.resolve(here, '../out/screenshots');
const repository = path.resolve(here, '../../..');

/** What web/editor.ts puts on the page (`window.ntm`). */
interface PageGlobals {
    ntm?: {
        ready: Promise<void>;
        setText(text: string): void;
        revealLine(line: number): void;
        markers(): { message: string; startLineNumber: number; startColumn: number; severity: number }[];
        tokenize(text: string): { offset: number; type: string }[][];
    };
}

const MIME: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.ttf': 'font/ttf',
    '.json': 'application/json',
    '.wasm': 'application/wasm'
};

describe.skipIf(!existsSync(CHROMIUM))('the .ntm language in Monaco in a browser', () => {
    let site: string;
    let server: ReturnType<typeof createServer>;
    let browser: Browser;
    let page: Page;
    let base: string;

    beforeAll(async () => {
        site = await buildWebPage(mkdtempSync(path.join(tmpdir(), 'ntm-web-')));
        server = createServer((request, response) => {
            const file = path.join(site, path.normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^\/+$/, 'index.html'));
            if (!file.startsWith(site) || !existsSync(file)) {
                response.writeHead(404).end();
                return;
            }
            response.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: [...HEADLESS_CHROMIUM_FLAGS]
        });
        page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        await page.goto(base);
        await page.waitForFunction(() => (globalThis as unknown as PageGlobals).ntm !== undefined, undefined, { timeout: 30_000 });
        await page.evaluate(() => (globalThis as unknown as PageGlobals).ntm!.ready);
        expect(errors).toEqual([]);
        mkdirSync(screenshots, { recursive: true });
    }, 120_000);

    afterAll(async () => {
        await browser?.close();
        server?.close();
        if (site) rmSync(site, { recursive: true, force: true });
    });

    it("underlines an undeclared fact and gives the server's Vietnamese message", async () => {
        const text = 'bộ tiêu chí thử "Thử"\n  cấp xã nông thôn mới\n\ntiêu chí 1 "A"\n  chỉ tiêu 1.1 "B"\n    tỷ lệ chưa khai báo >= 50%\n';
        await page.evaluate(t => (globalThis as unknown as PageGlobals).ntm!.setText(t), text);
        const marker = await page.waitForFunction(
            () => (globalThis as unknown as PageGlobals).ntm!.markers().find(m => m.message.includes('«tỷ lệ chưa khai báo»')),
            undefined,
            { timeout: 30_000 }
        );
        const found = (await marker.jsonValue()) as { startLineNumber: number; startColumn: number; severity: number; message: string };
        expect(found).toMatchObject({ startLineNumber: 6, startColumn: 5, severity: 8 });
        expect(found.message).toContain('chưa được khai báo');
        await page.locator('.squiggly-error').first().waitFor({ timeout: 10_000 });
        await page.screenshot({ path: path.join(screenshots, 'monaco-diagnostics.png') });
    });

    it("colours the text with the extension's TextMate grammar: phrase keywords in NFC or NFD, strings, numbers", async () => {
        const line = 'bộ  tiêu chí x "chỉ tiêu" 17.5'.normalize('NFD');
        const [tokens] = await page.evaluate(t => (globalThis as unknown as PageGlobals).ntm!.tokenize(t), line);
        const typeAt = (text: string) => tokens!.filter(t => t.offset <= line.indexOf(text)).at(-1)?.type;
        expect(typeAt('bộ'.normalize('NFD'))).toBe('keyword');
        expect(typeAt('x ')).toBe('');
        expect(typeAt('"')).toBe('string');
        expect(typeAt('17.5')).toBe('number');
    });

    it('shows the hover of an indicator on screen', async () => {
        const pack = readFileSync(path.join(repository, 'rulesets/ha-nam/ntm-nang-cao.ntm'), 'utf8');
        await page.evaluate(t => (globalThis as unknown as PageGlobals).ntm!.setText(t), pack);
        const line = pack.split('\n').findIndex(l => /^\s*chỉ tiêu 17\.5\b/.test(l)) + 1;
        expect(line).toBeGreaterThan(0);
        await page.evaluate(l => (globalThis as unknown as PageGlobals).ntm!.revealLine(l), line);
        const token = page.locator('.view-line', { hasText: 'chỉ tiêu 17.5' }).first();
        // Monaco re-renders lines as it scrolls: let Playwright wait until the line is stable, then hover it.
        await token.hover({ position: { x: 60, y: 8 }, timeout: 15_000 });
        const hover = page.locator('.monaco-hover:not(.hidden)').first();
        await hover.waitFor({ state: 'visible', timeout: 15_000 });
        const content = await hover.innerText();
        expect(content).toContain('Chỉ tiêu 17.5');
        expect(content).toContain('Tỷ lệ hộ gia đình thực hiện phân loại chất thải rắn tại nguồn');
        expect(content).toContain('43/2022/QĐ-UBND');
        await page.waitForTimeout(500); // the hover fades in
        await page.screenshot({ path: path.join(screenshots, 'monaco-hover.png') });
    });
});
