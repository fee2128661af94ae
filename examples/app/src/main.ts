// An app that adopts the evaluators `ntm build` writes: it evaluates every sample commune in examples/ with
// the module of the pack the commune file names, and prints one summary line per commune. It uses only
// what a module exports (`evaluateCommune`, `PACK`, the result types) and the commune files as written.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as haNam from '../evaluators/ha-nam-ntm-nang-cao.js';
import * as haNamShort from '../evaluators/ha-nam-nang-cao-rut-gon.js';
import * as haNoi from '../evaluators/ha-noi-kieu-mau.js';
import * as langSon from '../evaluators/lang-son-1494-xa-ntm.js';
import * as thon from '../evaluators/thon-kieu-mau-thu.js';
import * as xaThu from '../evaluators/xa-kieu-mau-thu.js';
import type { CommuneOptions, CommuneResult, EvaluationResult, PackInfo, Verdict } from '../evaluators/ha-nam-ntm-nang-cao.js';

/** What the app needs of a module: every module `ntm build` writes has these. */
interface Evaluator {
    readonly PACK: PackInfo;
    evaluateCommune(commune: unknown, options?: CommuneOptions): CommuneResult;
}

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The evaluators this app was built with, by the pack file they were built from (relative to the repository). */
const EVALUATORS: ReadonlyMap<string, Evaluator> = new Map<string, Evaluator>([
    ['rulesets/ha-nam/ntm-nang-cao.ntm', haNam],
    ['docs/examples/09-liem-can-rut-gon.ntm', haNamShort],
    ['rulesets/ha-noi/kieu-mau.ntm', haNoi],
    ['rulesets/lang-son/1494-xa-ntm.ntm', langSon],
    ['examples/thu/xa-kieu-mau-thu.ntm', xaThu]
]);

/**
 * A pack that counts villages (`đếm thôn đạt chuẩn theo "thon-kieu-mau-thu.ntm"`) needs the village pack's module,
 * by the path the pack writes; without it `evaluateCommune` reports an error instead of counting zero.
 */
const VILLAGE_PACKS: CommuneOptions = { villagePacks: { 'thon-kieu-mau-thu.ntm': thon } };

function communeFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true })
        .flatMap(entry => {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) return entry.name === 'app' ? [] : communeFiles(full);
            return entry.name.endsWith('.json') ? [full] : [];
        })
        .sort();
}

const VERDICTS: readonly Verdict[] = ['đạt', 'chưa đạt', 'không áp dụng', 'thiếu dữ liệu'];

/** «19 chỉ tiêu: 12 đạt, 5 chưa đạt, 2 thiếu dữ liệu». */
function indicatorCounts(result: EvaluationResult): string {
    const counts = VERDICTS.map(verdict => [verdict, result.indicators.filter(i => i.verdict === verdict).length] as const).filter(([, n]) => n > 0);
    return `${result.indicators.length} chỉ tiêu: ${counts.map(([verdict, n]) => `${n} ${verdict}`).join(', ')}`;
}

function summaryLine(file: string, commune: Record<string, unknown>, evaluator: Evaluator): { line: string; ok: boolean } {
    const name = `${path.relative(path.join(repository, 'examples'), file)} (xã ${String(commune['xã'])})`;
    const evaluated = evaluator.evaluateCommune(commune, VILLAGE_PACKS);
    const errors = evaluated.issues.filter(issue => issue.severity === 'error');
    if (!evaluated.result) {
        const first = errors[0];
        return { line: `${name}: không đánh giá được, ${errors.length} lỗi${first ? ` — ${first.path.join('.')}: ${first.message}` : ''}`, ok: false };
    }
    const result = evaluated.result;
    const warnings = evaluated.issues.length - errors.length;
    // Villages of a village-level pack, or those a commune pack counted (under its result).
    const villageResults = evaluated.villages ?? result.villages;
    const villages = villageResults ? `; ${villageResults.length} thôn, ${villageResults.filter(v => v.result.summary.recognition === 'đạt').length} đạt` : '';
    return {
        line:
            `${name}: ${result.summary.text} — công nhận: ${result.summary.recognition}; ${indicatorCounts(result)}${villages}` +
            `${warnings > 0 ? `; ${warnings} cảnh báo` : ''} [${result.pack.title}]`,
        ok: true
    };
}

const folder = path.resolve(process.argv[2] ?? path.join(repository, 'examples'));
let failed = 0;
for (const file of communeFiles(folder)) {
    const commune = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const named = commune['bộ tiêu chí'];
    const evaluator =
        typeof named === 'string'
            ? EVALUATORS.get(
                  path
                      .relative(repository, path.resolve(path.dirname(file), named))
                      .split(path.sep)
                      .join('/')
              )
            : undefined;
    if (!evaluator) {
        console.log(`${path.relative(folder, file)}: không có mô-đun cho bộ tiêu chí «${String(named)}»`);
        failed++;
        continue;
    }
    const { line, ok } = summaryLine(file, commune, evaluator);
    console.log(line);
    if (!ok) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
