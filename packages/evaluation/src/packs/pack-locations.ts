import type { AstNode } from 'langium';
import type { EffectivePack, IndicatorVersion } from '@ntm/language';
import type { SourceLocation } from '../samples/run-protocol.js';
import { rootOf } from './ast-walk.js';

/**
 * Where a pack's criteria and indicators are written, from its syntax tree: an indicator replaced by a
 * provincial pack or an amendment is found at the replacing text, one inherited from a base pack in the
 * base pack's file. The editor puts verdicts there; nothing searches the text.
 */
export interface PackLocations {
    readonly header?: SourceLocation;
    criterion(label: string): SourceLocation | undefined;
    /** The version of the indicator in force on `date` (ISO), or the first version without a date. */
    indicator(label: string, date?: string): SourceLocation | undefined;
}

/** The same as plain data, which the compiled-pack cache keeps beside the module. */
export interface PackLocationData {
    readonly header?: SourceLocation;
    readonly criteria: Readonly<Record<string, SourceLocation>>;
    readonly indicators: Readonly<Record<string, readonly { readonly from?: string; readonly location: SourceLocation }[]>>;
}

export function locatePack(effective: EffectivePack): PackLocations {
    return packLocations(packLocationData(effective));
}

export function packLocationData(effective: EffectivePack): PackLocationData {
    const criteria: Record<string, SourceLocation> = {};
    const indicators: Record<string, Array<{ from?: string; location: SourceLocation }>> = {};
    for (const criterion of effective.criteria) {
        const where = locationOf(criterion.criterion);
        if (where && !Object.hasOwn(criteria, criterion.label)) criteria[criterion.label] = where;
        for (const indicator of criterion.indicators) {
            indicators[indicator.label] = indicator.versions.flatMap(version => {
                const location = locationOf(versionNode(version));
                return location ? [{ ...(version.from !== undefined ? { from: version.from } : {}), location }] : [];
            });
        }
    }
    const header = locationOf(effective.pack);
    return { ...(header ? { header } : {}), criteria, indicators };
}

export function packLocations(data: PackLocationData): PackLocations {
    const indicators = (label: string) => (Object.hasOwn(data.indicators, label) ? (data.indicators[label] ?? []) : []);
    return {
        ...(data.header ? { header: data.header } : {}),
        criterion: label => (Object.hasOwn(data.criteria, label) ? data.criteria[label] : undefined),
        indicator: (label, date) => {
            let chosen: SourceLocation | undefined;
            for (const version of indicators(label)) {
                if (version.from === undefined || (date !== undefined && version.from <= date)) chosen = version.location;
            }
            return chosen ?? indicators(label)[0]?.location;
        }
    };
}

/** The text that wrote a version: the `thay`/`thêm`/`không áp dụng` line when a change wrote it. */
function versionNode(version: IndicatorVersion): AstNode | undefined {
    return version.change ?? version.drop ?? version.indicator;
}

function locationOf(node: AstNode | undefined): SourceLocation | undefined {
    const range = node?.$cstNode?.range;
    if (!node || !range) return undefined;
    const document = rootOf(node).$document;
    if (!document) return undefined;
    // Only the first line: a criterion's range spans all its indicators, and editors mark its first line.
    return {
        uri: document.uri.toString(),
        range: { start: range.start, end: range.start.line === range.end.line ? range.end : { line: range.start.line, character: Number.MAX_SAFE_INTEGER } }
    };
}
