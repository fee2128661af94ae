import type { CstNode, GrammarAST, ValueType } from 'langium';
import { CstUtils, DefaultValueConverter } from 'langium';
import { normalizeName, normalizeUnit } from '../util/vietnamese-text.js';
import { phraseOf } from './phrase-keywords.js';

/**
 * Converts names, labels and units to canonical text (NFC, single spaces), so that `rác thải` written in
 * NFD or with two spaces refers to the same fact. Numbers accept a decimal comma (`0,5` is 0.5).
 */
export class NtmValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'Name':
            case 'Word':
                return normalizeName(visibleText(cstNode));
            case 'Label':
                return cstNode.text.trim();
            case 'Unit':
            case 'UnitPart':
                return normalizeUnit(visibleText(cstNode));
            case 'ID':
                return normalizeName(input);
            case 'NUMBER':
                return Number(input.replace(',', '.'));
            case 'STRING':
                // “…” from Word has no escapes: its text is what stands between the quotes.
                if (input.startsWith('“') || input.endsWith('”')) return input.slice(1, /["”]$/u.test(input) && input.length > 1 ? -1 : undefined);
                return super.runConverter(rule, input, cstNode);
            case 'DECISION_NO':
            case 'DATE':
                return input.normalize('NFC');
            default:
                // A phrase keyword reads as its phrase however it is written (`gần  nhất` in a rounding mode).
                return phraseOf(rule) ?? super.runConverter(rule, input, cstNode);
        }
    }
}

/** The words of a name or unit without any comment written between them, joined by single spaces. */
function visibleText(node: CstNode): string {
    return CstUtils.flattenCst(node)
        .filter(leaf => !leaf.hidden)
        .map(leaf => leaf.text)
        .join(' ');
}
