import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { HEADLESS_CHROMIUM_FLAGS } from '@ntm/evaluation/batch';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectedDiagnostic } from './expected.js';
import { expectedDiagnostics, expectedSamples, workspaceExclusion } from './expected.js';
import { readExtensionLogs } from './extension-logs.js';
import type { Session } from './session.js';
import { sessionFromEnvironment, StepTimes } from './session.js';
import type { ProblemRow } from './workbench.js';
import { diagnosticsOf, settle, Workbench } from './workbench.js';

/**
 * The packaged extension in a real VS Code (code-server, started by run.mjs on a copy of the repository),
 * driven in Debian's Chromium. The steps run in order on one workbench, as an analyst would use it.
 */
const session = sessionFromEnvironment();
const PACK = 'rulesets/ha-nam/ntm-nang-cao.ntm';
const SAMPLE = 'examples/ha-nam/liem-can-2024.json';
/** Test fixtures: deliberately broken packs and communes that `ntm.boQua` keeps out. */
const FIXTURES = /(^|\s)packages\/[^/\s]+\/test(\/|\s|$)/u;
const RUN_CLOSING = /Tất cả \d+ xã mẫu đạt kiểm thử\.|\d+\/\d+ xã mẫu không đạt kiểm thử\.|Không có xã mẫu nào/u;

