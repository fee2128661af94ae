// Run in a child process by activation.test.ts: activates the bundled extension with a server that exits
// at once, and prints what the user would see. vscode-languageclient leaves internal promise rejections
// unhandled when its server dies during initialization; in VS Code they only reach the extension host
// log, so they are counted here rather than failing the test runner.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { createFakeVscode } from '../helpers/fake-vscode.js';

const [bundle, root] = process.argv.slice(2) as [string, string];
let unhandled = 0;
process.on('unhandledRejection', () => {
    unhandled++;
});

const starts = path.join(root, 'starts.log');
mkdirSync(path.join(root, 'out/extension'), { recursive: true });
mkdirSync(path.join(root, 'out/language'), { recursive: true });
mkdirSync(path.join(root, 'node_modules/vscode'), { recursive: true });
copyFileSync(bundle, path.join(root, 'out/extension/main.cjs'));
writeFileSync(path.join(root, 'out/language/main.cjs'), `require('fs').appendFileSync(${JSON.stringify(starts)}, 'x'); process.exit(3);\n`);
const fake = createFakeVscode();
(globalThis as Record<string, unknown>).__ntmFakeVscode = fake.module;
writeFileSync(path.join(root, 'node_modules/vscode/index.js'), 'module.exports = globalThis.__ntmFakeVscode;\n');

const extension = createRequire(path.join(root, 'index.js'))('./out/extension/main.cjs');
extension.activate({ subscriptions: [], asAbsolutePath: (relative: string) => path.join(root, relative) });
const ntm = fake.channels.find(c => c.name === 'NTM')!;
// Wait for the first message, then long enough for any further restart or message to show up.
for (let waited = 0; ntm.lines.length === 0 && waited < 20_000; waited += 100) await new Promise(resolve => setTimeout(resolve, 100));
await new Promise(resolve => setTimeout(resolve, 1500));
const beforeRequest = [...ntm.lines];
const notificationsBeforeRequest = [...fake.notifications];
await fake.commands.get('ntm.danhGia')!('file:///xa-mau/a.json');
process.stdout.write(
    JSON.stringify({
        beforeRequest,
        afterRequest: ntm.lines.slice(beforeRequest.length),
        notificationsBeforeRequest,
        starts: readFileSync(starts, 'utf8').length,
        unhandled
    })
);
process.exit(0);
