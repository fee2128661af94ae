import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import { isCountType, isFactDecl, isPack } from '../generated/ast.js';
import { baseUri } from './pack-chain.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Pack } from '../generated/ast.js';
import type { NtmServices } from '../ntm-module.js';
import { MAX_BASE_DEPTH } from './pack-roots.js';

export interface LoadedPack {
    readonly document: LangiumDocument<Pack>;
    readonly pack: Pack;
    readonly diagnostics: readonly Diagnostic[];
    readonly hasErrors: boolean;
}

/** Parses, links and validates one pack from text; `uri` names it in diagnostics. */
export async function loadPackText(services: NtmServices, text: string, uri: string): Promise<LoadedPack> {
    const documents = services.shared.workspace.LangiumDocuments;
    const parsedUri = URI.parse(uri);
    if (documents.hasDocument(parsedUri)) {
        await services.shared.workspace.DocumentBuilder.update([], [parsedUri]);
    }
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Pack>(text, parsedUri);
    documents.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const diagnostics = document.diagnostics ?? [];
    return { document, pack: document.parseResult.value, diagnostics, hasErrors: diagnostics.some(d => d.severity === 1) };
}

/**
 * Loads a pack file and, first, every pack it builds on (`dựa trên`), then links and validates them
 * together. A pack already loaded with the same text is reused; a base that cannot be read is left for
 * the validator to report on the `dựa trên` line.
 */
export async function loadPackFile(services: NtmServices, uri: string, options: LoadOptions = {}): Promise<LoadedPack> {
    return loadWithBases(services, uri, undefined, options);
}

export interface LoadOptions {
    /** Folders (URIs) `dựa trên` may lead into; by default the roots the services were given, if any. */
    readonly roots?: readonly string[];
}

/** As `loadPackFile`, for text not (yet) saved at `uri`: an editor buffer, a test resource. */
export async function loadPackTextWithBases(services: NtmServices, text: string, uri: string, options: LoadOptions = {}): Promise<LoadedPack> {
    return loadWithBases(services, uri, text, options);
}

async function loadWithBases(services: NtmServices, uri: string, mainText: string | undefined, options: LoadOptions): Promise<LoadedPack> {
    const workspace = services.shared.workspace;
    const packRoots = services.composition.PackRoots;
    const roots = options.roots?.map(root => URI.parse(root));
    const documents = workspace.LangiumDocuments;
    const mainUri = URI.parse(uri);
    const toBuild: LangiumDocument[] = [];

    const read = async (target: URI): Promise<string | undefined> => {
        if (mainText !== undefined && target.toString() === mainUri.toString()) return mainText;
        try {
            return await workspace.FileSystemProvider.readFile(target);
        } catch {
            return undefined;
        }
    };
    /** A base is read only when the roots allow it and it is a plain file (never a device or a folder). */
    const mayRead = async (target: URI): Promise<boolean> => {
        packRoots.forget(target);
        const refusal = packRoots.check(target, roots);
        if (refusal) {
            packRoots.record(target, refusal);
            return false;
        }
        const node = await workspace.FileSystemProvider.stat(target).catch(() => undefined);
        if (node && !node.isFile) {
            packRoots.record(target, `«${target.path}» không phải một tệp bộ tiêu chí (là thư mục hoặc thiết bị).`);
            return false;
        }
        return true;
    };
    const load = async (target: URI, depth: number, fresh: boolean): Promise<void> => {
        const existing = documents.hasDocument(target) ? documents.getDocument(target) : undefined;
        if (existing && !fresh) return;
        const text = await read(target);
        if (text === undefined) return;
        if (existing) {
            if (existing.textDocument.getText() === text && existing.state >= DocumentState.Validated) return;
            await workspace.DocumentBuilder.update([], [target]);
        }
        const document = workspace.LangiumDocumentFactory.fromString<Pack>(text, target);
        documents.addDocument(document);
        toBuild.push(document);
        const root = document.parseResult.value;
        if (!isPack(root) || depth >= MAX_BASE_DEPTH) return;
        for (const base of root.bases) {
            if (!base.path) continue;
            const target = baseUri(document, base.path);
            if (await mayRead(target)) await load(target, depth + 1, false);
        }
        // Village-level packs counted by `đếm thôn đạt chuẩn theo "…"`, so the validator can check their level.
        for (const path of villagePackPaths(root)) {
            const target = baseUri(document, path);
            if (await mayRead(target)) await load(target, depth + 1, false);
        }
    };
    await load(mainUri, 0, true);
    if (toBuild.length > 0) {
        await workspace.DocumentBuilder.build(toBuild, { validation: true });
    }
    const document = documents.getDocument(mainUri) as LangiumDocument<Pack> | undefined;
    if (!document) {
        throw new Error(`cannot read ${mainUri.toString()}`);
    }
    const diagnostics = document.diagnostics ?? [];
    return { document, pack: document.parseResult.value, diagnostics, hasErrors: diagnostics.some(d => d.severity === 1) };
}

/** The files a pack's `đếm thôn đạt chuẩn theo "…"` facts name, as written. */
export function villagePackPaths(pack: Pack): string[] {
    return pack.members.flatMap(member => (isFactDecl(member) && isCountType(member.type) && member.type.villagePack ? [member.type.villagePack] : []));
}
