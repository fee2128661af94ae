import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readExpectations } from '../helpers/test-expectations.js';
import { InvalidTestFileError, readMarkedResource } from '../helpers/test-markers.js';
import { PACK_HEADER, loadTestPack } from '../helpers/ntm-test-services.js';
import { expectationFailures, readResourceTest } from '../helpers/resource-tests.js';

describe('readMarkedResource', () => {
    it('removes the markers and maps their offsets into the parsed text', () => {
        const resource = readMarkedResource('// $TEST$ error\nab »cd« ef\n');
        expect(resource.text).toBe('// $TEST$ error\nab cd ef\n');
        expect(resource.ranges).toEqual([{ start: 19, end: 21 }]);
        expect(resource.text.slice(19, 21)).toBe('cd');
        expect(resource.comments).toEqual([{ body: 'error', line: 1 }]);
    });

    it('pairs comments with markers in the order the markers open, nested ones included', () => {
        const resource = readMarkedResource('// $TEST$ type "a"\n// $TEST$ type "b"\n// $TEST$ type "c"\n»»x« + »y««\n');
        const text = (i: number) => resource.text.slice(resource.ranges[i]!.start, resource.ranges[i]!.end);
        expect([text(0), text(1), text(2)]).toEqual(['x + y', 'x', 'y']);
    });

    it('keeps «» inside strings and // comments as text', () => {
        const resource = readMarkedResource('// $TEST$ no error\n"a «b» c" »x« // «d»\n');
        expect(resource.text).toBe('// $TEST$ no error\n"a «b» c" x // «d»\n');
        expect(resource.ranges).toHaveLength(1);
    });

    it.each([
        ['an unclosed marker', '// $TEST$ error\n»x\n', 'Line 2: opening marker » is never closed.'],
        ['a closing marker alone', '// $TEST$ error\nx«\n', 'Line 2: closing marker « without an opening ».'],
        [
            'more comments than markers',
            '// $TEST$ error\n// $TEST$ error\n»x«\n',
            'The file has 2 $TEST$ comments but 1 marked ranges; each comment needs exactly one »…«.'
        ],
        ['no comment at all', 'bộ tiêu chí x "y"\n', 'The file has no $TEST$ comment, so it tests nothing.'],
        ['a trailing $TEST$ comment', '»x« // $TEST$ error\n', 'Line 1: a $TEST$ comment must stand alone on its line ("// $TEST$ …").']
    ])('refuses %s', (_name, source, message) => {
        expect(() => readMarkedResource(source)).toThrow(new InvalidTestFileError(message));
    });
});

describe('readExpectations', () => {
    const read = (source: string) => readExpectations(readMarkedResource(source));

    it('reads every kind of expectation', () => {
        const expectations = read(
            [
                '// $TEST$ error "Tên «a» có \\"b\\"."',
                '// $TEST$ no warning',
                '// $TEST$ info r"Chỉ tiêu \\d+.*"',
                '// $TEST$ type "số (km)"',
                '// $TEST$ target t1',
                '// $TEST$ references t1',
                '// $TEST$ unresolved',
                '»a« »b« »c« »d« »e« »f« »g«'
            ].join('\n')
        );
        expect(expectations.map(e => e.kind)).toEqual(['diagnostic', 'diagnostic', 'diagnostic', 'type', 'target', 'references', 'unresolved']);
        expect(expectations[0]).toMatchObject({ absent: false, severity: 'error', message: { exact: 'Tên «a» có "b".' } });
        expect(expectations[1]).toMatchObject({ absent: true, severity: 'warning', message: undefined });
        const regex = (expectations[2] as { message: { regex: RegExp } }).message.regex;
        expect(regex.test('Chỉ tiêu 17 thiếu')).toBe(true);
        expect(regex.test('x Chỉ tiêu 17')).toBe(false);
    });

    it.each([
        ['an unknown expectation', '// $TEST$ eror "x"\n»a«', /^Line 1: cannot read "\$TEST\$ eror "x""/],
        ['a bad regular expression', '// $TEST$ error r"(("\n»a«', /^Line 1: bad regular expression/],
        ['a reference to no target', '// $TEST$ references nowhere\n»a«', /^Line 1: references nowhere, but no "\$TEST\$ target nowhere" exists\.$/],
        ['a target declared twice', '// $TEST$ target t\n// $TEST$ target t\n»a« »b«', /^Line 2: target t is declared twice\.$/]
    ])('refuses %s', (_name, source, message) => {
        expect(() => read(source)).toThrow(message);
    });
});

