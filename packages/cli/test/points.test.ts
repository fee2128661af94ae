import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources, tempDir } from './helpers/run-ntm.js';

// Fixtures (not real law): a computed deduction per failing year over an 11-year window, and a village pack.
const fixtures = path.join(resources, 'points');

describe('scores of a computed deduction per failing year', () => {
    it.each([
        ['xa-0-nam.json', '5/5'],
        ['xa-1-nam.json', '4,5/5'],
        ['xa-3-nam.json', '3,5/5'],
        ['xa-11-nam.json', '0/5']
    ])('%s scores %s', async (file, score) => {
        const out = await ntm('eval', path.join(fixtures, file));
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout).toMatch(new RegExp(`^1\\.1 .* ${score.replace(',', '\\,')}\\s`, 'm'));
    });

    it('ntm test reproduces every expected score and village verdict of the fixtures', async () => {
        const out = await ntm('test', fixtures);
        expect(out.code, out.stdout).toBe(0);
        expect(out.stdout).toContain('(máy tính: 5/7 thôn đạt)');
        expect(out.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    });

    it('fails readably when an expected score is changed', async () => {
        const dir = tempDir();
        cpSync(fixtures, dir, { recursive: true });
        const file = path.join(dir, 'xa-3-nam.json');
        const data = JSON.parse(readFileSync(file, 'utf8'));
        data['kết quả chính thức']['điểm']['1'] = 4;
        writeFileSync(file, JSON.stringify(data, undefined, 2));
        const out = await ntm('test', file);
        expect(out.code).toBe(1);
        expect(out.stdout).toContain('✗ điểm 1: máy «3,5», chính thức «4» — sai khác chưa khai báo');
    });
});

describe('a village-level pack over the villages of a commune', () => {
    it('evaluates each village and rolls up «5/7 thôn đạt»', async () => {
        const out = await ntm('eval', path.join(fixtures, 'thon-7.json'));
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout.trim().split('\n').at(-1)).toBe('5/7 thôn đạt.');
    });

    it('reports a village fact for a village that is not listed, with file and field', async () => {
        const dir = tempDir();
        cpSync(fixtures, dir, { recursive: true });
        const file = path.join(dir, 'thon-7.json');
        const data = JSON.parse(readFileSync(file, 'utf8'));
        const villages = data['các thôn'];
        const first = Object.keys(villages)[0]!;
        villages[first]['dữ kiện']['không có dữ kiện này'] = 1;
        writeFileSync(file, JSON.stringify(data, undefined, 2));
        const out = await ntm('eval', file);
        expect(out.stderr).toContain(`các thôn.${first}.dữ kiện.không có dữ kiện này`);
    });
});
