import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import type { EffectivePack } from '../../composition/effective-pack.js';
import { composePack } from '../../composition/effective-pack.js';
import { WorkspaceCache } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { NtmTypeComputer } from '../../typing/type-computer.js';
import { nodeAtOffset } from '../node-at-offset.js';
import type { ReadersIndex } from './hover-content.js';
import { hoverContent, readersIndex } from './hover-content.js';
import type { Pack } from '../../generated/ast.js';

/**
 * Hovers in Vietnamese: on a reference, the declaration it names; on a keyword or label, the construct
 * it starts (indicator, criterion, pack); on a number, the threshold it sets.
 */
export class NtmHoverProvider {
    private readonly types: NtmTypeComputer;
    /** Per-pack indexes, kept until the next change anywhere in the workspace. */
    private readonly readers: WorkspaceCache<Pack, ReadersIndex>;
    private readonly effective: WorkspaceCache<Pack, EffectivePack | undefined>;
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices & { typing: { TypeComputer: NtmTypeComputer } }) {
        this.types = services.typing.TypeComputer;
        this.readers = new WorkspaceCache(services.shared);
        this.effective = new WorkspaceCache(services.shared);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const found = nodeAtOffset(document, document.textDocument.offsetAt(params.position));
        if (!found) return undefined;
        // Inside a construct without a hover of its own (a condition, a type), explain the nearest that has one.
        for (let current: AstNode | undefined = found.target ?? found.node; current; current = current.$container) {
            const value = hoverContent(current, {
                types: this.types,
                readersOf: pack => this.readers.get(pack, () => readersIndex(pack)),
                effectiveOf: pack => this.effective.get(pack, () => composePack(pack, this.documents))
            });
            if (value) {
                return { contents: { kind: 'markdown', value }, range: found.reference?.range };
            }
        }
        return undefined;
    }
}
