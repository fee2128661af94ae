import type { Command } from 'commander';
import { Help } from 'commander';

/**
 * Commander's own words in Vietnamese: its help headings and usage, and the messages of the parser
 * (unknown command or option, missing argument), which are written in English in commander itself.
 */
const TITLES: Readonly<Record<string, string>> = {
    'Usage:': 'Cách dùng:',
    'Options:': 'Tùy chọn:',
    'Commands:': 'Lệnh:',
    'Arguments:': 'Tham số:',
    'Global Options:': 'Tùy chọn chung:'
};

export function vietnameseHelp(program: Command): Command {
    return program
        .helpOption('-h, --help', 'in hướng dẫn của lệnh')
        .helpCommand('help [lệnh]', 'in hướng dẫn của một lệnh')
        .configureHelp({
            styleTitle: (title: string) => TITLES[title] ?? title,
            commandUsage: (cmd: Command) => vietnameseUsage(Help.prototype.commandUsage.call(new Help(), cmd)),
            subcommandTerm: (cmd: Command) => vietnameseUsage(Help.prototype.subcommandTerm.call(new Help(), cmd))
        });
}

function vietnameseUsage(usage: string): string {
    return usage.replace('[options]', '[tùy-chọn]').replace('[command]', '[lệnh]');
}

const SUGGESTION = /\n?\(Did you mean (one of )?(.+)\?\)/;

/** A parser message of commander in Vietnamese (the first line «error: …», and its «Did you mean» hint). */
export function vietnameseParserMessage(message: string): string {
    const hint = SUGGESTION.exec(message);
    const suggestion = hint ? ` Có phải ${hint[1] ? `một trong: ${hint[2]}` : `«${hint[2]}»`}?` : '';
    const text = message.replace(SUGGESTION, '').trim();
    const rules: readonly [RegExp, (...groups: string[]) => string][] = [
        [/^error: unknown command '(.*)'$/, name => `lỗi: không có lệnh «${name}».`],
        [/^error: unknown option '(.*)'$/, name => `lỗi: không có tùy chọn «${name}».`],
        [/^error: missing required argument '(.*)'$/, name => `lỗi: thiếu tham số bắt buộc «${name}».`],
        [/^error: option '(.*)' argument missing$/, name => `lỗi: tùy chọn «${name}» cần một giá trị.`],
        [/^error: required option '(.*)' not specified$/, name => `lỗi: thiếu tùy chọn bắt buộc «${name}».`],
        [
            /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
            (name, expected, got) => `lỗi: thừa tham số${name ? ` cho lệnh «${name}»` : ''}: cần nhiều nhất ${expected}, nhận ${got}.`
        ],
        [/^error: (.*)$/, rest => `lỗi: ${rest}`]
    ];
    for (const [pattern, render] of rules) {
        const match = pattern.exec(text);
        if (match) return `${render(...match.slice(1).map(g => g ?? ''))}${suggestion} Xem «ntm --help».`;
    }
    return text;
}
