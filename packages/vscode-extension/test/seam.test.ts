import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

function importsOf(dir: string): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.ts'))) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        found.set(
            file,
            [...text.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map(m => m[1]!)
        );
    }
    return found;
}

describe('the vscode seam', () => {
    it('keeps the extension logic free of the vscode API and of the language client', () => {
        const logic = importsOf(path.join(src, 'logic'));
        expect(logic.size).toBeGreaterThan(5);
        for (const [file, imports] of logic) {
            expect(
                imports.filter(i => i === 'vscode' || i.startsWith('vscode-languageclient') || i.startsWith('../extension')),
                file
            ).toEqual([]);
        }
    });

    it('imports the vscode API only from the adapter folder', () => {
        const adapters = [...importsOf(path.join(src, 'extension')).values()];
        expect(adapters.filter(imports => imports.includes('vscode')).length).toBeGreaterThan(3);
        const offenders = [...importsOf(src)].filter(([file, imports]) => imports.includes('vscode') && !file.startsWith('extension' + path.sep));
        expect(offenders.map(([file]) => file)).toEqual([]);
    });
});
