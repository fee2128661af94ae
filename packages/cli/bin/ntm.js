#!/usr/bin/env node
// `ntm --version` answers from package.json alone: nothing else is loaded (no commander, no compiler).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    const { readFileSync } = await import('node:fs');
    process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
    await import('../out/main.js');
}
