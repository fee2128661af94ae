import type { DeepPartial, Module } from 'langium';
import { inject } from 'langium';
import type { DefaultSharedModuleContext, LangiumSharedServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { NtmGeneratedModule, NtmGeneratedSharedModule } from '../generated/module.js';
import { NtmModule, NtmSharedModule } from '../ntm-module.js';
import { registerValidationChecks } from '../validation/ntm-validator.js';
import type { NtmLspServices } from './ntm-lsp-module.js';
import { NtmLspModule, NtmSharedLspModule } from './ntm-lsp-module.js';
import { addHeapProbe } from './server/heap-probe.js';

export type { NtmLspServices } from './ntm-lsp-module.js';
export { setGuardLog } from './server/guard.js';
export { HEAP_PROBE_ENV, HEAP_PROBE_METHOD } from './server/heap-probe.js';
export type { HeapProbeResult } from './server/heap-probe.js';
// The Node server (`startNtmLanguageServer`, with test runs of sample communes) is @ntm/language-server;
// this module stays browser-bundlable (the web editor's worker uses it).

/**
 * The language server's services: the compiler's services (the same validation as `ntm check`) plus the
 * editor features. `overrides` replaces services (tests).
 */
export function createNtmServices(
    context: DefaultSharedModuleContext,
    overrides?: Module<NtmLspServices, DeepPartial<NtmLspServices>>
): {
    shared: LangiumSharedServices;
    Ntm: NtmLspServices;
} {
    const shared = inject(createDefaultSharedModule(context), NtmGeneratedSharedModule, NtmSharedModule, NtmSharedLspModule);
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
