import type { LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import type { Pack } from '../generated/ast.js';
import { PackCache } from '../workspace/pack-cache.js';
import type { EffectivePack } from './effective-pack.js';
import { composePack } from './effective-pack.js';

/**
 * Packs composed with their bases, shared by validation, hovers and the generator; composed again only
 * when the pack or a pack it builds on changes.
 */
export class EffectivePacks {
    private readonly cache: PackCache<Pack, EffectivePack>;
    private readonly documents: LangiumDocuments;

    constructor(services: { shared: LangiumSharedCoreServices }) {
        this.cache = new PackCache(services.shared);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    of(pack: Pack): EffectivePack {
        return this.cache.of(pack, () => composePack(pack, this.documents));
    }
}
