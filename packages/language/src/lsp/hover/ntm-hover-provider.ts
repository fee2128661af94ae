import type { AstNode, LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { EffectivePacks } from '../../composition/effective-packs.js';
import type { Pack } from '../../generated/ast.js';
import type { NtmTypeComputer } from '../../typing/type-computer.js';
import { PackCache } from '../../workspace/pack-cache.js';
import { nodeAtOffset } from '../node-at-offset.js';
import type { ReadersIndex } from './hover-content.js';
import { hoverContent, readersIndex } from './hover-content.js';

/**
 * Hovers in Vietnamese: on a reference, the declaration it names; on a keyword or label, the construct
 * it starts (indicator, criterion, pack); on a number, the threshold it sets.
 */
export class NtmHoverProvider {
    private readonly types: NtmTypeComputer;
    private readonly effective: EffectivePacks;
    /** Per-pack index of who reads each fact, kept until the pack or one it builds on changes. */
    private readonly readers: PackCache<Pack, ReadersIndex>;

    constructor(services: LangiumServices & { typing: { TypeComputer: NtmTypeComputer }; composition: { EffectivePacks: EffectivePacks } }) {
        this.types = services.typing.TypeComputer;
        this.effective = services.composition.EffectivePacks;
        this.readers = new PackCache(services.shared);
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const found = nodeAtOffset(document, document.textDocument.offsetAt(params.position));
        if (!found) return undefined;
        // Inside a construct without a hover of its own (a condition, a type), explain the nearest that has one.
        for (let current: AstNode | undefined = found.target ?? found.node; current; current = current.$container) {
            const value = hoverContent(current, {
                types: this.types,
                readersOf: pack => this.readers.of(pack, () => readersIndex(pack)),
                effectiveOf: pack => this.effective.of(pack)
            });
            if (value) {
                return { contents: { kind: 'markdown', value }, range: found.reference?.range };
            }
        }
        return undefined;
    }
}
