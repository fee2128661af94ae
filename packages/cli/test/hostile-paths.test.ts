// `dựa trên` and folders as analysts' machines have them: a base is read only when it is a .ntm file under
// the project, and one bad entry never stops the rest of a folder.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, tempDir } from './helpers/run-ntm.js';

function pack(name: string, base?: string): string {
    return (
        [
            `bộ tiêu chí ${name} "Bộ ${name}"`,
            '  cấp xã nông thôn mới',
            '  địa bàn "tỉnh Thử"',
            '  phiên bản "1"',
            ...(base ? [`  dựa trên "${base}"`] : []),
            '  căn cứ 1/2022/QĐ-UBND ngày 01/09/2022 của "UBND tỉnh Thử"',
            '  hiệu lực từ 01/09/2022',
            `tiêu chí 1 "Một"`,
            `  chỉ tiêu 1.1 "Có" có trụ sở ${name}`,
            `dữ kiện trụ sở ${name}: có/không`
        ].join('\n') + '\n'
    );
}

/** A project folder (it has a package.json) with packs in `packs/`. */
function project(): { root: string; packs: string } {
    const root = path.join(tempDir(), 'du-an');
    mkdirSync(path.join(root, 'packs'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), '{}');
    return { root, packs: path.join(root, 'packs') };
}

describe('dựa trên leads only to .ntm files under the project', () => {
    it('refuses a base that is not a .ntm file, and checks the rest of the folder', async () => {
        const { packs } = project();
        writeFileSync(path.join(packs, 'a.ntm'), pack('a', '/etc/passwd'));
        writeFileSync(path.join(packs, 'b.ntm'), pack('b'));
        const out = await ntm('check', packs);
        expect(out.code).toBe(1);
        expect(out.stdout).toMatch(/a\.ntm:5:12 lỗi «dựa trên» phải trỏ tới một tệp bộ tiêu chí \.ntm, không phải «passwd»\./u);
        expect(out.stdout).toContain('2 tệp, 1 lỗi');
        expect(out.stderr).not.toContain('Lỗi nội bộ');
    });

    it('refuses a base outside the project folder, naming both', async () => {
        const { root, packs } = project();
        writeFileSync(path.join(root, '..', 'ngoai.ntm'), pack('ngoai'));
        writeFileSync(path.join(packs, 'a.ntm'), pack('a', '../../ngoai.ntm'));
        const out = await ntm('check', path.join(packs, 'a.ntm'));
        expect(out.code).toBe(1);
        expect(out.stdout).toMatch(
            /a\.ntm:5:12 lỗi Bộ gốc «.*ngoai\.ntm» nằm ngoài thư mục gốc \(.*du-an\): chỉ dựa trên được các bộ trong thư mục của dự án\. Chép bộ gốc/u
        );
    });

    it('refuses a folder named like a pack', async () => {
        const { packs } = project();
        mkdirSync(path.join(packs, 'thu-muc.ntm'));
        writeFileSync(path.join(packs, 'a.ntm'), pack('a', 'thu-muc.ntm'));
        const out = await ntm('check', path.join(packs, 'a.ntm'));
        expect(out.stdout).toMatch(/a\.ntm:5:12 lỗi «.*thu-muc\.ntm» không phải một tệp bộ tiêu chí \(là thư mục hoặc thiết bị\)\./u);
    });

    it('stops a chain longer than 16 packs with that reason, not «không tìm thấy»', async () => {
        const { packs } = project();
        for (let i = 0; i <= 18; i++) writeFileSync(path.join(packs, `p${i}.ntm`), pack(`p${i}`, i < 18 ? `p${i + 1}.ntm` : undefined));
        const out = await ntm('check', path.join(packs, 'p0.ntm'));
        expect(out.code).toBe(1);
        expect(out.stdout).toMatch(/p0\.ntm:5:12 lỗi Chuỗi «dựa trên» dài quá 16 bộ tiêu chí \(dừng ở «p16»\): kiểm tra lại các bộ gốc\./u);
    });

    it("names a base that is missing deeper in the chain, not the pack's own base", async () => {
        const { packs } = project();
        writeFileSync(path.join(packs, 'a.ntm'), pack('a', 'b.ntm'));
        writeFileSync(path.join(packs, 'b.ntm'), pack('b', 'khong-co.ntm'));
        const out = await ntm('check', path.join(packs, 'a.ntm'));
        expect(out.stdout).toMatch(/a\.ntm:5:12 lỗi Bộ gốc «b» dựa trên «.*khong-co\.ntm»: không tìm thấy tệp này\./u);
    });
});

describe('folders with unreadable entries', () => {
    it('names a symbolic-link loop and checks the other packs', async () => {
        const { packs } = project();
        writeFileSync(path.join(packs, 'a.ntm'), pack('a'));
        symlinkSync('vong-2', path.join(packs, 'vong-1'));
        symlinkSync('vong-1', path.join(packs, 'vong-2'));
        const out = await ntm('check', packs);
        expect(out.code).toBe(0);
        expect(out.stderr).toMatch(/Bỏ qua «.*vong-1»: vòng liên kết tượng trưng\./u);
        expect(out.stdout).toContain('1 tệp, 0 lỗi');
    });
});