describe('a malformed resource file', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'ntm-harness-'));
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it('becomes an INVALID TEST FILE case that carries the reason', () => {
        const file = path.join(directory, 'broken.ntm');
        writeFileSync(file, '// $TEST$ error "x"\nbộ tiêu chí »thử "Bộ"\n');
        const test = readResourceTest(file, 'demo/broken.ntm');
        expect(test.testName).toBe('INVALID TEST FILE demo/broken.ntm');
        expect(test.error?.message).toBe('Line 2: opening marker » is never closed.');
    });

    it('a skip- file is recognised as a known failure', () => {
        const file = path.join(directory, 'skip-known.ntm');
        writeFileSync(file, '// $TEST$ no error\n»x«\n');
        expect(readResourceTest(file, 'demo/skip-known.ntm')).toMatchObject({ testName: 'demo/skip-known.ntm', skip: true });
    });
});

describe('expectationFailures: wrong expectations fail, with a reason', () => {
    const source = [PACK_HEADER + 'dữ kiện đường: số km', 'tiêu chí 1 "Thử"', '// $TEST$ EXPECTATION', '  chỉ tiêu 1.1 "a" REQUIREMENT', ''].join('\n');

    async function failuresFor(expectation: string, requirement = 'đường >= »5%«'): Promise<string[]> {
        const resource = readMarkedResource(source.replace('EXPECTATION', expectation).replace('REQUIREMENT', requirement));
        const loaded = await loadTestPack(resource.text, 'harness');
        return expectationFailures(loaded.document, loaded.diagnostics, readExpectations(resource));
    }

    it('the right expectation passes', async () => {
        expect(await failuresFor('error "Không thể so sánh số (km) với phần trăm (%)."')).toEqual([]);
        expect(await failuresFor('error r"Không thể so sánh .*"')).toEqual([]);
    });

    it('an error nobody expected fails the test', async () => {
        expect(await failuresFor('type "phần trăm (%)"')).toEqual([
            'Unexpected error "Không thể so sánh số (km) với phần trăm (%)." at 10:29–10:31 «5%»: every error and warning needs a $TEST$ comment.'
        ]);
    });

    it('a wrong message fails, and so does the diagnostic it left unmatched', async () => {
        const failures = await failuresFor('error "Không thể so sánh."');
        expect(failures).toHaveLength(2);
        expect(failures[0]).toMatch(/^Line \d+: expected error "Không thể so sánh\." at 10:29–10:31 «5%»\./);
        expect(failures[1]).toMatch(/^Unexpected error "Không thể so sánh số \(km\) với phần trăm \(%\)\." at 10:29–10:31 «5%»/);
    });

    it('a wrong range fails', async () => {
        expect(await failuresFor('error', 'đường >= 5»%«')).toHaveLength(2);
    });

    it('a wrong severity fails', async () => {
        expect(await failuresFor('warning')).toHaveLength(2);
    });

    it('"no error" fails where there is one', async () => {
        expect((await failuresFor('no error'))[0]).toMatch(/^Line \d+: expected no error at 10:29–10:31 «5%», found: error "Không thể so sánh/);
    });

    it('a wrong type fails', async () => {
        const failures = await failuresFor('type "số (km)"');
        expect(failures).toContain('Line 9: expected type "số (km)" at 10:29–10:31 «5%», got "phần trăm (%)".');
        expect(await failuresFor('type "số (km)"', '»đường« >= 5 km')).toEqual([]);
        expect(await failuresFor('type "số (m)"', '»đường« >= 5 km')).toEqual(['Line 9: expected type "số (m)" at 10:20–10:25 «đường», got "số (km)".']);
    });

    it('a type asked of something that is no expression fails', async () => {
        const failures = await failuresFor('type "số (km)"', '»đường >= 5« km');
        expect(failures.some(f => f.includes('no expression or fact name at'))).toBe(true);
    });

    it('a reference expectation on something that is not a reference fails', async () => {
        const failures = await failuresFor('unresolved', 'đường >= »5« km');
        expect(failures).toEqual(['Line 9: no reference at 10:29–10:30 «5».']);
    });

    it('a resolved reference fails "unresolved"', async () => {
        const failures = await failuresFor('unresolved', '»đường« >= 5 km');
        expect(failures).toEqual(['Line 9: expected 10:20–10:25 «đường» to stay unresolved, but it resolves to FactDecl «đường» at line 7.']);
    });
});
