import { LOOK_ALIKE_LETTERS, normalizeName } from '../util/vietnamese-text.js';
import { editDistance } from '../util/edit-distance.js';

/**
 * Folds Vietnamese text for matching what an analyst types without diacritics: `rac thai` finds
 * `rác thải`. Look-alike letters fold to the letter they imitate, so `nƣớc` finds `nước`.
 */
export function foldVietnamese(text: string): string {
    const cached = foldCache.get(text);
    if (cached !== undefined) return cached;
    // Completion folds the same few thousand names on every keystroke; a bounded cache keeps that cheap.
    if (foldCache.size > 20_000) foldCache.clear();
    const folded = fold(text);
    foldCache.set(text, folded);
    return folded;
}

const foldCache = new Map<string, string>();

function fold(text: string): string {
    let folded = '';
    for (const char of normalizeName(text)) {
        folded += LOOK_ALIKE_LETTERS.get(char) ?? char;
    }
    return folded.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();
}

/**
 * Whether every word typed appears, in order, as the start of a word of `text` (folded both sides):
 * `rac thai` and `rthai` do not both match, but `rac thai`, `ty le rac` and `chat thai` do.
 */
export function matchesTyped(typed: string, text: string): boolean {
    const query = foldVietnamese(typed).split(' ').filter(w => w.length > 0);
    if (query.length === 0) return true;
    const words = foldVietnamese(text).split(/[\s/.,;:()«»"-]+/u).filter(w => w.length > 0);
    let at = 0;
    for (const part of query) {
        while (at < words.length && !words[at]!.startsWith(part)) at++;
        if (at === words.length) return false;
        at++;
    }
    return true;
}

export { editDistance };

/** The candidates closest to `name` (after folding), best first; only those close enough to be a typo. */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
    const folded = foldVietnamese(name);
    const scored: Array<{ candidate: string; distance: number }> = [];
    for (const candidate of new Set(candidates)) {
        const distance = editDistance(folded, foldVietnamese(candidate));
        const exactForm = candidate === name;
        if (!exactForm && distance <= Math.max(2, Math.floor(candidate.length / 4))) {
            scored.push({ candidate, distance });
        }
    }
    return scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate)).slice(0, limit).map(s => s.candidate);
}

/** Whether the typed words are the first words of `text`, the last one possibly unfinished: `chi tieu` for `chỉ tiêu`. */
export function matchesFromStart(typed: string, text: string): boolean {
    const query = foldVietnamese(typed).split(' ').filter(w => w.length > 0);
    const words = foldVietnamese(text).split(' ');
    return query.every((part, i) => i < query.length - 1 ? words[i] === part : words[i]?.startsWith(part) === true);
}
