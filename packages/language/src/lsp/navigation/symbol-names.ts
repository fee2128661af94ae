import type { AstNode } from 'langium';
import { SymbolKind } from 'vscode-languageserver';
import { isBreakdown, isCriterion, isFactDecl, isGate, isIndicator, isPack, isScale, isTable } from '../../generated/ast.js';

/** Name and kind of a node in outlines and workspace symbol search; undefined for nodes that are not symbols. */
export function symbolOf(node: AstNode): { name: string; detail?: string; kind: SymbolKind } | undefined {
    if (isPack(node)) return node.name ? { name: `Bộ tiêu chí ${node.name}`, detail: node.title, kind: SymbolKind.Package } : undefined;
    if (isCriterion(node))
        return node.label !== undefined ? { name: `Tiêu chí ${node.label} ${node.title ?? ''}`.trim(), kind: SymbolKind.Namespace } : undefined;
    if (isIndicator(node)) return node.label !== undefined ? { name: `Chỉ tiêu ${node.label}`, detail: shorten(node.text), kind: SymbolKind.Field } : undefined;
    if (isGate(node)) return { name: `Điều kiện công nhận ${shorten(node.text) ?? ''}`.trim(), kind: SymbolKind.Event };
    if (isFactDecl(node)) return node.name ? { name: node.name, detail: 'dữ kiện', kind: SymbolKind.Variable } : undefined;
    if (isScale(node)) return node.name ? { name: node.name, detail: 'thang', kind: SymbolKind.Enum } : undefined;
    if (isBreakdown(node)) return node.name ? { name: node.name, detail: 'phân tổ', kind: SymbolKind.Enum } : undefined;
    if (isTable(node)) return node.name ? { name: node.name, detail: 'bảng', kind: SymbolKind.Struct } : undefined;
    return undefined;
}

function shorten(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
