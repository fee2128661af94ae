import type { SampleCheckLevel } from '../protocol.js';

const HEADER = /^[ \t]*bộ[ \t\u00A0]+tiêu[ \t\u00A0]+chí(?![\p{L}\p{M}\p{N}_])/u;
const DECLARATION = /^[ \t]*(chỉ|tiêu)[ \t\u00A0]+(tiêu|chí)[ \t\u00A0]+([0-9]+(?:\.[\p{L}\p{N}]+)*)(?![\p{L}\p{M}\p{N}_.])/u;

/** Where the things of a pack are declared, by line (zero-based). */
export interface PackLocations {
    /** The `bộ tiêu chí` header line, or the first line when there is none. */
    readonly header: number;
    /** `chỉ tiêu|tiêu chí` + label → the line of its first declaration. */
    readonly declarations: ReadonlyMap<string, number>;
}

export function locationKey(level: SampleCheckLevel, label: string): string {
    return `${level} ${label}`;
}

/**
 * Finds the pack header and the first line declaring each criterion and indicator. Works on the text
 * as typed (NFC or NFD, any blanks between words) and ignores comments at the start of a line.
 */
export function locatePack(text: string): PackLocations {
    let header: number | undefined;
    const declarations = new Map<string, number>();
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!.normalize('NFC');
        if (header === undefined && HEADER.test(line)) header = i;
        const match = DECLARATION.exec(line);
        if (!match) continue;
        const level: SampleCheckLevel | undefined = match[1] === 'chỉ' && match[2] === 'tiêu' ? 'chỉ tiêu'
            : match[1] === 'tiêu' && match[2] === 'chí' ? 'tiêu chí' : undefined;
        if (!level) continue;
        const key = locationKey(level, match[3]!);
        if (!declarations.has(key)) declarations.set(key, i);
    }
    return { header: header ?? 0, declarations };
}
