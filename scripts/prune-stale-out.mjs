// `prepack` of each published package: removes compiled files under out/ whose source under src/ is gone
// (renamed or deleted since the last build), so a tarball ships only what the sources still make.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';

const pkg = process.cwd();
const out = path.join(pkg, 'out');
const src = path.join(pkg, 'src');
const COMPILED = /\.(js|d\.ts|js\.map|d\.ts\.map)$/;

function walk(dir) {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? walk(full) : [full];
    });
}

if (existsSync(out) && existsSync(src)) {
    let removed = 0;
    for (const file of walk(out)) {
        if (!COMPILED.test(file)) continue;
        const stem = path.relative(out, file).replace(COMPILED, '');
        if (!existsSync(path.join(src, `${stem}.ts`))) {
            rmSync(file);
            removed++;
        }
    }
    if (removed > 0) console.error(`prune-stale-out: removed ${removed} compiled files whose source is gone.`);
}