/** One comparable line per diagnostic. */
function keys(diagnostics: readonly Pick<ExpectedDiagnostic, 'file' | 'line' | 'column' | 'severity' | 'message'>[]): string[] {
    return diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`).sort();
}

/** The Problems rows the language server produced (source `ntm`). */
function ntmKeys(rows: readonly ProblemRow[]): string[] {
    return keys(diagnosticsOf(rows).filter(d => d.source === 'ntm') as ExpectedDiagnostic[]);
}

describe.skipIf(!session)('the extension in a real VS Code (code-server)', () => {
    const { url, workspace, logs, artefacts, chromium: chromiumPath } = session ?? ({} as Session);
    const screenshots = path.join(artefacts ?? '', 'screenshots');
    let browser: Browser;
    let page: Page;
    let bench: Workbench;
    let steps: StepTimes;
    let expected: ExpectedDiagnostic[];
    let samples: string[];
    let packLines: string[];

    /** The 1-based line of the pack that matches. */
    const packLine = (pattern: RegExp): number => {
        const index = packLines.findIndex(line => pattern.test(line));
        expect(index, String(pattern)).toBeGreaterThanOrEqual(0);
        return index + 1;
    };

    const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
        const start = Date.now();
        const result = await work();
        steps.record(step, Date.now() - start);
        return result;
    };

    beforeAll(async () => {
        mkdirSync(screenshots, { recursive: true });
        steps = StepTimes.in(session!);
        const exclusion = workspaceExclusion(workspace);
        expected = await expectedDiagnostics(workspace, exclusion);
        samples = expectedSamples(workspace, exclusion);
        packLines = readFileSync(path.join(workspace, PACK), 'utf8').split('\n');
        browser = await chromium.launch({
            executablePath: chromiumPath,
            args: [...HEADLESS_CHROMIUM_FLAGS]
        });
        page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        page.setDefaultTimeout(60_000);
        // Kept for reading a failure, not asserted: the workbench logs its own errors (e.g. offline gallery).
        page.on('console', message => {
            if (message.type() === 'error') appendFileSync(path.join(artefacts, 'browser-console.log'), `${message.text()}\n`);
        });
        bench = await timed('workbench loaded', () => Workbench.open(page, url, workspace, screenshots));
    });

    afterEach(async ({ task }) => {
        // What the screen showed when a step failed.
        if (task.result?.state === 'fail') await bench?.screenshot(`failed-${task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`).catch(() => undefined);
    });

    afterAll(async () => {
        await browser?.close();
    });

    it('lists in Problems what the compiler finds in the packs, nothing from test fixtures', async () => {
        // Without diagnostics to find, this would pass before the server has loaded anything.
        expect(expected.length, 'the packs have no diagnostics left to look for').toBeGreaterThan(0);
        await bench.openFile(PACK);
        let rows: ProblemRow[] = [];
        // The server reports every pack of the workspace once it has loaded them: wait until all are there.
        await timed('workspace diagnostics', () =>
            expect.poll(async () => ntmKeys((rows = await bench.problems())), { timeout: 240_000, interval: 2_000 }).toEqual(keys(expected))
        );
        // The file rows, by path or, should their label change, by the whole label.
        expect(rows.filter(row => row.level === 1 && (FIXTURES.test(row.file ?? '') || FIXTURES.test(row.label))).map(row => row.label)).toEqual([]);
        expect(await bench.activeEditor().locator('.squiggly-error').count()).toBe(0);
        await bench.screenshot('problems');
    });

    it('shows an error in Problems after an edit breaks the pack, and none after undo', async () => {
        const line = packLine(/^\s+tỷ lệ hộ phân loại chất thải rắn tại nguồn >= 50%/u);
        await bench.goToLine(line);
        await page.keyboard.press('Home');
        await page.keyboard.insertText('xyz');
        await bench.waitForDirty(true);
        const inPack = async (): Promise<string[]> =>
            diagnosticsOf(await bench.problems())
                .filter(d => d.file === PACK && d.severity === 'error')
                .map(d => `${d.line}:${d.column} ${d.message}`);
        const errors = await timed('error shown after an edit', async () => {
            await expect.poll(inPack, { timeout: 120_000, interval: 1_000 }).toHaveLength(1);
            return inPack();
        });
        expect(errors[0]).toMatch(new RegExp(`^${line}:5 .*«xyztỷ lệ hộ phân loại chất thải rắn tại nguồn» chưa được khai báo`, 'u'));
        await bench.activeEditor().locator('.squiggly-error').first().waitFor();
        await bench.screenshot('edit-error');

        await bench.focusEditor();
        await page.keyboard.press('Escape'); // a completion list opened by the typing
        await page.keyboard.press('Control+Z');
        await bench.waitForDirty(false);
        await timed('error gone after undo', () =>
            expect.poll(async () => ntmKeys(await bench.problems()), { timeout: 120_000, interval: 1_000 }).toEqual(keys(expected))
        );
        await bench.screenshot('after-undo');
    });

    it('shows the requirement and the citation when hovering an indicator', async () => {
        const line = packLine(/^\s*chỉ tiêu 17\.5\b/u);
        const requirement = /"([^"]+)"/u.exec(packLines[line - 1]!)![1]!;
        await bench.goToLine(line);
        // Other hovers (a Problems row under the mouse a moment ago) have other text.
        const hover = await timed('hover shown', () => bench.hoverFor(bench.editorLine('chỉ tiêu 17.5'), 'Chỉ tiêu 17.5'));
        const text = await hover.innerText();
        expect(text).toContain('Chỉ tiêu 17.5');
        expect(text).toContain(requirement);
        expect(text).toContain('43/2022/QĐ-UBND');
        await bench.screenshot('hover');
        await page.mouse.move(0, 0);
        await page.keyboard.press('Escape');
    });

    it("runs the pack's samples from «▶ Chạy kiểm thử»: the NTM output and «máy: …» beside the indicators", async () => {
        await bench.goToLine(1);
        const lens = bench.activeEditor().locator('.codelens-decoration a', { hasText: '▶ Chạy kiểm thử' });
        await lens.click();
        await timed('«Chạy kiểm thử» run', () => expect.poll(() => bench.outputText(), { timeout: 180_000, interval: 500 }).toMatch(RUN_CLOSING));
        expect(await bench.outputText()).toMatch(/Tất cả \d+ xã mẫu đạt kiểm thử\./u);
        await expect.poll(() => readExtensionLogs(logs).output, { timeout: 30_000 }).toContain(`Chạy kiểm thử ${path.basename(PACK)} — `);
        expect(readExtensionLogs(logs).output).toContain('── xã Liêm Cần (liem-can-2024.json) ──');

        await bench.goToLine(packLine(/^\s*chỉ tiêu 17\.5\b/u));
        await expect.poll(() => bench.decorationTexts(), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/^máy: ✓ đạt/u));
        await bench.screenshot('run-pack-samples');
    });

    it('evaluates one sample commune from «▶ Đánh giá»: the NTM output and «✓ máy: …» beside its official verdicts', async () => {
        await bench.command('View: Clear Output');
        await bench.openFile(SAMPLE);
        await bench.goToLine(1);
        await bench.activeEditor().locator('.codelens-decoration a', { hasText: '▶ Đánh giá' }).click();
        await timed('«Đánh giá» run', () => expect.poll(() => bench.outputText(), { timeout: 180_000, interval: 500 }).toMatch(RUN_CLOSING));
        expect(await bench.outputText()).toMatch(/Tất cả 1 xã mẫu đạt kiểm thử\./u);
        await expect.poll(() => readExtensionLogs(logs).output, { timeout: 30_000 }).toContain(`Đánh giá ${path.basename(SAMPLE)} — `);

        const sampleLines = readFileSync(path.join(workspace, SAMPLE), 'utf8').split('\n');
        const official = sampleLines.findIndex(l => l.includes('"kết quả chính thức"')) + 1;
        expect(official).toBeGreaterThan(0);
        await bench.goToLine(official + 3);
        await expect.poll(() => bench.decorationTexts(), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/^✓ máy: đạt/u));
        await bench.screenshot('evaluate-commune');
    });

    it('lists the sample communes in the Test Explorer and runs them all green', async () => {
        expect(samples).toEqual(expect.arrayContaining(['Xã Liêm Cần', 'Xã Liên Hội', 'Xã Liên Ninh']));
        await bench.command('Testing: Focus on Test Explorer View');
        const labels = async (): Promise<string[]> => (await bench.testingItems()).map(item => item.label).sort();
        await expect.poll(labels, { timeout: 60_000 }).toEqual(samples);

        await bench.command('Test: Run All Tests');
        const states = await timed('Test Explorer run', () =>
            settle(
                async () => (await bench.testingItems()).map(item => item.state),
                // A failure is final: stop waiting as soon as one shows.
                now => now.every(state => state === 'Passed') || now.some(state => /Failed|Errored/u.test(state)),
                300_000
            )
        );
        expect(states).toEqual(samples.map(() => 'Passed'));
        await bench.screenshot('test-explorer');
    });

    it('leaves no error from the extension in the extension host log', () => {
        const found = readExtensionLogs(logs);
        expect(found.hostLogs.length, 'no extension host log under ' + logs).toBeGreaterThan(0);
        expect(found.activated).toBe(true);
        expect(found.hostErrors).toEqual([]);
        expect(found.clientErrors).toEqual([]);
        expect(found.output).not.toMatch(/Không khởi động được máy chủ|Máy chủ ngôn ngữ NTM (đã dừng|không chạy|báo lỗi)/u);
    });
});
