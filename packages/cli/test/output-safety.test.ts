// What `ntm` writes can never be turned against the user: pack text cannot forge terminal output, and
// `build` never writes through a planted link or half a set of files.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, tempDir } from './helpers/run-ntm.js';

const HOSTILE_TITLE = 'Bộ thử\u001b[2J\r\n1 tệp, 0 lỗi, 0 cảnh báo\u0007\u202e';

function hostilePack(dir: string): string {
    const text = readFileSync(path.join(resources, 'mini.ntm'), 'utf8')
        .replace('"Bộ tiêu chí thử cho CLI"', `"${HOSTILE_TITLE}"`)
        .replace('"Tỷ lệ chất thải rắn được thu gom"', '"rác\u001b[31m đỏ\nchưa kiểm chứng"');
    const file = path.join(dir, 'hostile.ntm');
    writeFileSync(file, text);
    return file;
}

const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

describe('pack text in the terminal', () => {
    it('shows control characters escaped in `eval`, so a title cannot print a fake line or move the cursor', async () => {
        const dir = tempDir();
        const pack = hostilePack(dir);
        const commune = JSON.parse(readFileSync(path.join(resources, 'mini-commune.json'), 'utf8')) as Record<string, unknown>;
        commune['bộ tiêu chí'] = 'hostile.ntm';
        writeFileSync(path.join(dir, 'xa.json'), JSON.stringify(commune));
        const out = await ntm('eval', pack, path.join(dir, 'xa.json'));
        expect(out.code).toBe(0);
        expect(out.stdout).not.toMatch(RAW_CONTROL);
        expect(out.stdout).toContain('Bộ thử\\u001b[2J\\r\\n1 tệp, 0 lỗi, 0 cảnh báo\\u0007\\u202e');
        expect(out.stdout.split('\n').some(line => line.startsWith('1 tệp, 0 lỗi'))).toBe(false);
    });

    it('keeps `--json` valid JSON with the text intact', async () => {
        const dir = tempDir();
        const pack = hostilePack(dir);
        const commune = JSON.parse(readFileSync(path.join(resources, 'mini-commune.json'), 'utf8')) as Record<string, unknown>;
        writeFileSync(path.join(dir, 'xa.json'), JSON.stringify(commune));
        const out = await ntm('eval', pack, path.join(dir, 'xa.json'), '--json');
        expect((JSON.parse(out.stdout) as { result: { pack: { title: string } } }).result.pack.title).toBe(HOSTILE_TITLE);
    });
});

describe('ntm build writes safely', () => {
    it('refuses an empty output folder instead of writing into the working folder', async () => {
        const out = await ntm('build', path.join(resources, 'mini.ntm'), '-o', '');
        expect(out.code).toBe(2);
        expect(out.stderr).toContain('Thiếu thư mục ghi kết quả: «-o» cần một đường dẫn thư mục.');
    });

    it('names an output folder that is a file, and writes nothing', async () => {
        const dir = tempDir();
        const file = path.join(dir, 'la-tep');
        writeFileSync(file, 'x');
        const out = await ntm('build', path.join(resources, 'mini.ntm'), '-o', file);
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(/Không ghi được: «.*la-tep» là một tệp, không phải thư mục/u);
        expect(readFileSync(file, 'utf8')).toBe('x');
    });

    it('names a folder standing where the module should go, and leaves no temporary file', async () => {
        const dir = tempDir();
        mkdirSync(path.join(dir, 'thu-cli.js'));
        const out = await ntm('build', path.join(resources, 'mini.ntm'), '-o', dir);
        expect(out.code).toBe(1);
        expect(out.stderr).toMatch(/«.*thu-cli\.js» là một thư mục: không ghi đè được bằng tệp\./u);
        expect(readdirSync(dir)).toEqual(['thu-cli.js']);
    });

    it('leaves only the written files behind (the temporary files are renamed into place)', async () => {
        const dir = tempDir();
        const out = await ntm('build', path.join(resources, 'mini.ntm'), '-o', dir);
        expect(out.code).toBe(0);
        expect(readdirSync(dir).sort()).toEqual(['thu-cli.d.ts', 'thu-cli.input.schema.json', 'thu-cli.js', 'thu-cli.result.schema.json']);
        expect(existsSync(path.join(dir, `thu-cli.js.${process.pid}.tmp`))).toBe(false);
    });
});
