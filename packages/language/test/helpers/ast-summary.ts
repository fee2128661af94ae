import type { AstNode } from 'langium';
import { AstUtils, isReference } from 'langium';

/**
 * A plain, position-free picture of an AST: every node's type and its own property values, with
 * cross-references as the text they were written with. Two texts that mean the same have equal summaries;
 * `normalizeStrings` compares quoted texts in NFC.
 */
export function astSummary(root: AstNode, options: { normalizeStrings?: boolean } = {}): unknown[] {
    const summarizeValue = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(summarizeValue);
        if (isReference(value)) return { ref: value.$refText };
        if (typeof value === 'object' && value !== null && '$type' in value) return `<${(value as AstNode).$type}>`;
        return options.normalizeStrings && typeof value === 'string' ? value.normalize('NFC') : value;
    };
    return AstUtils.streamAst(root)
        .map(node => {
            const properties: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(node)) {
                if (key.startsWith('$')) continue;
                properties[key] = summarizeValue(value);
            }
            return { type: node.$type, ...properties };
        })
        .toArray();
}
