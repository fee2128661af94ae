import { COMMANDS } from './command-ids.js';
import { readCommuneFile } from './sample-file.js';

/** What the adapter knows of an open document. */
export interface DocumentInfo {
    readonly uri: string;
    readonly languageId: string;
    readonly text: string;
}

/**
 * A code lens to show: on which line, with which title and command. The command takes no arguments: it acts
 * on the active editor, which clicking the lens makes active. VS Code keeps a lens command that has arguments
 * in a cache it empties when it fetches the document's lenses again, but it updates a lens that is off screen
 * only some time after it scrolls back into view; a click in between ran nothing («Actual command not
 * found» in the extension host log), e.g. after an edit lower down in the pack and Ctrl+Home.
 */
export interface LensSpec {
    readonly line: number;
    readonly title: string;
    readonly tooltip: string;
    readonly command: string;
}

export const LENS_TITLES = {
    runPackSamples: '▶ Chạy kiểm thử',
    evaluateCommune: '▶ Đánh giá'
} as const;

/** The lenses of a document: «Chạy kiểm thử» at the top of a pack, «Đánh giá» on a sample commune. */
export function lensesFor(document: DocumentInfo): LensSpec[] {
    if (document.languageId === 'ntm' || document.uri.toLowerCase().endsWith('.ntm')) {
        return [
            {
                line: 0,
                title: LENS_TITLES.runPackSamples,
                tooltip: 'Đánh giá mọi xã mẫu dùng bộ tiêu chí này và so với kết quả chính thức',
                command: COMMANDS.runPackSamples
            }
        ];
    }
    if (document.languageId === 'json' || document.languageId === 'jsonc' || document.uri.toLowerCase().endsWith('.json')) {
        const file = readCommuneFile(document.uri, document.text);
        if (file.kind !== 'sample') return [];
        return [
            {
                line: 0,
                title: LENS_TITLES.evaluateCommune,
                tooltip: 'Đánh giá xã này theo bộ tiêu chí của nó và so với kết quả chính thức',
                command: COMMANDS.evaluateCommune
            }
        ];
    }
    return [];
}
