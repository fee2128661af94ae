// Villages counted by the commune (`đếm thôn đạt chuẩn theo "…"`): each village of «các thôn» evaluated
// with the village-level pack's own evaluator, for the commune's evaluator to count (`options.thôn`).

import { normalizeName, shortText } from '../names.js';
import type { CommuneIssue, EvaluationResult, FactSpec, VillageOutcome } from '../result-types.js';
import type { CommuneData } from './commune-file.js';

/** The part of an evaluator module villages need (evaluate-commune-data.ts has the whole). */
interface VillageModule {
    readonly FACT_SPECS: readonly FactSpec[];
}

/** The village-level packs a commune pack counts villages of (`đếm thôn đạt chuẩn theo "…"`), as written. */
export function countedVillagePacks(evaluator: VillageModule): string[] {
    return [...new Set(evaluator.FACT_SPECS.flatMap(spec => (spec.villagePack === undefined ? [] : [spec.villagePack])))];
}

type RunVillage<M> = (facts: unknown, prefix: readonly string[], module: M) => { result?: EvaluationResult; issues: CommuneIssue[] };

/**
 * Evaluates each village of «các thôn» with each village-level pack the commune pack counts. The list of
 * villages must be whole: a village the commune lists in «danh sách».«thôn» but not in «các thôn» (or the
 * reverse) would change the count silently, so it is an error at the name. With several village packs, a
 * village's facts go to the packs that know them; a fact no pack knows is an error.
 */
export function evaluateVillages<M extends VillageModule>(
    data: CommuneData,
    packs: readonly string[],
    evaluators: ReadonlyMap<string, M>,
    run: RunVillage<M>
): { outcomes: VillageOutcome[]; issues: CommuneIssue[] } {
    const issues: CommuneIssue[] = [];
    const error = (path: readonly (string | number)[], message: string) => issues.push({ severity: 'error', path: path.map(String), message });
    const villages = Object.entries(data['các thôn'] ?? {});
    const listed = data['danh sách']?.['thôn'];
    if (Array.isArray(listed)) {
        const written = new Set(villages.map(([name]) => name.normalize('NFC')));
        const inList = new Set(listed.map(name => String(name).normalize('NFC')));
        listed.forEach((name, index) => {
            if (!written.has(String(name).normalize('NFC'))) {
                error(
                    ['danh sách', 'thôn', index],
                    `Thôn «${shortText(String(name))}» có trong danh sách thôn nhưng không có trong «các thôn»: thiếu kết quả của thôn này thì không đếm được số thôn đạt chuẩn. Ghi dữ kiện của thôn trong «các thôn».`
                );
            }
        });
        for (const [name] of villages) {
            if (!inList.has(name.normalize('NFC')))
                error(['các thôn', name], `Thôn «${shortText(name)}» có trong «các thôn» nhưng không có trong danh sách thôn («danh sách».«thôn»).`);
        }
    } else if (villages.length > 0) {
        issues.push({
            severity: 'warning',
            path: ['các thôn'],
            message: 'Tệp không có «danh sách».«thôn»: máy không kiểm được «các thôn» có ghi đủ mọi thôn của xã; số thôn đạt chuẩn chỉ đếm các thôn được ghi.'
        });
    }
    const outcomes: VillageOutcome[] = [];
    const loaded = packs.flatMap(pack => {
        const module = evaluators.get(pack);
        if (!module && villages.length > 0)
            error(['bộ tiêu chí'], `Không nạp được bộ tiêu chí cấp thôn «${shortText(pack)}» mà bộ tiêu chí của xã dùng để đếm thôn đạt chuẩn.`);
        return module ? [{ pack, module, known: new Set(module.FACT_SPECS.map(spec => spec.name)) }] : [];
    });
    if (loaded.length < packs.length) return { outcomes, issues };
    for (const [name, village] of villages) {
        const facts = village['dữ kiện'] ?? {};
        const prefix = ['các thôn', name];
        if (loaded.length > 1) {
            for (const key of Object.keys(facts)) {
                if (!loaded.some(p => p.known.has(normalizeName(key)))) {
                    error([...prefix, 'dữ kiện', key], `Dữ kiện «${shortText(key)}» không có trong bộ tiêu chí cấp thôn nào của xã (${packs.join(', ')}).`);
                }
            }
        }
        for (const { pack, module, known } of loaded) {
            // With one village pack every fact goes to it, so a typo gets the module's own «Có phải …?».
            const own = loaded.length === 1 ? facts : Object.fromEntries(Object.entries(facts).filter(([key]) => known.has(normalizeName(key))));
            const outcome = run(own, prefix, module);
            issues.push(...outcome.issues);
            if (outcome.result) outcomes.push({ name, pack, result: outcome.result });
        }
    }
    return { outcomes, issues };
}
