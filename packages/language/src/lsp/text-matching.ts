import { closestNames as closestFolded, foldDiacritics } from '@ntm/runtime';

/**
 * Folds Vietnamese text for matching what an analyst types without diacritics: `rac thai` finds
 * `rác thải`. Look-alike letters fold to the letter they imitate, so `nƣớc` finds `nước`.
 */
export function foldVietnamese(text: string): string {
    const cached = foldCache.get(text);
    if (cached !== undefined) return cached;
    // Completion folds the same few thousand names on every keystroke; a bounded cache keeps that cheap.
    if (foldCache.size > 20_000) foldCache.clear();
    const folded = foldDiacritics(text);
    foldCache.set(text, folded);
    return folded;
}

const foldCache = new Map<string, string>();

/**
 * Whether every word typed appears, in order, as the start of a word of `text` (folded both sides):
 * `rac thai` and `rthai` do not both match, but `rac thai`, `ty le rac` and `chat thai` do.
 */
export function matchesTyped(typed: string, text: string): boolean {
    const query = foldVietnamese(typed)
        .split(' ')
        .filter(w => w.length > 0);
    if (query.length === 0) return true;
    const words = foldVietnamese(text)
        .split(/[\s/.,;:()«»"-]+/u)
        .filter(w => w.length > 0);
    let at = 0;
    for (const part of query) {
        while (at < words.length && !words[at]!.startsWith(part)) at++;
        if (at === words.length) return false;
        at++;
    }
    return true;
}

/** The candidates closest to `name` (after folding), best first: the runtime's «did you mean», with the cache. */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
    return closestFolded(name, candidates, limit, foldVietnamese);
}

/** Whether the typed words are the first words of `text`, the last one possibly unfinished: `chi tieu` for `chỉ tiêu`. */
export function matchesFromStart(typed: string, text: string): boolean {
    const query = foldVietnamese(typed)
        .split(' ')
        .filter(w => w.length > 0);
    const words = foldVietnamese(text).split(' ');
    return query.every((part, i) => (i < query.length - 1 ? words[i] === part : words[i]?.startsWith(part) === true));
}
