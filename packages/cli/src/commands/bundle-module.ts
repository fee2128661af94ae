import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * `ntm build --bundle`: the module with the part of @ntm/runtime it uses inlined by esbuild (unminified,
 * so it stays readable), importing nothing; its declarations carry the runtime's public types themselves.
 * esbuild is loaded only here.
 */
export async function bundleModule(javascript: string, ownDeclarations: string): Promise<{ javascript: string; declarations: string }> {
    const esbuild = await import('esbuild');
    const require = createRequire(import.meta.url);
    const runtimeEntry = require.resolve('@ntm/runtime');
    // The generator's comment lines head the module; esbuild keeps no comments, so they are put back.
    const lines = javascript.split('\n');
    const header = lines
        .slice(
            0,
            lines.findIndex(line => !line.startsWith('//'))
        )
        .join('\n');
    const result = await esbuild.build({
        stdin: { contents: javascript, sourcefile: 'module.js', loader: 'js', resolveDir: path.dirname(runtimeEntry) },
        alias: { '@ntm/runtime': runtimeEntry },
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        target: 'es2022',
        charset: 'utf8',
        legalComments: 'none',
        banner: { js: header },
        write: false,
        logLevel: 'silent'
    });
    const runtimeTypes = readFileSync(path.join(path.dirname(runtimeEntry), 'result-types.d.ts'), 'utf8').trim();
    return {
        javascript: result.outputFiles[0]!.text,
        declarations: `${header}\n\n// Kiểu kết quả (từ @ntm/runtime), kèm theo để mô-đun tự chứa không cần gói nào khác.\n${runtimeTypes}\n\n${ownDeclarations}`
    };
}
