import type { LangiumDocument } from 'langium';
import { DefaultIndexManager } from 'langium';
import { buildsOnAny } from './pack-dependents.js';

/**
 * A pack is affected by a change to any pack it builds on, not only to those its names resolve into:
 * composition (criteria declared twice, `thay` of an indicator the base no longer has, validity) reads the
 * base without a cross-reference, and Langium re-links and re-validates only the documents affected.
 */
export class NtmIndexManager extends DefaultIndexManager {
    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.isAffected(document, changedUris) || buildsOnAny(document, changedUris, this.documents);
    }
}
