import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../src/logic/command-ids.js';

/**
 * What names the extension in a log entry: its id (`publisher.name`), its folder (`publisher.name-version`),
 * or one of its commands (`Actual command not found, wanted to execute ntm.chayKiemThu /1`).
 */
const EXTENSION = new RegExp(
    `ntm\\.ntm-vscode|${Object.values(COMMANDS)
        .map(id => id.replace('.', '\\.'))
        .join('|')}`,
    'u'
);

/** Every file under `dir` whose name matches. */
function filesNamed(dir: string, name: RegExp): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return filesNamed(full, name);
        return entry.isFile() && name.test(entry.name) ? [full] : [];
    });
}

/** Log entries: a line starting with a timestamp and the lines that follow it (a stack trace). */
function entries(text: string): string[] {
    const found: string[] = [];
    for (const line of text.split('\n')) {
        if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/u.test(line) || found.length === 0) found.push(line);
        else found[found.length - 1] += `\n${line}`;
    }
    return found.filter(entry => entry.trim().length > 0);
}

export interface ExtensionLogs {
    /** The extension host logs (`remoteexthost.log`); empty if none was written. */
    readonly hostLogs: readonly string[];
    /** Whether the host logged activating the extension. */
    readonly activated: boolean;
    /** Error entries of the host log that come from the extension (its id or files in their text). */
    readonly hostErrors: readonly string[];
    /** Errors the language client logged to the extension's «NTM — nhật ký máy chủ» channel. */
    readonly clientErrors: readonly string[];
    /** The extension's «NTM» output channel. */
    readonly output: string;
}

/** Reads what code-server's log folder holds about the extension. */
export function readExtensionLogs(logs: string): ExtensionLogs {
    const hostLogs = filesNamed(logs, /^remoteexthost\.log$/u);
    const hostEntries = hostLogs.flatMap(file => entries(readFileSync(file, 'utf8')));
    const channel = (name: RegExp): string =>
        filesNamed(logs, name)
            .map(file => readFileSync(file, 'utf8'))
            .join('\n');
    return {
        hostLogs,
        activated: hostEntries.some(entry => /_doActivateExtension ntm\.ntm-vscode\b/u.test(entry)),
        hostErrors: hostEntries.filter(entry => /\[error\]/u.test(entry) && EXTENSION.test(entry)),
        // vscode-languageclient writes `[Error - 12:00:00] …` for failed requests, crashes and protocol errors.
        clientErrors: channel(/^\d+-NTM — nhật ký máy chủ\.log$/u)
            .split('\n')
            .filter(line => /^\[Error\b/u.test(line)),
        output: channel(/^\d+-NTM\.log$/u)
    };
}
