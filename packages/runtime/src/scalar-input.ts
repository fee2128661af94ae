// One value of a fact, read by the fact's kind: yes/no, a level, a date, a number (or a range of one).

import type { FactSpec, InputIssue } from './result-types.js';
import type { ContradictionScalar, Scalar } from './fact-table.js';
import { inputIssue } from './fact-table.js';
import { dateProblem, parseDate } from './dates.js';
import { foldDiacritics, normalizeName } from './names.js';
import { checkRange, readNumberScalar, show } from './number-input.js';
import { ConvertedInput, converted } from './unit-input.js';

const canonical = normalizeName;

/** A level by its name, or by its name in other letter case when only one level has it («Mức độ 2»). */
function levelIndex(levels: readonly string[], name: string): number {
    const exact = levels.indexOf(name);
    if (exact >= 0) return exact;
    const folded = name.toLocaleLowerCase('vi');
    const matches = levels.flatMap((level, i) => (level.toLocaleLowerCase('vi') === folded ? [i] : []));
    return matches.length === 1 ? matches[0]! : -1;
}

/** A value that should be a date: a day that does not exist is named as such, anything else gets the formats. */
export function notADateMessage(value: unknown): string {
    if (typeof value === 'string') {
        const problem = dateProblem(value);
        if (!problem.format) return `Không có ngày ${show(value)}: ${problem.reason}.`;
    }
    return `Cần một ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy, nhận được ${show(value)}.`;
}

function readValue(spec: FactSpec, path: readonly string[], value: unknown, issues: InputIssue[]): Exclude<Scalar, ContradictionScalar> | undefined {
    const fail = (message: string): undefined => {
        issues.push(inputIssue('error', 'invalid-value', path, message));
        return undefined;
    };
    switch (spec.kind) {
        case 'boolean': {
            if (value === true || value === 'có') return { t: 'bool', b: true };
            if (value === false || value === 'không') return { t: 'bool', b: false };
            // «Có», «KHÔNG»: as a spreadsheet's cell is read, whatever the letter case (folded only when not exact).
            // «TRUE»/«FALSE» is how a spreadsheet saved as CSV writes its yes/no cells.
            const word = typeof value === 'string' ? canonical(value).toLocaleLowerCase('vi') : undefined;
            if (word === 'có' || word === 'true') return { t: 'bool', b: true };
            if (word === 'không' || word === 'false') return { t: 'bool', b: false };
            // «co», «cò», «khong»: never guessed (a wrong tone is another word), but the word meant is named.
            const meant = word === undefined ? undefined : foldDiacritics(word) === 'co' ? 'có' : foldDiacritics(word) === 'khong' ? 'không' : undefined;
            return fail(`Cần «có» hoặc «không» (hay true/false), nhận được ${show(value)}.${meant ? ` Viết đủ dấu: «${meant}».` : ''}`);
        }
        case 'level': {
            const index = typeof value === 'string' ? levelIndex(spec.levels ?? [], canonical(value)) : -1;
            if (index < 0) {
                return fail(`Cần một mức trong: ${(spec.levels ?? []).join(', ')}; nhận được ${show(value)}.`);
            }
            return { t: 'level', i: index, name: (spec.levels ?? [])[index] ?? '' };
        }
        case 'date': {
            const iso = typeof value === 'string' ? parseDate(value) : undefined;
            return iso ? { t: 'date', iso } : fail(notADateMessage(value));
        }
        default:
            return readNumberScalar(spec, value, fail);
    }
}

export function readPlainScalar(
    spec: FactSpec,
    path: readonly string[],
    value: unknown,
    issues: InputIssue[]
): Exclude<Scalar, ContradictionScalar> | undefined {
    if (!(value instanceof ConvertedInput)) return readValue(spec, path, value, issues);
    // Read as written (a count of 3,138 km is not refused for its decimals), checked once converted.
    const scalar = readNumberScalar({ ...spec, kind: spec.kind === 'count' ? 'quantity' : spec.kind }, value.value, message => {
        issues.push(inputIssue('error', 'invalid-value', path, message));
        return undefined;
    });
    if (!scalar) return undefined;
    const result = converted(scalar, value);
    const problem = checkRange(spec, result.r);
    if (problem) {
        issues.push(inputIssue('error', 'invalid-value', path, `${problem} (đổi từ ${result.written})`));
        return undefined;
    }
    return result;
}
