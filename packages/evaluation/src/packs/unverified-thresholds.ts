import { AstUtils } from 'langium';
import type { ast } from '@ntm/language';
import { shownNumber } from '@ntm/language';

/** A threshold a pack declares not verified against the decision, or unknown. */
export interface UnverifiedThreshold {
    /** 1-based. */
    readonly line: number;
    readonly column: number;
    readonly kind: 'unknown' | 'unverified';
    /** «chỉ tiêu 5.5», «điểm đạt tiêu chí 6», «bảng «x», TDMNPB». */
    readonly where: string;
    readonly note?: string;
    /** For an unknown threshold: its implied bounds («> 38.6») and where they come from. */
    readonly bounds?: string;
    readonly basis?: string;
}

/** How a listing names what a syntax error left without its label or name. */
const NO_LABEL = '(chưa ghi mã)';
const NO_NAME = '(chưa đặt tên)';

/** Every threshold declared not yet verified or unknown, so none is ever silently taken as law. */
export function unverifiedThresholds(pack: ast.Pack): UnverifiedThreshold[] {
    const found: UnverifiedThreshold[] = [];
    for (const node of AstUtils.streamAllContents(pack)) {
        if (node.$type !== 'UnverifiedMark' && node.$type !== 'UnverifiedNote' && node.$type !== 'UnknownValue') continue;
        const indicator = AstUtils.getContainerOfType(node, (n): n is ast.Indicator => n.$type === 'Indicator');
        const table = AstUtils.getContainerOfType(node, (n): n is ast.Table => n.$type === 'Table');
        const row = AstUtils.getContainerOfType(node, (n): n is ast.TableRow => n.$type === 'TableRow');
        const passMark = AstUtils.getContainerOfType(node, (n): n is ast.PassMark => n.$type === 'PassMark');
        const packPass = AstUtils.getContainerOfType(node, (n): n is ast.PackPassMark => n.$type === 'PackPassMark');
        const start = node.$cstNode?.range.start;
        const criterion = passMark ? AstUtils.getContainerOfType(passMark, (n): n is ast.Criterion => n.$type === 'Criterion') : undefined;
        const where = indicator ? `chỉ tiêu ${indicator.label ?? NO_LABEL}` : criterion ? `điểm đạt tiêu chí ${criterion.label ?? NO_LABEL}` : packPass ? 'tổng điểm đạt'
            : table ? `bảng «${table.name ?? NO_NAME}»${row ? `, ${row.rest ? 'còn lại' : row.keys.map(k => k.$cstNode?.text ?? '').join(', ')}` : ''}` : 'bộ tiêu chí';
        const position = { line: (start?.line ?? 0) + 1, column: (start?.character ?? 0) + 1 };
        if (node.$type === 'UnknownValue') {
            const unknown = node as ast.UnknownValue;
            // A bound cut short by a syntax error is left out: the error is reported on the pack.
            const bounds = unknown.bounds.filter(b => b.operator !== undefined && b.value !== undefined)
                .map(b => `${b.operator} ${shownNumber(b, 'value')}${b.unit ? ' ' + b.unit : ''}`).join(', ');
            found.push({ ...position, kind: 'unknown', where, note: unknown.note, ...(bounds ? { bounds, basis: unknown.basis } : {}) });
        } else {
            const marker = node as ast.UnverifiedMark | ast.UnverifiedNote;
            found.push({ ...position, kind: 'unverified', where, note: marker.note });
        }
    }
    return found;
}
