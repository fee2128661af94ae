import type { Module } from 'langium';
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { inject } from 'langium';
import { NtmGeneratedModule, NtmGeneratedSharedModule } from '../generated/module.js';
import type { NtmAddedServices } from '../ntm-module.js';
import { NtmModule } from '../ntm-module.js';
import { registerValidationChecks } from '../validation/ntm-validator.js';

export type NtmLspServices = LangiumServices & NtmAddedServices;

/** The language server's services: the compiler's services plus Langium's editor features. */
export function createNtmServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Ntm: NtmLspServices } {
    const shared = inject(createDefaultSharedModule(context), NtmGeneratedSharedModule);
    const Ntm: NtmLspServices = inject(createDefaultModule({ shared }), NtmGeneratedModule, NtmModule as unknown as Module<NtmLspServices, PartialLangiumServices & NtmAddedServices>);
    shared.ServiceRegistry.register(Ntm);
    registerValidationChecks(Ntm as never);
    return { shared, Ntm };
}
