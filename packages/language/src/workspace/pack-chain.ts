import type { LangiumDocument, LangiumDocuments } from 'langium';
import { URI, UriUtils } from 'langium';
import type { Pack } from '../generated/ast.js';
import { isPack } from '../generated/ast.js';

/** The packs a pack builds on, nearest first, as far as they are loaded and free of cycles. */
export interface PackChain {
    /** Base packs, nearest first (the pack itself is not included). */
    readonly bases: readonly Pack[];
    /** Set when following `dựa trên` comes back to a pack already on the path: the names along the cycle. */
    readonly cycle?: readonly string[];
    /** Set when a base file is not loaded (missing file or outside the workspace): the resolved URI. */
    readonly missing?: string;
}

/** The URI a `dựa trên "…"` path names, relative to the document that writes it. */
export function baseUri(document: LangiumDocument, path: string): URI {
    const normalized = path.replace(/\\/g, '/');
    return normalized.startsWith('/') ? URI.file(normalized) : UriUtils.resolvePath(UriUtils.dirname(document.uri), normalized);
}

/** Follows `dựa trên` links through loaded documents; never loops. */
export function packChain(pack: Pack, documents: LangiumDocuments): PackChain {
    const bases: Pack[] = [];
    const path: string[] = [pack.$document?.uri.toString() ?? ''];
    const names: string[] = [pack.name ?? '?'];
    let current: Pack = pack;
    for (;;) {
        const base = current.bases[0];
        const document = current.$document;
        if (!base?.path || !document) return { bases };
        const uri = baseUri(document, base.path);
        const key = uri.toString();
        if (path.includes(key)) {
            const start = path.indexOf(key);
            return { bases, cycle: [...names.slice(start), names[start] ?? '?'] };
        }
        const baseDocument = documents.hasDocument(uri) ? documents.getDocument(uri) : undefined;
        const root = baseDocument?.parseResult.value;
        if (!root || !isPack(root)) return { bases, missing: key };
        bases.push(root);
        path.push(key);
        names.push(root.name ?? key);
        current = root;
    }
}
