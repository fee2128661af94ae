import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * The VS Code workbench as the test drives it: commands, files, lines, and what the Problems, Output and
 * Testing views show. Every step waits for a visible state; nothing sleeps for a fixed time.
 */
export class Workbench {
    private shots = 0;

    constructor(
        readonly page: Page,
        private readonly screenshots: string
    ) {}

    /** Loads the workbench on `folder` and waits until it shows the folder's explorer. */
    static async open(page: Page, url: string, folder: string, screenshots: string): Promise<Workbench> {
        await page.goto(`${url}?folder=${encodeURIComponent(folder)}`);
        await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 180_000 });
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 180_000 });
        return new Workbench(page, screenshots);
    }

    /** Runs a command from the palette by its label, e.g. `Problems: Focus on Problems View`. */
    async command(label: string): Promise<void> {
        await this.page.keyboard.press('Control+Shift+P');
        const widget = this.page.locator('.quick-input-widget');
        await widget.locator('input').fill(`>${label}`);
        // Labels carry their key binding after a comma: `Test: Run All Tests, Control+; A`.
        const row = widget.locator(`.monaco-list-row[aria-label="${label}"], .monaco-list-row[aria-label^="${label},"]`).first();
        await row.click({ timeout: 30_000 });
        await widget.waitFor({ state: 'hidden' });
        // Out of the way: a mouse left over the editor's header shows a tooltip in the screenshots.
        await this.page.mouse.move(0, 0);
    }

    /** Opens a file of the workspace by its relative path and waits for its editor. */
    async openFile(relative: string): Promise<void> {
        const name = path.basename(relative);
        await this.page.keyboard.press('Control+P');
        const widget = this.page.locator('.quick-input-widget');
        await widget.locator('input').fill(relative);
        await widget.locator(`.monaco-list-row[aria-label^="${name}"]`).first().click({ timeout: 60_000 });
        await widget.waitFor({ state: 'hidden' });
        await this.page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor();
        await this.activeEditor().locator('.view-line').first().waitFor();
    }

    activeEditor(): Locator {
        return this.page.locator('.editor-group-container.active .monaco-editor').first();
    }

    /** Gives the keyboard to the editor (reading Problems moves it to that view). */
    async focusEditor(): Promise<void> {
        await this.page.keyboard.press('Control+1');
        await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
    }

    /** Waits until the active editor has unsaved changes (`dirty`) or none. */
    async waitForDirty(dirty: boolean): Promise<void> {
        await this.page.locator(`.editor-group-container.active .tab.active${dirty ? '.dirty' : ':not(.dirty)'}`).waitFor();
    }

    /** Moves the cursor to a 1-based line (Go to Line) and waits until the editor shows it. */
    async goToLine(line: number): Promise<void> {
        await this.page.keyboard.press('Control+G');
        const widget = this.page.locator('.quick-input-widget');
        await widget.locator('input').fill(`:${line}`);
        await this.page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden' });
        await this.activeEditor()
            .locator('.line-numbers.active-line-number', { hasText: new RegExp(`^${line}$`) })
            .waitFor();
    }

    /** A rendered line of the active editor that contains `text`. */
    editorLine(text: string): Locator {
        return this.activeEditor().locator('.view-line', { hasText: text }).first();
    }

    /**
     * Rests the mouse on `target` until a hover containing `text` shows, and returns it. The editor shows a hover
     * on a mouse move only: a move made while the lines were still settling (sticky scroll, a re-render on a
     * loaded machine) lands on another token, so the mouse leaves and comes back, as a user's would.
     */
    async hoverFor(target: Locator, text: string, { attempts = 4, position = { x: 60, y: 8 } } = {}): Promise<Locator> {
        const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: text }).first();
        for (let attempt = 1; ; attempt++) {
            await this.page.mouse.move(0, 0);
            await target.hover({ position });
            try {
                await hover.waitFor({ state: 'visible', timeout: 15_000 });
                return hover;
            } catch (error) {
                if (attempt >= attempts) throw error;
            }
        }
    }

    /** Texts shown after line ends by decorations (`contentText` becomes a CSS `::after` rule in the DOM). */
    async decorationTexts(): Promise<string[]> {
        return this.activeEditor()
            .locator('.view-line span')
            .evaluateAll(spans => {
                const style = (globalThis as unknown as { getComputedStyle(element: unknown, pseudo: string): { content: string } }).getComputedStyle;
                return spans
                    .map(span => style(span, '::after').content)
                    .filter(content => content.startsWith('"'))
                    .map(content => JSON.parse(content) as string);
            });
    }

    /** Every row of the Problems view, scrolling through its virtual list. */
    async problems(): Promise<ProblemRow[]> {
        await this.command('Problems: Focus on Problems View');
        const list = this.page.locator('.markers-panel .monaco-list');
        const empty = this.page.locator('.markers-panel .message-box-container', { hasText: 'No problems' });
        await list.or(empty).first().waitFor();
        if (await empty.isVisible()) return [];
        return (await listRows(this.page, list)).map(parseProblemRow);
    }

    /** The visible text of the Output view (the channel it shows), with Monaco's non-breaking spaces as spaces. */
    async outputText(): Promise<string> {
        const view = this.page.locator('.part.panel .output-view .view-lines').first();
        const text = (await view.isVisible()) ? await view.innerText() : '';
        return text.replace(/\u00a0/gu, ' ');
    }

    /** The Test Explorer's top-level rows: one per sample commune. */
    testingRoots(): Locator {
        return this.page.locator('.sidebar .monaco-list-row[aria-level="1"]:has(.testing-stdtree-container)');
    }

    /** Each top-level test item's label (`Xã Liêm Cần`) and state, as the row's aria-label ends: `(Passed)`. */
    async testingItems(): Promise<{ label: string; state: string }[]> {
        return this.testingRoots().evaluateAll(rows =>
            rows.map(row => ({
                // The label's own text, before its description (the file name).
                label: row.querySelector('.label')?.childNodes[0]?.textContent ?? '',
                state: /\(([^()]+)\)$/u.exec(row.getAttribute('aria-label') ?? '')?.[1] ?? ''
            }))
        );
    }

    async screenshot(name: string): Promise<string> {
        this.shots++;
        const file = path.join(this.screenshots, `${String(this.shots).padStart(2, '0')}-${name}.png`);
        await this.page.screenshot({ path: file });
        return file;
    }
}

