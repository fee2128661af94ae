import type {
    DeepPartial,
    DefaultSharedCoreModuleContext,
    LangiumCoreServices,
    LangiumSharedCoreServices,
    Module,
    PartialLangiumCoreServices,
    PartialLangiumSharedCoreServices
} from 'langium';
import { EmptyFileSystem, createDefaultCoreModule, createDefaultSharedCoreModule, inject } from 'langium';
import { EffectivePacks } from './composition/effective-packs.js';
import { NtmGeneratedModule, NtmGeneratedSharedModule } from './generated/module.js';
import { NtmTsGenerator } from './generation/ts-generator.js';
import { NtmLexer } from './parser/ntm-lexer.js';
import { NtmLexerErrorMessageProvider, NtmParserErrorMessageProvider } from './parser/ntm-parser-messages.js';
import { NtmTokenBuilder } from './parser/ntm-token-builder.js';
import { NtmValueConverter } from './parser/ntm-value-converter.js';
import { NtmLinker } from './scoping/ntm-linker.js';
import { NtmScopeComputation } from './scoping/ntm-scope-computation.js';
import { NtmScopeProvider } from './scoping/ntm-scope-provider.js';
import { NtmTypeComputer } from './typing/type-computer.js';
import { NtmDocumentValidator } from './validation/ntm-document-validator.js';
import { registerValidationChecks } from './validation/ntm-validator.js';
import { NtmDocumentFactory } from './workspace/ntm-document-factory.js';
import { NtmIndexManager } from './workspace/ntm-index-manager.js';
import { NtmReferenceDescriptionProvider } from './workspace/ntm-reference-descriptions.js';
import { PackRoots } from './workspace/pack-roots.js';

/** Services added by this language, grouped by concern. */
export interface NtmAddedServices {
    typing: {
        TypeComputer: NtmTypeComputer;
    };
    composition: {
        EffectivePacks: EffectivePacks;
        /** Where `dựa trên` may lead (workspace folders, or the CLI's project folder). */
        PackRoots: PackRoots;
    };
    generation: {
        TsGenerator: NtmTsGenerator;
    };
}

export type NtmServices = LangiumCoreServices & NtmAddedServices;

/** The compiler's services: parsing, linking, typing, validation and generation, without any editor code. */
export const NtmModule: Module<NtmServices, PartialLangiumCoreServices & NtmAddedServices> = {
    parser: {
        TokenBuilder: () => new NtmTokenBuilder(),
        ValueConverter: () => new NtmValueConverter(),
        Lexer: services => new NtmLexer(services),
        ParserErrorMessageProvider: () => new NtmParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new NtmLexerErrorMessageProvider()
    },
    references: {
        ScopeComputation: services => new NtmScopeComputation(services),
        ScopeProvider: services => new NtmScopeProvider(services),
        Linker: services => new NtmLinker(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new NtmReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new NtmDocumentValidator(services)
    },
    typing: {
        TypeComputer: services => new NtmTypeComputer(services)
    },
    composition: {
        EffectivePacks: services => new EffectivePacks(services),
        PackRoots: () => new PackRoots()
    },
    generation: {
        TsGenerator: services => new NtmTsGenerator(services)
    }
};

/** Workspace services shared by the compiler and the language server. */
export const NtmSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        IndexManager: services => new NtmIndexManager(services),
        LangiumDocumentFactory: services => new NtmDocumentFactory(services)
    }
};

/** Creates the compiler services for the CLI, tests and the generator (no language server). */
export function createNtmCoreServices(context: DefaultSharedCoreModuleContext = EmptyFileSystem): {
    shared: LangiumSharedCoreServices;
    Ntm: NtmServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), NtmGeneratedSharedModule, NtmSharedModule);
    const Ntm = inject(createDefaultCoreModule({ shared }), NtmGeneratedModule, NtmModule as Module<NtmServices, DeepPartial<NtmServices>>);
    shared.ServiceRegistry.register(Ntm);
    registerValidationChecks(Ntm);
    return { shared, Ntm };
}
