import type { Pack } from '../generated/ast.js';
import type { EffectivePack } from '../composition/effective-pack.js';
import type { EffectivePacks } from '../composition/effective-packs.js';
import type { NtmServices } from '../ntm-module.js';
import type { NtmTypeComputer } from '../typing/type-computer.js';
import type { Code } from './code.js';
import { both, code, joinCode, layoutList, tsOnly, typeOnly } from './code.js';
import type { IndicatorCode } from './criteria-code.js';
import { criterionCode, criterionConstant, gateCode, indicatorCode, ruleSourceDeclarations } from './criteria-code.js';
import { fastSlots } from './fast-code.js';
import { normalizeOp, emitPassValue, str } from './emit-code.js';
import { derivedCode, factSpecsCode, factsTypes, packCode, regionRulesCode, tableCode, villagePackOf } from './facts-code.js';
import { sourceText } from './generator-helpers.js';
import { declarationImports, runtimeImports } from './module-header.js';
import { ModuleScope } from './module-scope.js';
import { usedFacts } from './pack-meta.js';

export interface GeneratedModule {
    /** Suggested file name of the TypeScript module, e.g. `ha-nam-ntm-nang-cao.ts`. */
    readonly fileName: string;
    /** The TypeScript module (`ntm build --ts`). */
    readonly text: string;
    /** The same module without its types: what `ntm build` writes and what evaluators load, no compiler needed. */
    readonly javascript: string;
    /** The `.d.ts` of the JavaScript module; it takes the runtime's public types from @ntm/runtime. */
    readonly declarations: string;
    /** The declarations after their import of the runtime's types, for a bundle that carries those types itself. */
    readonly ownDeclarations: string;
}

const GENERATED = '// Sinh tự động bởi trình biên dịch ntm từ một bộ tiêu chí .ntm. Không sửa tay: hãy sửa tệp .ntm rồi biên dịch lại.';

const HEADER = `${GENERATED}\n// Tìm chỉ tiêu theo số hiệu: chỉ tiêu 2.1 được đánh giá bởi hàm indicator_2_1, thông tin của nó là INDICATOR_2_1.`;

const EVALUATE_COMMUNE_DOC = [
    '/**',
    ' * Đánh giá một tệp xã (JSON đã đọc, viết như trong examples/: «dữ kiện», «thuộc tính», «danh sách», «điểm …»)',
    ' * theo bộ tiêu chí này, bằng cùng bộ đọc và cùng thông báo lỗi như `ntm eval`. Không ném lỗi vì dữ liệu',
    ' * xấu: mọi lỗi và cảnh báo nằm trong `issues` (kèm đường dẫn trường); có lỗi thì không có `result`.',
    ' */'
].join('\n');

const EVALUATE_DOC = [
    '/**',
    ' * Đánh giá một xã theo bộ tiêu chí này, tại ngày đánh giá cho trước (bắt buộc).',
    ' * Dữ kiện được kiểm tra khi chạy. Có lỗi dữ liệu đầu vào (sai kiểu, số quá 15 chữ số, tên dữ kiện lạ…)',
    ' * thì ném NtmInputError (`issues`: mọi lỗi, kèm đường dẫn) và không trả kết luận nào; kết quả trả về',
    ' * luôn đầy đủ, `inputIssues` chỉ còn cảnh báo. Ném NtmEvaluationError khi thiếu ngày đánh giá hoặc',
    ' * ngày nằm ngoài hiệu lực.',
    ' */'
].join('\n');

/**
 * Generates one module per pack, importing @ntm/runtime: straight-line code, one function per derived fact,
 * indicator and gate, each named for its fact or label, with the metadata laid out beside it. One model,
 * rendered as TypeScript, as JavaScript and as declarations.
 */
/** Why the module freezes what its results share (the comment above the call, in the module's language). */
const SHARED_DOC =
    '/** Bộ tiêu chí, trích dẫn, nguồn quy tắc: dùng chung cho mọi kết quả, nên chỉ đọc — một ứng dụng sửa một kết quả không làm hỏng các kết quả sau. */';

export class NtmTsGenerator {
    private readonly types: NtmTypeComputer;
    private readonly effective: EffectivePacks;

    constructor(services: NtmServices) {
        this.types = services.typing.TypeComputer;
        this.effective = services.composition.EffectivePacks;
    }

    /** The pack as it applies, with everything it builds on (the base packs must be loaded). */
    compose(pack: Pack): EffectivePack {
        return this.effective.of(pack);
    }