/**
 * Reads `read` until `settled` says its value is final (or the time is up) and returns the last value, so
 * that the caller asserts on it: unlike `expect.poll`, a final failure ends the wait at once.
 */
export async function settle<T>(read: () => Promise<T>, settled: (value: T) => boolean, timeoutMs: number, intervalMs = 1_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await read();
        if (settled(value) || Date.now() > deadline) return value;
        await new Promise(resolve => setTimeout(resolve, intervalMs));
    }
}

export interface ProblemRow {
    /** 1: a file (`rulesets/quoc-gia/51-2025-xa-ntm.ntm`); 2: one of its diagnostics. */
    readonly level: number;
    readonly file?: string;
    readonly severity?: 'error' | 'warning' | 'info';
    readonly message?: string;
    readonly line?: number;
    readonly column?: number;
    readonly source?: string;
    readonly label: string;
}

interface RenderedRow {
    readonly index: number;
    readonly level: number;
    readonly label: string;
    readonly last: boolean;
}

/**
 * VS Code lists render only the rows in view: scroll with the wheel from the top until the last row
 * (`data-last-element`) has been seen, keeping each row by its index.
 */
async function listRows(page: Page, list: Locator): Promise<RenderedRow[]> {
    const read = (): Promise<RenderedRow[]> =>
        list.locator('.monaco-list-row').evaluateAll(rows =>
            rows.map(row => ({
                index: Number(row.getAttribute('data-index')),
                level: Number(row.getAttribute('aria-level') ?? '1'),
                label: row.getAttribute('aria-label') ?? '',
                last: row.getAttribute('data-last-element') === 'true'
            }))
        );
    const box = await list.boundingBox();
    if (!box) throw new Error('the list is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -1e6);
    const seen = new Map<number, RenderedRow>();
    for (let pass = 0; pass < 500; pass++) {
        const rows = await read();
        rows.forEach(row => seen.set(row.index, row));
        if (rows.length === 0 || rows.some(row => row.last)) break;
        const furthest = Math.max(...rows.map(row => row.index));
        await page.mouse.wheel(0, box.height * 0.7);
        // The row after the ones read exists (the last was not seen): wait until the list renders it.
        await list.locator(`.monaco-list-row[data-index="${furthest + 1}"]`).waitFor({ timeout: 10_000 });
    }
    // Back to the top, so that a screenshot shows the first rows.
    await page.mouse.wheel(0, -1e6);
    return [...seen.values()].sort((a, b) => a.index - b.index);
}

const SEVERITIES = { Error: 'error', Warning: 'warning', Info: 'info' } as const;

/**
 * Rows as the Problems view labels them for screen readers:
 * `10 problems in file 51-2025-xa-ntm.ntm of folder rulesets/quoc-gia` and
 * `Warning: Tiêu chí 1 … at line 34 and character 10. generated by ntm`.
 */
export function parseProblemRow(row: RenderedRow): ProblemRow {
    const file = /^\d+ problems? in file (.+?)(?: of folder (.+))?$/u.exec(row.label);
    if (row.level === 1 && file) {
        return { level: 1, label: row.label, file: file[2] && file[2] !== '.' ? `${file[2]}/${file[1]}` : file[1]! };
    }
    const marker = /^(Error|Warning|Info): ([\s\S]*) at line (\d+) and character (\d+)\.(?: generated by (.+))?$/u.exec(row.label);
    if (!marker) return { level: row.level, label: row.label };
    return {
        level: row.level,
        label: row.label,
        severity: SEVERITIES[marker[1] as keyof typeof SEVERITIES],
        message: marker[2]!,
        line: Number(marker[3]),
        column: Number(marker[4]),
        ...(marker[5] ? { source: marker[5] } : {})
    };
}

/** Diagnostics with the file each belongs to (the file row above it). */
export function diagnosticsOf(rows: readonly ProblemRow[]): (ProblemRow & { file: string })[] {
    let file = '';
    const found: (ProblemRow & { file: string })[] = [];
    for (const row of rows) {
        if (row.level === 1 && row.file) file = row.file;
        else if (row.severity) found.push({ ...row, file });
    }
    return found;
}
