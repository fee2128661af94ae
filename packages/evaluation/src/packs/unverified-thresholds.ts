import type { ast } from '@ntm/language';
import { allContents, containerOfType } from './ast-walk.js';

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

/** Every threshold declared not yet verified or unknown, so none is ever silently taken as law. */
export function unverifiedThresholds(pack: ast.Pack): UnverifiedThreshold[] {
    const found: UnverifiedThreshold[] = [];
    for (const node of allContents(pack)) {
        if (node.$type !== 'UnverifiedMark' && node.$type !== 'UnverifiedNote' && node.$type !== 'UnknownValue') continue;
        const indicator = containerOfType<ast.Indicator>(node, 'Indicator');
        const table = containerOfType<ast.Table>(node, 'Table');
        const row = containerOfType<ast.TableRow>(node, 'TableRow');
        const passMark = containerOfType<ast.PassMark>(node, 'PassMark');
        const packPass = containerOfType<ast.PackPassMark>(node, 'PackPassMark');
        const start = node.$cstNode?.range.start;
        const criterion = passMark ? containerOfType<ast.Criterion>(passMark, 'Criterion') : undefined;
        const where = indicator ? `chỉ tiêu ${indicator.label}` : criterion ? `điểm đạt tiêu chí ${criterion.label}` : packPass ? 'tổng điểm đạt' : table ? `bảng «${table.name}»${row ? `, ${row.rest ? 'còn lại' : row.keys.map(k => k.$cstNode?.text ?? '').join(', ')}` : ''}` : 'bộ tiêu chí';
        const position = { line: (start?.line ?? 0) + 1, column: (start?.character ?? 0) + 1 };
        if (node.$type === 'UnknownValue') {
            const unknown = node as ast.UnknownValue;
            const bounds = unknown.bounds.map(b => `${b.operator} ${b.value}${b.unit ? ' ' + b.unit : ''}`).join(', ');
            found.push({ ...position, kind: 'unknown', where, note: unknown.note, ...(bounds ? { bounds, basis: unknown.basis } : {}) });
        } else {
            const marker = node as ast.UnverifiedMark | ast.UnverifiedNote;
            found.push({ ...position, kind: 'unverified', where, note: marker.note });
        }
    }
    return found;
}
