// Every tool refuses bad commune data with the same Vietnamese message, because they all call
// @ntm/evaluation: `ntm eval` (CLI), the language server's test run (the runner it uses, in a worker
// thread) and the VS Code extension (which renders the server's answer).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerSampleRunner } from '@ntm/evaluation/node';
import { renderSample } from '../packages/vscode-extension/src/logic/render.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACK = path.join(ROOT, 'packages/evaluation/test/resources/dien-tich.ntm');
const dir = mkdtempSync(path.join(tmpdir(), 'ntm-same-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sample(name: string, facts: Record<string, unknown>, date = '2024-06-30'): string {
    const file = path.join(dir, `${name}.json`);
    writeFileSync(
        file,
        JSON.stringify(
            {
                xã: 'Thử',
                'bộ tiêu chí': path.relative(dir, PACK),
                'ngày đánh giá': date,
                'dữ kiện': facts,
                'kết quả chính thức': { 'chỉ tiêu': { '17.1': 'đạt' } }
            },
            undefined,
            2
        )
    );
    return file;
}

async function cliMessages(file: string): Promise<string[]> {
    const outcome = await promisify(execFile)(process.execPath, [path.join(ROOT, 'packages/cli/bin/ntm.js'), 'eval', file], { cwd: ROOT }).then(
        r => r.stderr,
        (e: { stderr?: string }) => e.stderr ?? ''
    );
    return outcome.split('\n').filter(line => line.includes('.json:'));
}

const CASES: ReadonlyArray<readonly [string, Record<string, unknown>, string, RegExp]> = [
    [
        'wrong-unit',
        { 'diện tích sân thể thao': { 'giá trị': 2, 'đơn vị': 'km' } },
        '2024-06-30',
        /lỗi dữ kiện\.diện tích sân thể thao\.đơn vị: Đơn vị «km» khác đơn vị khai báo/u
    ],
    ['unknown-fact', { 'tong so ho': 10 }, '2024-06-30', /lỗi dữ kiện\.tong so ho: Dữ kiện «tong so ho» không có trong bộ tiêu chí\. Có phải «tổng số hộ»\?/u],
    ['negative-count', { 'tổng số hộ': -3 }, '2024-06-30', /lỗi dữ kiện\.tổng số hộ: Giá trị âm \(-3\)/u],
    [
        'numerator-above-denominator',
        { 'hộ dùng nước sạch': 120, 'tổng số hộ': 100 },
        '2024-06-30',
        /cảnh báo chỉ tiêu 17\.1: Dữ liệu không nhất quán: tử số 120 hộ lớn hơn mẫu số 100 hộ/u
    ],
    ['bad-date', {}, '2024-13-01', /lỗi ngày đánh giá: Ngày đánh giá «2024-13-01» không hợp lệ/u]
];

describe('one message for bad commune data in the CLI, the language server and the extension', () => {
    const runner = new WorkerSampleRunner();
    it.each(CASES)('%s', async (name, facts, date, expected) => {
        const file = sample(name, facts, date);
        const cli = (await cliMessages(file)).filter(line => expected.test(line));
        expect(cli).toHaveLength(1);
        const answer = await runner.run({ communeUri: pathToFileURL(file).toString() }, { workspaceFolders: [] });
        const server = answer.samples[0]!;
        const serverLines = [...server.problems, ...(server.warnings ?? [])].filter(line => expected.test(line));
        // The same text, the file shown the same way (relative to the working folder of each process).
        expect(serverLines).toEqual(cli);
        expect(
            renderSample(server)
                .filter(line => expected.test(line))
                .map(line => line.replace(/^[⚠!] /u, ''))
        ).toEqual(cli);
    });
});
