// The other inputs of an evaluation beside the facts: the members of collections and the entered scores.

import type { InputIssue } from './result-types.js';
import type { Rational } from './exact-numbers.js';
import type { EnteredScores } from './fact-table.js';
import { inputIssue } from './fact-table.js';
import { normalizeName, shortText } from './names.js';
import { isPlainObject, parseNumber } from './number-input.js';

const canonical = normalizeName;

/** `{ "thôn": ["Thọ Am", "Nội Am"] }`: each collection's members, named once each. */
export function readCollections(lists: unknown, issues: InputIssue[]): Map<string, readonly string[]> {
    const collections = new Map<string, readonly string[]>();
    if (lists === undefined || lists === null) return collections;
    if (!isPlainObject(lists)) {
        issues.push(inputIssue('error', 'invalid-list', ['danh sách'], 'Danh sách phải là { "thôn": ["tên", …] }.'));
        return collections;
    }
    for (const [key, value] of Object.entries(lists)) {
        if (!Array.isArray(value) || !value.every(v => typeof v === 'string' && v.trim() !== '')) {
            issues.push(inputIssue('error', 'invalid-list', ['danh sách', key], 'Cần một mảng tên, vd. ["Thọ Am", "Nội Am"].'));
            continue;
        }
        const names = value.map(v => canonical(v as string));
        const unique = new Set(names);
        if (unique.size < names.length) {
            const seen = new Set<string>();
            const twice = names.find(n => seen.has(n) || !seen.add(n));
            issues.push(inputIssue('error', 'invalid-list', ['danh sách', key], `«${shortText(twice ?? '')}» có hai lần trong danh sách.`));
        }
        collections.set(canonical(key), [...unique]);
    }
    return collections;
}

/** Verified and self-assessed scores by indicator label, and the verified ones given against the evidence. */
export function readScores(verified: unknown, self: unknown, againstEvidence: unknown, issues: InputIssue[]): EnteredScores {
    const numbers = (input: unknown, field: string): Map<string, Rational> => {
        const out = new Map<string, Rational>();
        if (input === undefined || input === null) return out;
        if (!isPlainObject(input)) {
            issues.push(inputIssue('error', 'invalid-score', [field], 'Cần { "mã chỉ tiêu": điểm }.'));
            return out;
        }
        for (const [label, value] of Object.entries(input)) {
            const parsed = parseNumber(value);
            if (typeof parsed === 'string') {
                issues.push(inputIssue('error', 'invalid-score', [field, label], parsed));
            } else {
                out.set(canonical(label), parsed.r);
            }
        }
        return out;
    };
    const reasons = new Map<string, string>();
    if (isPlainObject(againstEvidence)) {
        for (const [label, why] of Object.entries(againstEvidence)) reasons.set(canonical(label), String(why));
    }
    return { verified: numbers(verified, 'điểm thẩm tra'), self: numbers(self, 'điểm tự chấm'), againstEvidence: reasons };
}
