import type { FactDecl, Pack, Rounding, Table } from '../generated/ast.js';
import type { NtmTypeComputer } from '../typing/type-computer.js';
import type { EmitContext } from './emit-code.js';
import { Identifiers } from './identifiers.js';
import { LegalSources } from './legal-sources.js';
import type { RuleSourceData } from './pack-meta.js';

/**
 * What the parts of one generated module share: its names, its table of legal sources, and the derived
 * facts and tables the rules asked for (only those are emitted, so the module has no unused code).
 */
export class ModuleScope {
    readonly names = new Identifiers();
    readonly law = new LegalSources();
    /** Derived facts some emitted code calls, in the order first asked for. */
    readonly derivedFacts = new Set<FactDecl>();
    /** Tables (by name) some emitted code reads. */
    readonly tablesRead = new Set<string>();
    /** Distinct rule sources (by their JSON), with the constant holding each. */
    readonly ruleSources = new Map<string, { readonly name: string; readonly data: RuleSourceData }>();
    /** The indicators' and gates' metadata constants: every result shares them, so the module freezes them. */
    readonly sharedMetadata: string[] = [];
    readonly context: EmitContext;

    /** `rounding`: the pack's own `làm tròn` (or its base's), applied where an indicator has none of its own. */
    constructor(
        readonly pack: Pack,
        readonly types: NtmTypeComputer,
        tables: readonly Table[],
        rounding?: Rounding
    ) {
        const byName = new Map(tables.map(table => [table.name, table]));
        this.context = {
            pack,
            types,
            indent: '    ',
            ...(rounding ? { rounding } : {}),
            derivedFunction: fact => {
                this.derivedFacts.add(fact);
                return this.derivedName(fact);
            },
            tableConstant: name => {
                if (!byName.has(name)) throw new Error(`Unresolved table ${name}`);
                this.tablesRead.add(name);
                return this.tableName(name);
            }
        };
    }

    derivedName(fact: FactDecl): string {
        return this.names.name(fact, 'derived', fact.name);
    }

    tableName(name: string): string {
        return this.names.name(`table ${name}`, 'table', name).toUpperCase();
    }
}
