import type { Indicator, Pack } from '../../generated/ast.js';
import type { EffectivePack, IndicatorVersion } from '../../composition/effective-pack.js';
import { vietnameseDate } from '@ntm/runtime';
import { code, escapeMarkdown, refText, sourceOf } from './markdown.js';

/**
 * The versions of an indicator as the pack applies it: the base pack's rule, a provincial replacement,
 * amendments from a date, «không áp dụng» — each with the decision that set it. Empty when the indicator
 * has a single version written in this very pack.
 */
export function versionLines(indicator: Indicator, effective: EffectivePack | undefined): string[] {
    const label = String(indicator.label);
    const entry = effective?.criteria.flatMap(c => c.indicators).find(i => i.label === label);
    if (!effective || !entry) return [];
    const only = entry.versions[0];
    if (entry.versions.length === 1 && only && only.origin === effective.pack && !only.amendment && !only.change) return [];
    return ['', '**Các phiên bản áp dụng**', '', ...entry.versions.map(version => `- ${versionLine(version, effective.pack)}`)];
}

function versionLine(version: IndicatorVersion, pack: Pack): string {
    const when = version.from ? `từ ${vietnameseDate(version.from)}` : 'từ đầu';
    const what = version.absent
        ? 'chưa có chỉ tiêu này'
        : version.drop
          ? `không áp dụng${version.drop.reason ? ` («${escapeMarkdown(version.drop.reason)}»)` : ''}`
          : version.indicator?.requirement
            ? code(sourceOf(version.indicator.requirement))
            : '';
    const amendment = version.amendment ? `, sửa đổi theo ${escapeMarkdown(refText(version.amendment.source))}` : '';
    const change = version.change?.$type === 'ReplaceIndicator' ? ' (thay)' : version.change?.$type === 'AddIndicator' ? ' (thêm)' : '';
    return `${when}: ${what} — ${originOf(version.origin, pack)}${change}${amendment}`;
}

function originOf(origin: Pack, pack: Pack): string {
    const place = origin.jurisdictions.length > 0 ? `, ${origin.jurisdictions.map(escapeMarkdown).join('; ')}` : '';
    return `${origin === pack ? 'bộ này' : 'bộ gốc'} «${escapeMarkdown(origin.title ?? origin.name ?? '')}»${place}`;
}
