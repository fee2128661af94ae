import type { DeepPartial, Module } from 'langium';
import { inject } from 'langium';
import type { DefaultSharedModuleContext, LangiumSharedServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { NtmGeneratedModule, NtmGeneratedSharedModule } from '../generated/module.js';
import { NtmModule } from '../ntm-module.js';
import { registerValidationChecks } from '../validation/ntm-validator.js';
import type { NtmLspServices } from './ntm-lsp-module.js';
import { NtmLspModule, NtmSharedLspModule } from './ntm-lsp-module.js';
import { addHeapProbe } from './server/heap-probe.js';

export type { NtmLspServices, NtmLspAddedServices } from './ntm-lsp-module.js';
export type { SampleRunner, SampleRunContext } from './server/sample-runner.js';
export { UnavailableSampleRunner } from './server/sample-runner.js';
export * from './test-run-protocol.js';
// The Node entry (`startNtmLanguageServer`) is exported from `@ntm/language/lsp/server`, so that this module
// also bundles for a browser worker.

/**
 * The language server's services: the compiler's services (the same validation as `ntm check`) plus the
 * editor features. `overrides` replaces services, e.g. the CLI's `testing.SampleRunner`.
 */
export function createNtmServices(context: DefaultSharedModuleContext, overrides?: Module<NtmLspServices, DeepPartial<NtmLspServices>>): {
    shared: LangiumSharedServices;
    Ntm: NtmLspServices;
} {
    const shared = inject(createDefaultSharedModule(context), NtmGeneratedSharedModule, NtmSharedLspModule);
    const Ntm = inject(
        createDefaultModule({ shared }),
        NtmGeneratedModule,
        NtmModule as unknown as Module<NtmLspServices, DeepPartial<NtmLspServices>>,
        NtmLspModule as unknown as Module<NtmLspServices, DeepPartial<NtmLspServices>>,
        overrides ?? {}
    );
    shared.ServiceRegistry.register(Ntm);
    registerValidationChecks(Ntm);
    // Every check category after an edit, as `ntm check` runs them (Langium's default is only the fast ones).
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    addHeapProbe(shared);
    return { shared, Ntm };
}
