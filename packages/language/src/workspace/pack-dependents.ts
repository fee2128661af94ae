import type { LangiumDocument, LangiumDocuments, URI } from 'langium';
import type { Pack } from '../generated/ast.js';
import { isPack } from '../generated/ast.js';
import { packChain } from './pack-chain.js';

/**
 * The documents a pack builds on, at any depth: the loaded bases and, if the chain stops at a base that is
 * not loaded (yet), that one too, since loading it changes the pack.
 */
export function baseUrisOf(pack: Pack, documents: LangiumDocuments): string[] {
    const chain = packChain(pack, documents);
    const uris = chain.bases.flatMap(base => (base.$document ? [base.$document.uri.toString()] : []));
    if (chain.missing) uris.push(chain.missing);
    return uris;
}

/** Whether a document is a pack that builds on one of `uris`, directly or through other packs. */
export function buildsOnAny(document: LangiumDocument, uris: ReadonlySet<string>, documents: LangiumDocuments): boolean {
    const root = document.parseResult.value;
    return uris.size > 0 && isPack(root) && baseUrisOf(root, documents).some(uri => uris.has(uri));
}

/** The loaded packs that build on any of `uris` (`dựa trên`, at any depth). */
export function packsBuildingOn(uris: Iterable<URI | string>, documents: LangiumDocuments): string[] {
    const changed = new Set([...uris].map(uri => uri.toString()));
    if (changed.size === 0) return [];
    return documents.all
        .filter(document => buildsOnAny(document, changed, documents))
        .map(document => document.uri.toString())
        .toArray();
}
