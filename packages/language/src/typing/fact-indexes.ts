import type { Reference } from 'langium';
import type { Breakdown, Collection, FactDecl } from '../generated/ast.js';
import { isBreakdownIndex, isCollectionIndex, isYearIndex } from '../generated/ast.js';

// How a fact's values are given (`, phân theo …`, `, từng năm`, `, từng <danh sách>`). The grammar keeps every
// index written; a fact with more than one is an error (points-checks.ts), and these read the first of each kind.

/** `, phân theo giới tính`: one value per part of the breakdown. */
export function breakdownIndexOf(fact: FactDecl): Reference<Breakdown> | undefined {
    return fact.indexes.find(isBreakdownIndex)?.breakdown;
}

/** `, từng năm`: a value per year (a series). */
export function isYearly(fact: FactDecl): boolean {
    return fact.indexes.some(isYearIndex);
}

/** `, từng thôn`: a value per member of a collection. */
export function collectionIndexOf(fact: FactDecl): Reference<Collection> | undefined {
    return fact.indexes.find(isCollectionIndex)?.collection;
}
