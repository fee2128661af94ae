import * as path from 'node:path';
import { dateProblem, parseDate, shortText } from '@ntm/runtime';
import type { CommuneFile } from '../commune/read-commune.js';
import type { FileIssue } from '../commune/file-issue.js';
import type { CommuneEvaluation } from '../evaluate/evaluate-commune.js';
import { evaluateCommuneFile as evaluateWith } from '../evaluate/evaluate-commune.js';
import { villagePackFiles } from './village-packs.js';
import type { EvaluatorModule } from '../evaluate/evaluator-module.js';
import { evaluatorFor } from './compile-pack-file.js';
import { readCommuneFile } from './read-commune-file.js';
import { selectPack } from './select-pack.js';

/** The pack a commune file names in «bộ tiêu chí», relative to the commune file. */
export function packOf(commune: CommuneFile): string | undefined {
    const declared = commune.data?.['bộ tiêu chí'];
    return declared ? path.resolve(path.dirname(commune.file), declared) : undefined;
}

/**
 * Reads a commune file, picks its pack (the one given, the one it names, or the one in force in the
 * folder it names), compiles it and evaluates the commune. Never throws for bad input: every problem is
 * an issue with file, line and column.
 */
export async function evaluateCommuneAt(communeFile: string, packFile?: string, dateOverride?: string): Promise<CommuneEvaluation> {
    const commune = await readCommuneFile(path.resolve(communeFile));
    const data = commune.data;
    if (!data) return { commune, issues: commune.issues };
    const fail = (field: string, message: string): CommuneEvaluation => ({
        commune,
        issues: [{ file: commune.file, severity: 'error', path: [field], message, ...commune.positionOf([field]) }]
    });
    const named = packFile ? path.resolve(packFile) : packOf(commune);
    if (!named) return fail('bộ tiêu chí', 'tệp xã không ghi «bộ tiêu chí» và lệnh không chỉ định tệp .ntm.');
    const givenDate = dateOverride ?? data['ngày đánh giá'];
    const date = parseDate(givenDate);
    if (!date) {
        return dateOverride !== undefined
            ? {
                  commune,
                  issues: [
                      {
                          file: commune.file,
                          severity: 'error',
                          path: ['--ngày'],
                          message: `Ngày đánh giá «${shortText(dateOverride)}» không hợp lệ: ${dateProblem(dateOverride).reason}.`,
                          line: 1,
                          column: 1
                      }
                  ]
              }
            : fail(
                  'ngày đánh giá',
                  `Ngày đánh giá «${shortText(givenDate)}» không hợp lệ: ${typeof givenDate === 'string' ? dateProblem(givenDate).reason : 'viết YYYY-MM-DD hoặc dd/mm/yyyy'}.`
              );
    }
    const selection = await selectPack(named, { level: data['cấp'], province: data['tỉnh'], date });
    // The field to correct; the folder given on the command line, not in the file, is no field of it.
    if ('error' in selection) return fail(packFile && selection.field === 'bộ tiêu chí' ? 'ngày đánh giá' : selection.field, selection.error);
    const pack = selection.pack;
    const loaded = await evaluatorFor(pack).catch((error: Error) => error);
    if (loaded instanceof Error) return fail('bộ tiêu chí', `không đọc được bộ tiêu chí (${loaded.message}).`);
    if (!loaded.evaluator) {
        return { commune, packFile: pack, issues: loaded.compiled.issues.filter(i => i.severity === 'error') };
    }
    // The village-level packs the pack counts villages of, each compiled once like any pack.
    const villageEvaluators = new Map<string, EvaluatorModule>();
    for (const { written, file } of villagePackFiles(pack, loaded.evaluator)) {
        const village = await evaluatorFor(file).catch(() => undefined);
        if (village?.evaluator) villageEvaluators.set(written, village.evaluator);
    }
    const evaluated = evaluateWith(commune, loaded.evaluator, { date: dateOverride, packChosenByDate: selection.note !== undefined, villageEvaluators });
    return {
        commune,
        packFile: pack,
        ...(selection.note ? { selectionNote: selection.note } : {}),
        ...(loaded.compiled.locations ? { locations: loaded.compiled.locations } : {}),
        ...evaluated
    };
}

export type { FileIssue };
