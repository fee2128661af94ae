import type { AstNode, CstNode, LangiumParser, Mutable, ParseResult, RootCstNode } from 'langium';
import type { PackMember } from '../generated/ast.js';
import { isPack } from '../generated/ast.js';
import { MAX_SOURCE_CHARACTERS } from './ntm-lexer.js';

/** Characters that may make the lexer call a text binary (see `looksBinary` in ntm-lexer.ts). */
const CONTROL = /[\u0000-\u0008\u000E-\u001F\uFFFD]/u;

/**
 * Re-parsing after an edit inside one member (a fact, a criterion, a scale …) of a pack that parsed without
 * errors: only that member is parsed again and put in place of the old one; the other members keep their
 * nodes, moved by the change in length. A 2,000-line pack took 200–400 ms to parse whole; one member takes a
 * few. The member is parsed with the pack's own header before it (text in between blanked, keeping every line
 * break, so offsets and positions come out as in the whole text) and the next member after it, so that where
 * the member ends is decided as a whole parse would decide it. Whenever anything could differ from parsing
 * the whole text — an error anywhere, an edit touching two members, the header or text between members, a
 * member that now parses as two — the answer is `undefined` and the caller parses the whole text.
 */
export function reparseMember(parser: LangiumParser, previous: ParseResult<AstNode>, text: string): ParseResult<AstNode> | undefined {
    const pack = previous.value;
    if (!isPack(pack) || previous.lexerErrors.length > 0 || previous.parserErrors.length > 0) return undefined;
    const root = pack.$cstNode as RootCstNode | undefined;
    if (!root || root.root !== root) return undefined;
    const oldText = root.fullText;
    if (oldText === text || pack.members.length === 0) return undefined;

    // The edit: what lies between the longest common prefix and suffix of the two texts.
    const shorter = Math.min(oldText.length, text.length);
    let start = 0;
    while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
    let suffix = 0;
    while (suffix < shorter - start && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    const oldEditEnd = oldText.length - suffix;
    const delta = text.length - oldText.length;
    // The lexer's whole-text refusals (too long, not text) are for a whole parse to give.
    if (text.length > MAX_SOURCE_CHARACTERS || CONTROL.test(text.slice(start, oldEditEnd + delta))) return undefined;

    const index = memberAt(pack.members, start);
    if (index < 0) return undefined;
    const memberNode = pack.members[index]?.$cstNode;
    if (!memberNode || memberNode.container !== root || oldEditEnd > memberNode.end) return undefined;
    const next = pack.members[index + 1]?.$cstNode;
    if (next && next.container !== root) return undefined;

    // The pack's header as written, blanks up to the member, the member's new text and the next member (unchanged).
    const headerEnd = pack.members[0]?.$cstNode?.offset ?? 0;
    const memberStart = memberNode.offset;
    const end = next ? next.end + delta : text.length;
    const probe = text.slice(0, headerEnd) + blankKeepingLines(text.slice(headerEnd, memberStart)) + text.slice(memberStart, end);
    const parsed = parser.parse(probe);
    const probePack = parsed.value;
    if (parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0 || !isPack(probePack)) return undefined;
    if (probePack.members.length !== (next ? 2 : 1)) return undefined;
    const fresh = probePack.members[0];
    const freshNode = fresh?.$cstNode;
    const probeRoot = probePack.$cstNode as RootCstNode | undefined;
    if (!fresh || !freshNode || !probeRoot || freshNode.container !== probeRoot || freshNode.offset !== memberStart) return undefined;
    if (next) {
        const guard = probePack.members[1]?.$cstNode;
        if (!guard || guard.offset !== next.offset + delta || guard.end !== next.end + delta) return undefined;
        // Comments between the member and the next one belong to the pack: they must be the same ones, moved.
        if (!sameHiddenBetween(root.content, memberNode, next, probeRoot.content, freshNode, guard, delta)) return undefined;
    } else if (!onlyHiddenAfter(probeRoot.content, freshNode) || !onlyHiddenAfter(root.content, memberNode)) {
        return undefined;
    }

    // Graft: the new member's nodes join the document's tree; everything after it moves by `delta`.
    const content = root.content;
    const position = content.indexOf(memberNode);
    if (position < 0) return undefined;
    const after = content.slice(position + 1);
    if (!next) {
        // Trailing comments of the last member are the probe's (they were parsed again with it).
        const trailing = probeRoot.content.slice(probeRoot.content.indexOf(freshNode) + 1);
        content.splice(position, content.length - position, freshNode, ...trailing);
        for (const node of trailing) adopt(node, root);
    } else {
        content.splice(position, 1, freshNode);
    }
    adopt(freshNode, root);
    const breaksBefore = lineBreaks(oldText, start, oldEditEnd);
    const breaksNow = lineBreaks(text, start, oldEditEnd + delta);
    // A change of the same length without line breaks leaves every later offset and position as it was.
    if (next && (delta !== 0 || breaksBefore > 0 || breaksNow > 0)) {
        const move = mover(text, delta, breaksNow - breaksBefore, lineOf(oldText, oldEditEnd));
        for (const node of after) walk(node, move);
    }
    (root as unknown as { _text: string })._text = text;
    clearRange(root);

    const members = pack.members as PackMember[];
    members[index] = fresh;
    const mutable = fresh as Mutable<AstNode>;
    mutable.$container = pack;
    mutable.$containerProperty = 'members';
    mutable.$containerIndex = index;
    return { value: pack, lexerErrors: [], lexerReport: parsed.lexerReport, parserErrors: [] };
}

/** The member whose text (first to last token) holds `offset`, or -1. */
function memberAt(members: readonly PackMember[], offset: number): number {
    let low = 0;
    let high = members.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const node = members[middle]?.$cstNode;
        if (!node) return -1;
        if (offset < node.offset) high = middle - 1;
        else if (offset > node.end) low = middle + 1;
        else return middle;
    }
    return -1;
}