    generate(pack: Pack): GeneratedModule {
        const effective = this.compose(pack);
        const scope = new ModuleScope(pack, this.types, effective.tables, effective.rounding);
        // Rules first: they decide which derived facts, tables, sources and rule sources the module needs.
        // Region rules need the full fact table before any indicator, and village counts the caller's village
        // results: such packs have no fast path.
        const countsVillages = effective.facts.some(fact => villagePackOf(fact) !== undefined);
        const slots = effective.regionRules.length === 0 && !countsVillages ? fastSlots(effective.facts) : undefined;
        const indicators: IndicatorCode[] = [];
        const criteria = effective.criteria.map(criterion => {
            const parts: Code[] = [criterionCode(scope, criterion)];
            for (const indicator of criterion.indicators) {
                const generated = indicatorCode(scope, indicator, criterion, slots);
                parts.push(generated.code);
                if (generated.fast) parts.push(generated.fast.code);
                indicators.push(generated);
            }
            return joinCode(parts, '\n\n');
        });
        const calls = indicators.map(i => i.call);
        const gates = effective.gates.map(gate => gateCode(scope, gate, pack, slots));
        const regionRules = regionRulesCode(scope, effective.regionRules);
        const packPass = this.packPass(scope, pack);
        const derived = this.derivedFunctions(scope, effective);
        const tables = effective.tables.filter(table => scope.tablesRead.has(table.name)).map(table => tableCode(scope, table));
        const packInfo = packCode(scope, effective);
        const factSpecs = factSpecsCode(scope, effective.facts, usedFacts(effective));
        const criteriaList = code`const CRITERIA${typeOnly(': readonly CriterionMeta[]')} = [${effective.criteria.map(c => criterionConstant(scope, c)).join(', ')}];
${SHARED_DOC}
freezeShared(${layoutList('[', ['PACK', 'FACT_SPECS', 'CRITERIA', ...scope.sharedMetadata], ']', '')});`;
        const body = joinCode(
            [
                scope.law.declaration(),
                packInfo,
                factSpecs,
                tsOnly(factsTypes(scope, effective.facts)),
                ...ruleSourceDeclarations(scope),
                ...derived,
                ...tables,
                regionRules,
                ...criteria,
                ...gates.flatMap(g => (g.fast ? [g.code, g.fast.code] : [g.code])),
                criteriaList,
                packPass,
                this.evaluateFunction(
                    calls,
                    gates.map(g => g.call),
                    packPass !== undefined,
                    countsVillages
                ),
                this.readTableFunction(regionRules !== undefined),
                this.verdictsFunction(slots !== undefined, indicators, gates, packPass !== undefined)
            ].filter((part): part is Code => part !== undefined),
            '\n\n'
        );
        const imports = runtimeImports(body.js, body.ts);
        const ownDeclarations = [
            '/** Bộ tiêu chí mà mô-đun này đánh giá. */',
            'export declare const PACK: PackInfo;',
            '',
            '/** Các dữ kiện của bộ tiêu chí: kiểu, đơn vị, mô tả. */',
            'export declare const FACT_SPECS: readonly FactSpec[];',
            '',
            factsTypes(scope, effective.facts),
            '',
            EVALUATE_DOC,
            'export declare function evaluate(facts: Facts, options: EvaluateOptions): EvaluationResult;',
            '',
            EVALUATE_COMMUNE_DOC,
            'export declare function evaluateCommune(commune: unknown, options?: CommuneOptions): CommuneResult;',
            ''
        ].join('\n');
        return {
            fileName: moduleFileName(pack.name ?? ''),
            text: `${HEADER}\n${imports.ts}\n\n${body.ts}\n`,
            javascript: `${HEADER}\n${imports.js}\n\n${body.js}\n`,
            // The declarations name only what the module exports: no word of its inner functions.
            declarations: `${GENERATED}\n${declarationImports()}\n\n${ownDeclarations}`,
            ownDeclarations
        };
    }

    /** The derived facts the rules read, and those they read in turn, in the pack's order. */
    private derivedFunctions(scope: ModuleScope, effective: EffectivePack): Code[] {
        const emitted = new Map<unknown, Code>();
        for (let pending = [...scope.derivedFacts]; pending.length > 0; pending = [...scope.derivedFacts].filter(f => !emitted.has(f))) {
            for (const fact of pending) emitted.set(fact, derivedCode(scope, fact));
        }
        return effective.facts.flatMap(fact => emitted.get(fact) ?? []);
    }

    private packPass(scope: ModuleScope, pack: Pack): Code | undefined {
        const pass = pack.passMarks[0];
        if (!pass?.value || !pass.operator) return undefined;
        const value = emitPassValue(pass.value, scope.context);
        return code`/** Điểm đạt của tổng điểm bộ tiêu chí. */
const PACK_PASS${typeOnly(': PackPassMeta')} = { op: ${str(normalizeOp(pass.operator))}, rule: ${str(sourceText(pass.value))}, value: () => ${value} };`;
    }

