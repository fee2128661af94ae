// `ntm check <pack>` lists and counts the unknown and unverified thresholds a pack inherits from its base
// as well as its own; an indicator the pack replaces takes its base thresholds with it.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, root } from './helpers/run-ntm.js';

const provincial = path.join(resources, 'law-in-time', 'tinh-thu', 'tinh-thu.ntm');

describe('ntm check counts inherited thresholds', () => {
    it('lists the base thresholds still in effect, at their place in the base file', async () => {
        const out = await ntm('check', provincial);
        expect(out.code, out.stdout).toBe(0);
        const inherited = out.stdout.split('\n').filter(line => line.endsWith('[kế thừa từ bộ gốc]'));
        expect(inherited).toHaveLength(3);
        expect(inherited.every(line => /quoc-gia\/318-thu\.ntm:\d+:\d+ chưa biết bảng «/.test(line))).toBe(true);
        // 318-thu's own threshold of indicator 16 is not inherited: the provincial pack replaces 16.
        expect(out.stdout).not.toContain('chỉ tiêu 16');
        expect(out.stdout).toContain('tinh-thu.ntm: 3 ngưỡng chưa biết hoặc chưa kiểm chứng (0 của chính bộ này, 3 kế thừa từ bộ gốc).');
        expect(out.stdout).toMatch(/^1 tệp, 0 lỗi, 0 cảnh báo, 3 ngưỡng chưa biết hoặc chưa kiểm chứng\.$/m);
    });

    it('counts own and inherited thresholds of the Lạng Sơn pack in --json, each once', async () => {
        const out = await ntm('check', path.join(root, 'rulesets/lang-son/1494-xa-ntm.ntm'), '--json');
        const json = JSON.parse(out.stdout);
        const pack = json.packs[0];
        expect(pack.ownThresholds).toBeGreaterThan(0);
        expect(pack.inheritedThresholds).toBeGreaterThan(0);
        expect(json.summary.thresholds).toBe(pack.ownThresholds + pack.inheritedThresholds);
        expect(
            pack.thresholds.filter((t: { inherited: boolean; file: string }) => t.inherited).every((t: { file: string }) => t.file.endsWith('318-xa-ntm.ntm'))
        ).toBe(true);
    });
});