function blankKeepingLines(text: string): string {
    return text.replace(/[^\r\n]/gu, ' ');
}

function sameHiddenBetween(
    oldContent: readonly CstNode[],
    oldFrom: CstNode,
    oldTo: CstNode,
    newContent: readonly CstNode[],
    newFrom: CstNode,
    newTo: CstNode,
    delta: number
): boolean {
    const before = oldContent.slice(oldContent.indexOf(oldFrom) + 1, oldContent.indexOf(oldTo));
    const now = newContent.slice(newContent.indexOf(newFrom) + 1, newContent.indexOf(newTo));
    return (
        before.length === now.length &&
        before.every((node, i) => {
            const moved = now[i];
            return node.hidden && moved?.hidden === true && node.offset + delta === moved.offset && node.length === moved.length;
        })
    );
}

function onlyHiddenAfter(content: readonly CstNode[], node: CstNode): boolean {
    return content.slice(content.indexOf(node) + 1).every(child => child.hidden);
}

/** Makes `node` and everything under it part of the tree of `root`. */
function adopt(node: CstNode, root: CstNode): void {
    walk(node, child => {
        (child as Mutable<CstNode>).root = root as CstNode['root'];
    });
}

/** Visits `node` and everything under it (a plain recursion: a stream over 60,000 nodes costs tens of ms). */
function walk(node: CstNode, visit: (node: CstNode) => void): void {
    visit(node);
    const content = (node as { content?: readonly CstNode[] }).content;
    if (content) {
        for (const child of content) walk(child, visit);
    }
}

type Position = { line: number; character: number };
type Shifted = { _offset?: number; _length?: number; _range?: { start: Position; end: Position }; _rangeCache?: unknown };

/**
 * Moves a node that follows the edit by `delta` characters. A leaf on a line after the edit keeps its columns
 * and moves by the lines the edit added or removed; one on the edit's last line is placed again from the text.
 */
function mover(text: string, delta: number, lineDelta: number, editLine: number): (node: CstNode) => void {
    let lines: number[] | undefined;
    return node => {
        const leaf = node as unknown as Shifted;
        if (typeof leaf._offset !== 'number' || !leaf._range) {
            leaf._rangeCache = undefined;
            return;
        }
        leaf._offset += delta;
        const { start, end } = leaf._range;
        if (start.line > editLine) {
            leaf._range = {
                start: { line: start.line + lineDelta, character: start.character },
                end: { line: end.line + lineDelta, character: end.character }
            };
        } else {
            lines ??= lineStarts(text);
            leaf._range = { start: positionAt(lines, leaf._offset), end: positionAt(lines, leaf._offset + (leaf._length ?? 0)) };
        }
    };
}

/** Line breaks in `text` between two offsets (CR LF counted once). */
function lineBreaks(text: string, from: number, to: number): number {
    let count = 0;
    for (let i = from; i < to; i++) {
        const code = text.charCodeAt(i);
        if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
    }
    return count;
}

/** The line (from 0) that holds `offset`. */
function lineOf(text: string, offset: number): number {
    return lineBreaks(text, 0, offset);
}

function clearRange(node: CstNode): void {
    (node as unknown as Shifted)._rangeCache = undefined;
}

function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 13) {
            if (text.charCodeAt(i + 1) === 10) i++;
            starts.push(i + 1);
        } else if (code === 10) {
            starts.push(i + 1);
        }
    }
    return starts;
}

function positionAt(lines: readonly number[], offset: number): { line: number; character: number } {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((lines[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
    }
    return { line: low, character: offset - (lines[low] ?? 0) };
}
