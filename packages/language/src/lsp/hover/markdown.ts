/** Small Markdown helpers for hovers: analysts' text is quoted, never interpreted as Markdown. */

export function escapeMarkdown(text: string): string {
    return text.replace(/([\\`*_{}[\]<>#|~])/gu, '\\$1');
}

/** Source text in inline code; a backtick inside is replaced so the code span stays closed. */
export function code(text: string): string {
    return '`' + text.replace(/`/gu, 'ʹ').replace(/\s+/gu, ' ').trim() + '`';
}

export function quote(text: string): string {
    return text
        .split(/\r?\n/u)
        .map(line => `> ${escapeMarkdown(line)}`)
        .join('\n');
}

export function sourceOf(node: { $cstNode?: { text: string } } | undefined): string {
    return node?.$cstNode?.text ?? '';
}

/**
 * The name a reference was written with. A half-typed `căn cứ`, `sửa đổi theo` or `thêm vào tiêu chí`
 * parses with no reference at all, although the AST types declare it mandatory.
 */
export function refText(reference: { $refText: string } | undefined): string {
    return reference?.$refText || '(chưa ghi)';
}
