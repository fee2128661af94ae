import type { AstNode } from 'langium';
import type { FactDecl } from '../generated/ast.js';
import { isCountType, isMoneyType } from '../generated/ast.js';
import type { NtmType } from '../typing/ntm-types.js';
import { normalizeName } from '@ntm/runtime';

export type FactKind = 'percent' | 'count' | 'quantity' | 'money' | 'boolean' | 'level' | 'date' | 'year';

/** The run-time kind of a fact: how its input is read and checked. */
export function factKindOf(fact: FactDecl, type: NtmType): FactKind {
    if (isCountType(fact.type)) return 'count';
    if (isMoneyType(fact.type)) return 'money';
    switch (type.kind) {
        case 'percent':
            return 'percent';
        case 'boolean':
            return 'boolean';
        case 'level':
            return 'level';
        case 'date':
            return 'date';
        case 'year':
            return 'year';
        case 'number':
            return type.integer && !fact.derivation ? 'count' : 'quantity';
        default:
            return 'quantity';
    }
}

/** The source text of a node as the analyst wrote it, on one line and in NFC. */
export function sourceText(node: AstNode): string {
    return normalizeName(node.$cstNode?.text ?? '');
}
