import type { GrammarAST } from 'langium';
import { AstUtils, GrammarAST as Grammar } from 'langium';

/**
 * Phrase keywords (`chỉ tiêu`) are the terminals of grammar/phrases.langium: a terminal rule whose whole
 * definition is one quoted phrase of several words. Completion, parser messages, the formatter and the
 * TextMate grammar treat them as the keywords they are, through these helpers.
 */
export function phraseOf(rule: GrammarAST.AbstractRule | undefined): string | undefined {
    if (!Grammar.isTerminalRule(rule)) return undefined;
    if (!phrases.has(rule)) phrases.set(rule, readPhrase(rule));
    return phrases.get(rule);
}

/** Asked for every converted token (value converter), hence remembered per rule. */
const phrases = new WeakMap<GrammarAST.TerminalRule, string | undefined>();

function readPhrase(rule: GrammarAST.TerminalRule): string | undefined {
    const definition = rule.definition;
    if (rule.hidden || rule.fragment || !Grammar.isCharacterRange(definition)) return undefined;
    if (definition.right || definition.cardinality || definition.lookahead) return undefined;
    const phrase = definition.left.value;
    return /^\p{L}[\p{L}\p{M}]*( [\p{L}\p{M}]+)+$/u.test(phrase) ? phrase : undefined;
}

/** The keyword a grammar element stands for: a keyword's text, or the phrase of a call to a phrase terminal. */
export function keywordOf(element: GrammarAST.AbstractElement | undefined): string | undefined {
    if (Grammar.isKeyword(element)) return element.value;
    return Grammar.isRuleCall(element) ? phraseOf(element.rule.ref) : undefined;
}

/** Every keyword of the language, phrases included, each once, in the order the grammar first uses it. */
export function languageKeywords(grammar: GrammarAST.Grammar): string[] {
    const keywords = new Set<string>();
    for (const rule of grammar.rules) {
        if (!Grammar.isParserRule(rule)) continue;
        for (const node of AstUtils.streamAllContents(rule)) {
            const keyword = Grammar.isAbstractElement(node) ? keywordOf(node) : undefined;
            if (keyword !== undefined) keywords.add(keyword);
        }
    }
    return [...keywords];
}
