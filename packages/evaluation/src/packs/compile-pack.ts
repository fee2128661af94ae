import type { EffectivePack, LoadedPack, NtmServices } from '@ntm/language';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileIssue } from '../commune/file-issue.js';
import type { PackLocationData, PackLocations } from './pack-locations.js';
import { packLocationData, packLocations } from './pack-locations.js';

/** A pack parsed, checked and (when error-free) generated, with where its parts are written. */
export interface CompiledPack {
    /** The file as given to the library (a path, or a URI in the browser). */
    readonly file: string;
    readonly uri: string;
    readonly loaded: LoadedPack;
    /** Every diagnostic of the pack, errors first by position. */
    readonly issues: readonly FileIssue[];
    /** The generated module as TypeScript; absent when the pack has errors. */
    readonly typescript?: string;
    /** The same module as JavaScript, which imports @ntm/runtime: what is loaded and what `ntm build` writes. */
    readonly javascript?: string;
    /** The `.d.ts` of the JavaScript module, and the part of it after its import of the runtime's types. */
    readonly declarations?: string;
    readonly ownDeclarations?: string;
    /** The TypeScript module's file name (`ha-nam-ntm-nang-cao.ts`). */
    readonly fileName?: string;
    readonly locations?: PackLocations;
    readonly locationData?: PackLocationData;
    /** The texts the module was compiled from: the pack's and every base pack's, by URI. */
    readonly inputs?: readonly { readonly uri: string; readonly text: string }[];
    /** The pack laid over everything it builds on, as it applies (absent when the pack has errors). */
    readonly effective?: EffectivePack;
}

/**
 * Loads a pack (and the packs it builds on) through the given services and generates its evaluator.
 * `text` is the pack's text when it is not (yet) what the file system holds: an editor buffer, a page.
 * `roots` (URIs) are the folders `dựa trên` may lead into.
 */
export async function compilePack(services: NtmServices, uri: string, file: string, text?: string, roots?: readonly string[]): Promise<CompiledPack> {
    // Imported when a pack is compiled, not with this package: an evaluator from the cache needs no compiler.
    const { loadPackFile, loadPackTextWithBases } = await import('@ntm/language');
    const options = roots ? { roots } : {};
    const loaded = text === undefined ? await loadPackFile(services, uri, options) : await loadPackTextWithBases(services, text, uri, options);
    const issues = loaded.diagnostics.map(d => issueFromDiagnostic(file, d)).sort((a, b) => a.line - b.line || a.column - b.column);
    if (loaded.hasErrors) {
        return { file, uri, loaded, issues };
    }
    const generator = services.generation.TsGenerator;
    const generated = generator.generate(loaded.pack);
    const effective = generator.compose(loaded.pack);
    const locationData = packLocationData(effective);
    const inputs = [loaded.pack, ...effective.chain.bases].flatMap(pack =>
        pack.$document ? [{ uri: pack.$document.uri.toString(), text: pack.$document.textDocument.getText() }] : []
    );
    return {
        file,
        uri,
        loaded,
        issues,
        typescript: generated.text,
        javascript: generated.javascript,
        declarations: generated.declarations,
        ownDeclarations: generated.ownDeclarations,
        fileName: generated.fileName,
        locations: packLocations(locationData),
        locationData,
        inputs,
        effective
    };
}

/** A pack's diagnostic as a file issue (1-based positions). */
export function issueFromDiagnostic(file: string, diagnostic: Diagnostic): FileIssue {
    const { line, character } = diagnostic.range.start;
    const severity = diagnostic.severity === 1 || diagnostic.severity === undefined ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info';
    return { file, severity, path: [], message: diagnostic.message, line: line + 1, column: character + 1 };
}
