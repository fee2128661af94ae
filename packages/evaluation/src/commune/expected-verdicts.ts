import type { CheckLevel } from '../samples/check-codes.js';
import type { FilePosition } from './file-issue.js';
import type { CommuneFile } from './read-commune.js';

/** One official verdict a sample commune expects, and where it is written. */
export interface ExpectedVerdict {
    readonly level: CheckLevel;
    /** Indicator or criterion label; «công nhận» for recognition. */
    readonly label: string;
    readonly official: string;
    readonly position: FilePosition;
}

/** The official indicator, criterion and recognition verdicts of a sample commune, in file order. */
export function expectedVerdicts(commune: CommuneFile): ExpectedVerdict[] {
    const official = commune.data?.['kết quả chính thức'];
    if (!official) return [];
    const out: ExpectedVerdict[] = [];
    for (const [key, level] of [
        ['chỉ tiêu', 'indicator'],
        ['tiêu chí', 'criterion']
    ] as const) {
        for (const [label, verdict] of Object.entries(official[key] ?? {})) {
            out.push({ level, label: label.normalize('NFC'), official: verdict, position: commune.positionOf(['kết quả chính thức', key, label]) });
        }
    }
    if (official['công nhận'] !== undefined) {
        out.push({
            level: 'recognition',
            label: 'công nhận',
            official: official['công nhận'],
            position: commune.positionOf(['kết quả chính thức', 'công nhận'])
        });
    }
    return out;
}
