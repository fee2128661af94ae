import type { FuzzyMatcher } from 'langium/lsp';
import { matchesTyped } from '../text-matching.js';

/** Matches completion candidates without regard to diacritics or look-alike letters: `rac thai` finds `rác thải`. */
export class FoldingFuzzyMatcher implements FuzzyMatcher {
    match(query: string, text: string): boolean {
        return matchesTyped(query, text);
    }
}
