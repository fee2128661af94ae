import type { EvaluationResult } from '@ntm/runtime';
import type { CommuneData, KnownDiscrepancy, VillageOfficialResults } from '../commune/commune-data.js';
import type { VerdictCheck } from './sample-check.js';
import { checkSample } from './sample-check.js';

type Village = { readonly name: string; readonly result: EvaluationResult };

const same = (a: string | undefined, b: string) => a !== undefined && a.normalize('NFC') === b.normalize('NFC');

/**
 * Each village's verdicts against its official ones («kết quả chính thức».«các thôn»: a verdict for the
 * village's recognition, or `{ "công nhận", "chỉ tiêu", "tiêu chí" }`), with the known discrepancies declared
 * for that village (`"thôn": "…"` in «sai khác đã biết»). Each village is checked as a commune is
 * (`checkSample` on its own result): a declared indicator difference explains its criterion and the village's
 * recognition, and a declaration that matches nothing fails, naming the village.
 */
export function checkVillages(villages: readonly Village[], data: CommuneData): VerdictCheck[] {
    const official = data['kết quả chính thức']?.['các thôn'] ?? {};
    const declared = data['sai khác đã biết'] ?? [];
    const checks: VerdictCheck[] = [];
    for (const [name, entry] of Object.entries(official)) {
        const village = villages.find(v => same(v.name, name));
        const own = declared.filter(d => same(d['thôn'], name));
        const results: VillageOfficialResults = typeof entry === 'string' || entry === null ? { 'công nhận': entry ?? undefined } : entry;
        if (!village) {
            checks.push({
                level: 'village',
                label: name,
                official: results['công nhận'],
                status: 'not-in-pack',
                detail: [`thôn ${name} không có trong «các thôn» của tệp`]
            });
            checks.push(...own.map(d => gone(d, name, `thôn ${name} không có trong «các thôn» của tệp`)));
            continue;
        }
        const view: CommuneData = { ...data, 'kết quả chính thức': results, 'sai khác đã biết': own };
        for (const check of checkSample(village.result, view)) {
            if (check.level === 'recognition') {
                // The village's recognition keeps the form a village-level file always had: «thôn Thôn Nam».
                const failing = village.result.criteria
                    .filter(c => c.verdict !== 'đạt' && c.verdict !== 'không áp dụng')
                    .map(c => `tiêu chí ${c.label}: ${c.verdict}`);
                checks.push({
                    ...check,
                    level: 'village',
                    label: name,
                    village: name,
                    detail: [village.result.summary.text, ...failing, ...check.detail.slice(1)]
                });
            } else {
                checks.push({ ...check, village: name });
            }
        }
    }
    // A declaration for a village the file gives no official verdict for matches nothing.
    for (const d of declared) {
        if (d['thôn'] !== undefined && !Object.keys(official).some(name => same(d['thôn'], name))) {
            checks.push(gone(d, d['thôn'], `«kết quả chính thức».«các thôn» không có thôn ${d['thôn']}`));
        }
    }
    return checks;
}

/**
 * The checks of a sample whose pack counts villages (or assesses villages one by one): the commune's own
 * verdicts with the declarations that name no village, then each village's. In a file of a village-level
 * pack the villages are the whole subject: a declaration that names no village explains nothing and fails,
 * instead of being silently ignored.
 */
export function checkSampleWithVillages(
    result: EvaluationResult,
    villages: readonly Village[] | undefined,
    data: CommuneData,
    villageLevel: boolean
): VerdictCheck[] {
    const declared = data['sai khác đã biết'] ?? [];
    const communeDeclarations = declared.filter(d => d['thôn'] === undefined);
    const villageChecks = villages
        ? checkVillages(villages, data)
        : declared.filter(d => d['thôn'] !== undefined).map(d => gone(d, d['thôn']!, 'bộ tiêu chí này không đánh giá thôn'));
    if (villageLevel) {
        return [
            ...villageChecks,
            ...communeDeclarations.map(d => gone(d, undefined, 'tệp đánh giá từng thôn theo bộ cấp thôn: khai báo sai khác cần trường «thôn»'))
        ];
    }
    return [...checkSample(result, { ...data, 'sai khác đã biết': communeDeclarations }), ...villageChecks];
}

function gone(declaration: KnownDiscrepancy, village: string | undefined, why: string): VerdictCheck {
    const level = declaration['chỉ tiêu']
        ? 'indicator'
        : declaration['tiêu chí']
          ? 'criterion'
          : declaration['điểm']
            ? 'score'
            : village !== undefined
              ? 'village'
              : 'recognition';
    const label = declaration['chỉ tiêu'] ?? declaration['tiêu chí'] ?? declaration['điểm'] ?? village ?? 'công nhận';
    return {
        level,
        label,
        status: 'declared-but-gone',
        discrepancy: declaration,
        detail: [`sai khác được khai báo nhưng không khớp kết quả nào: ${why}`],
        ...(village !== undefined ? { village } : {})
    };
}

/** Every check of a sample: a file of a village-level pack («các thôn» assessed one by one), or a commune's with its villages. */
export function sampleChecks(evaluation: { readonly result: EvaluationResult; readonly villages?: readonly Village[] }, data: CommuneData): VerdictCheck[] {
    return checkSampleWithVillages(evaluation.result, evaluation.villages ?? evaluation.result.villages, data, evaluation.villages !== undefined);
}

/** Each village's official recognition, by name, whichever form the file writes it in. */
export function officialVillageVerdicts(data: CommuneData): Record<string, string> | undefined {
    const official = data['kết quả chính thức']?.['các thôn'];
    if (!official) return undefined;
    return Object.fromEntries(
        Object.entries(official).flatMap(([name, entry]) => {
            const verdict = typeof entry === 'string' ? entry : entry?.['công nhận'];
            return verdict ? [[name, verdict]] : [];
        })
    );
}
