import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Breakdown, FactDecl, Pack, Scale } from '../generated/ast.js';
import { isBreakdown, isCriterion, isFactDecl, isIndicator, isNameReference, isPresence, isScale } from '../generated/ast.js';
import { LOOK_ALIKE_LETTERS } from '../util/vietnamese-text.js';
import { forEachContent, nodesOf } from '../util/ast-walk.js';
import { IssueCodes } from './issue-codes.js';

/** Facts, scales and breakdowns share one namespace per pack; criterion and indicator labels are unique. */
export function namesMustBeUnique(pack: Pack, accept: ValidationAcceptor): void {
    const named = new Map<string, FactDecl | Scale | Breakdown>();
    // Nodes left without a name or label by a syntax error are skipped: the syntax error says what is wrong.
    for (const member of pack.members) {
        if ((isFactDecl(member) || isScale(member) || isBreakdown(member)) && member.name !== undefined) {
            const previous = named.get(member.name);
            if (previous) {
                const line = (previous.$cstNode?.range.start.line ?? 0) + 1;
                accept('error', `Tên «${member.name}» đã được khai báo ở dòng ${line}.`, { node: member, property: 'name', code: IssueCodes.DuplicateName });
            } else {
                named.set(member.name, member);
            }
        }
    }
    const criterionLabels = new Set<string>();
    const indicatorLabels = new Map<string, number>();
    for (const criterion of pack.members.filter(isCriterion)) {
        if (criterion.label === undefined) continue;
        const label = String(criterion.label);
        if (criterionLabels.has(label)) {
            accept('error', `Tiêu chí ${label} đã được khai báo.`, { node: criterion, property: 'label', code: IssueCodes.DuplicateLabel });
        }
        criterionLabels.add(label);
        for (const indicator of criterion.indicators) {
            if (indicator.label === undefined) continue;
            const own = String(indicator.label);
            const previousLine = indicatorLabels.get(own);
            if (previousLine !== undefined) {
                accept('error', `Chỉ tiêu ${own} đã được khai báo ở dòng ${previousLine}.`, {
                    node: indicator,
                    property: 'label',
                    code: IssueCodes.DuplicateLabel
                });
            } else {
                indicatorLabels.set(own, (indicator.$cstNode?.range.start.line ?? 0) + 1);
            }
            if (own !== label && !own.startsWith(label + '.')) {
                accept('warning', `Chỉ tiêu ${own} nằm trong tiêu chí ${label}; mã chỉ tiêu thường bắt đầu bằng «${label}.».`, {
                    node: indicator,
                    property: 'label',
                    code: IssueCodes.LabelOutsideCriterion
                });
            }
        }
    }
    for (const scale of pack.members.filter(isScale)) {
        if (scale.name === undefined) continue;
        const levels = new Set<string>();
        for (const level of scale.levels) {
            if (level.name === undefined) continue;
            if (levels.has(level.name)) {
                accept('error', `Mức «${level.name}» lặp lại trong thang «${scale.name}».`, { node: level, property: 'name', code: IssueCodes.DuplicateName });
            }
            levels.add(level.name);
        }
    }
}

/** A declared fact that no rule reads is usually a typo in a name or a forgotten indicator. */
export function factsShouldBeUsed(pack: Pack, accept: ValidationAcceptor): void {
    // A syntax error cuts the pack short: the rules after it, which may read the fact, were never read.
    if ((pack.$document?.parseResult.parserErrors.length ?? 0) > 0) return;
    const used = new Set<AstNode>();
    const visit = (node: AstNode) => {
        if (isNameReference(node) && node.target.ref) used.add(node.target.ref);
        if (isPresence(node) && node.fact.ref) used.add(node.fact.ref);
    };
    if (pack.$document) {
        for (const node of nodesOf(pack.$document)) visit(node);
    } else {
        forEachContent(pack, visit);
    }
    for (const fact of pack.members.filter(isFactDecl)) {
        if (!used.has(fact) && fact.name !== undefined) {
            accept('warning', `Dữ kiện «${fact.name}» được khai báo nhưng không được dùng trong chỉ tiêu nào.`, {
                node: fact,
                property: 'name',
                code: IssueCodes.UnusedFact
            });
        }
    }
}

/** A derived fact may not depend on itself. */
export function derivationsMustNotCycle(pack: Pack, accept: ValidationAcceptor): void {
    const dependencies = (fact: FactDecl): FactDecl[] =>
        fact.derivation
            ? // streamAst, not streamAllContents: a derivation may be a bare reference (`dữ kiện b = a`).
              AstUtils.streamAst(fact.derivation)
                  .filter(isNameReference)
                  .map(r => r.target.ref)
                  .filter(isFactDecl)
                  .toArray()
            : [];
    for (const fact of pack.members.filter(isFactDecl)) {
        if (fact.name === undefined) continue;
        const stack = [...dependencies(fact)];
        const seen = new Set<FactDecl>();
        while (stack.length > 0) {
            const next = stack.pop()!;
            if (next === fact) {
                accept('error', `Dữ kiện «${fact.name}» được tính từ chính nó (vòng lặp).`, { node: fact, property: 'name', code: IssueCodes.DerivationCycle });
                break;
            }
            if (!seen.has(next)) {
                seen.add(next);
                stack.push(...dependencies(next));
            }
        }
    }
}

/** Names with look-alike letters (PDF damage such as "ƣ" for "ư") would silently differ from the real word. */
export function namesShouldNotHaveLookAlikes(node: AstNode & { name?: unknown }, accept: ValidationAcceptor): void {
    if (typeof node.name !== 'string' || isIndicator(node)) return;
    for (const char of node.name) {
        const meant = LOOK_ALIKE_LETTERS.get(char);
        if (meant) {
            accept(
                'warning',
                `Tên «${node.name}» có ký tự «${char}» (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) trông giống «${meant}»; có thể do lỗi chuyển đổi PDF.`,
                { node, property: 'name' as never, code: IssueCodes.LookAlikeCharacter }
            );
            return;
        }
    }
}
