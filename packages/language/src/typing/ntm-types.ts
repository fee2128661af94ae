import { unitConversion } from '@ntm/runtime';
import type { Scale } from '../generated/ast.js';
import { PERCENT } from './units.js';

/**
 * The types of facts and expressions. A number carries its unit; a bare literal (`>= 1`) takes the unit
 * of what it is compared with.
 */
export type NtmType =
    | {
          readonly kind: 'number';
          readonly unit: string;
          readonly integer: boolean;
          readonly bareLiteral: boolean;
          /** A number written in the pack (`72 triệu đồng`): whole or not, never called a count. */
          readonly literal?: boolean;
      }
    | { readonly kind: 'percent' }
    | { readonly kind: 'boolean' }
    | { readonly kind: 'level'; readonly scale: Scale }
    | { readonly kind: 'date' }
    | { readonly kind: 'year' }
    /** A type that could not be computed because of an earlier error; never reported again. */
    | { readonly kind: 'unknown' };

export const UNKNOWN: NtmType = { kind: 'unknown' };
export const PERCENT_TYPE: NtmType = { kind: 'percent' };
export const BOOLEAN_TYPE: NtmType = { kind: 'boolean' };
export const DATE_TYPE: NtmType = { kind: 'date' };
export const YEAR_TYPE: NtmType = { kind: 'year' };

export function numberType(unit: string, integer: boolean, bareLiteral = false): NtmType {
    return unit === PERCENT ? PERCENT_TYPE : { kind: 'number', unit, integer, bareLiteral };
}

export function isNumeric(type: NtmType): boolean {
    return type.kind === 'number' || type.kind === 'percent' || type.kind === 'year';
}

export function unitOf(type: NtmType): string {
    return type.kind === 'percent' ? PERCENT : type.kind === 'number' ? type.unit : '';
}

/** Vietnamese text of a type, used by every diagnostic and hover. */
export function typeToString(type: NtmType): string {
    switch (type.kind) {
        case 'number':
            if (type.bareLiteral) return 'số (không đơn vị)';
            return (type.integer && !type.literal ? 'số đếm' : 'số') + (type.unit ? ` (${type.unit})` : ' (không đơn vị)');
        case 'percent':
            return 'phần trăm (%)';
        case 'boolean':
            return 'có/không';
        case 'level':
            return `mức theo thang «${type.scale.name}»`;
        case 'date':
            return 'ngày tháng';
        case 'year':
            return 'năm';
        case 'unknown':
            return 'không xác định';
    }
}

/** Whether two types can be compared with <, >=, = … ; undefined when either is unknown (already reported). */
export function comparable(a: NtmType, b: NtmType): boolean | undefined {
    if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
    if (a.kind === 'number' && a.bareLiteral) return isNumeric(b);
    if (b.kind === 'number' && b.bareLiteral) return isNumeric(a);
    // Units of the same kind convert exactly (500 m against km): the generator converts, see emit-code.ts.
    if (a.kind === 'number' && b.kind === 'number') return a.unit === b.unit || unitConversion(a.unit, b.unit) !== undefined;
    if (a.kind === 'level' && b.kind === 'level') return a.scale === b.scale;
    return a.kind === b.kind;
}