    private evaluateFunction(indicators: readonly string[], gates: readonly string[], packPass: boolean, countsVillages: boolean): Code {
        const lists = list('indicators', indicators) + list('gates', gates);
        const evaluate = joinCode(
            [
                both(EVALUATE_DOC),
                code`export function evaluate(facts${typeOnly(': Facts')}, options${typeOnly(': EvaluateOptions')})${typeOnly(': EvaluationResult')} {
    options = canonicalOptions(options);
    if (verdictsOnly(options)) {
        return evaluateVerdicts(facts, options);
    }
    const assessedAt = assessmentDate(options, PACK);
    const t = readTable(facts, options, assessedAt);
${countsVillages ? '    countVillages(t, options.thôn);\n' : ''}${lists}    ${countsVillages ? 'const result = ' : 'return '}assemble(PACK, assessedAt, CRITERIA, ${indicators.length > 0 ? 'indicators' : '[]'}, ${gates.length > 0 ? 'gates' : '[]'}, t.issues, t.ctx${typeOnly('!')}${packPass ? ', PACK_PASS' : ''});${countsVillages ? '\n    return withVillages(result, options.thôn, t);' : ''}
}`
            ],
            '\n'
        );
        // The commune file as written, read by the runtime's one reader of commune files.
        const evaluateCommune = joinCode(
            [
                both(EVALUATE_COMMUNE_DOC),
                code`export function evaluateCommune(commune${typeOnly(': unknown')}, options${typeOnly(': CommuneOptions')} = {})${typeOnly(': CommuneResult')} {
    return evaluateCommuneJson({ evaluate, PACK, FACT_SPECS }, commune, options);
}`
            ],
            '\n'
        );
        return joinCode([evaluate, evaluateCommune], '\n\n');
    }

    private readTableFunction(regionRules: boolean): Code {
        return code`/** Dữ kiện của xã, đọc và kiểm tra đầy đủ; cùng vùng, nhóm, danh sách và điểm đã nhập. */
function readTable(facts${typeOnly(': Facts')}, options${typeOnly(': EvaluateOptions')}, assessedAt${typeOnly(': string')})${typeOnly(': FactTable')} {
    const t = readFacts(facts, FACT_SPECS, options.danhSách, options.unknownFacts);
    t.ctx = communeContext(options, assessedAt, t, ${regionRules ? 'REGION_RULES' : '[]'});
    t.scores = readScores(options.điểmThẩmTra, options.điểmTựChấm, options.điểmTráiSốLiệu, t.issues);
    return t;
}`;
    }

    /**
     * `evaluate(…, { giảiThích: false })`: indicators compiled for the fast path run over plain facts; any other
     * indicator, and any the fast code hands back, runs in full with its explanation dropped.
     */
    private verdictsFunction(fast: boolean, indicators: readonly IndicatorCode[], gates: readonly IndicatorCode[], packPass: boolean): Code {
        const signature = code`function evaluateVerdicts(facts${typeOnly(': Facts')}, options${typeOnly(': EvaluateOptions')})${typeOnly(': EvaluationResult')}`;
        const doc = '/** Chỉ kết luận, không lời giải thích (giảiThích: false): cùng kết luận, cờ, khoảng cách và trích dẫn như khi có giải thích. */';
        const inFull = 'withoutExplanations(evaluate(facts, { ...options, giảiThích: true, explain: true }))';
        if (!fast) {
            return joinCode(
                [
                    both(doc),
                    code`${signature} {
    return ${inFull};
}`
                ],
                '\n'
            );
        }
        const each = (items: readonly IndicatorCode[], strip: string) =>
            items.map(i => {
                const full = `${strip}(${i.callWith('table.get()')})`;
                return i.fast ? `${i.fast.call} ?? ${full}` : full;
            });
        const lists = list('indicators', each(indicators, 'withoutIndicatorExplanation')) + list('gates', each(gates, 'withoutGateExplanation'));
        return joinCode(
            [
                code`/** Dữ kiện của xã theo ô, cho các chỉ tiêu đã biên dịch thành mã thẳng (xem @ntm/runtime fast-path). */
const FAST_LAYOUT = fastLayout(FACT_SPECS);`,
                both(doc),
                code`${signature} {
    const v = plainOptions(options) ? readPlainFacts(facts, FAST_LAYOUT) : undefined;
    if (v === undefined) {
        return ${inFull};
    }
    const assessedAt = assessmentDate(options, PACK);
    const table = new Lazy(() => readTable(facts, options, assessedAt));
${lists}    const t = table.built;
    if (t !== undefined && t.issues.length > 0) {
        return ${inFull};
    }
    return assemble(PACK, assessedAt, CRITERIA, ${indicators.length > 0 ? 'indicators' : '[]'}, ${gates.length > 0 ? 'gates' : '[]'}, [], t ? t.ctx${typeOnly('!')} : plainContext(options, assessedAt)${packPass ? ', PACK_PASS' : ''});
}`
            ],
            '\n'
        );
    }
}

/** An empty list is passed as `[]`: a variable holding it would have no type to infer. */
function list(name: string, items: readonly string[]): string {
    return items.length === 0 ? '' : `    const ${name} = [\n${items.map(i => `        ${i}`).join(',\n')}\n    ];\n`;
}

export function moduleFileName(packId: string): string {
    const ascii = packId
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return `${ascii || 'bo-tieu-chi'}.ts`;
}
